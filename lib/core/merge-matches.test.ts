import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeMatches } from './merge-matches.ts';
import type { TermMatch } from './types.ts';

const m = (start: number, end: number, conceptId: string): TermMatch => ({ start, end, conceptId });

describe('mergeMatches (bundled and user matches of one block)', () => {
  it('keeps both where they do not overlap, in text order', () => {
    expect(mergeMatches([m(5, 9, 'b1')], [m(0, 2, 'u1'), m(10, 12, 'u2')])).toEqual([
      m(0, 2, 'u1'),
      m(5, 9, 'b1'),
      m(10, 12, 'u2'),
    ]);
  });

  it('gives an overlap to the longer match, from either side', () => {
    // user "维护" inside bundled "两个维护": the bundled one is longer
    expect(mergeMatches([m(4, 8, 'b')], [m(6, 8, 'u')])).toEqual([m(4, 8, 'b')]);
    // user "坚决做到两个维护" around it: the user's is longer
    expect(mergeMatches([m(4, 8, 'b')], [m(0, 8, 'u')])).toEqual([m(0, 8, 'u')]);
    // partly overlapping on the left
    expect(mergeMatches([m(4, 8, 'b')], [m(2, 5, 'u')])).toEqual([m(4, 8, 'b')]);
  });

  it('gives a tie (same length) to the bundled concept', () => {
    expect(mergeMatches([m(4, 8, 'b')], [m(4, 8, 'u')])).toEqual([m(4, 8, 'b')]);
    expect(mergeMatches([m(4, 8, 'b')], [m(6, 10, 'u')])).toEqual([m(4, 8, 'b')]);
  });

  it('drops a loser whole and lets a match beaten by nobody stay', () => {
    // a long user term removes two bundled ones; a third, beyond it, stays
    expect(mergeMatches([m(0, 2, 'b1'), m(3, 5, 'b2'), m(9, 11, 'b3')], [m(1, 8, 'u')])).toEqual([
      m(1, 8, 'u'),
      m(9, 11, 'b3'),
    ]);
  });

  it('returns either list as it is when the other is empty', () => {
    const b = [m(0, 2, 'b')];
    expect(mergeMatches(b, [])).toBe(b);
    const u = [m(0, 2, 'u')];
    expect(mergeMatches([], u)).toBe(u);
  });

  it('never overlaps, keeps only input matches, and loses no match that overlapped nothing', () => {
    // non-overlapping sorted lists, as each matcher gives them
    const list = fc
      .array(fc.tuple(fc.nat(4), fc.integer({ min: 1, max: 6 })), { maxLength: 8 })
      .map((gaps) => {
        let at = 0;
        return gaps.map(([gap, len], i) => {
          const start = at + gap;
          at = start + len;
          return m(start, start + len, `c${i}`);
        });
      });
    fc.assert(
      fc.property(list, list, (b, u) => {
        const user = u.map((x) => ({ ...x, conceptId: `u.${x.conceptId}` }));
        const out = mergeMatches(b, user);
        for (let i = 1; i < out.length; i++) expect(out[i]!.start).toBeGreaterThanOrEqual(out[i - 1]!.end);
        for (const x of out) expect([...b, ...user]).toContainEqual(x);
        const overlaps = (p: TermMatch, q: TermMatch) => p.start < q.end && q.start < p.end;
        for (const x of b) if (!user.some((y) => overlaps(x, y))) expect(out).toContainEqual(x);
        for (const y of user) if (!b.some((x) => overlaps(x, y))) expect(out).toContainEqual(y);
        // every dropped match overlaps a kept one at least as long
        for (const x of [...b, ...user])
          if (!out.includes(x))
            expect(out.some((k) => overlaps(k, x) && k.end - k.start >= x.end - x.start)).toBe(true);
      }),
    );
  });
});
