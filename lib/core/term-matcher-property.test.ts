import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeQuery } from './normalize.ts';
import { FLAG_CASE_SENSITIVE, FLAG_QUOTED_ONLY, findTermMatches } from './term-matcher.ts';
import { build, oracle } from './term-matcher.fixture.ts';

describe('findTermMatches vs oracle (property)', () => {
  it('CJK patterns: equals indexOf + leftmost-longest', () => {
    const alpha = fc.constantFrom('六', '稳', '保', '两', '个', '维', '护', 'あ');
    const pat = fc.string({ unit: alpha, minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(pat, { minLength: 1, maxLength: 12 }),
        fc.string({ unit: alpha, maxLength: 60 }),
        (pats, text) => {
          const { m } = build(pats.map((p, k) => [p, k] as [string, number]));
          const got = findTermMatches(m, text).map((x) => [x.start, x.end, Number(x.conceptId.slice(1))]);
          expect(got).toEqual(oracle(pats, text));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('Latin patterns: equals the oracle with word boundaries', () => {
    const alpha = fc.constantFrom('a', 'b', 'c', ' ', '-', '1');
    const pat = fc
      .string({ unit: alpha, minLength: 1, maxLength: 5 })
      .filter((p) => p.trim() === p && p.length > 0 && !/ {2}/.test(p)); // patterns in normal form
    fc.assert(
      fc.property(
        fc.array(pat, { minLength: 1, maxLength: 10 }),
        fc.string({ unit: alpha, maxLength: 60 }),
        (pats, text) => {
          // the text must already be in normal form for offsets to coincide
          fc.pre(!/ {2}/.test(text));
          const { m } = build(pats.map((p, k) => [p, k] as [string, number]));
          const got = findTermMatches(m, text).map((x) => [x.start, x.end, Number(x.conceptId.slice(1))]);
          expect(got).toEqual(oracle(pats, text, true));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('every match normalises to one of its concept patterns and matches do not overlap', () => {
    const unit = fc.constantFrom(
      '六',
      '稳',
      '保',
      'a',
      'B',
      ' ',
      '\u200b',
      '\u3000',
      'Ａ',
      '－',
      '-',
      '😀',
      '\u0301',
      '㍻',
      '平',
      '成',
      '「',
      '」',
      'ｶ',
      'ﾞ',
      'ガ',
    );
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit, minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.string({ unit, maxLength: 50 }),
        (pats, text) => {
          const { m } = build(pats.map((p, k) => [p, k] as [string, number]));
          let last = 0;
          for (const r of findTermMatches(m, text)) {
            expect(r.start).toBeGreaterThanOrEqual(last);
            expect(r.end).toBeGreaterThan(r.start);
            last = r.end;
            const k = Number(r.conceptId.slice(1));
            const got = normalizeQuery(text.slice(r.start, r.end));
            // an NFKC expansion may be widened (㍻ for 平成): then the match is a substring
            expect(got.includes(normalizeQuery(pats[k]!))).toBe(true);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('findTermMatches never throws', () => {
  const { m } = build([
    ['六稳', 0],
    ['Plan', 1, FLAG_CASE_SENSITIVE],
    ['トップ', 2, FLAG_QUOTED_ONLY],
    ['a', 3],
    ['\ufffd', 4],
  ]);
  const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

  it('on arbitrary code points', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        for (const r of findTermMatches(m, s)) {
          expect(r.start).toBeGreaterThanOrEqual(0);
          expect(r.end).toBeLessThanOrEqual(s.length);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('on arbitrary UTF-16 (lone surrogates) and never splits a pair', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.oneof(anyUnit, fc.constantFrom('😀', '\ud800', '\udc00', 'a', '六稳', '\u200f')),
        }),
        (s) => {
          for (const r of findTermMatches(m, s)) {
            for (const p of [r.start, r.end]) {
              if (p > 0 && p < s.length) {
                expect(
                  (s.charCodeAt(p) & 0xfc00) === 0xdc00 && (s.charCodeAt(p - 1) & 0xfc00) === 0xd800,
                ).toBe(false);
              }
            }
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('on a long string of repeated single-character matches', () => {
    const s = 'a '.repeat(200_000);
    const r = findTermMatches(m, s);
    expect(r.length).toBe(200_000);
  });

  it('on lone surrogates matched by a U+FFFD pattern', () => {
    expect(findTermMatches(m, 'x\ud800 \udc00')).toEqual([
      { start: 1, end: 2, conceptId: 'c4' },
      { start: 3, end: 4, conceptId: 'c4' },
    ]);
  });
});
