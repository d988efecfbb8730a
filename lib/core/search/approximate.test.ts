import { describe, expect, it } from 'vitest';
import { bestSubstringMatch, editDistance } from './approximate.ts';

describe('approximate', () => {
  it('editDistance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
    expect(editDistance('dalain', 'dalian')).toBe(1); // transposition
  });
  it('bestSubstringMatch finds the closest span', () => {
    expect(bestSubstringMatch('stabilise', 'firmly stabilize the')).toMatchObject({
      dist: 1,
      start: 7,
      end: 16,
    });
    const m = bestSubstringMatch('revitalisation', 'the rural revitalization strategy');
    expect(m.dist).toBe(1);
    expect('the rural revitalization strategy'.slice(m.start, m.end)).toBe('revitalization');
  });
});
