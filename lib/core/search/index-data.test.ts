import { describe, expect, it } from 'vitest';
import { FUZZY_CAP } from '../limits.ts';
import { createSearch } from './create-search.ts';
import { buildSearchIndex } from './index-data.ts';
import { makeFixture } from './search.fixture.ts';

const data = makeFixture();
const index = buildSearchIndex(data);
const search = createSearch(data, index);

describe('buildSearchIndex', () => {
  it('is JSON-able and deterministic', () => {
    const a = JSON.stringify(buildSearchIndex(makeFixture()));
    const b = JSON.stringify(buildSearchIndex(makeFixture()));
    expect(a).toBe(b);
    expect(JSON.parse(a)).toEqual(index);
  });
  it('chunks long passages with overlap and keeps passage offsets', () => {
    const long = data.passages.findIndex((p) => p.text.length > 250);
    const chunks = index.chunks.filter(([pi]) => pi === long);
    expect(chunks.length).toBeGreaterThan(1);
    for (let i = 1; i < chunks.length; i++) {
      expect(chunks[i]![1]).toBeLessThan(chunks[i - 1]![2]); // overlap
      expect(chunks[i - 1]![2] - chunks[i]![1]).toBeGreaterThanOrEqual(FUZZY_CAP);
    }
    for (const [, s, e] of index.chunks) expect(e - s).toBeLessThanOrEqual(index.chunkSize);
  });
  it('folds simplified, traditional and shinjitai forms to one character', () => {
    // 維 (ja/zh-Hant) and 维 (zh-Hans) fold to the same canonical character
    const pairs = new Map<string, string>();
    for (let i = 0; i + 1 < index.fold.length; i += 2) pairs.set(index.fold[i]!, index.fold[i + 1]!);
    expect(pairs.get('維')).toBe('维');
    expect(pairs.get('譚')).toBe('谭');
  });
  it('lists concept names from labels, aliases and variants, normalised', () => {
    const c = index.concepts.find((x) => x.id === 'two-safeguards')!;
    expect(c.names).toContain('two safeguards');
    expect(c.names).toContain('二つの维持'); // folded: 維 -> 维
  });
});

describe('search index: restore and storage', () => {
  it('rebuilds a stale index instead of returning wrong offsets', () => {
    expect(createSearch(data, {} as never).indexRebuilt).toBe(true);
    expect(createSearch(data, null as never).search('六安定').hits[0]?.passageId).toBe('000/p01');
    const other = { ...data, passages: data.passages.slice(1) };
    const s = createSearch(other, index);
    expect(s.indexRebuilt).toBe(true);
    expect(search.indexRebuilt).toBe(false);
    expect(s.search('六安定').hits[0]?.passageId).toBe('000/p01');
    // same ids and lengths, other text: caught by the text key
    const swapped = {
      ...data,
      passages: data.passages.map((p) =>
        p.id === '003/p01' ? { ...p, text: [...p.text].reverse().join('') } : p,
      ),
    };
    expect(createSearch(swapped, index).indexRebuilt).toBe(true);
  });
  it('stores fuse.js indexes without their texts and restores them', () => {
    expect(JSON.stringify(index.chunkIndex)).not.toContain('"v"');
    expect(JSON.stringify(index.conceptIndex)).not.toContain('"v"');
    expect(search.chunkCount).toBe(index.chunks.length);
  });
});
