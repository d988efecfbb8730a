// `npm run bench -- <name> [args]`: runs one benchmark from bench/. Benchmarks are not part of
// `npm test` (these machines are noisy); their results go to docs/benchmarks.md.
import { resolve } from 'node:path';
import { run } from './lib/run.ts';

const BENCHES: Record<string, { file: string; what: string }> = {
  highlight: {
    file: 'bench/highlight.bench.ts',
    what: 'content script vs mark.js / advanced-mark.js on real pages',
  },
  popup: {
    file: 'bench/popup.bench.ts',
    what: 'popup paint, per-keystroke latency, 1 MB paste (+ --with-100x)',
  },
  'popup-open': { file: 'bench/popup-bench.ts', what: 'popup open to first paint / first results (quick)' },
  search: { file: 'bench/search-bench.ts', what: 'search core in node, shipped and 100x synthetic corpus' },
  ranges: {
    file: 'bench/range-edits-bench.ts',
    what: 'cost of held StaticRange / live Range highlights on DOM edits',
  },
};

const [name, ...args] = process.argv.slice(2);
const bench = name ? BENCHES[name] : undefined;
if (!bench) {
  console.log('usage: npm run bench -- <name> [args]\n');
  for (const [n, b] of Object.entries(BENCHES)) console.log(`  ${n.padEnd(11)} ${b.what}`);
  process.exit(name ? 1 : 0);
}
process.exit(await run(process.execPath, [resolve(import.meta.dirname, '..', bench.file), ...args]));
