// Start-up bench (`npm run bench -- startup`): what the content script costs on a page with no
// policy term, against a control extension whose content script does nothing, in the same run.
//
//   npm run bench -- startup [--no-build] [--reps 7] [--pages plain,guardian-1] [--throttles 1,4]
//                            [--label before] [--out bench/results] [--quick]
//
// Per page and CPU throttle, `reps` rounds; each round loads the page in a fresh tab of the
// browser with our test build (E2E_HOOKS=1, to know when it has settled and to read its in-page
// timings) and of the browser with the control, in alternating order, each under a CDP trace.
// Reported per page and throttle (medians over the rounds):
//  - ours / control: main-thread time attributed to each extension's scripts (bench/lib/trace.ts);
//  - added: ours − control of the same round (median of the differences);
//  - longest: the most of our time inside one task;
//  - compile / evaluate: v8 compile events and EvaluateScript of our scripts (trace);
//  - matcher: instantiation of the matcher, timed in the page (performance.now());
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

const OUT = join(ROOT, '.output-bench-startup');
const EXT_DIR = join(OUT, 'chrome-mv3');
const CONTROL_DIR = join(ROOT, 'bench', 'fixtures', 'startup-control');

const { opt, flag, num, outDir } = cli();
const o = {
  pages: opt('pages', 'plain,guardian-1').split(','),
  throttles: opt('throttles', '1,4', '1').split(',').map(Number),
  reps: num('reps', 7, 2),
  label: opt('label', ''),
  /** After the lens reports no pending work (ours) or after load (control): trailing work. */
  tailMs: num('tail-ms', 1000, 500),
  noBuild: flag('no-build'),
  outDir: outDir(),
};

interface Sample {
  totalMs: number;
  longestMs: number;
  compileMs: number;
  evaluateMs: number;
  matcherMs: number;
  readyMs: number;
  firstSliceMs: number;
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
    compileMs: eventMs(events, ['v8.compile', 'V8.CompileCode', 'v8.compileModule'], isOurs),
    evaluateMs: eventMs(events, ['EvaluateScript', 'v8.evaluateModule'], isOurs),
    matcherMs: at('matcherMs'),
    readyMs: at('matcherReadyAt') - at('scriptAt'),
    firstSliceMs: at('firstSliceAt') - at('scriptAt'),
  };
}

const med = (xs: number[]) => round(median(xs.filter(Number.isFinite)), 2);

async function main(): Promise<void> {
  const started = Date.now();
  if (!o.noBuild) {
    if ((await run('npm', ['run', '--silent', 'data'])) !== 0) throw new Error('npm run data failed');
    if ((await run('npx', ['wxt', 'build'], { PL_OUT_DIR: OUT, E2E_HOOKS: '1' })) !== 0)
      throw new Error('wxt build failed');
  }
  const contentBytes = statSync(join(EXT_DIR, 'content-scripts', 'content.js')).size;
  const server = await startStaticServer({
    '/real/': REAL_PAGES,
    '/bench/': join(ROOT, 'bench', 'fixtures'),
  });
  const pageUrl = (name: string) =>
    name === 'plain' ? `${server.url}/bench/startup-plain.html` : `${server.url}/real/${name}.html`;
  const ext = await launchChromium({ extensionDir: EXT_DIR });
  const control = await launchChromium({ extensionDir: CONTROL_DIR });
  const rows = [];
  try {
    for (const name of o.pages)
      for (const rate of o.throttles) {
        log(`${name} @ ${rate}× (load ${round(loadavg()[0]!, 2)})`);
        const ours: Sample[] = [];
        const ctl: Sample[] = [];
        // one warm-up load each (first-load caches), not recorded
        await measure(ext, pageUrl(name), rate, true);
        await measure(control, pageUrl(name), rate, false);
        for (let r = 0; r < o.reps; r++) {
          if (r % 2) ctl.push(await measure(control, pageUrl(name), rate, false));
          ours.push(await measure(ext, pageUrl(name), rate, true));
          if (!(r % 2)) ctl.push(await measure(control, pageUrl(name), rate, false));
        }
        const row = {
          page: name,
          rate,
          load1: round(loadavg()[0]!, 2),
          oursMs: med(ours.map((x) => x.totalMs)),
          controlMs: med(ctl.map((x) => x.totalMs)),
          addedMs: med(ours.map((x, k) => x.totalMs - ctl[k]!.totalMs)),
          longestMs: med(ours.map((x) => x.longestMs)),
          longestMaxMs: round(Math.max(...ours.map((x) => x.longestMs)), 2),
          controlLongestMs: med(ctl.map((x) => x.longestMs)),
          compileMs: med(ours.map((x) => x.compileMs)),
          evaluateMs: med(ours.map((x) => x.evaluateMs)),
          matcherMs: med(ours.map((x) => x.matcherMs)),
          readyMs: med(ours.map((x) => x.readyMs)),
          firstSliceMs: med(ours.map((x) => x.firstSliceMs)),
          samples: { ours, control: ctl },
        };
        log(
          `  added ${row.addedMs} ms (ours ${row.oursMs}, control ${row.controlMs}), longest ${row.longestMs} ms, matcher ${row.matcherMs} ms`,
        );
        rows.push(row);
      }
  } finally {
    await ext.close();
    await control.close();
    await server.close();
  }
  const meta = {
    date: new Date().toISOString(),
    label: o.label,
    machine: `${cpuModel()}, ${cpus().length} cores, ${round(totalmem() / 2 ** 30, 1)} GiB`,
    reps: o.reps,
    contentBytes,
    durationS: Math.round((Date.now() - started) / 1000),
  };
  const file = saveResult(`startup${o.label ? `-${o.label}` : ''}`, { meta, rows }, o.outDir);
  const head =
    '| page | CPU × | load | added over control ms | ours ms | control ms | our longest task ms (median / max) | compile ms | evaluate ms | matcher ms (in page) | script start → matcher ready ms | → first slice ms |\n' +
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|';
  const lines = rows.map(
    (r) =>
      `| ${r.page} | ${r.rate}× | ${r.load1} | ${r.addedMs} | ${r.oursMs} | ${r.controlMs} | ${r.longestMs} / ${r.longestMaxMs} | ${r.compileMs} | ${r.evaluateMs} | ${r.matcherMs} | ${r.readyMs} | ${r.firstSliceMs} |`,
  );
  console.log(
    `\n${meta.label ? `**${meta.label}**: ` : ''}${meta.date}, ${meta.machine}, content.js ${contentBytes} B, ${o.reps} rounds, raw data \`${file}\`\n\n${head}\n${lines.join('\n')}\n`,
  );
}

await main();
process.exit(0);
