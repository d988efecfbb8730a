// Pure: groups search hits by document, keeping the rank order of each document's best hit, and
// the popup's keyboard selection over them (used by the popup's hook and its components).
import { groupBy } from './group-by.ts';
import type { SearchHit } from './types.ts';

export interface HitGroup {
  docId: string;
  hits: SearchHit[];
}

export function groupHitsByDocument(hits: readonly SearchHit[]): HitGroup[] {
  return groupBy(hits, (h) => h.docId).map(([docId, list]) => ({ docId, hits: list }));
}

/** The hits in display order (group by group): what ↑/↓ walk through. */
export function flattenGroups(groups: readonly HitGroup[]): SearchHit[] {
  return groups.flatMap((g) => g.hits);
}

/** DOM id of a result option (for aria-activedescendant). Passage ids contain "/". */
export function optionId(passageId: string): string {
  return `hit-${passageId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** Next active index for ↑/↓ (wraps around; -1 means none). */
export function moveActive(current: number, delta: 1 | -1, count: number): number {
  if (count === 0) return -1;
  if (current < 0) return delta === 1 ? 0 : count - 1;
  return (current + delta + count) % count;
}
