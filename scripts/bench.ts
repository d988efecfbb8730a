// `npm run bench -- <name> [args]`: runs bench/<name>.bench.ts (its role modules, if any, are in
// bench/<name>/; shared pieces in bench/lib/). Benchmarks are not part of `npm test` (these
// machines are noisy); their results go to docs/benchmarks.md. Every bench takes `--quick` (a
// smoke run, results in a temp dir) and `--out <dir>`.
import { resolve } from 'node:path';
import { run } from './lib/run.ts';

const BENCHES: Record<string, string> = {
  highlight: 'content script vs mark.js / advanced-mark.js on real pages',
  popup: 'popup paint, per-keystroke latency, 1 MB paste (+ --with-100x)',
  'popup-open': 'popup open to first paint / first results (quick)',
  matcher: 'term matcher in node: packed bytes per state, unpack, scan throughput',
  'matcher-delivery':
    'matcher to a frame: message (before / narrow tables) vs binary file, in a Chromium page',
  search: 'search core in node, shipped and 100x synthetic corpus',
  'search-scale':
    'per-keystroke search on the shipped corpus and a generated 10,000-passage library (issue #11)',
  ranges: 'cost of held StaticRange / live Range highlights on DOM edits',
  startup: 'content-script start-up on pages with no term vs a do-nothing control',
  'startup-user-wire':
    "the user lists' matcher file on the message: base64 vs number array vs bytes, in a page",
  'huge-pages': 'content script on a 200k-node page, a 20 MB text page and a 10k-block scroll (issue #13)',
  'heap-diff': "where a page's extra heap goes (heap snapshots with / without the extension)",
  'library-import': 'a 300-page PDF (≈ 1 M characters) imported through the options page (issue #12 item 8)',
  library: 'a 1,000-document (≈ 20 MB) user library in node: ingest, index build, search p50/p95',
};

const [name, ...args] = process.argv.slice(2);
if (!name || !Object.hasOwn(BENCHES, name)) {
  console.log('usage: npm run bench -- <name> [args]   (runs bench/<name>.bench.ts)\n');
  for (const [n, what] of Object.entries(BENCHES)) console.log(`  ${n.padEnd(11)} ${what}`);
  process.exit(name ? 1 : 0);
}
process.exit(
  await run(process.execPath, [resolve(import.meta.dirname, '..', 'bench', `${name}.bench.ts`), ...args]),
);
