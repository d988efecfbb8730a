// Background seam: the one interface every corpus behind the handlers implements — the bundled
// corpus today, a user store (IndexedDB) and a remote engine later — so callers never change.
import type { BackgroundProtocol } from '../../messaging.ts';
import type { ConceptDetails, ConceptSummary, SearchResult } from '../../core/types.ts';

/** Where a source's data lives ('combined': several sources behind one, combined-source.ts). */
export type CorpusSourceKind = 'bundled' | 'user' | 'remote' | 'combined';

/** A row of the reader's library (the `listDocuments` answer's shape). */
export type DocumentListEntry = BackgroundProtocol['listDocuments']['res'][number];

/** One document with its passages and the concepts in each (the `getDocument` answer's shape). */
export type DocumentView = NonNullable<BackgroundProtocol['getDocument']['res']>;

export interface SourceSearchOptions {
  /** Most hits wanted; a source clamps it like the search core (DEFAULT_LIMIT, MAX_LIMIT). */
  limit?: number;
}

/**
 * A corpus the background can query. Everything is async: a store in IndexedDB or an engine
 * behind fetch answers later, and the bundled corpus builds its search on first use.
 *
 * Contract for implementers:
 * - Results use the shapes of lib/core/types.ts and lib/messaging.ts, so the UI cannot tell
 *   sources apart. Hits are ordered like the search core's (kind: exact, concept, fuzzy; then
 *   score ascending), which is what lets a combined source merge them.
 * - Document and passage ids must be unique across sources (a user store prefixes its own, e.g.
 *   `user-…`); concept ids are shared: they are the bundled glossary's, which the matcher knows.
 * - "Not here" is `null` / `[]`, never a rejection. Reject only on a real failure (store closed,
 *   network down): a combined source logs it and answers from the other sources.
 */
export interface CorpusSource {
  /** Stable id, unique among the registered sources (e.g. "bundled"). */
  readonly id: string;
  readonly kind: CorpusSourceKind;
  search(query: string, opts?: SourceSearchOptions): Promise<SearchResult>;
  /** The concept and where it occurs in this source; null when the source knows nothing of it. */
  conceptDetails(conceptId: string): Promise<ConceptDetails | null>;
  /** Summaries of the given concepts (all the source knows when ids is omitted), in ids order. */
  conceptSummaries(ids?: readonly string[]): Promise<ConceptSummary[]>;
  listDocuments(): Promise<DocumentListEntry[]>;
  getDocument(docId: string): Promise<DocumentView | null>;
}
