// Normalisation, slow exact path: NFKC, case and punctuation folding of one code point or one
// cluster. Runs once per distinct character (the kind caches keep its result) and per cluster.

import { isRemovedCp, isSpaceCp } from './normalize-classes.ts';

/** Fold one code unit after NFKC and lower-casing. Returns a string ('' = remove). */
function foldUnit(c: number): string {
  switch (c) {
    // dashes -> '-' (NOT U+30FC ー, NOT U+FF70 ｰ which NFKC makes ー)
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0x2e3a:
    case 0x2e3b:
    case 0xfe58:
    case 0xfe63:
    case 0xff0d:
    case 0x2043:
      return '-';
    // single quotes -> '
    case 0x2018:
    case 0x2019:
    case 0x201a:
    case 0x201b:
    case 0x2039:
    case 0x203a:
    case 0xff07:
      return "'";
    // double quotes -> "
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x201f:
    case 0x00ab:
    case 0x00bb:
    case 0x301d:
    case 0x301e:
    case 0x301f:
    case 0xff02:
      return '"';
    // middle dots -> ・
    case 0x00b7:
    case 0x0387:
    case 0x2027:
    case 0x30fb:
    case 0xff65:
      return '\u30fb';
    // final sigma -> sigma (case folding)
    case 0x03c2:
      return '\u03c3';
    default:
      break;
  }
  if (isSpaceCp(c)) return ' ';
  if (isRemovedCp(c)) return '';
  return String.fromCharCode(c); // also a lone surrogate or half of a pair: kept
}

/** Replace lone surrogates with U+FFFD. */
function wellFormed(x: string): string {
  let bad = false;
  for (let k = 0; k < x.length; k++) {
    const c = x.charCodeAt(k);
    if ((c & 0xf800) !== 0xd800) continue;
    if (c <= 0xdbff && k + 1 < x.length && (x.charCodeAt(k + 1) & 0xfc00) === 0xdc00) {
      k++;
      continue;
    }
    bad = true;
    break;
  }
  if (!bad) return x;
  let out = '';
  for (let k = 0; k < x.length; k++) {
    const c = x.charCodeAt(k);
    if ((c & 0xf800) !== 0xd800) out += x[k];
    else if (c <= 0xdbff && k + 1 < x.length && (x.charCodeAt(k + 1) & 0xfc00) === 0xdc00) {
      out += x.slice(k, k + 2);
      k++;
    } else out += '\ufffd';
  }
  return out;
}

/**
 * Slow, exact folding of a short string (one code point or one cluster). `lower` = apply case
 * folding. Lone surrogates become U+FFFD.
 */
export function foldCluster(x: string, lower: boolean): string {
  const w = wellFormed(x);
  let y = w.normalize('NFKC');
  // Spacing diacritics (゛ ´ ¨ ￣ ...) decompose to a space + combining mark, which would make the
  // result depend on a preceding space (runs collapse): keep them as they are.
  if (y.charCodeAt(0) === 32 && !isSpaceCp(w.charCodeAt(0))) y = w.normalize('NFC');
  if (lower) {
    // 'İ'.toLowerCase() is 'i̇' (two units): fold the dotted capital I to plain i.
    if (y.indexOf('\u0130') >= 0) y = y.replace(/\u0130/g, 'i');
    y = y.toLowerCase();
  }
  let out = '';
  for (let k = 0; k < y.length; k++) {
    const c = y.charCodeAt(k);
    if (c < 0x80 && !(c >= 9 && c <= 13)) out += y[k];
    else out += foldUnit(c);
  }
  return out;
}
