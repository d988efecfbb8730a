import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../types.ts';
import { createSearch } from './create-search.ts';
import { buildSearchIndex } from './index-data.ts';
import { makeFixture } from './search.fixture.ts';

const data = makeFixture();
const index = buildSearchIndex(data);
const search = createSearch(data, index);
const ids = (r: SearchResult) => r.hits.map((h) => h.passageId);

describe('search: fuzzy', () => {
  it('tolerates typos', () => {
    const r = search.search('revitalisation strategy');
    expect(r.hits[0]?.passageId).toBe('002/p03');
    expect(r.hits[0]?.kind).toBe('fuzzy');
    expect(search.search('stabilty').hits.map((h) => h.passageId)).toContain('002/p01');
  });
  it('multi-word queries find passages with all words apart', () => {
    const r = search.search('anniversary founding');
    expect(r.hits[0]?.passageId).toBe('002/p02');
  });
  it('fuzzy path with the bigram prefilter agrees with plain fuse.js on the fixture', () => {
    const pre = createSearch(data, index, { directFuseMax: 0 });
    for (const q of ['revitalisation strategy', 'stabilty', '監査監督の職責', 'anniversery', '六安定']) {
      expect(ids(pre.search(q)).slice(0, 3)).toEqual(ids(search.search(q)).slice(0, 3));
    }
  });
});
