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
import { createSegmentedSearch, segmentConceptIndex } from '../lib/core/search/segmented.ts';
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

describe('segments', () => {
  it('survive a structured clone (what IndexedDB stores) and are checked on read', () => {
    const [id, ps] = [...byDoc][0]!;
    const seg = structuredClone(segments.get(id)!);
    expect(segmentProblem(seg, ps)).toBe('');
    expect(segmentProblem(seg, ps.slice(1))).not.toBe('');
    expect(segmentProblem({ ...seg, texts: seg.texts.slice(1) }, ps)).not.toBe('');
    const post = seg.words.post.slice();
    post[0] = 1e6; // a passage the document does not have
    expect(segmentProblem({ ...seg, words: { ...seg.words, post } }, ps)).not.toBe('');
    expect(segmentProblem({ ...seg, grams: { ...seg.grams, keys: [1, 2] } }, ps)).not.toBe('');
    expect(segmentProblem(null, ps)).not.toBe('');
  });
});
