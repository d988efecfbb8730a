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
  // The views show the pinyin of Chinese labels: the search index holds it (build time).
  const pinyinOf = (id: string) => (loaded ??= load()).index.pinyin?.concepts[id]?.label;
  // async: a throw in load() or a query becomes a rejection, which the combined source contains.
  return {
    id,
    kind: 'bundled',
    search: async (query, opts) =>
      getSearch().search(query, opts?.limit === undefined ? {} : { limit: opts.limit }),
    conceptDetails: async (conceptId) => {
      const d = getConceptDetails(data(), conceptId);
      const pinyin = d && pinyinOf(conceptId);
      return d && pinyin ? { ...d, pinyin } : d;
    },
    conceptSummaries: async (ids) =>
      getConceptSummaries(data(), ids ? [...ids] : undefined).map((c) => {
        const pinyin = pinyinOf(c.id);
        return pinyin ? { ...c, pinyin } : c;
      }),
    listDocuments: async () => listDocuments(data()),
    getDocument: async (docId) => getDocument(data(), docId),
  };
}

/** The corpus shipped in the extension (the user source reads it too: user terms occur in it). */
export function bundledCorpus(): BundledCorpus {
  return {
    data: corpusJson as unknown as CorpusData,
    index: searchIndexJson as unknown as SearchIndexData,
  };
}

/** The corpus shipped in the extension. */
export function bundledSource(): CorpusSource {
  return createBundledSource(bundledCorpus);
}
