// Search latency benchmark: `npm run bench -- search [--dir generated] [--factor 100] [--runs 20] [--out bench/results] [--quick]`
// (--quick: a 10x corpus, 2 runs, results in $TMPDIR/policy-lens-bench-quick)
//
// Measures, on the real generated data and on a synthetic corpus `factor` times larger (every
// document repeated with its passages rotated and a per-copy token mixed in, concepts and
// occurrences carried along):
//   - buildSearchIndex time and index JSON size;
//   - createSearch time and the first query (which builds the bigram prefilters);
//   - p50 / p95 / max per query over the golden queries plus long and adversarial queries.
import { cpus, loadavg } from 'node:os';
import { cli, saveResult } from './lib/cli.ts';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { createSearch } from '../lib/core/search/create-search.ts';
import { buildSearchIndex } from '../lib/core/search/index-data.ts';
import { createMatcher } from '../lib/core/term-matcher.ts';
import { readMatcherJson } from '../scripts/lib/matcher-json.ts';
import type { SearchIndexData } from '../lib/core/search/index-data.ts';
import type { CorpusData } from '../lib/core/types.ts';
import { scale } from './lib/synthetic.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const { opt, num, outDir } = cli(args);
const dir = resolve(opt('--dir', join(ROOT, 'generated')));
const factor = num('--factor', 100, 10);
const runs = num('--runs', 20, 2);

const data = JSON.parse(readFileSync(join(dir, 'corpus.json'), 'utf8')) as CorpusData;
const shippedIndex = JSON.parse(readFileSync(join(dir, 'search-index.json'), 'utf8')) as SearchIndexData;
const golden = (
  parse(readFileSync(join(ROOT, 'tests', 'golden', 'search.yaml'), 'utf8')) as Array<{ query: string }>
).map((g) => g.query);
const queries = [
  ...golden,
  'the meeting stressed that',
  '会議は次のように強調した',
  'zzzzqqqq',
  'a',
  '党',
  'revitalization of villages and promote orderly competition and cooperation among regions',
  '質の高い発展を推進するための力点を見定め、第一歩を踏み出し、新たな気風を見るよう努力しなければならない',
];
const huge = [
  'あいう二つの擁護 abc '.repeat(80_000).slice(0, 1_000_000),
  '\ud800\u200f'.repeat(500_000),
  'x'.repeat(1_000_000),
];

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))]!;
}

function bench(label: string, d: CorpusData, index: SearchIndexData | null) {
  const chars = d.passages.reduce((n, p) => n + p.text.length, 0);
  let t0 = performance.now();
  const idx = index ?? buildSearchIndex(d);
  const buildMs = index ? NaN : performance.now() - t0;
  const json = JSON.stringify(idx);
  t0 = performance.now();
  const s = createSearch(d, idx);
  const createMs = performance.now() - t0;
  t0 = performance.now();
  s.search('two safeguards');
  const firstMs = performance.now() - t0;
  for (const q of queries) s.search(q); // warm-up
  const per: number[] = [];
  const worst: Array<{ q: string; ms: number }> = [];
  for (const q of queries) {
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      const a = performance.now();
      s.search(q);
      times.push(performance.now() - a);
    }
    const med = pct(times, 0.5);
    per.push(...times);
    worst.push({ q, ms: med });
  }
  const hugeMs = huge.map((q) => {
    s.search(q);
    const a = performance.now();
    s.search(q);
    return performance.now() - a;
  });
  worst.sort((a, b) => b.ms - a.ms);
  console.log(
    `\n== ${label}: ${d.documents.length} documents, ${d.passages.length} passages, ${chars} chars, ${s.chunkCount} chunks`,
  );
  if (!Number.isNaN(buildMs)) console.log(`   buildSearchIndex ${buildMs.toFixed(0)} ms`);
  console.log(`   index JSON ${(Buffer.byteLength(json) / 1024).toFixed(0)} KiB`);
  console.log(
    `   createSearch ${createMs.toFixed(1)} ms; first query (builds prefilters) ${firstMs.toFixed(1)} ms`,
  );
  console.log(
    `   per query (${queries.length} queries x ${runs} runs): p50 ${pct(per, 0.5).toFixed(2)} ms, p95 ${pct(per, 0.95).toFixed(2)} ms, max ${Math.max(...per).toFixed(2)} ms`,
  );
  console.log(
    `   slowest (median): ${worst
      .slice(0, 4)
      .map((w) => `${JSON.stringify(w.q.slice(0, 30))} ${w.ms.toFixed(2)} ms`)
      .join('; ')}`,
  );
  console.log(`   1 MB queries: ${hugeMs.map((m) => `${m.toFixed(2)} ms`).join(', ')}`);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return {
    label,
    documents: d.documents.length,
    passages: d.passages.length,
    chunks: s.chunkCount,
    indexJsonKiB: r2(Buffer.byteLength(json) / 1024),
    buildSearchIndexMs: Number.isNaN(buildMs) ? null : r2(buildMs),
    createSearchMs: r2(createMs),
    firstQueryMs: r2(firstMs),
    perQuery: { n: per.length, p50: r2(pct(per, 0.5)), p95: r2(pct(per, 0.95)), max: r2(Math.max(...per)) },
    hugeQueryMs: hugeMs.map(r2),
  };
}

// The content script's matcher: decoding generated/matcher.json (trie + derived failure links).
const matcherData = readMatcherJson(join(dir, 'matcher.json'));
const decode: number[] = [];
for (let r = 0; r < 21; r++) {
  const a = performance.now();
  createMatcher(matcherData);
  decode.push(performance.now() - a);
}
const createMatcherMs = { p50: pct(decode, 0.5), max: Math.max(...decode) };
console.log(
  `\n== matcher: createMatcher p50 ${createMatcherMs.p50.toFixed(2)} ms, max ${createMatcherMs.max.toFixed(2)} ms (21 runs)`,
);

const rows = [
  bench('real corpus (shipped index)', data, shippedIndex),
  bench(`synthetic ${factor}x corpus`, scale(data, factor), null),
];
const file = saveResult(
  'search',
  {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    loadAverage1: loadavg()[0],
    queries: queries.length,
    runs,
    rows,
    createMatcherMs,
  },
  outDir(),
);
console.log(`\n→ ${file}`);
