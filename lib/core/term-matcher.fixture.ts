// Test fixture for the term-matcher tests: small matchers, an indexOf oracle and seeded random
// patterns. Tests only.
import {
  compileMatcher,
  createMatcher,
  findTermMatches,
  isWordUnit,
  type MatcherEntry,
} from './term-matcher.ts';

export function build(entries: Array<[string, number, number?]>, nConcepts?: number) {
  const n = nConcepts ?? Math.max(0, ...entries.map((e) => e[1] + 1));
  const ids = Array.from({ length: n }, (_, k) => `c${k}`);
  const categories = Array.from({ length: n }, (_, k) => (k % 2 ? 'plan' : 'formulation'));
  const data = compileMatcher(
    entries.map(([text, concept, flags]) => ({ text, concept, flags: flags ?? 0 })),
    { ids, categories },
  );
  return { data, m: createMatcher(data) };
}

export const spans = (m: ReturnType<typeof createMatcher>, s: string, ctx?: 'page' | 'corpus') =>
  findTermMatches(m, s, ctx ? { context: ctx } : undefined).map((x) => [
    s.slice(x.start, x.end),
    x.conceptId,
  ]);

/** Oracle: all indexOf occurrences, then greedy leftmost-longest. First pattern wins ties. */
export function oracle(patterns: string[], text: string, boundary = false): Array<[number, number, number]> {
  const all: Array<[number, number, number]> = [];
  patterns.forEach((p, k) => {
    if (patterns.indexOf(p) !== k || p.length === 0) return;
    for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) {
      const e = i + p.length;
      if (boundary) {
        if (isWordUnit(p.charCodeAt(0)) && i > 0 && isWordUnit(text.charCodeAt(i - 1))) continue;
        if (isWordUnit(p.charCodeAt(p.length - 1)) && e < text.length && isWordUnit(text.charCodeAt(e)))
          continue;
      }
      all.push([i, e, k]);
    }
  });
  all.sort((a, b) => a[0] - b[0] || b[1] - a[1] || a[2] - b[2]);
  const out: Array<[number, number, number]> = [];
  let pos = 0;
  for (const c of all) {
    if (c[0] < pos) continue;
    out.push(c);
    pos = c[1];
  }
  return out;
}

export const CJK =
  '的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明';
export const LAT = 'abcdefghijklmnopqrstuvwxyz';

/**
 * 3000 seeded random patterns, alternating Latin (5-9 letters) and CJK (2-6 characters), over
 * `concepts` concepts. Returns the generator too, to go on drawing from the same sequence.
 */
export function randomPatterns(seed: number, concepts: number, flags: (k: number) => number = () => 0) {
  const rnd = (k: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % k;
  };
  const pats: MatcherEntry[] = [];
  for (let k = 0; k < 3000; k++) {
    const cj = k % 2 === 1;
    const L = (cj ? 2 : 5) + rnd(5);
    let t = '';
    for (let q = 0; q < L; q++) t += cj ? CJK[rnd(CJK.length)] : LAT[rnd(26)];
    pats.push({ text: t, concept: k % concepts, flags: flags(k) });
  }
  return { pats, rnd };
}
