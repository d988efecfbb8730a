import { describe, expect, it } from 'vitest';
import { makeSnippet } from './snippet.ts';

describe('makeSnippet', () => {
  it('makeSnippet keeps marks inside and adds ellipses', () => {
    const text = 'a'.repeat(300) + 'TARGET' + 'b'.repeat(300);
    const { snippet, marks } = makeSnippet(text, [[300, 306]]);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.slice(marks[0]![0], marks[0]![1])).toBe('TARGET');
  });
});

describe('makeSnippet anchor', () => {
  it('centres on the primary (first given) range even when an earlier range exists', () => {
    const text = `${'x'.repeat(10)}EARLY${'y'.repeat(400)}MAIN${'z'.repeat(100)}`;
    const { snippet, marks } = makeSnippet(text, [
      [415, 419],
      [10, 15],
    ]);
    expect(marks.map(([s, e]) => snippet.slice(s, e))).toEqual(['MAIN']);
  });
});
