// Start-up bench (`npm run bench -- startup`): what the content script costs on a page with no
// policy term, against a control extension whose content script does nothing, in the same run.
//
//   npm run bench -- startup [--no-build] [--reps 7] [--pages plain,guardian-1] [--throttles 1,4]
//                            [--label after] [--compare <chrome-mv3 dir> --compare-label before]
//                            [--user-terms 5000] [--out bench/results] [--quick]
//
// --compare: build the other tree with `E2E_HOOKS=1 PL_OUT_DIR=<dir> npx wxt build` (after its
// `npm run data`) and pass <dir>/chrome-mv3. --user-terms: each of our builds (not the control)
// gets a generated user term list of that many terms first, imported from its options page
// (bench/startup-user-list.ts; 0: none), so the frames carry the user lists' matcher too.
//
// Per page and CPU throttle, `reps` rounds; each round loads the page in a fresh tab of the
// browser with our test build (E2E_HOOKS=1, to know when it has settled and to read its in-page
// timings), of the browser with the control and, with --compare, of one with another build (e.g.
// the commit before a change: same run, same load), in rotating order, each under a CDP trace.
// Reported per page and throttle (medians over the rounds):
//  - ours / control: main-thread time attributed to each extension's scripts (bench/lib/trace.ts);
//  - added: ours − control of the same round (median of the differences);
//  - longest: the most of our time inside one task;
//  - CPU: the same two from the thread time of our trace events (bench/lib/trace.ts eventCpuMs,
//    longestTaskCpuMs): on a loaded machine wall time mostly measures the other processes;
//  - compile / evaluate: v8 compile events and EvaluateScript of our scripts (trace);
//  - matcher: instantiation of the bundled matcher, timed in the page (performance.now(); "file
//    read": the prefix, header and views of it; "fetch wait": asking for the file until its bytes
//    are here, async, not main-thread time), and
//    where it came from (file: the packaged matcher.bin; message: the background's answer); the
//    user lists' matcher's instantiation (always a message; NaN in builds that do not time it);
//  - ready / first slice: from our script's start to the matcher ready / the first scan slice.
// Writes <out>/startup-<date>T<hhmm>Z.json; the Markdown table goes to stdout (docs/benchmarks.md
// "Start-up on a page with no term" quotes it).
import { statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from '../e2e/harness.ts';
import { run } from '../scripts/lib/run.ts';
import { cli, log, ROOT, saveResult } from './lib/cli.ts';
import { cpuModel } from './lib/machine.ts';
import { median, round } from './lib/stats.ts';
import { scriptTime, startTrace, type TraceEvent } from './lib/trace.ts';
import { queryLensStats } from './highlight/in-page.ts';
import { startStaticServer } from '../scripts/lib/static-server.ts';
import { REAL_PAGES } from '../e2e/harness.ts';
import { loadUserList } from './startup-user-list.ts';

const OUT = join(ROOT, '.output-bench-startup');
const EXT_DIR = join(OUT, 'chrome-mv3');
const CONTROL_DIR = join(ROOT, 'bench', 'fixtures', 'startup-control');

const { opt, flag, num, outDir } = cli();
const o = {
  pages: opt('pages', 'plain,guardian-1').split(','),
  throttles: opt('throttles', '1,4', '1').split(',').map(Number),
  reps: num('reps', 7, 2),
  label: opt('label', ''),
  /** Another built extension (chrome-mv3 dir, E2E_HOOKS=1 build) measured in the same rounds. */
  compare: opt('compare', ''),
  compareLabel: opt('compare-label', 'compare'),
  /** Terms of the generated user list loaded into our builds first (0: none). */
  userTerms: num('user-terms', 5000, 5000),
  /** After the lens reports no pending work (ours) or after load (control): trailing work. */
  tailMs: num('tail-ms', 1000, 500),
  noBuild: flag('no-build'),
  outDir: outDir(),
};

interface Sample {
  totalMs: number;
  longestMs: number;
  /** Thread time of our outermost trace events, and the most of it inside one task. */
  cpuMs: number;
  longestCpuMs: number;
  compileMs: number;
  evaluateMs: number;
  matcherMs: number;
  matcherReadMs: number;
  matcherFetchMs: number;
  userMatcherMs: number;
  readyMs: number;
  firstSliceMs: number;
  via: string;
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Sum of the merged durations of complete events named `name` whose URL is ours (ms). */
function eventMs(events: TraceEvent[], names: string[], isOurs: (u: string) => boolean): number {
  const spans: Array<[number, number]> = [];
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || !names.includes(e.name)) continue;
    const data = (e.args?.data ?? {}) as { url?: unknown };
    const url =
      typeof data.url === 'string' ? data.url : typeof e.args?.fileName === 'string' ? e.args.fileName : '';
    if (url && isOurs(url)) spans.push([e.ts, e.ts + e.dur]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let sum = 0;
  let end = -Infinity;
  for (const [a, b] of spans) {
    if (b <= end) continue;
    sum += b - Math.max(a, end);
    end = b;
  }
  return sum / 1000;
}

/** Our scripts: content script and any chunk it loads, not the service worker. */
const oursOf = (s: ChromiumSession) => (u: string) =>
  u.startsWith(`chrome-extension://${s.extensionId}/`) && !u.endsWith('/background.js');

async function waitOurs(page: Page): Promise<Record<string, unknown> | null> {
  const t0 = Date.now();
  let stats: Record<string, unknown> | null = null;
  while (Date.now() - t0 < 30_000) {
    stats = await page.evaluate(queryLensStats);
    if (stats && stats.pending === false && Number(stats.slices) > 0) break;
    await sleep(200);
  }
  return stats;
}

async function measure(s: ChromiumSession, url: string, rate: number, ours: boolean): Promise<Sample> {
  const page = await s.context.newPage();
  const cdp = await s.context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const tracer = await startTrace(cdp);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  const stats = ours ? await waitOurs(page) : null;
  await sleep(o.tailMs);
  const events = await tracer.stop();
  await page.close();
  const isOurs = oursOf(s);
  const t = scriptTime(events, isOurs);
  const st = (stats?.startup ?? {}) as Record<string, number | null>;
  const at = (k: string) => (typeof st[k] === 'number' ? st[k] : NaN);
  return {
    totalMs: t.totalMs,
    longestMs: t.longestTaskMs,
    cpuMs: t.eventCpuMs,
    longestCpuMs: t.longestTaskCpuMs,
    compileMs: eventMs(events, ['v8.compile', 'V8.CompileCode', 'v8.compileModule'], isOurs),
    evaluateMs: eventMs(events, ['EvaluateScript', 'v8.evaluateModule'], isOurs),
    matcherMs: at('matcherMs'),
    matcherReadMs: at('matcherReadMs'),
    matcherFetchMs: at('matcherFetchMs'),
    userMatcherMs: at('userMatcherMs'),
    readyMs: at('matcherReadyAt') - at('scriptAt'),
    firstSliceMs: at('firstSliceAt') - at('scriptAt'),
    via: typeof st.matcherVia === 'string' && st.matcherVia ? st.matcherVia : '—',
  };
}

const med = (xs: number[]) => round(median(xs.filter(Number.isFinite)), 2);

interface Variant {
  name: string;
  session: ChromiumSession;
  ours: boolean;
  samples: Sample[];
}

/** Medians of one variant's rounds; `added` pairs each round with the control's. */
function summarise(v: Variant, control: Variant) {
  const xs = v.samples;
  return {
    variant: v.name,
    oursMs: med(xs.map((x) => x.totalMs)),
    addedMs: med(xs.map((x, k) => x.totalMs - control.samples[k]!.totalMs)),
    longestMs: med(xs.map((x) => x.longestMs)),
    longestMaxMs: round(Math.max(...xs.map((x) => x.longestMs)), 2),
    addedCpuMs: med(xs.map((x, k) => x.cpuMs - control.samples[k]!.cpuMs)),
    longestCpuMs: med(xs.map((x) => x.longestCpuMs)),
    compileMs: med(xs.map((x) => x.compileMs)),
    evaluateMs: med(xs.map((x) => x.evaluateMs)),
    matcherMs: med(xs.map((x) => x.matcherMs)),
    matcherReadMs: med(xs.map((x) => x.matcherReadMs)),
    matcherFetchMs: med(xs.map((x) => x.matcherFetchMs)),
    userMatcherMs: med(xs.map((x) => x.userMatcherMs)),
    readyMs: med(xs.map((x) => x.readyMs)),
    firstSliceMs: med(xs.map((x) => x.firstSliceMs)),
    via: [...new Set(xs.map((x) => x.via))].join('/'),
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  if (!o.noBuild) {
    if ((await run('npm', ['run', '--silent', 'data'])) !== 0) throw new Error('npm run data failed');
    if ((await run('npx', ['wxt', 'build'], { PL_OUT_DIR: OUT, E2E_HOOKS: '1' })) !== 0)
      throw new Error('wxt build failed');
  }
  const sizeOf = (dir: string) => statSync(join(dir, 'content-scripts', 'content.js')).size;
  const server = await startStaticServer({
    '/real/': REAL_PAGES,
    '/bench/': join(ROOT, 'bench', 'fixtures'),
  });
  const pageUrl = (name: string) =>
    name === 'plain' ? `${server.url}/bench/startup-plain.html` : `${server.url}/real/${name}.html`;
  const variants: Variant[] = [
    {
      name: 'control',
      session: await launchChromium({ extensionDir: CONTROL_DIR }),
      ours: false,
      samples: [],
    },
    {
      name: o.label || 'ours',
      session: await launchChromium({ extensionDir: EXT_DIR }),
      ours: true,
      samples: [],
    },
  ];
  if (o.compare)
    variants.push({
      name: o.compareLabel,
      session: await launchChromium({ extensionDir: o.compare }),
      ours: true,
      samples: [],
    });
  const rows = [];
  try {
    if (o.userTerms > 0)
      for (const v of variants.filter((x) => x.ours)) {
        log(`${v.name}: importing a user list of ${o.userTerms} terms`);
        await loadUserList(v.session, o.userTerms);
      }
    for (const name of o.pages)
      for (const rate of o.throttles) {
        log(`${name} @ ${rate}× (load ${round(loadavg()[0]!, 2)})`);
        for (const v of variants) {
          v.samples = [];
          await measure(v.session, pageUrl(name), rate, v.ours); // warm-up (first-load caches), not kept
        }
        // round robin, the order rotated each round (the machine's load drifts)
        for (let r = 0; r < o.reps; r++)
          for (let k = 0; k < variants.length; k++) {
            const v = variants[(k + r) % variants.length]!;
            v.samples.push(await measure(v.session, pageUrl(name), rate, v.ours));
          }
        const control = variants[0]!;
        const row = {
          page: name,
          rate,
          load1: round(loadavg()[0]!, 2),
          controlMs: med(control.samples.map((x) => x.totalMs)),
          controlLongestMs: med(control.samples.map((x) => x.longestMs)),
          variants: variants.slice(1).map((v) => summarise(v, control)),
          samples: Object.fromEntries(variants.map((v) => [v.name, v.samples])),
        };
        for (const v of row.variants)
          log(
            `  ${v.variant}: added ${v.addedMs} ms (CPU ${v.addedCpuMs}; control ${row.controlMs}), longest ${v.longestMs} ms (CPU ${v.longestCpuMs}), matcher ${v.matcherMs} ms (file read ${v.matcherReadMs}; fetch wait ${v.matcherFetchMs}), user lists ${v.userMatcherMs} ms`,
          );
        rows.push(row);
      }
  } finally {
    for (const v of variants) await v.session.close();
    await server.close();
  }
  const meta = {
    date: new Date().toISOString(),
    label: o.label,
    compare: o.compare ? { label: o.compareLabel, dir: o.compare, contentBytes: sizeOf(o.compare) } : null,
    machine: `${cpuModel()}, ${cpus().length} cores, ${round(totalmem() / 2 ** 30, 1)} GiB`,
    reps: o.reps,
    userTerms: o.userTerms,
    contentBytes: sizeOf(EXT_DIR),
    durationS: Math.round((Date.now() - started) / 1000),
  };
  const file = saveResult(`startup${o.label ? `-${o.label}` : ''}`, { meta, rows }, o.outDir);
  const head =
    '| page | CPU × | load | build | added over control ms | our longest task ms (median / max) | added CPU ms | longest task CPU ms | compile ms | evaluate ms | matcher from | matcher instantiation ms (in page) | of which file read ms | fetch wait ms (async) | user lists’ matcher ms (in page) | script start → matcher ready ms | → first slice ms |\n' +
    '|---|--:|--:|---|--:|--:|--:|--:|--:|--:|---|--:|--:|--:|--:|--:|--:|';
  const lines = rows.flatMap((r) =>
    r.variants.map(
      (v) =>
        `| ${r.page} | ${r.rate}× | ${r.load1} | ${v.variant} | ${v.addedMs} | ${v.longestMs} / ${v.longestMaxMs} | ${v.addedCpuMs} | ${v.longestCpuMs} | ${v.compileMs} | ${v.evaluateMs} | ${v.via} | ${v.matcherMs} | ${v.matcherReadMs} | ${v.matcherFetchMs} | ${v.userMatcherMs} | ${v.readyMs} | ${v.firstSliceMs} |`,
    ),
  );
  const sizes = [`${meta.label || 'ours'} ${meta.contentBytes} B`];
  if (meta.compare) sizes.push(`${meta.compare.label} ${meta.compare.contentBytes} B`);
  console.log(
    `\n${meta.date}, ${meta.machine}, content.js: ${sizes.join(', ')}; ${o.reps} rounds; user list ${o.userTerms} terms; control median ${rows.map((r) => `${r.page} ${r.rate}× ${r.controlMs} ms`).join(', ')}; raw data \`${file}\`\n\n${head}\n${lines.join('\n')}\n`,
  );
}

await main();
process.exit(0);
