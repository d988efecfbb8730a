import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../types.ts';
import { createSearch } from './create-search.ts';
import { buildSearchIndex } from './index-data.ts';
import { makeFixture } from './search.fixture.ts';

const data = makeFixture();
const index = buildSearchIndex(data);
const search = createSearch(data, index);
const ids = (r: SearchResult) => r.hits.map((h) => h.passageId);

describe('search: query expansion through the glossary', () => {
  it('两个维护 (zh-Hans) finds 二つの維持 (003) and 二つの擁護 (001)', () => {
    const r = search.search('两个维护');
    expect(r.expandedConceptIds).toContain('two-safeguards');
    expect(ids(r)).toEqual(expect.arrayContaining(['003/p00', '001/p00']));
    const h = r.hits.find((x) => x.passageId === '003/p00')!;
    const [s, e] = h.marks[0]!;
    expect(h.snippet.slice(s, e)).toBe('二つの維持');
  });
  it('兩個維護 (zh-Hant) and "two safeguards" (en) do the same', () => {
    for (const q of ['兩個維護', 'two safeguards', 'Two Safeguards', 'two upholds']) {
      expect(ids(search.search(q))).toEqual(expect.arrayContaining(['003/p00', '001/p00']));
    }
  });
  it('六稳 finds 六安定 (000) and "six stability" (002)', () => {
    const r = search.search('六稳');
    expect(ids(r).slice(0, 2).sort()).toEqual(['000/p01', '002/p01']);
    expect(r.hits.every((h) => h.kind !== 'exact' || h.passageId === '000/p01')).toBe(true);
  });
  it('"Vu Dai Thang" finds ブー・ダイ・タン and ヴー・ダイ・タン', () => {
    const r = search.search('Vu Dai Thang');
    expect(ids(r).slice(0, 2).sort()).toEqual(['004/p00', '004/p01']);
    expect(ids(search.search('Vũ Đại Thắng')).slice(0, 2).sort()).toEqual(['004/p00', '004/p01']);
  });
  it('simplified Chinese name finds the Japanese (traditional) spelling', () => {
    const r = search.search('谭作钧');
    expect(r.expandedConceptIds).toEqual(['tan-zuojun']);
    expect(ids(r)).toEqual(expect.arrayContaining(['000/p00', '002/p00']));
    expect(r.hits[0]!.kind).toBe('exact'); // 谭作钧 folds to 譚作鈞's canonical form
  });
  it('a query that contains a concept name expands it', () => {
    expect(search.search('两个维护是什么').expandedConceptIds).toContain('two-safeguards');
  });
  it('hyphen and space spellings are the same', () => {
    const r = search.search('14th five year plan');
    expect(ids(r)).toEqual(expect.arrayContaining(['002/p02', '000/p02']));
    expect(r.hits[0]).toMatchObject({ passageId: '002/p02', kind: 'exact' });
  });
  it('an exact name does not also expand concepts with close names (14th vs 13th plan)', () => {
    const r = search.search('第十四个五年规划');
    expect(r.expandedConceptIds).toEqual(['14th-five-year-plan']);
    expect(r.concepts.map((c) => c.conceptId)).toContain('13th-five-year-plan'); // reported, not expanded
  });
  it('a close misspelling of a concept name expands it', () => {
    const r = search.search('six stabilties');
    expect(r.expandedConceptIds).toContain('six-stabilities');
    expect(ids(r)).toEqual(expect.arrayContaining(['000/p01', '002/p01']));
  });
});

describe('search: suggestions and misspelt names', () => {
  it('suggests close concept labels when nothing matches', () => {
    const r = search.search('Safegards');
    expect(r.hits).toEqual([]);
    expect(r.suggestions).toContain('Two Safeguards');
    expect(search.search('Establishmnts Tw').suggestions).toContain('Two Establishments');
    // no far-fetched suggestions
    const none = search.search('zzzzqqqq');
    expect(none.hits).toEqual([]);
    expect(none.suggestions).toEqual([]);
  });
  it('several misspelt words in one query still name the concept (issue #11)', () => {
    // Until issue #11 this found nothing and only suggested "Two Safeguards".
    const r = search.search('Twoo Safegards xq');
    expect(r.hits.map((h) => h.passageId).sort()).toEqual(['001/p00', '003/p00']);
    expect(r.expandedConceptIds).toEqual(['two-safeguards']);
  });
  it('close misspellings of names expand (transpositions count once)', () => {
    expect(search.search('vu dia tang').expandedConceptIds).toEqual(['vu-dai-thang']);
    expect(search.search('fuor concsiousness').expandedConceptIds).toEqual(['four-consciousnesses']);
  });
});
