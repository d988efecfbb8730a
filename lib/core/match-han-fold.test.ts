import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldHan, hanFoldTable, restrictHanFold } from './match-han-fold.ts';
import { HAN_FOLD_PAIRS } from './search/han-fold-table.ts';
import { compileMatcher, createMatcher, findTermMatches } from './term-matcher.ts';

const FULL = hanFoldTable(HAN_FOLD_PAIRS);

/** A matcher over Han-folded patterns, shipped with the restricted pairs (as build-corpus.ts does). */
function folded(patterns: string[]) {
  const entries = patterns.map((p, k) => ({ text: foldHan(p, FULL), concept: k, flags: 0 }));
  const data = compileMatcher(entries, {
    ids: patterns.map((_, k) => `c${k}`),
    categories: patterns.map(() => 'plan'),
  });
  data.hanFold = restrictHanFold(
    HAN_FOLD_PAIRS,
    entries.map((e) => e.text),
  );
  return createMatcher(data);
}
const find = (patterns: string[], text: string) =>
  findTermMatches(folded(patterns), text).map((m) => [text.slice(m.start, m.end), m.conceptId]);

describe('Han folding in the matcher', () => {
  it('simplified, traditional and Japanese forms of one term match each other, mixed too', () => {
    const pats = ['中国共产党', '习近平国家主席', '第14次5カ年計画'];
    expect(find(pats, '中國共產黨の中央委員会')).toEqual([['中國共產黨', 'c0']]);
    expect(find(pats, '中國共産黨の文書')).toEqual([['中國共産黨', 'c0']]);
    expect(find(pats, '習近平國家主席は')).toEqual([['習近平國家主席', 'c1']]);
    expect(find(pats, '旧字体の第14次5カ年計畫')).toEqual([['第14次5カ年計畫', 'c2']]);
  });

  it('keeps offsets: folding is one unit for one unit', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('國', '国', '黨', '党', '産', '產', 'a', ' ', '😀') }),
        (s) => {
          expect(foldHan(s, FULL).length).toBe(s.length);
        },
      ),
    );
  });

  it('ships only the pairs whose canonical form a pattern uses', () => {
    const pairs = restrictHanFold(HAN_FOLD_PAIRS, ['中国共产党']);
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.length).toBeLessThan(40);
    const t = hanFoldTable(pairs);
    expect(foldHan('中國共產黨 發展', t)).toBe('中国共产党 發展'); // 發 folds to nothing a pattern uses
  });

  it('property: equals an oracle that folds both sides with the full table and searches with indexOf', () => {
    const alpha = fc.constantFrom(
      '國',
      '国',
      '黨',
      '党',
      '産',
      '產',
      '产',
      '発',
      '發',
      '发',
      '展',
      '中',
      'の',
    );
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: alpha, minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        fc.string({ unit: alpha, maxLength: 40 }),
        (pats, text) => {
          const got = findTermMatches(folded(pats), text).map((m) => [m.start, m.end]);
          // oracle: leftmost-longest over folded strings
          const ft = foldHan(text, FULL);
          const fp = pats.map((p) => foldHan(p, FULL));
          const want: number[][] = [];
          for (let i = 0; i < ft.length;) {
            let best = 0;
            for (const p of fp) if (ft.startsWith(p, i)) best = Math.max(best, p.length);
            if (best) {
              want.push([i, i + best]);
              i += best;
            } else i++;
          }
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 500 },
    );
  });
});
