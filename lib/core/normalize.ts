// Text normalisation shared by the matcher, the build and the search core.
//
// normalizeForMatch() is the matcher's view of a string: NFKC, lower case, folded dashes,
// quotes, middle dots and spaces, zero-width/bidi marks removed. It also returns `map`, which
// ties every normalised UTF-16 unit back to the original string so that a match can be mapped
// back exactly (toOriginalSpan).
//
// Pure TypeScript: no DOM, no dependencies. Runs on whole pages in the content script, so the
// hot loop works on char codes with per-code-point caches (no regex, no per-char strings).

export interface Normalized {
  /** The normalised text. */
  text: string;
  /**
   * map[i] = UTF-16 index in the original string of the start of the source unit that produced
   * normalised unit i. Non-decreasing. Length text.length + 1; map[text.length] = s.length.
   * A source unit is a code point (a surrogate pair counts as one), or a base character with the
   * combining marks that follow it; characters that are removed (zero-width, bidi marks, variation
   * selectors) and extra whitespace in a run are absorbed by the preceding unit.
   */
  map: Int32Array;
}

// ---------------------------------------------------------------------------------------------
// Character classes

/** Kinds stored in the BMP cache (low 3 bits); CONT is a flag. */
const K_UNKNOWN = 0;
const K_IDENT = 1; // output the code unit unchanged
const K_MAPPED = 2; // output REPL[c]
const K_REMOVED = 3; // output nothing
const K_SPACE = 4; // output one space (runs collapse)
const K_MASK = 7;
const F_CONT = 8; // combining: continues the preceding cluster

// Per-BMP-unit kind cache, filled lazily by classifyBmp. The 64 KB table itself is allocated on
// first use: the content script loads in every frame, most of which never normalise anything.
let KIND: Uint8Array | undefined;
function kindTable(): Uint8Array {
  return (KIND ??= new Uint8Array(0x10000));
}
const REPL: string[] = [];
const ASTRAL = new Map<number, string>();
const ASTRAL_KIND = new Map<number, number>();

/** Characters removed outright. */
function isRemovedCp(cp: number): boolean {
  return (
    cp === 0x00ad || // soft hyphen
    cp === 0x034f || // combining grapheme joiner
    cp === 0x061c || // arabic letter mark
    cp === 0x115f ||
    cp === 0x1160 || // hangul fillers
    cp === 0x17b4 ||
    cp === 0x17b5 ||
    (cp >= 0x180b && cp <= 0x180f) || // mongolian free variation selectors, vowel separator
    (cp >= 0x200b && cp <= 0x200f) || // ZWSP ZWNJ ZWJ LRM RLM
    (cp >= 0x202a && cp <= 0x202e) || // bidi embeddings and overrides
    (cp >= 0x2060 && cp <= 0x206f) || // word joiner, invisible operators, bidi isolates, deprecated
    cp === 0x3164 ||
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    cp === 0xfeff || // BOM / ZWNBSP
    cp === 0xffa0 ||
    (cp >= 0xfff0 && cp <= 0xfff8) ||
    cp === 0x1bca0 ||
    cp === 0x1bca1 ||
    cp === 0x1bca2 ||
    cp === 0x1bca3 ||
    (cp >= 0x1d173 && cp <= 0x1d17a) ||
    (cp >= 0xe0000 && cp <= 0xe0fff) // tags, variation selectors supplement
  );
}

function isSpaceCp(cp: number): boolean {
  return (
    (cp >= 9 && cp <= 13) ||
    cp === 0x20 ||
    cp === 0x85 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

const MARK_RE = /^\p{M}$/u;

function isContCp(cp: number): boolean {
  if (cp < 0x300) return false;
  if (isRemovedCp(cp)) return false;
  // Halfwidth katakana voiced marks (Lm) compose under NFKC; conjoining jamo V/T compose too.
  if (cp === 0xff9e || cp === 0xff9f) return true;
  if ((cp >= 0x1161 && cp <= 0x11ff) || (cp >= 0xd7b0 && cp <= 0xd7ff)) return true;
  return MARK_RE.test(String.fromCodePoint(cp));
}

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

function classifyBmp(c: number): number {
  let kind: number;
  if (c >= 0xd800 && c <= 0xdfff) {
    kind = K_MAPPED; // only reached for lone surrogates
    REPL[c] = '\ufffd';
  } else if (isRemovedCp(c)) kind = K_REMOVED;
  else if (isSpaceCp(c)) kind = K_SPACE;
  else {
    const f = foldCluster(String.fromCharCode(c), true);
    if (f.length === 1 && f.charCodeAt(0) === c) kind = K_IDENT;
    else if (f.length === 0) kind = K_REMOVED;
    else if (f === ' ') kind = K_SPACE;
    else {
      kind = K_MAPPED;
      REPL[c] = f;
    }
  }
  if (isContCp(c)) kind |= F_CONT;
  kindTable()[c] = kind;
  return kind;
}

// ASCII table: 0 identity, 1 upper (add 32), 2 space
const ASCII = new Uint8Array(128);
for (let c = 65; c <= 90; c++) ASCII[c] = 1;
for (let c = 9; c <= 13; c++) ASCII[c] = 2;
ASCII[32] = 2;

/** Kind of the code point starting at s[i] (for lookahead), without consuming. */
function kindAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0x300) return 0;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
      let k = ASTRAL_KIND.get(cp);
      if (k === undefined) {
        k = isRemovedCp(cp) ? K_REMOVED : isContCp(cp) ? K_IDENT | F_CONT : K_IDENT;
        if (ASTRAL_KIND.size > 4096) ASTRAL_KIND.clear();
        ASTRAL_KIND.set(cp, k);
      }
      return k;
    }
  }
  const k = kindTable()[c]!;
  return k === K_UNKNOWN ? classifyBmp(c) : k;
}

// ---------------------------------------------------------------------------------------------
// Output buffers (module-level, reused; allocated on first use)

const MIN_BUF = 1024;
let OUT = new Uint16Array(0);
let MAP = new Int32Array(1);

function grow(need: number): void {
  let cap = OUT.length;
  while (cap < need) cap *= 2;
  const o = new Uint16Array(cap);
  o.set(OUT);
  OUT = o;
  const m = new Int32Array(cap + 1);
  m.set(MAP);
  MAP = m;
}

function bufToString(buf: Uint16Array, len: number): string {
  if (len === 0) return '';
  const CH = 8192;
  if (len <= CH) return String.fromCharCode.apply(null, buf.subarray(0, len) as unknown as number[]);
  const parts: string[] = [];
  for (let p = 0; p < len; p += CH) {
    parts.push(
      String.fromCharCode.apply(null, buf.subarray(p, Math.min(len, p + CH)) as unknown as number[]),
    );
  }
  return parts.join('');
}

/**
 * Normalise `s` for matching and return the map back to original offsets.
 * Never throws; lone surrogates become U+FFFD.
 */
export function normalizeForMatch(s: string): Normalized {
  const n = s.length;
  const kinds = kindTable();
  if (OUT.length < n + 32) {
    const cap = Math.max(n + 32, MIN_BUF);
    OUT = new Uint16Array(cap);
    MAP = new Int32Array(cap + 1);
  }
  let out = OUT;
  let map = MAP;
  let o = 0;
  let lastSpace = false;
  let i = 0;
  while (i < n) {
    // ---- fastest path: runs of characters that map to themselves (or ASCII upper -> lower)
    // and are not followed by a combining mark
    const cap = out.length;
    while (i < n && o < cap) {
      const c = s.charCodeAt(i);
      let r: number;
      if (c < 0x80) {
        const a = ASCII[c]!;
        if (a === 2) break;
        r = a === 1 ? c + 32 : c;
      } else {
        if (kinds[c] !== K_IDENT) break;
        r = c;
      }
      const d = s.charCodeAt(i + 1); // NaN at the end: comparisons are false
      if (d >= 0x300 && (kinds[d]! & F_CONT || kinds[d] === K_UNKNOWN)) break;
      out[o] = r;
      map[o++] = i++;
      lastSpace = false;
    }
    if (i >= n) break;
    const c = s.charCodeAt(i);
    // ---- ASCII fast path
    if (c < 0x80) {
      // a following combining mark makes this a cluster
      // (whitespace never starts a cluster: its marks stand alone, so runs collapse context-free)
      if (ASCII[c] !== 2 && i + 1 < n && s.charCodeAt(i + 1) >= 0x300 && (kindAt(s, i + 1) & F_CONT) !== 0) {
        // fall through to the cluster path below
      } else {
        const a = ASCII[c]!;
        if (a === 2) {
          if (!lastSpace) {
            if (o + 1 > out.length) {
              grow(o + 1);
              out = OUT;
              map = MAP;
            }
            out[o] = 32;
            map[o++] = i;
            lastSpace = true;
          }
        } else {
          if (o + 1 > out.length) {
            grow(o + 1);
            out = OUT;
            map = MAP;
          }
          out[o] = a === 1 ? c + 32 : c;
          map[o++] = i;
          lastSpace = false;
        }
        i++;
        continue;
      }
    }
    // ---- general path: find the code point and its kind
    let cpLen = 1;
    let kind: number;
    let repl: string | undefined;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cpLen = 2;
        const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        let f = ASTRAL.get(cp);
        if (f === undefined) {
          f = isRemovedCp(cp) ? '' : foldCluster(s.slice(i, i + 2), true);
          if (ASTRAL.size > 4096) ASTRAL.clear();
          ASTRAL.set(cp, f);
        }
        if (f.length === 0) kind = K_REMOVED;
        else if (f === ' ') kind = K_SPACE;
        else {
          kind = K_MAPPED;
          repl = f;
        }
        if (f.length > 0 && isContCp(cp)) kind |= F_CONT;
      } else {
        kind = kinds[c]! || classifyBmp(c);
      }
    } else {
      // ASCII gets here only as the base of a cluster (see the fast path): folded as a cluster below
      kind = c < 0x80 ? K_MAPPED : kinds[c]! || classifyBmp(c);
    }
    const base = kind & K_MASK;
    if (base === K_REMOVED) {
      // absorbed by the preceding unit
      i += cpLen;
      continue;
    }
    // cluster: base followed by combining marks
    let j = i + cpLen;
    if (base !== K_SPACE && j < n && s.charCodeAt(j) >= 0x300 && (kindAt(s, j) & F_CONT) !== 0) {
      while (j < n && s.charCodeAt(j) >= 0x300) {
        const k = kindAt(s, j);
        if ((k & F_CONT) === 0) break;
        const cj = s.charCodeAt(j);
        j += cj >= 0xd800 && cj <= 0xdbff && j + 1 < n && (s.charCodeAt(j + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      }
      repl = foldCluster(s.slice(i, j), true);
    } else if (base === K_SPACE) {
      if (!lastSpace) {
        if (o + 1 > out.length) {
          grow(o + 1);
          out = OUT;
          map = MAP;
        }
        out[o] = 32;
        map[o++] = i;
        lastSpace = true;
      }
      i = j;
      continue;
    } else if (base === K_IDENT) {
      if (o + cpLen > out.length) {
        grow(o + cpLen);
        out = OUT;
        map = MAP;
      }
      out[o] = c;
      map[o++] = i;
      if (cpLen === 2) {
        out[o] = s.charCodeAt(i + 1);
        map[o++] = i;
      }
      lastSpace = false;
      i = j;
      continue;
    } else if (repl === undefined) {
      // K_MAPPED (or a standalone combining mark)
      repl = cpLen === 1 ? (REPL[c] ?? String.fromCharCode(c)) : s.slice(i, i + 2);
    }
    // Emit `repl` (a folded cluster or a mapped unit), collapsing runs of spaces.
    if (o + repl.length > out.length) {
      grow(o + repl.length);
      out = OUT;
      map = MAP;
    }
    for (let k = 0; k < repl.length; k++) {
      const r = repl.charCodeAt(k);
      if (r === 32) {
        if (lastSpace) continue;
        lastSpace = true;
      } else lastSpace = false;
      out[o] = r;
      map[o++] = i;
    }
    i = j;
  }
  const text = bufToString(out, o);
  map[o] = n;
  if (OUT.length > 1 << 16) {
    // large input: hand the buffer over instead of copying it, and do not keep it alive
    OUT = new Uint16Array(0);
    MAP = new Int32Array(1);
    return { text, map: map.subarray(0, o + 1) };
  }
  return { text, map: map.slice(0, o + 1) };
}

/**
 * Map a normalised range [a, b) back to the original string: [start, end). The range is widened
 * to whole source units (a code point, a base + combining marks, or all of an NFKC expansion such
 * as ㍻ -> 平成), so it never splits a surrogate pair. When `original` is given, removed
 * characters (zero-width, bidi marks) and extra whitespace trailing the last unit are trimmed.
 */
export function toOriginalSpan(map: Int32Array, a: number, b: number, original?: string): [number, number] {
  const len = map.length - 1;
  if (len < 0) return [0, 0];
  if (a < 0) a = 0;
  if (b > len) b = len;
  if (a > len) a = len;
  if (b <= a) {
    const p = map[a]!;
    return [p, p];
  }
  const start = map[a]!;
  const last = map[b - 1]!;
  let k = b;
  while (k < len && map[k] === last) k++;
  let end = map[k]!;
  if (original !== undefined && end - last > 1) {
    // find the end of the last unit itself, then trim what it absorbed
    const lastUnitText = last; // index of unit start
    while (end - 1 > lastUnitText) {
      const ch = original.charCodeAt(end - 1);
      if ((ch & 0xfc00) === 0xdc00 && end - 2 >= lastUnitText) {
        const hi = original.charCodeAt(end - 2);
        if ((hi & 0xfc00) === 0xd800) {
          const cp = ((hi - 0xd800) << 10) + (ch - 0xdc00) + 0x10000;
          if (isRemovedCp(cp) && end - 2 > lastUnitText) {
            end -= 2;
            continue;
          }
          break;
        }
      }
      if (isRemovedCp(ch) || (isSpaceCp(ch) && isSpaceCp(original.charCodeAt(lastUnitText)))) end--;
      else break;
    }
  }
  return [start, end];
}

/** The same folding as normalizeForMatch, for queries and keys; trimmed, no map. */
export function normalizeQuery(s: string): string {
  return normalizeForMatch(s).text.trim();
}

/**
 * Fold like normalizeForMatch but keep letter case (used by the matcher to check
 * case-sensitive aliases). Slow path; for short strings.
 */
export function normalizePreservingCase(s: string): string {
  let out = '';
  let i = 0;
  const n = s.length;
  let lastSpace = false;
  while (i < n) {
    const c = s.charCodeAt(i);
    let j =
      i + (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1);
    while (!isSpaceCp(c) && j < n && s.charCodeAt(j) >= 0x300 && (kindAt(s, j) & F_CONT) !== 0) {
      const cj = s.charCodeAt(j);
      j += cj >= 0xd800 && cj <= 0xdbff && j + 1 < n && (s.charCodeAt(j + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    }
    const f = foldCluster(s.slice(i, j), false);
    for (let k = 0; k < f.length; k++) {
      const ch = f[k]!;
      if (ch === ' ') {
        if (lastSpace) continue;
        lastSpace = true;
      } else lastSpace = false;
      out += ch;
    }
    i = j;
  }
  return out.trim();
}
