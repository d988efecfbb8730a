import { describe, expect, it } from 'vitest';
import { pageTerms } from './page-terms.ts';
import { build } from './term-matcher.fixture.ts';

/**
 * A synthetic glossary through the page path: `terms` as [text, concept], the `gated` texts
 * need context, `shared` forms list the concept indices that share them, `countries` one
 * letter per concept ('c', 'v', '-').
 */
function page(
  terms: Array<[string, number]>,
  opts: { gated?: string[]; shared?: Record<string, number[]>; countries?: string } = {},
) {
  const { data, m } = build(terms);
  const needsContext = terms.filter(([t]) => opts.gated?.includes(t)).map(([t, c]) => `${c} ${t}`);
  const p = pageTerms(m, { needsContext, contextShared: opts.shared, countries: opts.countries });
  void data;
  return (text: string) => p.find(text).map((x) => [text.slice(x.start, x.end), x.conceptId]);
}

describe('a gated phrase loses an overlap to a name that needs no context', () => {
  const find = page(
    [
      ['sửa đổi hiến pháp', 0],
      ['hiến pháp năm 2013', 1],
      ['quốc hội', 2],
    ],
    { gated: ['sửa đổi hiến pháp'] },
  );

  it('the name inside the gated phrase stands, the gated phrase goes', () => {
    expect(find('Quốc hội xem xét sửa đổi Hiến pháp năm 2013 trong kỳ họp này.')).toEqual([
      ['Quốc hội', 'c2'],
      ['Hiến pháp năm 2013', 'c1'],
    ]);
  });

  it('without an overlapping name the gated phrase keeps its evidence rule', () => {
    expect(find('Quốc hội xem xét sửa đổi Hiến pháp trong kỳ họp này.')).toEqual([
      ['Quốc hội', 'c2'],
      ['sửa đổi Hiến pháp', 'c0'],
    ]);
    expect(find('Câu lạc bộ bàn chuyện sửa đổi Hiến pháp của hội.')).toEqual([]);
  });

  it('a name that starts mid-word inside the gated phrase does not stand', () => {
    const f = page(
      [
        ['party plenum', 0],
        ['arty plenum session', 1],
        ['xi jinping', 2],
      ],
      { gated: ['party plenum'] },
    );
    expect(f('Xi Jinping opened the party plenum session.')).toEqual([
      ['Xi Jinping', 'c2'],
      ['party plenum', 'c0'],
    ]);
  });

  it('an ungated match is never displaced', () => {
    const f = page(
      [
        ['甲乙', 0],
        ['乙丙', 1],
      ],
      { gated: [] },
    );
    // (Han: no word boundaries needed)
    expect(f('甲乙丙')).toEqual([['甲乙', 'c0']]);
  });
});

describe('Han words around a match', () => {
  const find = page(
    [
      ['首相', 0],
      ['中共', 1],
      ['越共', 2],
      ['中国共产党', 3],
      ['国务院副总理', 4],
    ],
    {},
  );

  it('a deputy (副) office is another office', () => {
    expect(find('副首相と首相が会談した。')).toEqual([['首相', 'c0']]);
    expect(find('国务院副总理出席。')).toEqual([['国务院副总理', 'c4']]);
  });

  it('中 or 越 of a country pair before 共同 is not the Party', () => {
    expect(find('日中共同声明')).toEqual([]);
    expect(find('米中共同記者会見')).toEqual([]);
    expect(find('中越共同声明')).toEqual([]);
    expect(find('越共和中共同意加强交流。')).toEqual([
      ['越共', 'c2'],
      ['中共', 'c1'],
    ]);
    expect(find('中国共产党与越共')).toEqual([
      ['中国共产党', 'c3'],
      ['越共', 'c2'],
    ]);
  });
});

describe('a shared name of one country only', () => {
  const find = page(
    [
      ['国家行政学院', 0],
      ['习近平', 1],
      ['苏林', 2],
    ],
    { gated: ['国家行政学院'], shared: { 国家行政学院: [0] }, countries: 'ccv' },
  );

  it('stands near its own country and goes near the other country', () => {
    expect(find('习近平在国家行政学院讲话。')).toEqual([
      ['习近平', 'c1'],
      ['国家行政学院', 'c0'],
    ]);
    expect(find('苏林在国家行政学院讲话。')).toEqual([['苏林', 'c2']]);
  });
});
