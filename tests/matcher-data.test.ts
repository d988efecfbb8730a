import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledMatcherData } from '../lib/matcher-data.ts';
import { MATCHER_JSON, checkMatcherJson, readMatcherJson } from '../scripts/lib/matcher-json.ts';

// lib/matcher-data.ts narrows the JSON import's inferred type to CompiledMatcher unchecked; this is
// the check that the narrowing is true of the file the build writes.
describe('the typed matcher.json', () => {
  it('the built file is a CompiledMatcher, and it is what the typed module holds', () => {
    const read = readMatcherJson();
    expect(read.v).toBe(2);
    expect(read.states).toBeGreaterThan(1);
    expect(bundledMatcherData).toEqual(read);
  });

  it('refuses a file that is not one, naming the field', () => {
    const good = JSON.parse(readFileSync(MATCHER_JSON, 'utf8')) as Record<string, unknown>;
    expect(() => checkMatcherJson({ ...good, v: 1 }, 'm.json')).toThrow(/^m\.json: v: /);
    expect(() => checkMatcherJson({ ...good, cased: [['NA', 0]] }, 'm.json')).toThrow(
      /^m\.json: cased\.0\.0: /,
    );
    expect(() => checkMatcherJson({ ...good, extra: true }, 'm.json')).toThrow(/^m\.json: extra: /);
    const noTrie = Object.fromEntries(Object.entries(good).filter(([k]) => k !== 'trie'));
    expect(() => checkMatcherJson(noTrie, 'm.json')).toThrow(/^m\.json: trie: /);
  });
});
