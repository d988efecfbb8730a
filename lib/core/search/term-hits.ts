// Query understanding, the ranking: BM25-like scores over the understood terms (OR semantics:
// a passage holding more and rarer terms ranks higher; a named concept weighs more than a word),
// and the confidence floor: a passage holding too little of the query is never answered.
import { toOriginal } from './prepared-passage.ts';
import type { PreparedPassage } from './prepared-passage.ts';
import type { Candidates } from './rank.ts';
import {
  COVERAGE_FLOOR_LONG,
  COVERAGE_FLOOR_SHORT,
  CROSS_SCRIPT_WEIGHT,
  LONG_TERMS,
  SHORT_TERMS,
  UNSEEN_WITH_CONCEPT,
} from './tunables.ts';
import type { Term, Understood } from './understand.ts';

/** Marks per passage from the terms (the best terms first). */
const MARKS_MAX = 6;

export interface TermScores {
  /** Best share of the query's weight each passage holds (over the readings). */
  coverage: Map<number, number>;
  /** The floor for this query; 1 when it has no terms. */
  floor: number;
  /** Content terms of the best reading (0: the query has nothing to weigh). */
  termCount: number;
}

function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

export function floorFor(termCount: number): number {
  if (termCount <= SHORT_TERMS) return COVERAGE_FLOOR_SHORT;
  if (termCount >= LONG_TERMS) return COVERAGE_FLOOR_LONG;
  const t = (termCount - SHORT_TERMS) / (LONG_TERMS - SHORT_TERMS);
  return COVERAGE_FLOOR_SHORT + t * (COVERAGE_FLOOR_LONG - COVERAGE_FLOOR_SHORT);
}

interface Scored {
  cov: number;
  terms: Term[];
  reading: Term[];
}

function scoreReading(
  reading: Term[],
  n: number,
  cjk: (pi: number) => boolean,
  best: Map<number, Scored>,
): void {
  const named = reading.some((t) => t.kind === 'concept' && t.at.size > 0);
  const weights = reading.map(
    (t) => t.weight * idf(t.at.size, n) * (named && t.at.size === 0 ? UNSEEN_WITH_CONCEPT : 1),
  );
  // A group (alternative concepts for one part of the query) weighs as its first member, the one
  // the query names best (terms come best first); a passage holding another gets at most that.
  const groupOf = (i: number) => reading[i]!.group ?? `#${i}`;
  const groupWeight = new Map<string, number>();
  weights.forEach((w, i) => {
    if (!groupWeight.has(groupOf(i))) groupWeight.set(groupOf(i), w);
  });
  const total = [...groupWeight.values()].reduce((a, b) => a + b, 0);
  if (total <= 0) return;
  // A passage in CJK script cannot hold an English word: such words weigh less in its total.
  let latinOnly = 0;
  reading.forEach((t, i) => {
    if (t.latinOnly && !t.group) latinOnly += weights[i]!;
  });
  const totalCjk = total - (1 - CROSS_SCRIPT_WEIGHT) * latinOnly;
  const sums = new Map<number, { g: Map<string, number>; terms: Term[] }>();
  reading.forEach((t, i) => {
    for (const [pi, at] of t.at) {
      let e = sums.get(pi);
      if (!e) sums.set(pi, (e = { g: new Map(), terms: [] }));
      const g = groupOf(i);
      e.g.set(g, Math.min(groupWeight.get(g)!, Math.max(e.g.get(g) ?? 0, weights[i]! * at.w)));
      e.terms.push(t);
    }
  });
  for (const [pi, { g, terms }] of sums) {
    let s = 0;
    for (const v of g.values()) s += v;
    const cov = Math.min(1, s / (cjk(pi) ? totalCjk : total));
    const prev = best.get(pi);
    if (!prev || cov > prev.cov) best.set(pi, { cov, terms, reading });
  }
}

/** Scores the passages, adds those above the floor to `cands`, returns the coverage of each. */
export function addTermHits(
  u: Understood,
  prepared: readonly PreparedPassage[],
  cjk: Uint8Array,
  cands: Candidates,
  conceptRanges: (id: string, pi: number) => Array<[number, number]>,
): TermScores {
  const best = new Map<number, Scored>();
  for (const r of u.readings) scoreReading(r, prepared.length, (pi) => cjk[pi] === 1, best);
  const termCount = Math.max(0, ...u.readings.map((r) => r.length));
  const floor = termCount ? floorFor(termCount) : 1;
  const coverage = new Map<number, number>();
  for (const [pi, s] of best) {
    coverage.set(pi, s.cov);
    if (s.cov < floor || s.reading.length === 0) continue;
    const pp = prepared[pi]!;
    const ranges: Array<[number, number]> = [];
    const byWeight = [...s.terms].sort((a, b) => b.weight - a.weight);
    for (const t of byWeight) {
      if (ranges.length >= MARKS_MAX) break;
      if (t.kind === 'concept') ranges.push(...conceptRanges(t.key, pi).slice(0, 2));
      else {
        const at = t.at.get(pi)!;
        ranges.push(toOriginal(pp, at.pos, at.pos + at.len));
      }
    }
    const named = s.terms.some((t) => t.kind === 'concept');
    // Concept matches rank with the concept tier, plain words after the all-words hits.
    const score = named ? 0.12 + 0.08 * (1 - s.cov) : 0.2 + 0.2 * (1 - s.cov);
    cands.add({ pi, kind: named ? 'concept' : 'fuzzy', score, ranges });
  }
  return { coverage, floor, termCount };
}
