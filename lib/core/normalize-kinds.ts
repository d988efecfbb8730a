// Normalisation, per-code-point caches for the hot loop of normalizeForMatch: the kind of every BMP
// unit (filled lazily), its replacement, the folds of astral code points, and the lookahead helpers
// that find where a cluster (base + combining marks) ends.

import { isContCp, isRemovedCp, isSpaceCp } from './normalize-classes.ts';
import { foldCluster } from './normalize-fold.ts';

/** Kinds stored in the BMP cache (low 3 bits); CONT is a flag. */
export const K_UNKNOWN = 0;
export const K_IDENT = 1; // output the code unit unchanged
export const K_MAPPED = 2; // output REPL[c]
export const K_REMOVED = 3; // output nothing
export const K_SPACE = 4; // output one space (runs collapse)
export const K_MASK = 7;
export const F_CONT = 8; // combining: continues the preceding cluster

// Per-BMP-unit kind cache, filled lazily by classifyBmp. The 64 KB table itself is allocated on
// first use: the content script loads in every frame, most of which never normalise anything.
let KIND: Uint8Array | undefined;
export function kindTable(): Uint8Array {
  return (KIND ??= new Uint8Array(0x10000));
}
/** Replacement of each K_MAPPED BMP unit. */
export const REPL: string[] = [];
const ASTRAL = new Map<number, string>();
const ASTRAL_KIND = new Map<number, number>();

/** ASCII table: 0 identity, 1 upper (add 32), 2 space. */
export const ASCII = new Uint8Array(128);
for (let c = 65; c <= 90; c++) ASCII[c] = 1;
for (let c = 9; c <= 13; c++) ASCII[c] = 2;
ASCII[32] = 2;

/** Classify BMP unit c (not yet in the cache), cache its kind (and replacement) and return it. */
export function classifyBmp(c: number): number {
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

/**
 * The fold of the astral code point whose surrogate pair starts at s[i] ('' = removed), cached.
 * The cache is bounded: astral text (emoji, rare Han) is open-ended.
 */
export function foldAstral(s: string, i: number): string {
  const cp = ((s.charCodeAt(i) - 0xd800) << 10) + (s.charCodeAt(i + 1) - 0xdc00) + 0x10000;
  let f = ASTRAL.get(cp);
  if (f === undefined) {
    f = isRemovedCp(cp) ? '' : foldCluster(s.slice(i, i + 2), true);
    if (ASTRAL.size > 4096) ASTRAL.clear();
    ASTRAL.set(cp, f);
  }
  return f;
}

/** Kind of the code point starting at s[i] (for lookahead), without consuming. */
export function kindAt(s: string, i: number): number {
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

/** The end of the run of combining marks (code points that continue a cluster) starting at s[j]. */
export function clusterEnd(s: string, j: number): number {
  const n = s.length;
  while (j < n && s.charCodeAt(j) >= 0x300) {
    const k = kindAt(s, j);
    if ((k & F_CONT) === 0) break;
    const cj = s.charCodeAt(j);
    j += cj >= 0xd800 && cj <= 0xdbff && j + 1 < n && (s.charCodeAt(j + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return j;
}
