// What a document costs to match and index, kept with it (issue #11 item 2): the bundled
// concepts' occurrences, its search segment and the user lists' occurrences. Computed once at
// import (stored in the document's transaction); at a start they are read back, and only a
// missing, stale (another glossary or other lists) or bad one is made again, from the stored
// passages, logged and written back. No browser API.
import { fnv1a } from '../../core/search/index-data.ts';
import { buildSegment, segmentProblem, type SearchSegment } from '../../core/search/segment.ts';
import { computeOccurrences } from '../../core/pipeline/occurrences.ts';
import type { TermListRecord } from '../../core/library/schema.ts';
import type { Matcher } from '../../core/term-matcher.ts';
import type { CorpusData, Occurrence, Passage } from '../../core/types.ts';
import type { SegmentRow, SkipLogger, UserOccRow } from './db.ts';
import { userOccurrences, type UserLists } from './user-corpus.ts';

/** The glossary the bundled occurrences were matched with (an extension update may change it). */
export function bundledKeyOf(data: Pick<CorpusData, 'concepts' | 'variants'>): string {
  return `${data.concepts.length}-${fnv1a(JSON.stringify([data.concepts, data.variants])).toString(16)}`;
}

/** The term lists the user occurrences were matched with. */
export function listsKeyOf(lists: readonly TermListRecord[]): string {
  return `${lists.length}-${fnv1a(JSON.stringify(lists)).toString(16)}`;
}

export interface DerivedContext {
  matcher: Matcher;
  bundledKey: string;
  lists: UserLists;
  listsKey: string;
  log: SkipLogger;
}

export interface Derived {
  bundledOcc: Record<string, Occurrence[]>;
  userOcc: Record<string, Occurrence[]>;
  segment: SearchSegment;
}

/** A new document's derived data (an import: nothing stored yet). */
export function deriveNew(
  docId: string,
  passages: readonly Passage[],
  bundledOcc: Record<string, Occurrence[]>,
  ctx: Pick<DerivedContext, 'bundledKey' | 'lists' | 'listsKey'>,
): { derived: Derived; rows: { segment: SegmentRow; userOcc: UserOccRow } } {
  const segment = buildSegment(passages);
  const userOcc = userOccurrences(ctx.lists, passages);
  return {
    derived: { bundledOcc, userOcc, segment },
    rows: {
      segment: { docId, bundledKey: ctx.bundledKey, bundledOcc, search: segment },
      userOcc: { docId, listsKey: ctx.listsKey, occ: userOcc },
    },
  };
}

/** Occurrences that belong to these passages (a stored row is checked, never trusted). */
function occOk(occ: Record<string, Occurrence[]>, docId: string, passages: readonly Passage[]): boolean {
  const len = new Map(passages.map((p) => [p.id, p.text.length]));
  for (const list of Object.values(occ))
    for (const o of list) {
      const n = len.get(o.passageId);
      if (o.docId !== docId || n === undefined || o.start > o.end || o.end > n) return false;
    }
  return true;
}

/**
 * A stored document's derived data: the stored rows when they fit its passages and the current
 * glossary and lists, else made again (returned in `write` to be stored).
 */
export function loadDerived(
  docId: string,
  passages: readonly Passage[],
  seg: SegmentRow | undefined,
  occ: UserOccRow | undefined,
  ctx: DerivedContext,
): { derived: Derived; write: { segment?: SegmentRow; userOcc?: UserOccRow } } {
  const write: { segment?: SegmentRow; userOcc?: UserOccRow } = {};
  let segProblem = seg ? segmentProblem(seg.search, passages) : 'missing';
  if (!segProblem && seg && seg.bundledKey !== ctx.bundledKey) segProblem = 'matched with another glossary';
  if (!segProblem && seg && !occOk(seg.bundledOcc, docId, passages)) segProblem = 'bad occurrences';
  let segment: SegmentRow;
  if (seg && !segProblem) segment = seg;
  else {
    // a missing one is a document of the previous database version, not worth a log line
    if (seg) ctx.log('segments', docId, `${segProblem}; made again from the passages`);
    segment = {
      docId,
      bundledKey: ctx.bundledKey,
      bundledOcc: computeOccurrences(ctx.matcher, passages),
      search: buildSegment(passages),
    };
    write.segment = segment;
  }
  let userOcc: Record<string, Occurrence[]>;
  if (occ && occ.listsKey === ctx.listsKey && occOk(occ.occ, docId, passages)) userOcc = occ.occ;
  else {
    userOcc = userOccurrences(ctx.lists, passages);
    write.userOcc = { docId, listsKey: ctx.listsKey, occ: userOcc };
  }
  return { derived: { bundledOcc: segment.bundledOcc, userOcc, segment: segment.search }, write };
}
