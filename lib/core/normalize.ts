// Text normalisation shared by the matcher, the build and the search core (page and build time).
//
// normalizeForMatch() is the matcher's view of a string: NFKC, lower case, folded dashes,
// quotes, middle dots and spaces, zero-width/bidi marks removed. It also returns `map`, which
// ties every normalised UTF-16 unit back to the original string so that a match can be mapped
// back exactly (toOriginalSpan).
//
// Pure TypeScript: no DOM, no dependencies. Runs on whole pages in the content script, so the
// hot loop works on char codes with per-code-point caches (normalize-kinds.ts; no regex, no
// per-char strings). Character classes: normalize-classes.ts; the exact slow fold:
// normalize-fold.ts.

import { isRemovedCp, isSpaceCp } from './normalize-classes.ts';
import { foldCluster } from './normalize-fold.ts';
import {
  ASCII,
  classifyBmp,
  clusterEnd,
  F_CONT,
  foldAstral,
  K_IDENT,
  K_MAPPED,
  K_MASK,
  K_REMOVED,
  K_SPACE,
  K_UNKNOWN,
  kindAt,
  kindTable,
  REPL,
} from './normalize-kinds.ts';

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
  const ascii = ASCII;
  if (OUT.length < n + 32) {
    const cap = Math.max(n + 32, MIN_BUF);
    OUT = new Uint16Array(cap);
    MAP = new Int32Array(cap + 1);
  }
  // Invariant: out.length - o >= n - i. Every step writes at most as many units as it consumes,
  // except the emission of a replacement (an NFKC expansion): only that one checks capacity.
  let out = OUT;
  let map = MAP;
  let o = 0;
  let lastSpace = false;
  let i = 0;
  while (i < n) {
    // ---- fastest path: runs of characters that map to themselves (or ASCII upper -> lower)
    // and are not followed by a combining mark
    while (i < n) {
      const c = s.charCodeAt(i);
      let r: number;
      if (c < 0x80) {
        const a = ascii[c]!;
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
    // ---- ASCII fast path; a following combining mark makes this the base of a cluster (general
    // path below), but whitespace never starts one: its marks stand alone, so runs collapse
    // context-free
    if (c < 0x80) {
      const a = ascii[c]!;
      if (a === 2 || !(i + 1 < n && s.charCodeAt(i + 1) >= 0x300 && (kindAt(s, i + 1) & F_CONT) !== 0)) {
        if (a !== 2) {
          out[o] = a === 1 ? c + 32 : c;
          map[o++] = i;
          lastSpace = false;
        } else if (!lastSpace) {
          out[o] = 32;
          map[o++] = i;
          lastSpace = true;
        }
        i++;
        continue;
      }
    }
    // ---- general path: find the code point and its kind
    let cpLen = 1;
    let kind: number;
    let repl: string | undefined;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      cpLen = 2;
      repl = foldAstral(s, i);
      kind = repl.length === 0 ? K_REMOVED : repl === ' ' ? K_SPACE : K_MAPPED;
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
      j = clusterEnd(s, j);
      repl = foldCluster(s.slice(i, j), true);
    } else if (base === K_SPACE) {
      if (!lastSpace) {
        out[o] = 32;
        map[o++] = i;
        lastSpace = true;
      }
      i = j;
      continue;
    } else if (base === K_IDENT) {
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
      repl = REPL[c] ?? String.fromCharCode(c);
    }
    // Emit `repl` (a folded cluster or a mapped unit), collapsing runs of spaces; keep room for
    // the rest of the input (the invariant above).
    if (o + repl.length + (n - j) > out.length) {
      grow(o + repl.length + (n - j));
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
    if (!isSpaceCp(c)) j = clusterEnd(s, j);
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
