// One list of page matches from two matchers: the bundled glossary's and the user term lists'
// (issue #12). Each list is already free of overlaps (leftmost-longest within its matcher); where
// a bundled and a user match overlap, the longer one wins, and on equal length the bundled one:
// a bundled concept is reviewed, has its names in every glossary language and its passages
// cross-referenced, while a user list that repeats it still shows its own terms everywhere the
// glossary is silent. A match that loses is dropped whole (never cut), as within one matcher.
import type { TermMatch } from './types.ts';

/** `bundled` and `user` merged without overlaps, in text order (see above for who wins). */
export function mergeMatches(bundled: readonly TermMatch[], user: readonly TermMatch[]): TermMatch[] {
  // The usual page has no user term in a block: nothing to merge.
  if (!user.length) return bundled as TermMatch[];
  if (!bundled.length) return user as TermMatch[];
  const all: Array<[TermMatch, number]> = [
    ...bundled.map((m): [TermMatch, number] => [m, 0]),
    ...user.map((m): [TermMatch, number] => [m, 1]),
  ];
  // Longest first; a tie goes to the bundled concept (source 0), then to the leftmost.
  all.sort(([a, sa], [b, sb]) => b.end - b.start - (a.end - a.start) || sa - sb || a.start - b.start);
  const kept: TermMatch[] = []; // sorted by start, no overlaps
  for (const [m] of all) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]!.start < m.start) lo = mid + 1;
      else hi = mid;
    }
    const before = kept[lo - 1];
    const after = kept[lo];
    if ((before && before.end > m.start) || (after && after.start < m.end)) continue;
    kept.splice(lo, 0, m);
  }
  return kept;
}
