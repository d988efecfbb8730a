import { describe, expect, it } from 'vitest';
import { QUERY_INPUT_MAX, cutQuery, readInput } from './SearchBox.tsx';
import { RAW_QUERY_CAP } from '../../lib/core/limits.ts';

describe('search box cap', () => {
  it('holds as many characters as the search reads', () => {
    expect(QUERY_INPUT_MAX).toBe(RAW_QUERY_CAP);
  });

  it('cuts to the cap, never between the halves of a surrogate pair', () => {
    expect(cutQuery('abc', 5)).toBe('abc');
    expect(cutQuery('abcdef', 4)).toBe('abcd');
    expect(cutQuery('ab😀cd', 3)).toBe('ab'); // the emoji would be split: dropped whole
    expect(cutQuery('ab😀cd', 4)).toBe('ab😀');
  });

  it('cuts a value set by script in the input handler, synchronously', () => {
    const el = document.createElement('input');
    el.value = 'x'.repeat(QUERY_INPUT_MAX + 10);
    const r = readInput(el);
    expect(r.cut).toBe(true);
    expect(r.value.length).toBe(QUERY_INPUT_MAX);
    expect(el.value.length).toBe(QUERY_INPUT_MAX);
    el.value = 'two safeguards';
    expect(readInput(el)).toEqual({ value: 'two safeguards', cut: false });
  });
});
