// The user's library as a corpus source (issue #12): its documents are searched with the same
// search core as the bundled corpus, over the per-document segments stored with them (issue #11
// item 2: assembled after a change or a start without re-reading any text), listed and
// opened in the reader; concept details answer for bundled concepts (their occurrences in the
// user's documents) and for user concepts (their occurrences in the bundled and the user's
// documents, with their list). Registered after the bundled source in a combined source.
import {
  getConceptDetails,
  getConceptSummaries,
  getDocument,
  listDocuments,
} from '../../core/corpus-queries.ts';
import { isUserDocId, listOfConcept } from '../../core/library/schema.ts';
import { cutSafe, RAW_QUERY_CAP } from '../../core/limits.ts';
import type { Search } from '../../core/search/create-search.ts';
import {
  createSegmentedSearch,
  segmentConceptIndex,
  type SegmentConcepts,
} from '../../core/search/segmented.ts';
import type { ConceptDetails, ConceptSummary, SearchResult } from '../../core/types.ts';
import type { CorpusSource } from '../sources/corpus-source.ts';
import type { Library } from './library.ts';
import { listRef, type UserViews } from './user-corpus.ts';

const emptyResult = (query: string): SearchResult => ({
  query: cutSafe(query, RAW_QUERY_CAP),
  normalized: '',
  truncated: false,
  expandedConceptIds: [],
  concepts: [],
  hits: [],
  suggestions: [],
});

export class UserSource implements CorpusSource {
  readonly id = 'user';
  readonly kind = 'user' as const;
  private search_: { views: UserViews; search: Search } | null = null;
  /** The concepts' names index: it changes with the term lists only, not with the documents. */
  private concepts_: { lists: unknown; index: SegmentConcepts } | null = null;

  private readonly library: Library;

  constructor(library: Library) {
    this.library = library;
    library.onChange(() => (this.search_ = null));
  }

  private async searchFor(): Promise<Search | null> {
    const views = await this.library.currentViews();
    if (views.user.passages.length === 0 && views.user.concepts.length === 0) return null;
    if (this.search_?.views !== views) {
      const { lists } = await this.library.snapshot();
      if (this.concepts_?.lists !== lists) this.concepts_ = { lists, index: segmentConceptIndex(views.user) };
      const search = createSegmentedSearch({
        data: views.user,
        segments: views.segments,
        concepts: this.concepts_.index,
      });
      this.search_ = { views, search };
    }
    return this.search_.search;
  }

  async search(query: string, opts?: { limit?: number }): Promise<SearchResult> {
    const search = await this.searchFor();
    if (!search) return emptyResult(query);
    return search.search(query, opts?.limit === undefined ? {} : { limit: opts.limit });
  }

  async conceptDetails(conceptId: string): Promise<ConceptDetails | null> {
    const views = await this.library.currentViews();
    if (listOfConcept(conceptId) !== null) {
      const d = getConceptDetails(views.userConcepts, conceptId);
      const { lists } = await this.library.snapshot();
      const list = listRef(lists.lists, conceptId);
      return d && list ? { ...d, list } : d;
    }
    // A bundled concept: the bundled source describes it; here only its occurrences in user documents.
    const d = getConceptDetails(views.user, conceptId);
    return d && d.occurrences.length > 0 ? d : null;
  }

  async conceptSummaries(ids?: readonly string[]): Promise<ConceptSummary[]> {
    const views = await this.library.currentViews();
    const { lists } = await this.library.snapshot();
    const wanted = ids ? [...ids] : undefined;
    const userIds = (wanted ?? views.userConcepts.concepts.map((c) => c.id)).filter(
      (id) => listOfConcept(id) !== null,
    );
    const user = getConceptSummaries(views.userConcepts, userIds).map((s) => {
      const list = listRef(lists.lists, s.id);
      return list ? { ...s, list } : s;
    });
    const bundledIds = wanted?.filter((id) => listOfConcept(id) === null);
    // bundled concepts: counts in the user's documents only (the combined source adds the bundled ones)
    const bundled = getConceptSummaries(views.user, bundledIds).filter(
      (s) => listOfConcept(s.id) === null && (wanted !== undefined || s.occurrenceCount > 0),
    );
    const byId = new Map([...bundled, ...user].map((s) => [s.id, s]));
    return wanted
      ? wanted.map((id) => byId.get(id)).filter((s): s is ConceptSummary => !!s)
      : [...byId.values()];
  }

  async listDocuments() {
    return listDocuments((await this.library.currentViews()).user);
  }

  async getDocument(docId: string) {
    if (!isUserDocId(docId)) return null;
    return getDocument((await this.library.currentViews()).user, docId);
  }
}
