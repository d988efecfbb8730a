import { describe, expect, it } from 'vitest';
import {
  compileMatcher,
  createMatcher,
  FLAG_CASE_SENSITIVE,
  FLAG_CORPUS_ONLY,
  FLAG_QUOTED_ONLY,
  findTermMatches,
  type CompiledMatcher,
  type MatcherEntry,
} from './term-matcher.ts';
import { randomPatterns } from './term-matcher.fixture.ts';

describe('compileMatcher: serialisation', () => {
  const entries: MatcherEntry[] = [
    { text: '六稳', concept: 0, flags: 0 },
    { text: 'Five-Year Plan', concept: 1, flags: 0 },
    { text: 'US', concept: 2, flags: FLAG_CASE_SENSITIVE },
    { text: 'トップ', concept: 2, flags: FLAG_QUOTED_ONLY },
    { text: '党中央', concept: 0, flags: FLAG_CORPUS_ONLY },
  ];
  const concepts = { ids: ['a', 'b', 'c'], categories: ['formulation', 'plan', 'person'] };

  it('is deterministic', () => {
    expect(JSON.stringify(compileMatcher(entries, concepts))).toBe(
      JSON.stringify(compileMatcher(entries, concepts)),
    );
  });

  it('round-trips through JSON', () => {
    const data = compileMatcher(entries, concepts);
    const back = JSON.parse(JSON.stringify(data)) as CompiledMatcher;
    const s = 'US us 「トップ」 党中央 六稳 five-year plan';
    expect(findTermMatches(createMatcher(back), s, { context: 'corpus' })).toEqual(
      findTermMatches(createMatcher(data), s, { context: 'corpus' }),
    );
    expect(findTermMatches(createMatcher(back), s, { context: 'corpus' }).length).toBe(5);
  });

  it('round-trips an astral alphabet (surrogate halves) through JSON', () => {
    const data = compileMatcher([{ text: '𠮷野家', concept: 0, flags: 0 }], {
      ids: ['x'],
      categories: ['place'],
    });
    const back = JSON.parse(JSON.stringify(data)) as CompiledMatcher;
    expect(findTermMatches(createMatcher(back), 'の𠮷野家で')).toEqual([
      { start: 1, end: 5, conceptId: 'x' },
    ]);
  });

  it('rejects bad concept indices', () => {
    expect(() => compileMatcher([{ text: 'x', concept: 5, flags: 0 }], concepts)).toThrow();
  });

  it('stays small for thousands of patterns', () => {
    const { pats } = randomPatterns(42, 600);
    const ids = Array.from({ length: 600 }, (_, k) => `concept-${k}`);
    const data = compileMatcher(pats, { ids, categories: ids.map(() => 'plan') });
    const json = JSON.stringify(data);
    const idsJson = JSON.stringify(ids).length;
    console.log(
      `compiled 3000 random patterns: ${json.length} chars JSON (${new TextEncoder().encode(json).length} bytes), of which ids ${idsJson}; states ${data.states}`,
    );
    expect(new TextEncoder().encode(json).length).toBeLessThan(100_000);
    // every pattern is found
    const m = createMatcher(data);
    for (const p of pats.slice(0, 200)) {
      const r = findTermMatches(m, ` ${p.text} `);
      expect(r.length).toBe(1);
    }
  });
});
