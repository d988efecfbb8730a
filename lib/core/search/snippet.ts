// Stage 6 (and the concept card's occurrences): an excerpt around a hit with its marks.
import { pairSafeEnd, pairSafeStart } from '../limits.ts';

/** Snippet length around the first mark (characters of the passage). */
export const SNIPPET_LEN = 120;

/** Excerpt of `text` of about SNIPPET_LEN characters around the first range given (the primary
 * match); all ranges inside the excerpt become its marks, relative to the excerpt. */
export function makeSnippet(
  text: string,
  ranges: ReadonlyArray<readonly [number, number]>,
  len = SNIPPET_LEN,
): { snippet: string; marks: Array<[number, number]> } {
  const valid = ranges.filter(([s, e]) => e > s && s >= 0 && e <= text.length);
  const sorted = mergeRanges(valid);
  if (text.length <= len) return { snippet: text, marks: sorted };
  // The window follows the first range given (the primary match), not the earliest one.
  const first = valid[0] ?? ([0, 0] as const);
  const markLen = Math.min(first[1] - first[0], len);
  const start0 = Math.max(0, first[0] - Math.floor((len - markLen) / 3));
  const end0 = Math.min(text.length, start0 + len);
  const start = pairSafeStart(text, Math.max(0, end0 - len));
  const end = pairSafeEnd(text, end0);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const shift = prefix.length - start;
  const marks: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const cs = Math.max(s, start);
    const ce = Math.min(e, end);
    if (ce > cs) marks.push([cs + shift, ce + shift]);
  }
  return { snippet: prefix + text.slice(start, end) + suffix, marks };
}

/** Sorted, overlapping ranges joined (the marks of one excerpt never overlap). */
export function mergeRanges(ranges: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const sorted = ranges
    .map(([s, e]) => [s, e] as [number, number])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push(r);
  }
  return out;
}
