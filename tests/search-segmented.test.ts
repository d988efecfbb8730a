// Segmented search (lib/core/search/segmented.ts) against the search index path it replaces for
// the user's library: over the same passages, per-document segments must give exactly the answer
// createSearch(data, buildSearchIndex(data)) gives (hits, ranks, marks, concepts, suggestions), for
// every golden query and their prefixes, and for any subset of the documents (what the library
// holds after any sequence of imports and deletions).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureGenerated } from '../scripts/golden.ts';
import { loadGenerated } from '../scripts/cli-search.ts';
import { createSearch } from '../lib/core/search/create-search.ts';
import { buildSearchIndex } from '../lib/core/search/index-data.ts';
import { buildSegment, segmentProblem } from '../lib/core/search/segment.ts';
import type { SearchSegment } from '../lib/core/search/segment.ts';
import { BLOCK, TableCursor } from '../lib/core/search/segment-pack.ts';
import type { PackedTable } from '../lib/core/search/segment-pack.ts';
import { createSegmentedSearch, SegmentedTerms, segmentConceptIndex } from '../lib/core/search/segmented.ts';
import type { CorpusData, Passage } from '../lib/core/types.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function goldenQueries(): string[] {
  const out = new Set<string>();
  for (const f of ['search.yaml', 'search-understanding.yaml']) {
    const raw = parse(readFileSync(join(ROOT, 'tests/golden', f), 'utf8')) as Array<{ query: string }>;
    for (const q of raw) out.add(q.query);
  }
  return [...out];
}

let corpus: CorpusData;
let byDoc: Map<string, Passage[]>;
let segments: Map<string, SearchSegment>;

/** The corpus restricted to some documents, passages grouped by document (the library's order). */
function subset(docIds: readonly string[]): CorpusData {
  const keep = new Set(docIds);
  const passages = docIds.flatMap((id) => byDoc.get(id) ?? []);
  const pids = new Set(passages.map((p) => p.id));
  const occurrences = Object.fromEntries(
    Object.entries(corpus.occurrences).map(([id, list]) => [id, list.filter((o) => pids.has(o.passageId))]),
  );
  return { ...corpus, documents: corpus.documents.filter((d) => keep.has(d.id)), passages, occurrences };
}

function both(docIds: readonly string[], directFuseMax?: number) {
  const data = subset(docIds);
  const opts = directFuseMax === undefined ? {} : { directFuseMax };
  const old = createSearch(data, buildSearchIndex(data), opts);
  const seg = createSegmentedSearch({
    data,
    segments: docIds.map((id) => segments.get(id)!),
    concepts: segmentConceptIndex(data),
    ...opts,
  });
  return { old, seg };
}

beforeAll(() => {
  ensureGenerated(ROOT);
  const loaded = loadGenerated(ROOT);
  if ('error' in loaded) throw new Error(loaded.error);
  corpus = loaded.data;
  byDoc = new Map();
  for (const p of corpus.passages) {
    const list = byDoc.get(p.docId) ?? [];
    list.push(p);
    byDoc.set(p.docId, list);
  }
  segments = new Map([...byDoc].map(([id, ps]) => [id, buildSegment(ps)]));
});

describe('segmented search', () => {
  it('answers every golden query and its prefixes as the index built over the same passages', () => {
    const docIds = corpus.documents.map((d) => d.id);
    const { old, seg } = both(docIds);
    const queries = goldenQueries();
    expect(queries.length).toBeGreaterThan(300);
    const prefixes = queries
      .slice(0, 15)
      .flatMap((q) => [...q].map((_, i) => [...q].slice(0, i + 1).join('')));
    let withHits = 0;
    for (const q of [...queries, ...prefixes]) {
      const a = old.search(q, { limit: 40 });
      expect(seg.search(q, { limit: 40 }), q).toEqual(a);
      if (a.hits.length) withHits++;
    }
    // the comparison is not between two empty answers
    expect(withHits).toBeGreaterThan(queries.length / 2);
  }, 300_000); // ~700 queries, each searched twice: minutes on a loaded 2-core machine

  it('is the same on the direct fuse.js path (a small library)', () => {
    const { old, seg } = both(
      corpus.documents.slice(0, 2).map((d) => d.id),
      100_000,
    );
    for (const q of ['stabilties', 'two safegaurds', '两个维护', 'sige yishi', 'tinh gon bo may'])
      expect(seg.search(q), q).toEqual(old.search(q));
  });

  it('any subset of the documents, in any order, answers as an index of that subset', () => {
    const all = corpus.documents.map((d) => d.id);
    const queries = [
      'two safeguards',
      'stabilties',
      '两个维护是什么',
      'what did the meeting decide about auditing',
      'CCP',
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: 1 }), (docIds) => {
        const { old, seg } = both(docIds);
        for (const q of queries)
          expect(seg.search(q, { limit: 20 }), q).toEqual(old.search(q, { limit: 20 }));
      }),
      { numRuns: 12 },
    );
  }, 300_000);
});

/** Passage index bases of a list of segments (segment after segment). */
function bases(segs: readonly SearchSegment[]): Uint32Array {
  const out = new Uint32Array(segs.length + 1);
  segs.forEach((s, i) => (out[i + 1] = out[i]! + s.texts.length));
  return out;
}

describe('segments', () => {
  it('survive a structured clone (what IndexedDB stores) and are checked on read', () => {
    const [id, ps] = [...byDoc][0]!;
    const seg = structuredClone(segments.get(id)!);
    expect(segmentProblem(seg, ps)).toBe('');
    expect(segmentProblem(seg, ps.slice(1))).not.toBe('');
    expect(segmentProblem({ ...seg, texts: seg.texts.slice(1) }, ps)).not.toBe('');
    expect(segmentProblem({ ...seg, v: 1 }, ps)).toBe('another segment version');
    const { index, body } = seg.words;
    const truncated = { ...seg.words, body: body.slice(0, index[index.length - 1]!) };
    expect(segmentProblem({ ...seg, words: truncated }, ps)).toMatch(/^bad postings/);
    const shuffled = { ...seg.bigrams, index: seg.bigrams.index.slice().reverse() };
    expect(segmentProblem({ ...seg, bigrams: shuffled }, ps)).toMatch(/^bad postings/);
    expect(segmentProblem({ ...seg, grams: { ...seg.grams, n: seg.grams.n + BLOCK } }, ps)).toMatch(
      /^bad chunk bigrams/,
    );
    expect(segmentProblem({ ...seg, chunks: Float64Array.from(seg.chunks) }, ps)).toBe('bad chunks');
    expect(segmentProblem(null, ps)).not.toBe('');
  });

  it('are smaller than the 32-bit arrays they replace (what a start reads back)', () => {
    // version 1 stored per record a 32-bit hash and start and two 32-bit values per posting, per
    // chunk bigram a 32-bit key and start and a 32-bit chunk index per chunk holding it
    let packed = 0;
    let wide = 0;
    for (const seg of segments.values()) {
      for (const t of [seg.words, seg.bigrams, seg.grams]) packed += t.index.byteLength + t.body.byteLength;
      packed += seg.chunks.byteLength;
      const values = (t: PackedTable) => {
        let n = 0;
        const cur = new TableCursor();
        if (t.n && cur.seek(t, t.index[0]!))
          do n += cur.count;
          while (cur.next());
        return n;
      };
      wide += 8 * (seg.words.n + seg.bigrams.n) + 8 * (values(seg.words) + values(seg.bigrams));
      wide += 8 * seg.grams.n + 4 * values(seg.grams) + 4 * seg.chunks.length;
    }
    expect(packed).toBeLessThan(wide / 2);
  });

  it('a damaged byte never throws and never makes a term appear where the text lacks it', () => {
    const docIds = corpus.documents.map((d) => d.id);
    const data = subset(docIds);
    const concepts = segmentConceptIndex(data);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 0, max: 255 }), (at, byte) => {
        const damaged = docIds.map((id) => {
          const seg = segments.get(id)!;
          const hurt = (t: PackedTable): PackedTable => {
            const body = t.body.slice();
            if (body.length) body[at % body.length] = byte;
            return { ...t, body };
          };
          return { ...seg, words: hurt(seg.words), bigrams: hurt(seg.bigrams), grams: hurt(seg.grams) };
        });
        const s = createSegmentedSearch({ data, segments: damaged, concepts });
        for (const q of ['two safeguards', 'stabilties', '两个维护是什么', 'tinh gon bo may']) s.search(q);
        const terms = new SegmentedTerms(damaged, bases(damaged), data.passages.length);
        const prepared = docIds.flatMap((id) => segments.get(id)!.texts);
        for (const [lookup, key] of [
          [terms.words, 'safeguards'],
          [terms.words, 'the'],
          [terms.bigrams, '维护'],
        ] as const) {
          const p = lookup.get(key) ?? [];
          for (let i = 0; i < p.length; i += 2) expect(prepared[p[i]!]!.startsWith(key, p[i + 1])).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  }, 300_000);
});
