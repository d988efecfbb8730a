// The user's library at scale (issue #12, item 8), in node: a synthetic library of 1,000 documents
// (≈ 20 MB of text, generated here from a fixed seed: no third-party text) through the store's
// pipeline, then searched with the bundled corpus.
//
//   npm run bench -- library [--docs 1000] [--chars 20000] [--runs 5] [--out bench/results] [--quick]
//
// Measures:
//   - ingest: every document through ingestUserDocument (paragraphs, passages, bundled concepts);
//   - load: the library service's start over those records (what a restarted background does:
//     every passage matched again against the bundled matcher and a 5,000-term user list);
//   - the user search index: built on the first query after a change (buildViews + buildSearchIndex
//     + createSearch);
//   - query latency p50 / p95 / max through the combined source (bundled + user) vs bundled only,
//     over per-keystroke prefixes of mixed-language queries (the search issue's budget: ≤ 50 ms p95);
//   - compileUserMatcher of a 5,000-term list (the background's cost after a list import).
// The database itself is not in the loop (fake-indexeddb in node is no measure of IndexedDB).
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ingestUserDocument } from '../lib/core/library/ingest-user.ts';
import { compileUserMatcher } from '../lib/core/library/user-matcher.ts';
import type { TermListRecord, UserDocumentRecord } from '../lib/core/library/schema.ts';
import type { SearchIndexData } from '../lib/core/search/index-data.ts';
import { createMatcher } from '../lib/core/term-matcher.ts';
import { readMatcherJson } from '../scripts/lib/matcher-json.ts';
import type { CorpusData, Passage } from '../lib/core/types.ts';
import { Library } from '../lib/background/library/library.ts';
import type { LibraryStore } from '../lib/background/library/store.ts';
import { UserSource } from '../lib/background/library/user-source.ts';
import { createSearch } from '../lib/core/search/create-search.ts';
import { combineSources } from '../lib/background/sources/combined-source.ts';
import type { CorpusSource } from '../lib/background/sources/corpus-source.ts';
import { cli, log, ROOT, saveResult } from './lib/cli.ts';
import { prng as rng } from './lib/generated-library.ts';
import { cpuModel } from './lib/machine.ts';
import { round, summary } from './lib/stats.ts';

const { num, outDir } = cli(process.argv.slice(2));
const DOCS = num('docs', 1000, 50);
const CHARS = num('chars', 20_000, 5_000);
const RUNS = num('runs', 5, 1);
const TERMS = num('terms', 5000, 500);

const json = <T>(name: string) => JSON.parse(readFileSync(join(ROOT, 'generated', name), 'utf8')) as T;
const data = json<CorpusData>('corpus.json');
const shippedIndex = json<SearchIndexData>('search-index.json');
const matcher = createMatcher(readMatcherJson(join(ROOT, 'generated', 'matcher.json')));

const SENTENCES = [
  'The council met on Tuesday to discuss the budget for the coming year and the repair of roads.',
  '本市今天举行了春季运动会，来自各学校的学生参加了比赛。',
  '週末は晴れて気温が上がり、公園には多くの家族連れが訪れた。',
  'Thành phố đã hoàn thành việc sửa chữa cây cầu trước mùa mưa.',
  '会议强调，要坚决做到两个维护，推动高质量发展。',
  'Delegates reviewed the Fourteenth Five-Year Plan and the tasks of common prosperity.',
];
const LANGS = ['en', 'zh-Hans', 'ja', 'vi', 'zh-Hans', 'en'] as const;

function makeDocument(i: number): UserDocumentRecord {
  const r = rng(i + 1);
  const lang = LANGS[i % LANGS.length]!;
  const paragraphs: string[] = [];
  let size = 0;
  while (size < CHARS) {
    const n = 2 + Math.floor(r() * 6);
    const p = Array.from({ length: n }, () => SENTENCES[Math.floor(r() * SENTENCES.length)]).join(' ');
    const tagged = `${p} (${i}-${paragraphs.length}-${Math.floor(r() * 1e6).toString(36)})`;
    paragraphs.push(tagged);
    size += tagged.length + 2;
  }
  return {
    id: `user-bench${String(i).padStart(5, '0')}`,
    text: paragraphs.join('\n\n'),
    addedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    meta: { title: `Synthetic ${i}`, lang, date: '2025-01-01', translation: false, tags: [], format: 'txt' },
  };
}

const termList = (n: number): TermListRecord => ({
  id: 'Lbench1',
  name: 'Bench',
  colour: 0,
  format: 'csv',
  createdAt: '2026-01-01T00:00:00.000Z',
  terms: Array.from({ length: n }, (_, k) => ({ term: `benchmark term ${k.toString(36)}`, aliases: [] })),
});

const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
};
const timeAsync = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const v = await f();
  return [v, performance.now() - t0];
};

// Per-keystroke prefixes of queries in every language of the library and the glossary.
const QUERIES = [
  '两个维护',
  'common prosperity',
  '高质量发展',
  '家族連れ',
  'sửa chữa cây cầu',
  'budget repair',
  'zzzzqq',
];
const PREFIXES = QUERIES.flatMap((q) => Array.from({ length: q.length }, (_, k) => q.slice(0, k + 1)));

async function latencies(source: CorpusSource): Promise<number[]> {
  const out: number[] = [];
  for (let run = 0; run < RUNS; run++)
    for (const q of PREFIXES) out.push((await timeAsync(() => source.search(q, { limit: 20 })))[1]);
  return out;
}

log(`library bench: ${DOCS} documents × ${CHARS} chars, ${TERMS}-term list, ${RUNS} runs`);
const load0 = loadavg().map((x) => round(x, 2));
const records = Array.from({ length: DOCS }, (_, i) => makeDocument(i));
const totalChars = records.reduce((a, r) => a + r.text.length, 0);
const totalBytes = records.reduce((a, r) => a + Buffer.byteLength(r.text), 0);

const [ingested, ingestMs] = time(() => records.map((r) => ingestUserDocument(r, matcher)));
const passages: Passage[] = ingested.flatMap((r) => r.passages);
log(`ingest: ${round(ingestMs)} ms for ${passages.length} passages`);

const [, compileMs] = time(() => compileUserMatcher([termList(TERMS)]));
log(`compileUserMatcher(${TERMS} terms): ${round(compileMs)} ms`);

// The store as the library reads it at start-up (records, passages, one list), in memory.
const store = {
  documents: async () => records,
  passages: async () => passages,
  termLists: async () => [termList(TERMS)],
  version: async () => 1,
} as unknown as LibraryStore;
const library = new Library({ store, bundled: { data: () => data, matcher: () => matcher } });
const [, loadMs] = await timeAsync(() => library.snapshot());
log(`library load (start-up over the records): ${round(loadMs)} ms`);

// The bundled source's search as bundled-source.ts makes it (that module imports the JSON the
// extension bundles, which node cannot import without attributes); only search is asked here.
const bundledSearch = createSearch(data, shippedIndex);
const bundled = {
  id: 'bundled',
  kind: 'bundled',
  search: async (q: string, o?: { limit?: number }) =>
    bundledSearch.search(q, o?.limit ? { limit: o.limit } : {}),
} as CorpusSource;
await bundled.search('warm up');
const user = new UserSource(library);
const combined = combineSources([bundled, user]);
const [, firstMs] = await timeAsync(() => combined.search('两个维护'));
log(`first combined query (builds the user search index): ${round(firstMs)} ms`);

const bundledOnly = summary(await latencies(bundled));
const withLibrary = summary(await latencies(combined));
log('per keystroke, bundled only:', bundledOnly);
log('per keystroke, bundled + library:', withLibrary);

const result = {
  date: new Date().toISOString(),
  machine: cpuModel(),
  node: process.version,
  loadavgStart: load0,
  loadavgEnd: loadavg().map((x) => round(x, 2)),
  library: { documents: DOCS, chars: totalChars, utf8Bytes: totalBytes, passages: passages.length },
  ingestMs: round(ingestMs),
  compileUserMatcherMs: { terms: TERMS, ms: round(compileMs) },
  libraryLoadMs: round(loadMs),
  firstQueryWithIndexBuildMs: round(firstMs),
  perKeystrokeMs: { bundledOnly, withLibrary, budgetP95: 50 },
};
log(`saved ${saveResult('library', result, outDir())}`);
