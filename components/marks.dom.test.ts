import { describe, expect, it } from 'vitest';
import { segment } from './marks.ts';

describe('segment', () => {
  it('splits text at ranges', () => {
    expect(segment('abcdef', [{ start: 1, end: 3 }])).toEqual([
      { text: 'a', marked: false },
      { text: 'bc', marked: true, tag: undefined },
      { text: 'def', marked: false },
    ]);
  });
  it('drops overlapping and empty ranges, clamps out-of-range ones, never loses text', () => {
    const s = segment('abcdef', [
      { start: 4, end: 99 },
      { start: 0, end: 2 },
      { start: 1, end: 3 },
      { start: 3, end: 3 },
    ]);
    expect(s.map((x) => x.text).join('')).toBe('abcdef');
    expect(s.filter((x) => x.marked).map((x) => x.text)).toEqual(['ab', 'ef']);
  });
  it('carries tags', () => {
    expect(segment('xy', [{ start: 0, end: 1, tag: 'c1' }])[0]).toEqual({
      text: 'x',
      marked: true,
      tag: 'c1',
    });
  });
  it('handles surrogate-free UTF-16 offsets in CJK text', () => {
    const s = segment('市委員会常務委員会', [{ start: 4, end: 9 }]);
    expect(s[1]!.text).toBe('常務委員会');
  });
});
