import { describe, expect, it } from 'vitest';
import { cutSafe, pairSafeEnd, pairSafeStart, QUERY_SEND_CAP, RAW_QUERY_CAP } from './limits.ts';

describe('cutSafe', () => {
  it('keeps short strings whole', () => {
    expect(cutSafe('abc', 5)).toBe('abc');
    expect(cutSafe('', 0)).toBe('');
  });
  it('cuts to n units', () => {
    expect(cutSafe('abcdef', 3)).toBe('abc');
    expect(cutSafe('abc', 0)).toBe('');
  });
  it('never splits a surrogate pair', () => {
    const s = 'a𠀀b'; // 𠀀 is two UTF-16 units at 1..2
    expect(cutSafe(s, 2)).toBe('a');
    expect(cutSafe(s, 3)).toBe('a𠀀');
  });
  it('sends one character more than the search reads', () => {
    expect(QUERY_SEND_CAP).toBe(RAW_QUERY_CAP + 1);
  });
});

describe('pairSafeStart / pairSafeEnd', () => {
  const s = 'a𠀀b'; // the pair is at 1..2
  it('moves an edge inside a pair to the pair start', () => {
    expect(pairSafeStart(s, 2)).toBe(1);
    expect(pairSafeEnd(s, 2)).toBe(1);
  });
  it('leaves edges between units alone', () => {
    expect(pairSafeStart(s, 1)).toBe(1);
    expect(pairSafeStart(s, 0)).toBe(0);
    expect(pairSafeEnd(s, 3)).toBe(3);
    expect(pairSafeEnd(s, 4)).toBe(4);
    expect(pairSafeEnd(s, 0)).toBe(0);
  });
});
