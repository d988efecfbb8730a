import { describe, expect, it } from 'vitest';
import type { ConceptDetails } from '../../lib/core/types.ts';
import { locateOccurrence, passageRanges } from './locate.ts';

const text = '会議は市委員会常務委員会を開き、市委員会常務委員会の報告を聴取した。';
const term = '市委員会常務委員会';

describe('locateOccurrence', () => {
  it('uses exact ranges when given', () => {
    const r = locateOccurrence(text, 'c', {
      docId: '000',
      passageId: '000/p01',
      snippet: '',
      marks: [],
      ranges: [[3, 12]],
    });
    expect(r).toEqual([{ start: 3, end: 12, tag: 'c' }]);
  });
  it('maps snippet marks into the passage', () => {
    const snippet = `…開き、${term}の報告…`;
    const a = snippet.indexOf('市');
    const r = locateOccurrence(text, 'c', {
      docId: '000',
      passageId: '000/p01',
      snippet,
      marks: [[a, a + 9]],
    });
    expect(r).toHaveLength(1);
    expect(text.slice(r[0]!.start, r[0]!.end)).toBe(term);
    expect(r[0]!.start).toBe(text.lastIndexOf(term));
  });
  it('falls back to the first free occurrence of the marked term', () => {
    const taken = [] as Array<{ start: number; end: number }>;
    const occ = {
      docId: '000',
      passageId: '000/p01',
      snippet: `xx ${term} yy`,
      marks: [[3, 12]] as Array<[number, number]>,
    };
    const r1 = locateOccurrence(text, 'c', occ, taken);
    const r2 = locateOccurrence(text, 'c', occ, taken);
    expect(r1[0]!.start).toBe(3);
    expect(r2[0]!.start).toBe(text.lastIndexOf(term));
  });
});

describe('passageRanges', () => {
  const details = (
    snippet: string,
    marks: Array<[number, number]>,
    passageId = '000/p01',
  ): ConceptDetails => ({
    concept: {
      id: 'c',
      category: 'institution',
      labels: { en: 'x', ja: 'x', 'zh-Hans': 'x', 'zh-Hant': 'x' },
      aliases: {},
      definition: { en: '' },
      related: [],
    },
    occurrences: [{ docId: '000', passageId, snippet, marks }],
  });
  it('recovers occurrences outside the snippet window from the same surface form', () => {
    const snippet = `会議は${term}を開き…`;
    const r = passageRanges('000/p01', text, [details(snippet, [[3, 12]])]);
    expect(r.map((x) => text.slice(x.start, x.end))).toEqual([term, term]);
  });
  it('ignores concepts that do not occur in the passage', () => {
    expect(passageRanges('000/p01', text, [details(`${term}`, [[0, 9]], '000/p02')])).toEqual([]);
  });
});
