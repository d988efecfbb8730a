// The Library section's rows: per document its size and the concepts in it, per term list its
// terms and how often they occur in all documents (bundled and user).
import type { TermListSummary, UserDocSummary } from '../../core/library/schema.ts';
import type { Occurrence } from '../../core/types.ts';
import type { UserDocEntry, UserLists } from './user-corpus.ts';

interface Snapshot {
  docs: UserDocEntry[];
  lists: UserLists;
}

const present = (occ: Record<string, Occurrence[]>) =>
  Object.keys(occ).filter((id) => (occ[id]?.length ?? 0) > 0);

export function documentSummaries(snap: Snapshot): UserDocSummary[] {
  return snap.docs
    .map((e) => ({
      id: e.record.id,
      meta: e.record.meta,
      addedAt: e.record.addedAt,
      chars: e.record.text.length,
      passageCount: e.passages.length,
      conceptCount: new Set([...present(e.bundledOcc), ...present(e.userOcc)]).size,
    }))
    .sort((a, b) => (a.addedAt < b.addedAt ? 1 : a.addedAt > b.addedAt ? -1 : 0));
}

export function listSummaries(snap: Snapshot): TermListSummary[] {
  const counts = new Map<string, number>();
  const add = (occ: Record<string, Occurrence[]>) => {
    for (const [id, list] of Object.entries(occ)) {
      const listId = id.split('.')[1];
      if (listId) counts.set(listId, (counts.get(listId) ?? 0) + list.length);
    }
  };
  add(snap.lists.bundledOcc);
  for (const e of snap.docs) add(e.userOcc);
  return snap.lists.lists.map((l) => ({
    id: l.id,
    name: l.name,
    colour: l.colour,
    format: l.format,
    ...(l.fileName ? { fileName: l.fileName } : {}),
    createdAt: l.createdAt,
    termCount: l.terms.length,
    occurrenceCount: counts.get(l.id) ?? 0,
  }));
}
