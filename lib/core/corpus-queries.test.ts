import { describe, expect, it } from 'vitest';
import { getConceptDetails, getConceptSummaries, getDocument, listDocuments } from './corpus-queries.ts';
import { makeFixture } from './search/search.fixture.ts';

const data = makeFixture();
const passageText = (id: string) => data.passages.find((p) => p.id === id)!.text;

describe('corpus queries', () => {
  it('getConceptDetails groups occurrences per passage in document order', () => {
    const d = getConceptDetails(data, 'two-safeguards')!;
    expect(d.concept.id).toBe('two-safeguards');
    expect(d.occurrences.map((o) => o.passageId)).toEqual(['001/p00', '003/p00']);
    const o = d.occurrences[1]!;
    expect(o.snippet.slice(o.marks[0]![0], o.marks[0]![1])).toBe('二つの維持');
    expect(getConceptDetails(data, 'nope')).toBeNull();
  });
  it('getConceptSummaries', () => {
    expect(getConceptSummaries(data).length).toBe(data.concepts.length);
    const s = getConceptSummaries(data, ['vu-dai-thang', 'missing']);
    expect(s).toEqual([
      {
        id: 'vu-dai-thang',
        category: 'person',
        labels: data.concepts.find((c) => c.id === 'vu-dai-thang')!.labels,
        occurrenceCount: 2,
      },
    ]);
  });
  it('the country is the glossary’s own (set from the file), not guessed from the definitions', () => {
    const withCountry = {
      ...data,
      concepts: data.concepts.map((c) =>
        c.id === 'vu-dai-thang'
          ? { ...c, country: 'vn' as const } // English-only definition, still Vietnam's
          : c.id === 'two-safeguards'
            ? { ...c, country: 'cn' as const, definition: { en: 'x', ja: 'x', 'zh-Hans': 'x', vi: 'x' } }
            : c,
      ),
    };
    const [v, c, none] = getConceptSummaries(withCountry, [
      'vu-dai-thang',
      'two-safeguards',
      'six-stabilities',
    ]);
    expect(v?.country).toBe('VN');
    expect(c?.country).toBe('CN'); // a Vietnamese definition does not make it Vietnam's
    expect(none).not.toHaveProperty('country'); // no country (a user's term): none invented
  });
  it('listDocuments and getDocument', () => {
    const list = listDocuments(data);
    expect(list.map((d) => d.id)).toEqual(['000', '001', '002', '003', '004']);
    expect(list[0]).not.toHaveProperty('text');
    expect(list[0]).not.toHaveProperty('removed');
    expect(list.find((d) => d.id === '004')).toMatchObject({ passageCount: 2, conceptCount: 1 });
    const doc = getDocument(data, '003')!;
    expect(doc.passages.map((p) => p.id)).toEqual(['003/p00', '003/p01']);
    expect(doc.conceptsByPassage['003/p00']).toEqual(['two-establishments', 'two-safeguards']);
    expect(doc.conceptsByPassage['003/p01']).toEqual([]);
    expect(getDocument(data, '999')).toBeNull();
    expect(passageText('003/p00')).toContain('二つの維持');
  });
});
