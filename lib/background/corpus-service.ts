// Owns the bundled corpus and the search. The generated JSON is imported statically (bundled
// into the background script); the Search is created lazily on first use.
import corpusJson from '../../generated/corpus.json';
import searchIndexJson from '../../generated/search-index.json';
import { createSearch } from '../core/search/create-search.ts';
import type { Search } from '../core/search/create-search.ts';
import type { SearchIndexData } from '../core/search/index-data.ts';
import type { CorpusData } from '../core/types.ts';

export interface CorpusService {
  data(): CorpusData;
  search(): Search;
}

/** A service over given data (tests pass a fixture; the extension uses the bundled JSON). */
export function createCorpusService(load: () => { data: CorpusData; index: SearchIndexData }): CorpusService {
  let loaded: { data: CorpusData; index: SearchIndexData } | null = null;
  let search: Search | null = null;
  const get = () => (loaded ??= load());
  return {
    data: () => get().data,
    search: () => {
      if (!search) {
        const { data, index } = get();
        search = createSearch(data, index);
      }
      return search;
    },
  };
}

export const corpusService: CorpusService = createCorpusService(() => ({
  data: corpusJson as unknown as CorpusData,
  index: searchIndexJson as unknown as SearchIndexData,
}));
