import { describe, expect, it } from 'vitest';
import { createSearch } from '../lib/core/search/create-search.ts';
import { buildSearchIndex } from '../lib/core/search/index-data.ts';
import { makeFixture } from '../lib/core/search/search.fixture.ts';
import { searchPinyin, withSearchPinyin } from './search-pinyin.ts';

const data = makeFixture();
const plain = buildSearchIndex(data);
const index = withSearchPinyin(plain, data);
const search = createSearch(data, index);
const ids = (q: string) => search.search(q).hits.map((h) => h.passageId);

describe('pinyin in the search index (build time, pinyin-pro)', () => {
  it('is deterministic and holds the label pinyin with tone marks', () => {
    expect(JSON.stringify(searchPinyin(data, plain))).toBe(JSON.stringify(searchPinyin(data, plain)));
    expect(index.pinyin?.concepts['four-consciousnesses']?.label).toBe('sì gè yì shí');
    expect(index.pinyin?.concepts['four-consciousnesses']?.names).toEqual(['si ge yi shi']);
  });
  it('pinyin in every spelling finds the Chinese concept in Japanese text', () => {
    for (const q of ['sige yishi', 'sìgè yìshí', 'si4ge4 yi4shi2', 'sigeyishi', 'SGYS', 'si ge yi shi'])
      expect({ q, top: ids(q)[0] }).toEqual({ q, top: '001/p00' });
  });
  it('pinyin finds kanji text through the corpus readings, without a glossary name', () => {
    // 巡视 (xunshi) is no concept of the fixture: only the corpus pinyin index can find it.
    expect(ids('xunshi')).toEqual(expect.arrayContaining(['003/p00', '003/p01']));
  });
  it('an index without pinyin (built before this step) still searches, without pinyin', () => {
    const without = createSearch(data, plain);
    expect(without.search('sige yishi').hits).toEqual([]);
    expect(without.search('四个意识').hits.map((h) => h.passageId)).toContain('001/p00');
  });
  it('a rebuilt index (corpus changed) keeps the shipped readings', () => {
    const changed = { ...data, passages: data.passages.slice(0, -1) };
    const s = createSearch(changed, index);
    expect(s.indexRebuilt).toBe(true);
    expect(s.search('sige yishi').hits.map((h) => h.passageId)).toContain('001/p00');
  });
});
