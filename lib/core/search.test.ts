import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeFixture, scaleCorpus } from './search.fixture.ts';
import {
  bestSubstringMatch,
  buildSearchIndex,
  createSearch,
  editDistance,
  EXACT_CAP,
  FUZZY_CAP,
  getConceptDetails,
  getConceptSummaries,
  getDocument,
  listDocuments,
  makeSnippet,
  RAW_QUERY_CAP,
  SNIPPET_LEN,
} from './search.ts';
import type { SearchResult } from './types.ts';

const data = makeFixture();
const index = buildSearchIndex(data);
const search = createSearch(data, index);
const passageText = (id: string) => data.passages.find((p) => p.id === id)!.text;
const ids = (r: SearchResult) => r.hits.map((h) => h.passageId);
/** Median wall time of `runs` calls (robust to a GC pause or a busy machine). */
function medianTime<T>(f: () => T, runs: number): { ms: number; r: T } {
  const times: number[] = [];
  let r = f();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    r = f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(runs / 2)]!, r };
}

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

describe('search: query expansion through the glossary', () => {
  it('两个维护 (zh-Hans) finds 二つの維持 (003) and 二つの擁護 (001)', () => {
    const r = search.search('两个维护');
    expect(r.expandedConceptIds).toContain('two-safeguards');
    expect(ids(r)).toEqual(expect.arrayContaining(['003/p00', '001/p00']));
    const h = r.hits.find((x) => x.passageId === '003/p00')!;
    const [s, e] = h.marks[0]!;
    expect(h.snippet.slice(s, e)).toBe('二つの維持');
  });
  it('兩個維護 (zh-Hant) and "two safeguards" (en) do the same', () => {
    for (const q of ['兩個維護', 'two safeguards', 'Two Safeguards', 'two upholds']) {
      expect(ids(search.search(q))).toEqual(expect.arrayContaining(['003/p00', '001/p00']));
    }
  });
  it('六稳 finds 六安定 (000) and "six stability" (002)', () => {
    const r = search.search('六稳');
    expect(ids(r).slice(0, 2).sort()).toEqual(['000/p01', '002/p01']);
    expect(r.hits.every((h) => h.kind !== 'exact' || h.passageId === '000/p01')).toBe(true);
  });
  it('"Vu Dai Thang" finds ブー・ダイ・タン and ヴー・ダイ・タン', () => {
    const r = search.search('Vu Dai Thang');
    expect(ids(r).slice(0, 2).sort()).toEqual(['004/p00', '004/p01']);
    expect(ids(search.search('Vũ Đại Thắng')).slice(0, 2).sort()).toEqual(['004/p00', '004/p01']);
  });
  it('simplified Chinese name finds the Japanese (traditional) spelling', () => {
    const r = search.search('谭作钧');
    expect(r.expandedConceptIds).toEqual(['tan-zuojun']);
    expect(ids(r)).toEqual(expect.arrayContaining(['000/p00', '002/p00']));
    expect(r.hits[0]!.kind).toBe('exact'); // 谭作钧 folds to 譚作鈞's canonical form
  });
  it('a query that contains a concept name expands it', () => {
    expect(search.search('两个维护是什么').expandedConceptIds).toContain('two-safeguards');
  });
  it('hyphen and space spellings are the same', () => {
    const r = search.search('14th five year plan');
    expect(ids(r)).toEqual(expect.arrayContaining(['002/p02', '000/p02']));
    expect(r.hits[0]).toMatchObject({ passageId: '002/p02', kind: 'exact' });
  });
  it('an exact name does not also expand concepts with close names (14th vs 13th plan)', () => {
    const r = search.search('第十四个五年规划');
    expect(r.expandedConceptIds).toEqual(['14th-five-year-plan']);
    expect(r.concepts.map((c) => c.conceptId)).toContain('13th-five-year-plan'); // reported, not expanded
  });
  it('a close misspelling of a concept name expands it', () => {
    const r = search.search('six stabilties');
    expect(r.expandedConceptIds).toContain('six-stabilities');
    expect(ids(r)).toEqual(expect.arrayContaining(['000/p01', '002/p01']));
  });
});

describe('search: fuzzy and suggestions', () => {
  it('tolerates typos', () => {
    const r = search.search('revitalisation strategy');
    expect(r.hits[0]?.passageId).toBe('002/p03');
    expect(r.hits[0]?.kind).toBe('fuzzy');
    expect(search.search('stabilty').hits.map((h) => h.passageId)).toContain('002/p01');
  });
  it('multi-word queries find passages with all words apart', () => {
    const r = search.search('anniversary founding');
    expect(r.hits[0]?.passageId).toBe('002/p02');
  });
  it('suggests close concept labels when nothing matches', () => {
    const r = search.search('Twoo Safegards xq');
    expect(r.hits).toEqual([]);
    expect(r.suggestions).toContain('Two Safeguards');
    expect(search.search('Establishmnts Tw').suggestions).toContain('Two Establishments');
    // no far-fetched suggestions
    const none = search.search('zzzzqqqq');
    expect(none.hits).toEqual([]);
    expect(none.suggestions).toEqual([]);
  });
  it('close misspellings of names expand (transpositions count once)', () => {
    expect(search.search('vu dia tang').expandedConceptIds).toEqual(['vu-dai-thang']);
    expect(search.search('fuor concsiousness').expandedConceptIds).toEqual(['four-consciousnesses']);
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
  it('answers a 1 MB query in < 50 ms', () => {
    const big = 'あいう二つの擁護 abc '.repeat(80_000).slice(0, 1_000_000);
    const weird = '\ud800\u200f'.repeat(500_000);
    for (const q of [big, weird, 'a'.repeat(1_000_000)]) {
      search.search(q); // warm
      const { ms, r } = medianTime(() => search.search(q), 5);
      expect(ms).toBeLessThan(50);
      expect(r.query.length).toBe(q.length);
    }
  });
  it('fuzzy path with the bigram prefilter agrees with plain fuse.js on the fixture', () => {
    const pre = createSearch(data, index, { directFuseMax: 0 });
    for (const q of ['revitalisation strategy', 'stabilty', '監査監督の職責', 'anniversery', '六安定']) {
      expect(ids(pre.search(q)).slice(0, 3)).toEqual(ids(search.search(q)).slice(0, 3));
    }
  });
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
  it('stays fast on a 100x larger corpus', () => {
    const big = scaleCorpus(data, 100);
    const bigSearch = createSearch(big, buildSearchIndex(big));
    const queries = [
      '六稳',
      'two safeguards',
      'revitalisation strategy',
      '監査',
      'Vu Dai Thang',
      'zzzz',
      'stabilty',
    ];
    for (const q of queries) bigSearch.search(q); // warm (builds the bigram index)
    for (const q of queries) {
      const { ms, r } = medianTime(() => bigSearch.search(q), 3);
      expect(ms, q).toBeLessThan(100);
      expect(r.hits.length).toBeLessThanOrEqual(20);
    }
  });
});

describe('helpers', () => {
  it('editDistance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
    expect(editDistance('dalain', 'dalian')).toBe(1); // transposition
  });
  it('bestSubstringMatch finds the closest span', () => {
    expect(bestSubstringMatch('stabilise', 'firmly stabilize the')).toMatchObject({
      dist: 1,
      start: 7,
      end: 16,
    });
    const m = bestSubstringMatch('revitalisation', 'the rural revitalization strategy');
    expect(m.dist).toBe(1);
    expect('the rural revitalization strategy'.slice(m.start, m.end)).toBe('revitalization');
  });
  it('makeSnippet keeps marks inside and adds ellipses', () => {
    const text = 'a'.repeat(300) + 'TARGET' + 'b'.repeat(300);
    const { snippet, marks } = makeSnippet(text, [[300, 306]]);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.slice(marks[0]![0], marks[0]![1])).toBe('TARGET');
  });
  it('getConceptDetails groups occurrences per passage in document order', () => {
    const d = getConceptDetails(data, 'two-safeguards')!;
    expect(d.concept.id).toBe('two-safeguards');
    expect(d.occurrences.map((o) => o.passageId)).toEqual(['001/p00', '003/p00']);
    const o = d.occurrences[1]!;
    expect(o.snippet.slice(o.marks[0]![0], o.marks[0]![1])).toBe('二つの維持');
    expect(getConceptDetails(data, 'nope')).toBeNull();
  });
  it('getConceptSummaries', () => {
    expect(getConceptSummaries(data).length).toBe(data.concepts.length);
    const s = getConceptSummaries(data, ['vu-dai-thang', 'missing']);
    expect(s).toEqual([
      {
        id: 'vu-dai-thang',
        category: 'person',
        labels: data.concepts.find((c) => c.id === 'vu-dai-thang')!.labels,
        occurrenceCount: 2,
      },
    ]);
  });
  it('listDocuments and getDocument', () => {
    const list = listDocuments(data);
    expect(list.map((d) => d.id)).toEqual(['000', '001', '002', '003', '004']);
    expect(list[0]).not.toHaveProperty('text');
    expect(list[0]).not.toHaveProperty('removed');
    expect(list.find((d) => d.id === '004')).toMatchObject({ passageCount: 2, conceptCount: 1 });
    const doc = getDocument(data, '003')!;
    expect(doc.passages.map((p) => p.id)).toEqual(['003/p00', '003/p01']);
    expect(doc.conceptsByPassage['003/p00']).toEqual(['two-establishments', 'two-safeguards']);
    expect(doc.conceptsByPassage['003/p01']).toEqual([]);
    expect(getDocument(data, '999')).toBeNull();
    expect(passageText('003/p00')).toContain('二つの維持');
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
