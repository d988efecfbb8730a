// Popup and search latency benchmark (`npm run bench -- popup`; not part of `npm test`):
//
//   npm run bench -- popup [--ext <chrome-mv3 dir> | --no-build]
//       [--runs 3] [--node-runs 10] [--factor 100] [--delay 100] [--out bench/results]
//       [--no-browser] [--with-100x [--runs100 1]] [--ext100 <chrome-mv3 dir of a 100x build>]
//       [--with-library [--library-passages 10000]] [--profile] [--compare <chrome-mv3 dir>] [--quick]
// Without --ext or --no-build it first builds the extension from this tree (icons, data, wxt build
// into .output-popupbench/): a bench that loads a build left from an older tree measures that tree
// (the 20:07 quiet run loaded a 09:43 build without the library). --no-build reuses that directory.
// --with-100x also writes a synthetic 100x corpus + index to $TMPDIR/policy-lens-popupbench-100x
// and builds an extension variant that bundles them (.output-popupbench-100x/, see popup/build.ts),
// then runs the browser part on it too. A full run with --with-100x takes ~2.5 minutes. --quick:
// one pass, one node pass, a 10x corpus, results in $TMPDIR/policy-lens-bench-quick (a smoke run).
//
// Node part (lib/core/search/ directly, same limit as the popup: 40):
//   - index load: JSON.parse of generated/{corpus,search-index}.json, createSearch, first query
//     (builds the bigram prefilters); same for a synthetic corpus `factor` times larger
//     (buildSearchIndex + JSON round trip + createSearch);
//   - per keystroke: every prefix of the real queries below (trimmed, as the popup sends it),
//     `node-runs` passes after one first pass; p50 / p95 / max of every timing, of the per-prefix
//     medians (robust to other load on the machine) and of process CPU time per search;
//   - 1 MB paste: search() of ~1 MiB (UTF-8) of text.
// Browser part (headless Chromium, the built extension, popup.html opened as a 420x600 tab):
//   - popup open -> first contentful paint and -> first animation frame after the app's first
//     render (#q in the DOM), both from navigation start (page clock);
//   - first results: first character of a query typed -> first [role=option] in the DOM;
//   - index load in the service worker: the first searchCorpus round trip after a service-worker
//     start vs warm round trips (the search is created lazily on the first searchCorpus); warm
//     round trips through runtime.sendMessage vs the popup's long-lived Port, interleaved (A/B);
//   - per keystroke, typing the queries at `delay` ms per key: keydown (or beforeinput when the
//     character is inserted without a key event, e.g. CJK) -> the DOM shows the answer for exactly
//     that input value (#results[data-answered] == value.trim(), aria-busy=false after the request
//     went out, #q.value == value), and -> the next frame rendered after that (rAF + a task
//     posted from it); plus a breakdown from wrapping runtime.sendMessage and the Port of
//     runtime.connect in the page: keystroke
//     -> searchCorpus sent, the round trip, answer -> DOM. Typing at 20 ms/key checks that stale
//     answers are dropped (an answer for an older input never replaces a newer one);
//   - 1 MB paste into the search box (value set + input event, and keyboard.insertText):
//     time to the answer in the DOM (target ≤ 50 ms) and to the next rendered frame, the length
//     the box kept (its maxLength / the input handler cut it) and whether the "shortened" notice
//     shows; the searchCorpus round trip of the same text (what the popup would cost without its
//     cap); no page error / console error / service-worker error allowed.
// --with-library: the browser part once more on the shipped build with a generated user library
// (10,000 passages ≈ 20 MB; --quick: 1,000) imported into its IndexedDB first (popup/library.ts).
// Any import that is not stored stops the bench with exit code 1 and no table.
// --profile: one more typing pass per build under a Chromium trace; the popup's main-thread time
// per keystroke by phase (input handler, while the worker searches, the answer's render, the next
// frame) and kind (script, style, layout, paint): popup/profile.ts.
// --compare <dir>: the shipped-corpus browser part once more on another build (e.g. the tree
// before a change, built with `PL_OUT_DIR=<dir> npx wxt build`), same run, rows "compare build".
// Writes bench/results/popup-<date>T<HHMM>Z.json and prints a Markdown table.
// Modules: popup/node.ts (node part), popup/in-page.ts (instrumentation), driver.ts, service-worker.ts
// and typing.ts (browser part), build.ts (the 100x variant), report.ts (Markdown).
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { createSearch } from '../lib/core/search/create-search.ts';
import { run } from '../scripts/lib/run.ts';
import { ROOT, saveResult } from './lib/cli.ts';
import { cpuModel } from './lib/machine.ts';
import { round } from './lib/stats.ts';
import { build100x } from './popup/build.ts';
import { browserBench, type BrowserResult } from './popup/driver.ts';
import { importLibrary } from './popup/library.ts';
import { nodeBench, readShipped } from './popup/node.ts';
import { LIMIT, parseOptions, QUERIES } from './popup/options.ts';
import { markdown } from './popup/report.ts';

const o = parseOptions(process.argv.slice(2));
const started = performance.now();
const r2 = (x: number) => round(x, 2);
const machine = {
  cpu: cpuModel(),
  cores: cpus().length,
  ramGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  loadAvgAtStart: loadavg().map(r2),
};

/** Stops the bench: no table, exit code 1 (a bench that measured the wrong thing prints nothing). */
function fail(why: string): never {
  console.error(`\n✖ popup bench stopped: ${why}`);
  process.exit(1);
}

if (!o.noBrowser && o.build) {
  console.error('building the extension (.output-popupbench) …');
  const env = { PL_OUT_DIR: '.output-popupbench' };
  for (const [cmd, args] of [
    ['npm', ['run', '--silent', 'icons']],
    ['npm', ['run', '--silent', 'data']],
    ['npx', ['wxt', 'build']],
  ] as const)
    if ((await run(cmd, [...args], env)) !== 0) fail(`${cmd} ${args.join(' ')} failed`);
}
console.error('node: search function …');
const nodeRes = nodeBench(o);
let browserRes: BrowserResult | null = null;
let browser100: BrowserResult | null = null;
let browserLib: BrowserResult | null = null;
let browserCompare: BrowserResult | null = null;
let build100: ReturnType<typeof build100x> | null = null;
if (!o.noBrowser) {
  console.error('browser: popup (shipped corpus) …');
  const shipped = readShipped(o.dataDir);
  const shippedSearch = createSearch(shipped.data, shipped.index);
  browserRes = await browserBench(o.ext, 'shipped corpus', nodeRes.mb, shippedSearch, o.runs, o.delay, {
    profile: o.profile,
  });
  if (o.compare) {
    console.error(`browser: popup (shipped corpus), compare build ${o.compare} …`);
    browserCompare = await browserBench(
      o.compare,
      'shipped corpus, compare build',
      nodeRes.mb,
      shippedSearch,
      o.runs,
      o.delay,
      { profile: o.profile },
    );
  }
  if (o.ext100) {
    if (o.build100) {
      console.error(`building the ${o.factor}x extension variant …`);
      build100 = build100x(o.dataDir, o.factor);
      console.error(`  ${JSON.stringify(build100)}`);
    }
    console.error(`browser: popup (${o.factor}x corpus) …`);
    browser100 = await browserBench(
      o.ext100,
      `synthetic ${o.factor}x corpus`,
      nodeRes.mb,
      null,
      o.runs100,
      o.delay,
    );
  }
}
if (!o.noBrowser && o.withLibrary) {
  console.error(`browser: popup (shipped corpus + a ${o.libraryPassages}-passage user library) …`);
  const shipped = readShipped(o.dataDir);
  browserLib = await browserBench(
    o.ext,
    `shipped corpus + user library (${o.libraryPassages} passages)`,
    nodeRes.mb,
    null,
    o.runs,
    o.delay,
    {
      prepare: async (open) => {
        const page = await open();
        const r = await importLibrary(page, shipped.data, o.libraryPassages);
        await page.close();
        return r;
      },
      profile: o.profile,
    },
  ).catch((e: unknown) => fail(`with the library: ${e instanceof Error ? e.message : String(e)}`));
}
const now = new Date();
const result = {
  date: now.toISOString(),
  machine,
  chromium: browserRes?.chromium ?? null,
  queries: QUERIES,
  runs: o.runs,
  typingDelayMs: o.delay,
  limit: LIMIT,
  node: { shipped: nodeRes.shipped, scaled: nodeRes.scaled },
  browser: browserRes,
  browser100x: browser100,
  browserLibrary: browserLib,
  browserCompare,
  build100x: build100,
  loadAvgAtEnd: loadavg().map(r2),
  wallSeconds: Math.round((performance.now() - started) / 1000),
};
const file = saveResult('popup', result, o.outDir, now);
console.log(markdown(result, file, o.factor));
if (browserRes) {
  const notes = [
    ...browserRes.consoleErrors,
    ...browserRes.pageErrors,
    ...browserRes.swErrors,
    ...browserRes.staleRegressions,
    ...browserRes.resultMismatch,
  ];
  if (notes.length) console.log('\nNotes:\n' + notes.map((n) => `- ${n.slice(0, 300)}`).join('\n'));
}
console.error(`wrote ${resolve(ROOT, file)}`);
