// User term lists → one matcher with the build's variants and Han folding, ids u.<listId>.<n>.
import { describe, expect, it } from 'vitest';
import { createMatcher, findTermMatches, FLAG_CORPUS_ONLY } from '../term-matcher.ts';
import { packMatcher, unpackMatcher } from '../term-matcher-packed.ts';
import { compileUserMatcher, shortTermRule, termLang, userTermConcept } from './user-matcher.ts';
import type { TermListRecord, UserTerm } from './schema.ts';

const list = (id: string, terms: UserTerm[]): TermListRecord => ({
  id,
  name: id,
  colour: 0,
  format: 'csv',
  createdAt: '2026-12-06T00:00:00.000Z',
  terms,
});
const t = (term: string, extra: Partial<UserTerm> = {}): UserTerm => ({ term, aliases: [], ...extra });

const find = (lists: TermListRecord[], text: string, context: 'page' | 'corpus' = 'page') => {
  const { compiled } = compileUserMatcher(lists);
  if (!compiled) return [];
  // through the packed form, as a frame receives it
  const packed = packMatcher(createMatcher(compiled), { hanFold: compiled.hanFold });
  const m = unpackMatcher(packed);
  const withFold = createMatcher(compiled);
  return findTermMatches({ ...m, ...(withFold.fold ? { fold: withFold.fold } : {}) }, text, { context }).map(
    (x) => [text.slice(x.start, x.end), x.conceptId],
  );
};

describe('compileUserMatcher', () => {
  const lists = [
    list('Labcd', [t('新质生产力', { aliases: ['新質生產力'] }), t('dual circulation', { lang: 'en' })]),
    list('Lwxyz', [t('Ủy ban Kiểm tra', { lang: 'vi' })]),
  ];

  it('gives ids u.<listId>.<n> in list then term order', () => {
    const b = compileUserMatcher(lists);
    expect(b.concepts.map((c) => c.id)).toEqual(['u.Labcd.0', 'u.Labcd.1', 'u.Lwxyz.0']);
    expect(b.compiled).not.toBeNull();
  });

  it('finds simplified, traditional and Japanese forms with one pattern (Han folding)', () => {
    const simplifiedOnly = [list('Labcd', [t('新质生产力')])];
    expect(find(simplifiedOnly, '发展新質生產力。')).toEqual([['新質生產力', 'u.Labcd.0']]);
    expect(find(simplifiedOnly, '新質生産力を育成')).toEqual([['新質生産力', 'u.Labcd.0']]);
  });

  it('generates the build’s variants: English plural, Vietnamese tone-mark placement', () => {
    expect(find(lists, 'Two dual circulations.')).toEqual([['dual circulations', 'u.Labcd.1']]);
    expect(find(lists, 'Uỷ ban Kiểm tra Trung ương')).toEqual([['Uỷ ban Kiểm tra', 'u.Lwxyz.0']]);
  });

  it('matches a short Latin term only as written and a single Han character only in documents', () => {
    const l = [list('Labcd', [t('CPC'), t('党')])];
    expect(find(l, 'The CPC and the cpc.')).toEqual([['CPC', 'u.Labcd.0']]);
    expect(find(l, '党的领导')).toEqual([]);
    expect(find(l, '党的领导', 'corpus')).toEqual([['党', 'u.Labcd.1']]);
  });

  it('is null for lists without terms', () => {
    expect(compileUserMatcher([]).compiled).toBeNull();
  });

  it('compiles 5,000 terms (every one found afterwards)', () => {
    const terms = Array.from({ length: 5000 }, (_, i) => t(`term number ${i.toString(36)}x`, { lang: 'en' }));
    const b = compileUserMatcher([list('Lbig1', terms)]);
    const m = createMatcher(b.compiled!);
    const hits = findTermMatches(m, 'see term number 3e7x and term number 0x here');
    expect(hits.map((h) => h.conceptId)).toEqual([`u.Lbig1.${parseInt('3e7', 36)}`, 'u.Lbig1.0']);
    expect(m.ids.length).toBe(5000);
  });
});

describe('user term concepts', () => {
  it('take the list’s definition, category and source; the language from the script', () => {
    const c = userTermConcept(
      { id: 'Labcd' },
      t('共同富裕', { definition: 'Shared wealth.', source: 'https://example.org/x' }),
      3,
    );
    expect(c).toMatchObject({
      id: 'u.Labcd.3',
      category: 'formulation',
      labels: { en: '共同富裕', 'zh-Hans': '共同富裕' },
      definition: { en: 'Shared wealth.', 'zh-Hans': 'Shared wealth.' },
      sources: ['https://example.org/x'],
    });
    expect(termLang(t('ドイモイ'))).toBe('ja');
    expect(termLang(t('đổi mới'))).toBe('vi');
    expect(termLang(t('reform'))).toBe('en');
    expect(shortTermRule('AI')).toEqual({ caseSensitive: true });
    expect(shortTermRule('two sessions')).toBeUndefined();
    expect(FLAG_CORPUS_ONLY).toBe(4);
  });
});
