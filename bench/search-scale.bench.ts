// Search at the size of a personal library (issue #11 item 2; `npm run bench -- search-scale`; not part
// of `npm test`):
//
//   npm run bench -- search-scale [--passages 10000] [--chars 2000] [--per-doc 10] [--runs 5]
//                                 [--index] [--quick] [--out <dir>]
//
// Node, lib/core/search directly (what the background runs, without the message round trip): the
// shipped corpus and a generated library (bench/lib/generated-library.ts: `passages` passages of
// ~`chars` characters of text reshuffled from the corpus's own vocabulary, glossary names mixed in
// as occurrences). Per corpus: buildSearchIndex, createSearch, first query; then per keystroke:
// every prefix of the queries below (trimmed, as the popup sends it, limit 40), `runs` passes after
// a warm-up pass: p50 / p95 / max of wall time and of process CPU time per search, and p95 of the
// per-prefix medians (robust to other load on a shared machine).
//
// Two ways to search the same passages: one search index over all of them (buildSearchIndex +
// createSearch, what the bundled corpus ships; for the generated library only with `--index`: it
// takes minutes at 10,000 passages), and per-document segments (lib/core/search/segment.ts, what
// the user's library stores): the segments' build (once per document, at import), then what a
// service-worker start pays — a structured clone of them (what reading them from IndexedDB
// copies), their check (segmentProblem, what the library runs on every stored segment), the concept
// names' index, assembling the search — and its first query; and the bytes of typed arrays and
// strings the segments hold (what the clone copies). Writes
// bench/results/search-scale-<date>.json and prints two Markdown tables.
import { cpus, loadavg, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSearch } from '../lib/core/search/create-search.ts';
import type { Search } from '../lib/core/search/create-search.ts';
import { buildSearchIndex } from '../lib/core/search/index-data.ts';
import { buildSegment, segmentProblem } from '../lib/core/search/segment.ts';
import type { SearchSegment } from '../lib/core/search/segment.ts';
import { TableCursor } from '../lib/core/search/segment-pack.ts';
import type { PackedTable } from '../lib/core/search/segment-pack.ts';
import { createSegmentedSearch, segmentConceptIndex } from '../lib/core/search/segmented.ts';
import type { SearchIndexData } from '../lib/core/search/index-data.ts';
import type { CorpusData, Passage } from '../lib/core/types.ts';
import { cli, ROOT, saveResult } from './lib/cli.ts';
import { generateLibrary } from './lib/generated-library.ts';
import { cpuModel } from './lib/machine.ts';
import { median, round, summary } from './lib/stats.ts';

const QUERIES = [
  'six stabilities',
  'two safeguards',
  '第十四个五年规划',
  '二つの維持',
  'Vu Dai Thang',
  'stabilties',
  'CCP',
  'sige yishi',
  'what did the meeting decide about auditing',
  '两个维护是什么',
  'digtal vilages constrution',
  'tinh gon bo may',
];
const LIMIT = 40;

const { num, flag, outDir } = cli(process.argv.slice(2));
const passages = num('passages', 10_000, 1000);
const chars = num('chars', 2000);
const runs = num('runs', 5, 1);
const perDoc = num('per-doc', 10);
const withIndex = flag('index');

const time = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const v = f();
  return [v, performance.now() - t];
};

function prefixes(): string[] {
  const out: string[] = [];
  for (const q of QUERIES) {
    const chars = [...q];
    for (let i = 1; i <= chars.length; i++) {
      const p = chars.slice(0, i).join('').trim();
      if (p && out[out.length - 1] !== p) out.push(p);
    }
  }
  return out;
}

function keystrokes(s: Search) {
  const ps = prefixes();
  for (const p of ps) s.search(p, { limit: LIMIT }); // warm-up pass
  const wall: number[] = [];
  const cpu: number[] = [];
  const perPrefix = ps.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) {
    ps.forEach((p, i) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      s.search(p, { limit: LIMIT });
      const dt = performance.now() - t0;
      const c = process.cpuUsage(c0);
      wall.push(dt);
      cpu.push((c.user + c.system) / 1000);
      perPrefix[i]!.push(dt);
    });
  }
  const medians = perPrefix.map(median);
  return {
    keystrokes: ps.length,
    wall: summary(wall),
    cpu: summary(cpu),
    prefixMedians: summary(medians),
    slowest: ps
      .map((p, i) => ({ prefix: p, ms: round(medians[i]!, 2) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5),
  };
}

function measure(label: string, data: CorpusData, shippedIndex?: SearchIndexData) {
  const [index, buildMs] = shippedIndex ? [shippedIndex, 0] : time(() => buildSearchIndex(data));
  const json = JSON.stringify(index);
  const [s, createMs] = time(() => createSearch(data, JSON.parse(json) as SearchIndexData));
  const [, firstMs] = time(() => s.search('two safeguards', { limit: LIMIT }));
  const text = data.passages.reduce((n, p) => n + p.text.length, 0);
  const bytes = data.passages.reduce((n, p) => n + Buffer.byteLength(p.text), 0);
  const k = keystrokes(s);
  console.log(`${label}: ${data.passages.length} passages, p95 ${k.wall.p95} ms wall, ${k.cpu.p95} ms cpu`);
  return {
    label,
    passages: data.passages.length,
    textChars: text,
    textBytes: bytes,
    indexJsonBytes: json.length,
    buildIndexMs: round(buildMs, 1),
    createSearchMs: round(createMs, 1),
    firstQueryMs: round(firstMs, 2),
    heapUsedMb: round(process.memoryUsage().heapUsed / 2 ** 20, 0),
    ...k,
  };
}

/** The corpus with its passages grouped by document (the order segments are assembled in). */
function byDocument(data: CorpusData): { data: CorpusData; groups: Passage[][] } {
  const groups = new Map<string, Passage[]>();
  for (const p of data.passages) {
    const g = groups.get(p.docId) ?? [];
    g.push(p);
    groups.set(p.docId, g);
  }
  const list = [...groups.values()];
  return { data: { ...data, passages: list.flat() }, groups: list };
}

/** Bytes a segment holds: its typed arrays' and its strings' (UTF-16) sizes. */
function segmentBytes(seg: SearchSegment): number {
  let n = 0;
  const visit = (x: unknown): void => {
    if (typeof x === 'string') n += 2 * x.length;
    else if (ArrayBuffer.isView(x)) n += x.byteLength;
    else if (Array.isArray(x)) x.forEach(visit);
    else if (typeof x === 'object' && x !== null) Object.values(x).forEach(visit);
  };
  visit(seg);
  return n;
}

/** A segment in the layout of version 1 (32-bit arrays: hashes or keys, starts, values), for a
 * same-run comparison of what reading it back copies. */
function wideLayout(seg: SearchSegment): unknown {
  const wide = (t: PackedTable, pairs: boolean) => {
    const keys: number[] = [];
    const start: number[] = [0];
    const values: number[] = [];
    const cur = new TableCursor();
    if (t.n && cur.seek(t, t.index[0]!))
      do {
        keys.push(cur.key);
        for (let j = 0; j < cur.count * (pairs ? 2 : 1); j++) values.push(cur.values.next());
        start.push(values.length);
      } while (cur.next());
    return [Uint32Array.from(keys), Uint32Array.from(start), Uint32Array.from(values)];
  };
  return {
    ...seg,
    words: wide(seg.words, true),
    bigrams: wide(seg.bigrams, true),
    chunks: Uint32Array.from(seg.chunks),
    grams: wide(seg.grams, false),
  };
}

/** Process CPU time of f (on a loaded machine, wall time is mostly waiting for a core). */
const cpuTime = <T>(f: () => T): [T, number] => {
  const c0 = process.cpuUsage();
  const v = f();
  const c = process.cpuUsage(c0);
  return [v, (c.user + c.system) / 1000];
};

function measureSegmented(label: string, corpus: CorpusData) {
  const { data, groups } = byDocument(corpus);
  const [built, segmentsMs] = cpuTime(() => groups.map((g) => buildSegment(g)));
  const wide = built.map(wideLayout);
  const [, wideCloneMs] = cpuTime(() => structuredClone(wide));
  const [segments, cloneMs] = cpuTime(() => structuredClone(built));
  const [problems, checkMs] = cpuTime(() => segments.filter((seg, i) => segmentProblem(seg, groups[i]!)));
  if (problems.length) throw new Error(`${problems.length} segments fail their check`);
  const [concepts, conceptsMs] = cpuTime(() => segmentConceptIndex(data));
  const [s, assembleMs] = cpuTime(() => createSegmentedSearch({ data, segments, concepts }));
  const [, firstMs] = cpuTime(() => s.search('two safeguards', { limit: LIMIT }));
  const k = keystrokes(s);
  console.log(`${label} (segments): p95 ${k.wall.p95} ms wall, ${k.cpu.p95} ms cpu`);
  return {
    label,
    documents: groups.length,
    passages: data.passages.length,
    segmentsMs: round(segmentsMs, 0),
    segmentsMb: round(built.reduce((n, seg) => n + segmentBytes(seg), 0) / 1e6, 1),
    cloneMs: round(cloneMs, 1),
    wideMb: round(wide.reduce<number>((n, seg) => n + segmentBytes(seg as SearchSegment), 0) / 1e6, 1),
    wideCloneMs: round(wideCloneMs, 1),
    checkMs: round(checkMs, 1),
    conceptIndexMs: round(conceptsMs, 1),
    assembleMs: round(assembleMs, 1),
    firstQueryMs: round(firstMs, 2),
    startToFirstAnswerMs: round(cloneMs + checkMs + conceptsMs + assembleMs + firstMs, 1),
    heapUsedMb: round(process.memoryUsage().heapUsed / 2 ** 20, 0),
    ...k,
  };
}

const started = new Date();
const load0 = loadavg();
const dataDir = join(ROOT, 'generated');
const shipped = JSON.parse(readFileSync(join(dataDir, 'corpus.json'), 'utf8')) as CorpusData;
const shippedIndex = JSON.parse(readFileSync(join(dataDir, 'search-index.json'), 'utf8')) as SearchIndexData;
const a = measure('shipped corpus', shipped, shippedIndex);
const [lib, genMs] = time(() => generateLibrary(shipped, { passages, chars, perDoc }));
const libLabel = `generated library (${passages} passages)`;
const b = withIndex ? measure(libLabel, lib) : null;
const sa = measureSegmented('shipped corpus', shipped);
const sb = measureSegmented(libLabel, lib);
const result = {
  date: started.toISOString(),
  machine: {
    cpu: cpuModel(),
    cores: cpus().length,
    memGb: round(totalmem() / 2 ** 30, 0),
    node: process.version,
  },
  loadavg: { start: load0.map((x) => round(x, 2)), end: loadavg().map((x) => round(x, 2)) },
  options: { passages, chars, perDoc, runs, limit: LIMIT, generateMs: round(genMs, 0) },
  corpora: b ? [a, b] : [a],
  segmented: [sa, sb],
};
const file = saveResult('search-scale', result, outDir());
const row = (r: typeof a) =>
  `| ${r.label} | ${r.passages} | ${(r.textBytes / 1e6).toFixed(1)} MB | ${r.buildIndexMs} | ${r.createSearchMs} | ${r.firstQueryMs} | ${r.wall.p50} / ${r.wall.p95} / ${r.wall.max} | ${r.cpu.p95} | ${r.prefixMedians.p95} |`;
console.log(
  [
    '',
    `| corpus | passages | text (UTF-8) | buildSearchIndex ms | createSearch ms | first query ms | per keystroke p50 / p95 / max ms | CPU p95 ms | p95 of per-prefix medians ms |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    row(a),
    ...(b ? [row(b)] : []),
    '',
    'Segmented (per-document segments, the user library); one-time costs in process CPU ms:',
    '',
    '| corpus | documents | passages | segments built (import) ms | segments MB (32-bit layout) | clone ms (32-bit layout) | check ms | concept index ms | assemble ms | first query ms | start → first answer ms | per keystroke p50 / p95 / max ms | CPU p50 / p95 ms | p95 of per-prefix medians ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...[sa, sb].map(
      (r) =>
        `| ${r.label} | ${r.documents} | ${r.passages} | ${r.segmentsMs} | ${r.segmentsMb} (${r.wideMb}) | ${r.cloneMs} (${r.wideCloneMs}) | ${r.checkMs} | ${r.conceptIndexMs} | ${r.assembleMs} | ${r.firstQueryMs} | ${r.startToFirstAnswerMs} | ${r.wall.p50} / ${r.wall.p95} / ${r.wall.max} | ${r.cpu.p50} / ${r.cpu.p95} | ${r.prefixMedians.p95} |`,
    ),
    '',
    `${result.date}, ${result.machine.cpu}, ${result.machine.cores} cores, Node ${result.machine.node}; 1-min load average ${result.loadavg.start[0]} → ${result.loadavg.end[0]}; ${file}`,
  ].join('\n'),
);
