// Han folding for the term matcher (issue #10): simplified, traditional and Japanese (shinjitai)
// forms of a character are one character to the matcher, on every page and in every language,
// including mixed text (中國共産黨: traditional 國 and 黨 with Japanese 産).
//
// Build time: every matcher pattern is folded to canonical (simplified) characters, and the pairs
// that can matter — variant -> canonical for the canonical characters the patterns use — are
// shipped with the compiled matcher (CompiledMatcher.hanFold, a few hundred pairs, not the 20 KB
// search table). Page time: the normalised text is folded with them before the automaton runs;
// folding is one BMP unit to one BMP unit, so offsets stay the same.
//
// The pairs come from lib/core/search/han-fold-table.ts (generated from opencc-js and checked by
// scripts/search-fold.test.ts), so the matcher and the search fold Han characters the same way.

/** Lookup over CJK Unified Ideographs and Extension A (U+3400..U+9FFF); 0 = no fold. */
export type HanFoldTable = Uint16Array;

const LO = 0x3400;
const HI = 0x9fff;

/** Pairs string (2 units per pair: variant, canonical) -> lookup (54 KB; identity elsewhere). */
export function hanFoldTable(pairs: string): HanFoldTable {
  const t = new Uint16Array(HI - LO + 1);
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const c = pairs.charCodeAt(i);
    const to = pairs.charCodeAt(i + 1);
    // both in range: a fold to a compatibility ideograph would be undone by NFKC on one side only
    if (c >= LO && c <= HI && to >= LO && to <= HI) t[c - LO] = to;
  }
  return t;
}

const at = (t: HanFoldTable, c: number): number => (c >= LO && c <= HI ? t[c - LO]! || c : c);

/** `s` with every unit folded; the same string when nothing changes. Same length always. */
export function foldHan(s: string, t: HanFoldTable): string {
  let i = 0;
  const n = s.length;
  while (i < n && at(t, s.charCodeAt(i)) === s.charCodeAt(i)) i++;
  if (i === n) return s;
  const out = new Uint16Array(n);
  for (let k = 0; k < n; k++) out[k] = at(t, s.charCodeAt(k));
  let r = '';
  for (let k = 0; k < n; k += 8192) r += String.fromCharCode(...out.subarray(k, Math.min(n, k + 8192)));
  return r;
}

/**
 * Build time: the pairs of `allPairs` whose canonical character occurs in `patterns` (already
 * folded): text characters that fold to anything else can never be part of a match.
 */
export function restrictHanFold(allPairs: string, patterns: Iterable<string>): string {
  const used = new Set<number>();
  for (const p of patterns) for (let k = 0; k < p.length; k++) used.add(p.charCodeAt(k));
  const keep: string[] = [];
  for (let i = 0; i + 1 < allPairs.length; i += 2) {
    if (used.has(allPairs.charCodeAt(i + 1))) keep.push(allPairs.slice(i, i + 2));
  }
  return keep.join('');
}
