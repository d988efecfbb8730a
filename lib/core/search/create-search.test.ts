import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutSafe, EXACT_CAP, QUERY_SEND_CAP, RAW_QUERY_CAP } from '../limits.ts';
import type { SearchResult } from '../types.ts';
import { createSearch } from './create-search.ts';
import { buildSearchIndex } from './index-data.ts';
import { makeFixture, scaleCorpus } from './search.fixture.ts';
import { SNIPPET_LEN } from './snippet.ts';

const data = makeFixture();
const index = buildSearchIndex(data);
const search = createSearch(data, index);
const ids = (r: SearchResult) => r.hits.map((h) => h.passageId);

describe('search: tiers and ranking', () => {
  it('empty and blank queries give an empty result', () => {
    for (const q of ['', '   ', '\u200b\u200f', '\ud800']) {
      const r = search.search(q);
      expect(r.hits).toEqual([]);
      expect(r.suggestions).toEqual([]);
    }
  });
  it('exact substring hits (normalised: case, width)', () => {
    const r = search.search('ＤＩＧＩＴＡＬ villages');
    expect(r.hits[0]).toMatchObject({ passageId: '002/p03', kind: 'exact' });
    const h = r.hits[0]!;
    const [s, e] = h.marks[0]!;
    expect(h.snippet.slice(s, e).toLowerCase()).toBe('digital villages');
  });
  it('ranks exact above concept above fuzzy', () => {
    // "六安定" is exact in 000/p01; the concept also occurs in 002/p01 ("six stability").
    const r = search.search('六安定');
    expect(r.hits[0]).toMatchObject({ passageId: '000/p01', kind: 'exact' });
    expect(r.hits.find((h) => h.passageId === '002/p01')?.kind).toBe('concept');
    const rank = { exact: 0, concept: 1, fuzzy: 2 } as const;
    for (let i = 1; i < r.hits.length; i++) {
      expect(rank[r.hits[i]!.kind]).toBeGreaterThanOrEqual(rank[r.hits[i - 1]!.kind]);
      if (r.hits[i]!.kind === r.hits[i - 1]!.kind)
        expect(r.hits[i]!.score).toBeGreaterThanOrEqual(r.hits[i - 1]!.score);
    }
  });
  it('one hit per passage', () => {
    for (const q of ['会議', 'the', 'committee', '六稳', 'two safeguards']) {
      const r = search.search(q, { limit: 100 });
      expect(new Set(ids(r)).size).toBe(r.hits.length);
    }
  });
  it('respects limit', () => {
    expect(search.search('会議', { limit: 2 }).hits.length).toBe(2);
    expect(search.search('会議', { limit: 0 }).hits.length).toBeGreaterThan(0); // invalid -> default
  });
  it('snippet marks point at the matched text', () => {
    for (const q of ['監査', 'Tan Zuojun', '六保']) {
      for (const h of search.search(q).hits.filter((x) => x.kind === 'exact')) {
        expect(h.snippet.length).toBeLessThanOrEqual(SNIPPET_LEN + 2);
        for (const [s, e] of h.marks) {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(e).toBeLessThanOrEqual(h.snippet.length);
        }
        const [s, e] = h.marks[0]!;
        expect(h.snippet.slice(s, e).toLowerCase()).toBe(q.toLowerCase());
      }
    }
  });
  it('reports the concepts occurring in each hit passage', () => {
    const r = search.search('六保');
    expect(r.hits[0]!.conceptIds).toEqual(expect.arrayContaining(['six-guarantees', 'six-stabilities']));
  });
});

describe('search: robustness', () => {
  it('never throws on arbitrary strings (incl. lone surrogates, zero-width, RTL marks)', () => {
    const special = fc.constantFrom(
      '\ud800',
      '\udfff',
      '\u200b',
      '\u200d',
      '\u200e',
      '\u200f',
      '\u202e',
      '\u2066',
      '\ufeff',
      '\u0000',
      '\ufffd',
      '́',
      '𠮷',
      '二つの',
      'safeguards',
      '-',
      ' ',
      '「',
    );
    const str = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.array(special, { maxLength: 30 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(str, fc.option(fc.integer({ min: -5, max: 500 })), (q, limit) => {
        const r = search.search(q, limit === null ? undefined : { limit });
        expect(Array.isArray(r.hits)).toBe(true);
        for (const h of r.hits) {
          for (const [s, e] of h.marks) {
            expect(s).toBeGreaterThanOrEqual(0);
            expect(e).toBeGreaterThan(s);
            expect(e).toBeLessThanOrEqual(h.snippet.length);
          }
        }
        expect(JSON.parse(JSON.stringify(r))).toEqual(r);
      }),
      { numRuns: 400 },
    );
  });
  it('non-string input does not throw', () => {
    expect(search.search(undefined as unknown as string).hits).toEqual([]);
    expect(search.search(42 as unknown as string).hits).toEqual([]);
  });
  it('caps long queries and reports truncation', () => {
    const q = '六安定'.repeat(200);
    const r = search.search(q);
    expect(r.truncated).toBe(true);
    expect(r.normalized.length).toBeLessThanOrEqual(EXACT_CAP);
    const short = search.search('六安定');
    expect(short.truncated).toBe(false);
    // A long query that begins with real text still finds it by its first characters.
    const long = search.search(`digital villages ${'x'.repeat(RAW_QUERY_CAP * 3)}`);
    expect(long.truncated).toBe(true);
    expect(Array.isArray(long.hits)).toBe(true);
  });
  // Speed is measured by `npm run bench -- search` / `popup` (1 MiB paste, 100x corpus); the tests
  // assert what keeps it bounded, not milliseconds (a loaded machine must not fail them).
  it('reads no more of a 1 MB query than RAW_QUERY_CAP + 1 characters', () => {
    const big = 'あいう二つの擁護 abc '.repeat(80_000).slice(0, 1_000_000);
    const weird = '\ud800\u200f'.repeat(500_000);
    for (const q of [big, weird, 'a'.repeat(1_000_000)]) {
      const r = search.search(q);
      expect(r.query.length).toBe(q.length);
      expect(r.truncated).toBe(true);
      expect(r.normalized.length).toBeLessThanOrEqual(EXACT_CAP);
      // The same answer as the capped query: nothing past the cap is looked at.
      const capped = search.search(cutSafe(q, QUERY_SEND_CAP));
      expect(ids(r)).toEqual(ids(capped));
      expect(r.concepts).toEqual(capped.concepts);
    }
  });
  it('on a 100x larger corpus, finds the same passages (each copy) and caps the answer', () => {
    const big = scaleCorpus(data, 100);
    const bigSearch = createSearch(big, buildSearchIndex(big));
    const base = (id: string) => id.replace(/x\d+\//, '/');
    const queries = [
      '六稳',
      'two safeguards',
      'revitalisation strategy',
      '監査',
      'Vu Dai Thang',
      'zzzz',
      'stabilty',
    ];
    for (const q of queries) {
      const small = search.search(q, { limit: 200 });
      const r = bigSearch.search(q);
      expect(r.hits.length, q).toBeLessThanOrEqual(20);
      expect(r.hits.length > 0, q).toBe(small.hits.length > 0);
      // every hit is a copy of a passage the 1x corpus finds for the same query
      for (const h of r.hits) expect(ids(small), `${q}: ${h.passageId}`).toContain(base(h.passageId));
    }
  });
});
