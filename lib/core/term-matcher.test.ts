import { describe, expect, it } from 'vitest';
import {
  compileMatcher,
  createMatcher,
  FLAG_CASE_SENSITIVE,
  FLAG_CORPUS_ONLY,
  FLAG_QUOTED_ONLY,
  findTermMatches,
} from './term-matcher.ts';
import { build, CJK, LAT, randomPatterns, spans } from './term-matcher.fixture.ts';

describe('findTermMatches: basics', () => {
  const { m } = build([
    ['六稳', 0],
    ['六穩', 0],
    ['六保', 1],
    ['Plan', 2],
    ['Five-Year Plan', 3],
    ['14th Five-Year Plan', 4],
    ['第14次5カ年計画', 4],
    ['Two Safeguards', 5],
    ['Nghị quyết 18-NQ/TW', 6],
  ]);

  it('finds CJK terms inside running text without spaces', () => {
    expect(spans(m, '做好六稳工作，落实六保任务')).toEqual([
      ['六稳', 'c0'],
      ['六保', 'c1'],
    ]);
  });

  it('requires word boundaries for Latin patterns', () => {
    expect(spans(m, 'Planet plans Plan, explanation (Plan)')).toEqual([
      ['Plan', 'c2'],
      ['Plan', 'c2'],
    ]);
    expect(spans(m, 'xPlan Plan9 Plan_ 9Plan')).toEqual([['Plan', 'c2']]);
    // CJK neighbours are not word characters
    expect(spans(m, '中国Plan计划')).toEqual([['Plan', 'c2']]);
    // Vietnamese letters are word characters
    expect(spans(m, 'ủPlan Planư')).toEqual([]);
  });

  it('prefers leftmost-longest', () => {
    expect(spans(m, 'the 14th Five-Year Plan and a Five-Year Plan and a Plan')).toEqual([
      ['14th Five-Year Plan', 'c4'],
      ['Five-Year Plan', 'c3'],
      ['Plan', 'c2'],
    ]);
  });

  it('matches through case, width, dash, space and invisible-character differences', () => {
    const s =
      'THE 14TH FIVE–YEAR\u00a0\u00a0PLAN; 「第１４次５カ年計画」; six\u200b 六\u200b稳 TWO\nSAFEGUARDS';
    expect(spans(m, s)).toEqual([
      ['14TH FIVE–YEAR\u00a0\u00a0PLAN', 'c4'],
      ['第１４次５カ年計画', 'c4'],
      ['六\u200b稳', 'c0'],
      ['TWO\nSAFEGUARDS', 'c5'],
    ]);
  });

  it('matches Vietnamese with precomposed or decomposed diacritics', () => {
    expect(spans(m, 'Theo Nghị quyết 18-NQ/TW, ...')).toEqual([['Nghị quyết 18-NQ/TW', 'c6']]);
    const decomposed = 'Theo Nghi\u0323 quye\u0302\u0301t 18-NQ/TW.';
    expect(spans(m, decomposed)).toEqual([['Nghi\u0323 quye\u0302\u0301t 18-NQ/TW', 'c6']]);
  });

  it('returns exact UTF-16 offsets around surrogate pairs and expansions', () => {
    const s = '😀六稳𠮷Plan😀';
    const r = findTermMatches(m, s);
    expect(r).toEqual([
      { start: 2, end: 4, conceptId: 'c0' },
      { start: 6, end: 10, conceptId: 'c2' },
    ]);
  });

  it('handles empty and degenerate input', () => {
    expect(findTermMatches(m, '')).toEqual([]);
    expect(findTermMatches(m, '\u200b\u200e')).toEqual([]);
    const empty = createMatcher(compileMatcher([], { ids: [], categories: [] }));
    expect(findTermMatches(empty, 'anything 六稳')).toEqual([]);
    expect(empty.patternCount).toBe(0);
  });

  it('exposes ids and categories', () => {
    expect(m.ids[0]).toBe('c0');
    const categoryOf = (id: string) => m.categories[m.ids.indexOf(id)];
    expect(categoryOf('c3')).toBe('plan');
    expect(categoryOf('c0')).toBe('formulation');
    expect(categoryOf('nope')).toBeUndefined();
    expect(m.patternCount).toBe(9);
  });

  it('does not overlap when an NFKC expansion is split between two patterns', () => {
    const { m: m2 } = build([
      ['x平', 0],
      ['成元', 1],
    ]);
    const r = findTermMatches(m2, 'x㍻元');
    expect(r).toEqual([{ start: 0, end: 2, conceptId: 'c0' }]);
  });
});

describe('findTermMatches: flags', () => {
  it('caseSensitive compares the original casing', () => {
    const { m } = build([
      ['US', 0, FLAG_CASE_SENSITIVE],
      ['Belt and Road', 1],
    ]);
    expect(spans(m, 'US policy, let us go, Us, ＵＳ')).toEqual([
      ['US', 'c0'],
      ['ＵＳ', 'c0'],
    ]);
    expect(spans(m, 'BELT AND ROAD')).toEqual([['BELT AND ROAD', 'c1']]);
  });

  it('a case-sensitive entry does not block a case-insensitive one with the same text', () => {
    const { m } = build([
      ['CPC', 0, FLAG_CASE_SENSITIVE],
      ['cpc', 1],
    ]);
    expect(spans(m, 'CPC cpc Cpc')).toEqual([
      ['CPC', 'c0'],
      ['cpc', 'c1'],
      ['Cpc', 'c1'],
    ]);
  });

  it('quotedOnly requires an enclosing quote pair', () => {
    const { m } = build([
      ['トップ', 0, FLAG_QUOTED_ONLY],
      ['top', 1, FLAG_QUOTED_ONLY],
    ]);
    expect(spans(m, 'トップ 「トップ」 『トップ』 「トップ』 “top” "top" ‘top’ top «top»')).toEqual([
      ['トップ', 'c0'],
      ['トップ', 'c0'],
      ['top', 'c1'],
      ['top', 'c1'],
      ['top', 'c1'],
      ['top', 'c1'],
    ]);
    expect(spans(m, '「トップ')).toEqual([]);
    expect(spans(m, 'トップ」')).toEqual([]);
  });

  it('a failing flagged alias does not block a shorter unflagged match', () => {
    const { m } = build([
      ['六稳工作', 0, FLAG_QUOTED_ONLY],
      ['六稳', 1],
    ]);
    expect(spans(m, '做好六稳工作')).toEqual([['六稳', 'c1']]);
    expect(spans(m, '做好「六稳工作」')).toEqual([['六稳工作', 'c0']]);
  });

  it('corpusOnly is skipped on pages (the default) and used in the corpus', () => {
    const { m } = build([
      ['党中央', 0, FLAG_CORPUS_ONLY],
      ['六稳', 1],
    ]);
    expect(spans(m, '党中央六稳')).toEqual([['六稳', 'c1']]);
    expect(spans(m, '党中央六稳', 'page')).toEqual([['六稳', 'c1']]);
    expect(spans(m, '党中央六稳', 'corpus')).toEqual([
      ['党中央', 'c0'],
      ['六稳', 'c1'],
    ]);
  });

  it('the first entry wins for an alias shared by two concepts', () => {
    const { m } = build([
      ['Party Central Committee', 1],
      ['party central committee', 0],
    ]);
    expect(spans(m, 'the Party Central Committee')).toEqual([['Party Central Committee', 'c1']]);
  });
});

describe('findTermMatches: a large input', () => {
  it('scans 1 MB of mixed text to the end, in order', () => {
    const { pats, rnd } = randomPatterns(7, 100, (k) => (k % 50 === 0 ? FLAG_CASE_SENSITIVE : 0));
    const ids = Array.from({ length: 100 }, (_, k) => `c${k}`);
    const t0 = performance.now();
    const m = createMatcher(compileMatcher(pats, { ids, categories: ids.map(() => 'plan') }));
    const tLoad = performance.now() - t0;
    let big = '';
    while (big.length < 1_000_000) {
      const a = rnd(4);
      if (a === 0) for (let q = 0; q < 60; q++) big += CJK[rnd(CJK.length)];
      else if (a === 1)
        for (let q = 0; q < 10; q++) big += LAT[rnd(26)]!.repeat(1 + rnd(3)) + LAT.slice(rnd(20), 22) + ' ';
      else if (a === 2) big += 'The 14th Five-Year Plan “六稳” 第１４次５カ年計画\u3000Nghị quyết 😀 ';
      else big += pats[rnd(3000)]!.text + ' ';
    }
    const times: number[] = [];
    let found = findTermMatches(m, big);
    for (let k = 0; k < 5; k++) {
      const t1 = performance.now();
      found = findTermMatches(m, big);
      times.push(performance.now() - t1);
    }
    const count = found.length;
    const best = Math.min(...times);
    console.log(
      `findTermMatches 1 MB (${big.length} units, 3000 patterns, ${count} matches): best ${best.toFixed(1)} ms; compile+load ${tLoad.toFixed(1)} ms`,
    );
    // Printed for information only: milliseconds are no test's business (a busy machine
    // stretches them); what is asserted is that the whole megabyte was scanned, in order.
    expect(count).toBeGreaterThan(1000);
    expect(found.findIndex((f, i) => i > 0 && f.start < found[i - 1]!.end)).toBe(-1);
    // Patterns are sown all through the text: a scan that gave up early ends far from the end.
    expect(found.at(-1)!.end).toBeGreaterThan(big.length - 10_000);
  });
});
