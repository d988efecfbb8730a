import { describe, expect, it } from 'vitest';
import { foldForFilter, glossaryGroups } from './glossary-list.ts';
import type { ConceptSummary } from './types.ts';

const c = (
  id: string,
  category: ConceptSummary['category'],
  en: string,
  zh: string,
  pinyin?: string,
): ConceptSummary => ({
  id,
  category,
  labels: { en, ja: zh, 'zh-Hans': zh, 'zh-Hant': zh },
  occurrenceCount: 0,
  ...(pinyin ? { pinyin } : {}),
});
const all = [
  c('two-safeguards', 'formulation', 'Two Safeguards', '两个维护', 'liǎng gè wéi hù'),
  c('four-consciousnesses', 'formulation', 'Four Consciousnesses', '四个意识', 'sì gè yì shí'),
  c('dalian', 'place', 'Dalian', '大连', 'dà lián'),
  c('vu-dai-thang', 'person', 'Vu Dai Thang', '武大胜'),
];
const ids = (gs: ReturnType<typeof glossaryGroups>) => gs.flatMap((g) => g.concepts.map((x) => x.id));

describe('glossary list', () => {
  it('groups by category in the table order, A–Z by the UI language', () => {
    const gs = glossaryGroups(all, { text: '', category: '', lang: 'en' });
    expect(gs.map((g) => g.category)).toEqual(['formulation', 'person', 'place']);
    expect(gs[0]!.concepts.map((x) => x.id)).toEqual(['four-consciousnesses', 'two-safeguards']);
  });
  it('Chinese UI: pinyin order', () => {
    const gs = glossaryGroups(all, { text: '', category: 'formulation', lang: 'zh-Hans' });
    expect(ids(gs)).toEqual(['two-safeguards', 'four-consciousnesses']); // liang < si
  });
  it('filters by any name, pinyin with or without tones and spaces, and the search’s concepts', () => {
    expect(ids(glossaryGroups(all, { text: '维护', category: '', lang: 'en' }))).toEqual(['two-safeguards']);
    expect(ids(glossaryGroups(all, { text: 'sige yishi', category: '', lang: 'en' }))).toEqual([
      'four-consciousnesses',
    ]);
    expect(ids(glossaryGroups(all, { text: 'Vũ Đại', category: '', lang: 'en' }))).toEqual(['vu-dai-thang']);
    const named = new Set(['dalian']);
    expect(ids(glossaryGroups(all, { text: 'dailan', category: '', lang: 'en', named }))).toEqual(['dalian']);
    expect(ids(glossaryGroups(all, { text: 'zzz', category: '', lang: 'en' }))).toEqual([]);
  });
  it('Chinese UI: the Chinese labels in pinyin order (zh collation), in both scripts', () => {
    const more = [
      ...all,
      c('xi-jinping', 'person', 'Xi Jinping', '习近平'),
      c('tan', 'person', 'Tan Zuojun', '谭作钧'),
    ];
    for (const lang of ['zh-Hans', 'zh-Hant'] as const)
      expect(ids(glossaryGroups(more, { text: '', category: 'person', lang }))).toEqual([
        'tan', // tán
        'vu-dai-thang', // wǔ
        'xi-jinping', // xí
      ]);
  });
  it('filters by country, with the text and the category', () => {
    const vn = { ...all[3]!, country: 'VN' as const };
    const mixed = [...all.slice(0, 3).map((x) => ({ ...x, country: 'CN' as const })), vn];
    expect(ids(glossaryGroups(mixed, { text: '', category: '', country: 'VN', lang: 'en' }))).toEqual([
      'vu-dai-thang',
    ]);
    expect(
      ids(glossaryGroups(mixed, { text: 'four', category: 'formulation', country: 'CN', lang: 'en' })),
    ).toEqual(['four-consciousnesses']);
    expect(ids(glossaryGroups(mixed, { text: 'four', category: '', country: 'VN', lang: 'en' }))).toEqual([]);
    expect(ids(glossaryGroups(mixed, { text: '', category: '', country: '', lang: 'en' }))).toHaveLength(4);
  });
  it('folds case, marks and separators', () => {
    expect(foldForFilter('Liǎng-gè  WÉI hù')).toBe('liang ge wei hu');
  });
});
