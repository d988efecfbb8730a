import { describe, expect, it } from 'vitest';
import { QUERY_INPUT_MAX, RAW_QUERY_CAP } from '../../lib/core/limits.ts';
import { readInput } from './SearchBox.tsx';

describe('search box cap', () => {
  it('holds as many characters as the search reads', () => {
    expect(QUERY_INPUT_MAX).toBe(RAW_QUERY_CAP);
  });

  it('cuts to the cap, never between the halves of a surrogate pair', () => {
    const el = document.createElement('input');
    el.value = 'x'.repeat(QUERY_INPUT_MAX - 1) + '😀cd'; // the emoji would be split: dropped whole
    expect(readInput(el)).toEqual({ value: 'x'.repeat(QUERY_INPUT_MAX - 1), cut: true });
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
