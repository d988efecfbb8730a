// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../core/term-matcher.ts';
import { loadPageMatcher } from './page-matcher.ts';

describe('loadPageMatcher', () => {
  it('decodes the automaton only on first use', () => {
    const data = compileMatcher([{ text: '两个维护', concept: 0, flags: 0 }], {
      ids: ['two-safeguards'],
      categories: ['formulation'],
    });
    const m = loadPageMatcher(data);
    expect(m.ready()).toBe(false);
    expect(m.categoryOf('two-safeguards')).toBe('formulation'); // no decoding needed
    expect(m.ready()).toBe(false);
    expect(m.find('坚决做到两个维护')).toEqual([{ start: 4, end: 8, conceptId: 'two-safeguards' }]);
    expect(m.ready()).toBe(true);
    m.warm(); // idempotent
    expect(m.categoryOf('nope')).toBeUndefined();
  });
});
