// The library in memory: the user's documents as the corpus pipeline made them, the compiled user
// term lists, and where every concept occurs. The user source answers from the CorpusData views
// built here, with the very queries and search core of the bundled corpus. No browser API.
import { userManifestEntry } from '../../core/library/ingest-user.ts';
import { compileUserMatcher, type UserMatcherBuild } from '../../core/library/user-matcher.ts';
import type { TermListRecord, UserDocumentRecord } from '../../core/library/schema.ts';
import type { SearchSegment } from '../../core/search/segment.ts';
import { listOfConcept } from '../../core/library/schema.ts';
import { computeOccurrences } from '../../core/pipeline/occurrences.ts';
import { PARAGRAPH_SEPARATOR } from '../../core/corpus.ts';
import { createMatcher, type Matcher } from '../../core/term-matcher.ts';
import type {
  Concept,
  CorpusData,
  CorpusDocument,
  Occurrence,
  Passage,
  UserListRef,
} from '../../core/types.ts';

/** What the user source reads of the bundled corpus: its data and its matcher. */
export interface BundledAccess {
  data(): CorpusData;
  matcher(): Matcher;
}

export interface UserDocEntry {
  record: UserDocumentRecord;
  document: CorpusDocument;
  passages: Passage[];
  /** Occurrences of bundled concepts in its passages. */
  bundledOcc: Record<string, Occurrence[]>;
  /** Occurrences of user concepts in its passages (recomputed when the lists change). */
  userOcc: Record<string, Occurrence[]>;
  /** Its search segment (lib/core/search/segment.ts), made at import and stored with it. */
  segment: SearchSegment;
}

export interface UserLists {
  lists: TermListRecord[];
  build: UserMatcherBuild;
  matcher: Matcher | null;
  /** Occurrences of user concepts in the bundled passages. */
  bundledOcc: Record<string, Occurrence[]>;
}

/** The document as the corpus knows it, from the record and its passages. */
export function userCorpusDocument(record: UserDocumentRecord, passages: readonly Passage[]): CorpusDocument {
  return {
    ...userManifestEntry(record),
    removed: [],
    text: passages.map((p) => p.text).join(PARAGRAPH_SEPARATOR),
    passageIds: passages.map((p) => p.id),
  };
}

/** User concepts' occurrences, corpus context (corpus-only terms count in documents). */
export function userOccurrences(
  lists: UserLists,
  passages: readonly Passage[],
): Record<string, Occurrence[]> {
  return lists.matcher ? computeOccurrences(lists.matcher, passages) : {};
}

export function compileLists(lists: readonly TermListRecord[], bundled: BundledAccess): UserLists {
  const build = compileUserMatcher(lists);
  const matcher = build.compiled ? createMatcher(build.compiled) : null;
  const partial: UserLists = { lists: [...lists], build, matcher, bundledOcc: {} };
  partial.bundledOcc = userOccurrences(partial, bundled.data().passages);
  return partial;
}

function mergeOcc(into: Record<string, Occurrence[]>, from: Record<string, Occurrence[]>): void {
  for (const [id, list] of Object.entries(from)) (into[id] ??= []).push(...list);
}

/** The list a user concept belongs to, as the card shows it. */
export function listRef(lists: readonly TermListRecord[], conceptId: string): UserListRef | undefined {
  const id = listOfConcept(conceptId);
  const list = id ? lists.find((l) => l.id === id) : undefined;
  return list ? { id: list.id, name: list.name, colour: list.colour } : undefined;
}

/**
 * The views the user source queries, rebuilt after a change (arrays concatenated, no matching).
 * `user`: the user's documents with every concept (bundled and user: the search expands a query
 * with their names, as the bundled search does); `userConcepts`: the user concepts over the
 * bundled and the user documents (bundled first), for their details.
 */
export interface UserViews {
  user: CorpusData;
  /** The documents' search segments, in the order of user.passages. */
  segments: SearchSegment[];
  userConcepts: CorpusData;
  conceptById: Map<string, Concept>;
}

export function buildViews(docs: Iterable<UserDocEntry>, lists: UserLists, bundled: CorpusData): UserViews {
  const entries = [...docs].sort((a, b) =>
    a.record.addedAt < b.record.addedAt ? -1 : a.record.addedAt > b.record.addedAt ? 1 : 0,
  );
  const documents = entries.map((e) => e.document);
  const passages = entries.flatMap((e) => e.passages);
  const occurrences: Record<string, Occurrence[]> = {};
  const userOcc: Record<string, Occurrence[]> = {};
  mergeOcc(userOcc, lists.bundledOcc);
  for (const e of entries) {
    mergeOcc(occurrences, e.bundledOcc);
    mergeOcc(occurrences, e.userOcc);
    mergeOcc(userOcc, e.userOcc);
  }
  const userConcepts = lists.build.concepts;
  const user: CorpusData = {
    version: 1,
    documents,
    passages,
    concepts: [...bundled.concepts, ...userConcepts],
    variants: { ...bundled.variants, ...lists.build.variants },
    occurrences,
  };
  const conceptsView: CorpusData = {
    version: 1,
    documents: [...bundled.documents, ...documents],
    passages: [...bundled.passages, ...passages],
    concepts: userConcepts,
    variants: lists.build.variants,
    occurrences: userOcc,
  };
  const conceptById = new Map(user.concepts.map((c) => [c.id, c]));
  return { user, segments: entries.map((e) => e.segment), userConcepts: conceptsView, conceptById };
}
