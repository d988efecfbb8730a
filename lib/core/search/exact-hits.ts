// Stage 2: exact substring hits over the normalised, folded passages (kind 'exact').
import { toOriginal } from './prepared-passage.ts';
import type { PreparedPassage } from './prepared-passage.ts';
import type { Candidates } from './rank.ts';

/** Occurrences counted per passage (more rank it higher); beyond this the count stops mattering. */
const COUNT_MAX = 50;
/** Occurrences marked per passage: the first few. */
const MARKS_MAX = 3;

/** Passages that may hold a string (ascending), or null for "any": a prefilter that never drops a
 * passage holding it (segmented.ts: the passages of the chunks holding its rarest bigram). */
export type Holders = (s: string) => readonly number[] | null;

export function addExactHits(
  prepared: readonly PreparedPassage[],
  q: string,
  cands: Candidates,
  holders?: Holders,
): void {
  const only = holders?.(q) ?? null;
  const n = only ? only.length : prepared.length;
  for (let k = 0; k < n; k++) {
    const pi = only ? only[k]! : k;
    const pp = prepared[pi]!;
    let at = pp.text.indexOf(q);
    if (at < 0) continue;
    const ranges: Array<[number, number]> = [];
    let count = 0;
    while (at >= 0 && count < COUNT_MAX) {
      if (count < MARKS_MAX) ranges.push(toOriginal(pp, at, at + q.length));
      count++;
      at = pp.text.indexOf(q, at + Math.max(1, q.length));
    }
    cands.add({ pi, kind: 'exact', score: 0.05 / count, ranges });
  }
}
