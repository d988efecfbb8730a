// Search at the size of a personal library (issue #11 item 2; `npm run bench -- search-scale`; not part
// of `npm test`):
//
//   npm run bench -- search-scale [--passages 10000] [--chars 2000] [--runs 5] [--quick] [--out <dir>]
//
// Node, lib/core/search directly (what the background runs, without the message round trip): the
// shipped corpus and a generated library (bench/lib/generated-library.ts: `passages` passages of
// ~`chars` characters of text reshuffled from the corpus's own vocabulary, glossary names mixed in
// as occurrences). Per corpus: buildSearchIndex, createSearch, first query; then per keystroke:
// every prefix of the queries below (trimmed, as the popup sends it, limit 40), `runs` passes after
// a warm-up pass: p50 / p95 / max of wall time and of process CPU time per search, and p95 of the
// per-prefix medians (robust to other load on a shared machine). Writes
// bench/results/search-scale-<date>.json and prints a Markdown table.
import { cpus, loadavg, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSearch } from '../lib/core/search/create-search.ts';
import type { Search } from '../lib/core/search/create-search.ts';
import { buildSearchIndex } from '../lib/core/search/index-data.ts';
import type { SearchIndexData } from '../lib/core/search/index-data.ts';
import type { CorpusData } from '../lib/core/types.ts';
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

const { num, outDir } = cli(process.argv.slice(2));
const passages = num('passages', 10_000, 1000);
const chars = num('chars', 2000);
const runs = num('runs', 5, 1);

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

const started = new Date();
const load0 = loadavg();
const dataDir = join(ROOT, 'generated');
const shipped = JSON.parse(readFileSync(join(dataDir, 'corpus.json'), 'utf8')) as CorpusData;
const shippedIndex = JSON.parse(readFileSync(join(dataDir, 'search-index.json'), 'utf8')) as SearchIndexData;
const a = measure('shipped corpus', shipped, shippedIndex);
const [lib, genMs] = time(() => generateLibrary(shipped, { passages, chars }));
const b = measure(`generated library (${passages} passages)`, lib);
const result = {
  date: started.toISOString(),
  machine: {
    cpu: cpuModel(),
    cores: cpus().length,
    memGb: round(totalmem() / 2 ** 30, 0),
    node: process.version,
  },
  loadavg: { start: load0.map((x) => round(x, 2)), end: loadavg().map((x) => round(x, 2)) },
  options: { passages, chars, runs, limit: LIMIT, generateMs: round(genMs, 0) },
  corpora: [a, b],
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
    row(b),
    '',
    `load average ${result.loadavg.start.join(' ')} → ${result.loadavg.end.join(' ')}; ${file}`,
  ].join('\n'),
);
