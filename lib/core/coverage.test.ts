import { describe, expect, it } from 'vitest';
import {
  computeCoverage,
  extractCandidates,
  extractNumbered,
  extractQuoted,
  formatCoverageLine,
  suggestConcepts,
  summarize,
  unusedExclusions,
} from './coverage.ts';
import type { Passage, TermMatch } from './types.ts';

const terms = (xs: Array<{ term: string }>) => xs.map((x) => x.term);

describe('quoted terms', () => {
  it('finds 「」『』“”"" including nested quotes, with offsets', () => {
    const t =
      '「二つの確立」を守り、『秀洲区の「プロジェクト建設年」深化活動』と“Two Safeguards”、"six stability" work';
    const q = extractQuoted(t);
    expect(terms(q)).toEqual([
      '二つの確立',
      '秀洲区の「プロジェクト建設年」深化活動',
      'プロジェクト建設年',
      'Two Safeguards',
      'six stability',
    ]);
    for (const x of q) expect(t.slice(x.start, x.end)).toBe(x.term);
  });
  it('ignores unbalanced and empty quotes', () => {
    expect(terms(extractQuoted('「」 と 「未完'))).toEqual([]);
  });
});

describe('numbered formulations', () => {
  it('Japanese 〜つの formulations (kanji, ASCII and full-width digits)', () => {
    expect(
      terms(extractNumbered('「二つの確立」と四つの意識を強め、「5つの一体化」、４つの形態の運用')),
    ).toEqual(['二つの確立', '四つの意識', '5つの一体化', '４つの形態']);
    expect(terms(extractNumbered('四つの優れた党細胞」モデル'))).toEqual(['四つの優れた党細胞']);
  });
  it('compact formulations: 六安定 / 六保 / 三重一大, not plain numbers or counters', () => {
    expect(terms(extractNumbered('「六安定」と「六保」、「三重一大」事項'))).toEqual([
      '六安定',
      '六保',
      '三重一大',
    ]);
    expect(terms(extractNumbered('十一、三年間、二人が、七取り入れ、第十三'))).toEqual([]);
  });
  it('Chinese 两个维护 / 四个意识', () => {
    expect(terms(extractNumbered('做到两个维护，增强四个意识'))).toEqual(['两个维护', '四个意识']);
  });
  it('English: after "the" or a quote, or in Title Case; not "two years"', () => {
    expect(
      terms(extractNumbered('do a solid job in the "six stability" work and the six guarantees task')),
    ).toEqual(['six stability', 'six guarantees']);
    expect(terms(extractNumbered('the Four Consciousnesses'))).toEqual(['Four Consciousnesses']);
    expect(terms(extractNumbered('within two years, the two years, six units'))).toEqual([]);
  });
});

describe('coverage', () => {
  const passages: Passage[] = [
    {
      id: 'x/p00',
      docId: 'x',
      index: 0,
      text: '「二つの確立」と「大連市リスト」',
      start: 0,
      end: 16,
      section: [],
    },
    {
      id: 'x/p01',
      docId: 'x',
      index: 1,
      text: '「共富ワークショップ」と「共富ワークショップ」、「未知」',
      start: 18,
      end: 44,
      section: [],
    },
  ];
  const matches = (id: string): TermMatch[] =>
    id === 'x/p00' ? [{ start: 1, end: 6, conceptId: 'two-establishments' }] : [];
  const entries = computeCoverage({
    candidates: extractCandidates(passages),
    matches,
    exclusions: [
      { term: '「大連市リスト」', reason: 'local list' },
      { term: 'stale', reason: 'x' },
    ],
    normalize: (s) => s.normalize('NFKC').toLowerCase(),
  });
  it('classifies every term as covered, excluded or missing', () => {
    expect(entries.map(formatCoverageLine)).toEqual([
      'covered-by two-establishments\tnumbered+quoted\t二つの確立\t×1\tx/p00',
      'excluded (local list)\tquoted\t大連市リスト\t×1\tx/p00',
      'MISSING\tquoted\t共富ワークショップ\t×2\tx/p01',
      'MISSING\tquoted\t未知\t×1\tx/p01',
    ]);
    expect(summarize(entries)).toEqual({ covered: 1, excluded: 1, missing: 2 });
  });
  it('suggests recurring missing terms and lists stale exclusions', () => {
    expect(suggestConcepts(entries).map((e) => e.term)).toEqual(['共富ワークショップ']);
    expect(unusedExclusions(entries, [{ term: '「大連市リスト」' }, { term: 'stale' }], (s) => s)).toEqual([
      'stale',
    ]);
  });
  it('exclusions may be written with or without their outer quotes; inner quotes are kept', () => {
    const e = computeCoverage({
      candidates: extractCandidates([
        { ...passages[0]!, text: '『「トップ」と指導グループの監督に関する通知』と「責任田」' },
      ]),
      matches: () => [],
      exclusions: [
        { term: '「トップ」と指導グループの監督に関する通知', reason: 'title' },
        { term: '「責任田」', reason: 'metaphor' },
      ],
      normalize: (s) => s,
    });
    expect(e.map((x) => `${x.status}:${x.term}`)).toEqual([
      'excluded:「トップ」と指導グループの監督に関する通知',
      'missing:トップ',
      'excluded:責任田',
    ]);
  });
  it('a match that covers only part of a quoted term does not cover it', () => {
    const e = computeCoverage({
      candidates: extractCandidates([{ ...passages[0]!, text: '「二つの確立の堅持」' }]),
      matches: () => [{ start: 1, end: 6, conceptId: 'two-establishments' }],
      exclusions: [],
      normalize: (s) => s,
    });
    expect(e.find((x) => x.term === '二つの確立の堅持')!.status).toBe('missing');
  });
});
