// Background source: the corpus shipped with the extension (generated/*.json, imported statically
// into the background bundle). The Search is created on first use, not at start-up: a service
// worker woken for a badge update never pays for it.
import corpusJson from '../../../generated/corpus.json';
import searchIndexJson from '../../../generated/search-index.json';
import {
  getConceptDetails,
  getConceptSummaries,
  getDocument,
  listDocuments,
} from '../../core/corpus-queries.ts';
import { createSearch, type Search } from '../../core/search/create-search.ts';
import type { SearchIndexData } from '../../core/search/index-data.ts';
import type { CorpusData } from '../../core/types.ts';
import type { CorpusSource } from './corpus-source.ts';

export interface BundledCorpus {
  data: CorpusData;
  index: SearchIndexData;
}

/** A source over given data (tests pass a fixture; the extension uses the bundled JSON). */
export function createBundledSource(load: () => BundledCorpus, id = 'bundled'): CorpusSource {
  let loaded: BundledCorpus | null = null;
  let search: Search | null = null;
  const data = () => (loaded ??= load()).data;
  const getSearch = () => {
    if (!search) {
      const { data, index } = (loaded ??= load());
      search = createSearch(data, index);
    }
    return search;
  };
  // async: a throw in load() or a query becomes a rejection, which the combined source contains.
  return {
    id,
    kind: 'bundled',
    search: async (query, opts) =>
      getSearch().search(query, opts?.limit === undefined ? {} : { limit: opts.limit }),
    conceptDetails: async (conceptId) => getConceptDetails(data(), conceptId),
    conceptSummaries: async (ids) => getConceptSummaries(data(), ids ? [...ids] : undefined),
    listDocuments: async () => listDocuments(data()),
    getDocument: async (docId) => getDocument(data(), docId),
  };
}

/** The corpus shipped in the extension. */
export function bundledSource(): CorpusSource {
  return createBundledSource(() => ({
    data: corpusJson as unknown as CorpusData,
    index: searchIndexJson as unknown as SearchIndexData,
  }));
}
