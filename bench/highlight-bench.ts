// Page-highlighter benchmark: our content script vs mark.js vs advanced-mark.js, in headless
// Chromium, on the same pages, in the same run, at CPU throttling 1× and 4×.
//
//   npx node bench/highlight-bench.ts [--no-build] [--reps 7] [--pages guardian-1,infinite-scroll]
//                                     [--throttles 1,4] [--docs] [--docs-from bench/results/x.md]
//                                     [--md-from-json bench/results/x.json [--docs]] [--edits 10000]
//                                     [--quiet-ms 1500] [--peer-timeout-ms 20000] [--combine true] [--pairs 41]
//
// Writes bench/results/highlight-<date>T<hhmm>.json and .md; --docs also replaces the "Page highlighter"
// section of docs/benchmarks.md with the generated Markdown. Not part of `npm test` (timings are
// noisy). What every number means is written into the Markdown (METHOD below).
import { cli } from './lib-cli.ts';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium, REAL_PAGES, type ChromiumSession } from '../e2e/harness.ts';
import { startStaticServer, type StaticServer } from '../scripts/lib/static-server.ts';
import { run } from '../scripts/lib/run.ts';
import { median, scriptTime, startTrace, type ScriptTime, type TraceEvent } from './lib-trace.ts';
import { buildPeers, splitAliases, type Peer, type PeerId, type PeerStats } from './lib-peers.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, '.output-bench');
const EXT_DIR = join(OUT, 'chrome-mv3');
const CONTENT_JS = join(EXT_DIR, 'content-scripts', 'content.js');
/** Store build (no E2E hooks), for the shipped size only. */
const STORE_OUT = join(ROOT, '.output-bench-store');
const STORE_CONTENT_JS = join(STORE_OUT, 'chrome-mv3', 'content-scripts', 'content.js');
const RESULTS = join(ROOT, 'bench', 'results');
/** Control extension: the same MutationObserver as ours, an empty callback, nothing else. */
const CONTROL_DIR = join(ROOT, 'bench', 'fixtures', 'mo-control');
const DOCS = join(ROOT, 'docs', 'benchmarks.md');

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2).filter((a) => a !== 'highlight');
const { opt, flag } = cli(argv);
/**
 * The issue's pages, plus `policy-dense`: every passage of the shipped corpus as one long article
 * (generated at run time from generated/corpus.json), the page a reader of policy documents sees
 * and the one with the most painted ranges, for the DOM-edit measures.
 */
const ALL_PAGES = ['guardian-1', 'yahoo-2', 'wikipedia-2', 'nytimes-1', 'infinite-scroll', 'policy-dense'];
const PAGES = opt('pages', ALL_PAGES.join(',')).split(',');
const THROTTLES = opt('throttles', '1,4').split(',').map(Number);
const REPS = Number(opt('reps', '5'));
/** Back-to-back (painted, removed) batch pairs in our tab, for the same-tab ratio. */
const PAIRS = Number(opt('pairs', '41'));
/** Edits per DOM-edit batch (5 per iteration). */
const EDITS = Number(opt('edits', '10000'));
/** Highlights unchanged this long (after the page is done) = settled. */
const QUIET_MS = Number(opt('quiet-ms', '1500'));
const SETTLE_MAX_MS = Number(opt('settle-max-ms', '60000'));
const PEER_TIMEOUT_MS = Number(opt('peer-timeout-ms', '20000'));
/** advanced-mark.js `combinePatterns` (true = its default chunk of 10 terms per RegExp). */
const COMBINE = ((v: string) => (v === 'true' ? true : v === 'false' ? false : Number(v)))(
  opt('combine', 'true'),
);

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const round = (x: number, d = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : x);
const log = (...a: unknown[]) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...a);

// ---------------------------------------------------------------------------------------------
// Build

async function build(): Promise<{ data: 'ok' | 'failed (used existing generated/)' }> {
  let data: 'ok' | 'failed (used existing generated/)' = 'ok';
  if ((await run('npm', ['run', '--silent', 'icons'])) !== 0) throw new Error('npm run icons failed');
  if ((await run('npm', ['run', '--silent', 'data'])) !== 0) {
    if (!existsSync(join(ROOT, 'generated', 'matcher.json'))) throw new Error('npm run data failed');
    console.warn('! npm run data failed; benchmarking the existing generated/ data');
    data = 'failed (used existing generated/)';
  }
  // The test build (E2E_HOOKS=1: the content script answers a stats event, used to know when it
  // has settled) is what runs; the store build is built too, for its size.
  if ((await run('npx', ['wxt', 'build'], { PL_OUT_DIR: OUT, E2E_HOOKS: '1' })) !== 0)
    throw new Error('wxt build failed');
  if ((await run('npx', ['wxt', 'build'], { PL_OUT_DIR: STORE_OUT, E2E_HOOKS: '0' })) !== 0)
    throw new Error('wxt build (store) failed');
  return { data };
}

// ---------------------------------------------------------------------------------------------
// In-page helpers (serialised into the page)

function countHighlights(): number {
  const reg = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<unknown>> } }).CSS?.highlights;
  let n = 0;
  if (reg) for (const [name, hl] of reg) if (name.startsWith('policy-lens')) n += hl.size;
  return n;
}

function highlightTexts(): { byName: Record<string, number>; texts: Record<string, number> } {
  const reg = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<AbstractRange>> } }).CSS
    ?.highlights;
  const byName: Record<string, number> = {};
  const texts: Record<string, number> = {};
  if (!reg) return { byName, texts };
  for (const [name, hl] of reg) {
    if (!name.startsWith('policy-lens')) continue;
    byName[name] = hl.size;
    for (const r of hl) {
      let t: string;
      try {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        t = range.toString();
      } catch {
        t = '<invalid range>';
      }
      texts[t] = (texts[t] ?? 0) + 1;
    }
  }
  return { byName, texts };
}

function markTexts(): Record<string, number> {
  const texts: Record<string, number> = {};
  for (const m of document.querySelectorAll('mark[data-markjs]')) {
    const t = m.textContent ?? '';
    texts[t] = (texts[t] ?? 0) + 1;
  }
  return texts;
}

/** Fixed CPU work, to check that the throttling applies. */
function spinProbe(): number {
  const t0 = performance.now();
  let x = 0;
  for (let k = 0; k < 3_000_000; k++) x = (x * 31 + k) | 0;
  (globalThis as unknown as { __sink: number }).__sink = x;
  return performance.now() - t0;
}

type EditMode = 'painted' | 'removed' | 'live';

interface EditResult {
  syncMs: number;
  withMicrotasksMs: number;
  target: string;
  paragraphs: number;
}

/**
 * The page's own DOM edits: `edits` mutations inside the article, 5 per iteration — append a new
 * <p>, set its textContent, insert a <span> at the start of an existing paragraph, remove both.
 * The batch leaves the DOM as it found it. Timed with performance.now(): the synchronous loop, and
 * the loop plus the microtask checkpoint after it (where MutationObserver callbacks of every world
 * run).
 */
async function domEditBatch({ edits, mode }: { edits: number; mode: EditMode }): Promise<EditResult> {
  // Same-tab conditions for our tab (no-ops elsewhere): 'removed' takes our highlights out of
  // CSS.highlights for the batch; 'live' also puts the same ranges back as live Ranges (what a
  // highlighter that keeps Range objects would hold), to show what StaticRange avoids.
  const reg = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
  const ours = [...reg].filter(([k]) => k.startsWith('policy-lens'));
  let restore = () => {};
  if (mode !== 'painted' && ours.length) {
    for (const [k] of ours) reg.delete(k);
    if (mode === 'live') {
      const H = (globalThis as unknown as { Highlight: new () => Set<AbstractRange> }).Highlight;
      const live = new H();
      for (const [, h] of ours)
        for (const r of h) {
          const x = document.createRange();
          try {
            x.setStart(r.startContainer, r.startOffset);
            x.setEnd(r.endContainer, r.endOffset);
            live.add(x);
          } catch {
            // a range whose text left the page: not painted anyway
          }
        }
      reg.set('bench-live-ranges', live);
    }
    restore = () => {
      reg.delete('bench-live-ranges');
      for (const [k, h] of ours) reg.set(k, h);
    };
  }
  const pick = () => {
    for (const sel of ['article', 'main', '[role=main]', '#mw-content-text', '#content']) {
      const el = document.querySelector(sel);
      if (el && (el.textContent ?? '').length > 500) return { el, sel };
    }
    return { el: document.body, sel: 'body' };
  };
  const { el: target, sel } = pick();
  const paras = Array.from(target.querySelectorAll('p'))
    .filter((p) => p.firstChild)
    .slice(0, 50);
  const iterations = Math.round(edits / 5);
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) {
    const p = document.createElement('p');
    p.textContent = 'Update ' + i + ': markets were quiet on Tuesday.';
    target.appendChild(p);
    p.textContent = 'Updated ' + i + ': markets closed higher.';
    const host = paras.length ? paras[i % paras.length]! : target;
    const s = document.createElement('span');
    s.textContent = '• ';
    host.insertBefore(s, host.firstChild);
    target.removeChild(p);
    host.removeChild(s);
  }
  const t1 = performance.now();
  await Promise.resolve();
  const t2 = performance.now();
  restore();
  return { syncMs: t1 - t0, withMicrotasksMs: t2 - t0, target: sel, paragraphs: paras.length };
}

// ---------------------------------------------------------------------------------------------
// Measurement steps

interface Heap {
  usedSize: number;
  embedderHeapUsedSize: number;
}

async function heapAfterGc(cdp: CDPSession): Promise<Heap> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const h = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
  await cdp.send('HeapProfiler.disable');
  return { usedSize: h.usedSize, embedderHeapUsedSize: h.embedderHeapUsedSize ?? 0 };
}

async function newThrottledPage(
  session: ChromiumSession,
  rate: number,
): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { page, cdp };
}

async function waitFixtureDone(page: Page, url: string): Promise<void> {
  if (url.includes('/bench/')) {
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-bench-done'), undefined, {
      timeout: 60_000,
    });
  }
}

/** E2E builds: the content script's scan stats (`pending`, slices, busy ms…), or null. */
function queryLensStats(): Promise<Record<string, unknown> | null> {
  return new Promise((ok) => {
    const on = (e: Event) => {
      document.removeEventListener('policy-lens:e2e-stats-result', on);
      try {
        ok(JSON.parse(String((e as CustomEvent).detail)) as Record<string, unknown>);
      } catch {
        ok(null);
      }
    };
    document.addEventListener('policy-lens:e2e-stats-result', on);
    document.dispatchEvent(new CustomEvent('policy-lens:e2e-stats'));
    setTimeout(() => {
      document.removeEventListener('policy-lens:e2e-stats-result', on);
      ok(null);
    }, 300);
  });
}

/**
 * Settled: the content script reports no pending scan work (E2E hook; it has run at least one
 * slice) and the painted count has not changed for QUIET_MS. Without the hook: count only.
 */
async function waitSettled(
  page: Page,
): Promise<{ settledAfterMs: number; timedOut: boolean; stats: Record<string, unknown> | null }> {
  const t0 = Date.now();
  let last = -1;
  let lastChange = Date.now();
  let stats: Record<string, unknown> | null = null;
  while (Date.now() - t0 < SETTLE_MAX_MS) {
    const n = await page.evaluate(countHighlights);
    stats = await page.evaluate(queryLensStats);
    const idle = stats === null || (stats.pending === false && Number(stats.slices) > 0);
    if (n !== last || !idle) {
      if (n !== last) last = n;
      lastChange = Date.now();
    }
    if (Date.now() - lastChange >= QUIET_MS)
      return { settledAfterMs: lastChange - t0, timedOut: false, stats };
    await sleep(300);
  }
  return { settledAfterMs: Date.now() - t0, timedOut: true, stats };
}

interface OursResult {
  time: ScriptTime;
  /** ms between our last traced activity and the end of the trace (small = maybe cut short). */
  idleBeforeTraceEndMs: number;
  highlights: number;
  highlightsByName: Record<string, number>;
  topTexts: Array<[string, number]>;
  distinctTexts: number;
  heap: Heap;
  settledAfterMs: number;
  settleTimedOut: boolean;
  /** The content script's own stats at the end (E2E hook): slices, busyMs, maxSliceMs, phases. */
  lensStats: Record<string, unknown> | null;
  visibility: string;
  spinProbeMs: number;
  contexts: number;
  /** Console messages of the tab that mention policy-lens or our extension (any level). */
  console: string[];
}

function lastActivityGap(events: TraceEvent[], isOurs: (u: string) => boolean): number {
  let last = 0;
  let end = 0;
  for (const e of events) {
    if (typeof e.ts !== 'number') continue;
    end = Math.max(end, e.ts + (e.dur ?? 0));
    const data = (e.args?.data ?? {}) as { url?: unknown };
    if (e.ph === 'X' && typeof data.url === 'string' && isOurs(data.url))
      last = Math.max(last, e.ts + (e.dur ?? 0));
  }
  return last ? (end - last) / 1000 : NaN;
}

async function measureOurs(
  session: ChromiumSession,
  url: string,
  rate: number,
): Promise<{ res: OursResult; page: Page; cdp: CDPSession }> {
  const { page, cdp } = await newThrottledPage(session, rate);
  const ourUrl = `chrome-extension://${session.extensionId}/content-scripts/`;
  const isOurs = (u: string) => u.startsWith(ourUrl);
  let contexts = 0;
  const consoleMsgs: string[] = [];
  page.on('console', (m) => {
    const t = `${m.type()}: ${m.text()}`;
    if (
      (/policy-lens|chrome-extension:/i.test(t) || m.location().url.startsWith('chrome-extension:')) &&
      consoleMsgs.length < 50
    )
      consoleMsgs.push(t.slice(0, 500));
  });
  page.on('pageerror', (e) => {
    if (/chrome-extension:|policy-lens/.test(`${e.stack ?? ''}`)) consoleMsgs.push(`pageerror: ${e.message}`);
  });
  cdp.on(
    'Runtime.executionContextCreated',
    (e: { context: { origin: string; auxData?: { type?: string } } }) => {
      if (
        e.context.auxData?.type === 'isolated' &&
        e.context.origin === `chrome-extension://${session.extensionId}`
      )
        contexts++;
    },
  );
  await cdp.send('Runtime.enable');
  const tracer = await startTrace(cdp);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await waitFixtureDone(page, url);
  const settle = await waitSettled(page);
  const events = await tracer.stop();
  const time = scriptTime(events, isOurs);
  const hl = await page.evaluate(highlightTexts);
  const highlights = Object.values(hl.byName).reduce((a, b) => a + b, 0);
  const heap = await heapAfterGc(cdp);
  const visibility = await page.evaluate(() => document.visibilityState);
  const spinProbeMs = await page.evaluate(spinProbe);
  await cdp.send('Runtime.disable');
  const topTexts = Object.entries(hl.texts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 40);
  return {
    page,
    cdp,
    res: {
      time,
      idleBeforeTraceEndMs: lastActivityGap(events, isOurs),
      highlights,
      highlightsByName: hl.byName,
      topTexts,
      distinctTexts: Object.keys(hl.texts).length,
      heap,
      settledAfterMs: settle.settledAfterMs,
      settleTimedOut: settle.timedOut,
      lensStats: settle.stats,
      visibility,
      spinProbeMs,
      contexts,
      console: consoleMsgs,
    },
  };
}

interface BaselineResult {
  heap: Heap;
  spinProbeMs: number;
}

async function openBaseline(
  session: ChromiumSession,
  url: string,
  rate: number,
): Promise<{ res: BaselineResult; page: Page }> {
  const { page, cdp } = await newThrottledPage(session, rate);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await waitFixtureDone(page, url);
  await sleep(QUIET_MS); // same quiet time as ours before the heap is read
  const heap = await heapAfterGc(cdp);
  const spinProbeMs = await page.evaluate(spinProbe);
  return { page, res: { heap, spinProbeMs } };
}

interface PeerResult {
  time: ScriptTime | null;
  /** performance.now() around the synchronous mark() calls (first call, and all calls). */
  firstMarkMs: number;
  allMarksMs: number;
  markCalls: number;
  matches: number;
  marks: number;
  topTexts: Array<[string, number]>;
  errors: string[];
  timedOut: boolean;
}

async function measurePeer(
  session: ChromiumSession,
  url: string,
  rate: number,
  peer: Peer,
  peerBase: string,
): Promise<PeerResult> {
  const { page, cdp } = await newThrottledPage(session, rate);
  const peerUrl = `${peerBase}/peer/${peer.file}`;
  const isPeer = (u: string) => u === peerUrl;
  const tracer = await startTrace(cdp);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  // Same moment our content script starts (document_idle, after load): add the peer's script.
  await page.evaluate((src) => {
    const s = document.createElement('script');
    s.src = src;
    document.head.appendChild(s);
  }, peerUrl);
  let timedOut = false;
  try {
    await page.waitForFunction(
      () => document.documentElement.hasAttribute('data-bench-peer-ready'),
      undefined,
      {
        timeout: PEER_TIMEOUT_MS,
        polling: 250,
      },
    );
    await waitFixtureDone(page, url);
    await sleep(QUIET_MS);
  } catch {
    timedOut = true;
  }
  if (timedOut) {
    // stop the peer's synchronous mark() so the tab can close now: kill its renderer
    // (the renderer dies without answering, so the command is not awaited)
    cdp.send('Page.crash').catch(() => undefined);
    await sleep(1000);
    await Promise.race([tracer.stop().catch(() => []), sleep(10_000)]);
    await Promise.race([page.close({ runBeforeUnload: false }).catch(() => undefined), sleep(10_000)]);
    return {
      time: null,
      firstMarkMs: NaN,
      allMarksMs: NaN,
      markCalls: 0,
      matches: NaN,
      marks: NaN,
      topTexts: [],
      errors: [`did not finish within ${PEER_TIMEOUT_MS} ms`],
      timedOut,
    };
  }
  const events = await tracer.stop();
  const time = scriptTime(events, isPeer);
  const stats = await page.evaluate(() => (window as unknown as { __benchPeer: PeerStats }).__benchPeer);
  const texts = await page.evaluate(markTexts);
  await page.close();
  return {
    time,
    firstMarkMs: stats.syncMs[0] ?? NaN,
    allMarksMs: stats.syncMs.reduce((a, b) => a + b, 0),
    markCalls: stats.markCalls,
    matches: stats.matches,
    marks: stats.marks,
    topTexts: Object.entries(texts)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 40),
    errors: stats.errors,
    timedOut,
  };
}

interface EditsResult {
  withExt: EditResult[];
  without: EditResult[];
  control: EditResult[];
  medianSyncWith: number;
  medianSyncWithout: number;
  medianSyncControl: number;
  ratioSync: number;
  ratioSyncControl: number;
  medianMicroWith: number;
  medianMicroWithout: number;
  medianMicroControl: number;
  ratioWithMicrotasks: number;
  ratioWithMicrotasksControl: number;
  /** Same tab as `withExt`, our highlights taken out of CSS.highlights for the batch. */
  removed: EditResult[];
  /** Same tab, the same ranges as live Ranges instead of ours. */
  live: EditResult[];
  medianSyncRemoved: number;
  medianMicroRemoved: number;
  medianSyncLive: number;
  medianMicroLive: number;
  /** Highlights present vs removed, same tab (the cost of holding our highlights). */
  ratioSyncHighlights: number;
  ratioMicroHighlights: number;
  ratioSyncLive: number;
  ratioMicroLive: number;
  /** Painted ranges in the tab when the edits ran. */
  rangesHeld: number;
  /** Paired same-tab measure: median over pairs of painted / removed (sync, +µtasks). */
  pairs: number;
  pairedSync: number;
  pairedMicro: number;
  target: string;
}

async function measureEdits(
  extPage: Page,
  extCdp: CDPSession,
  basePage: Page,
  controlPage: Page,
): Promise<EditsResult> {
  const withExt: EditResult[] = [];
  const removed: EditResult[] = [];
  const live: EditResult[] = [];
  const without: EditResult[] = [];
  const control: EditResult[] = [];
  const tabs: Array<[Page, EditResult[], EditMode]> = [
    [extPage, withExt, 'painted'],
    [extPage, removed, 'removed'],
    [extPage, live, 'live'],
    [basePage, without, 'painted'],
    [controlPage, control, 'painted'],
  ];
  const rangesHeld = await extPage.evaluate(() => {
    let n = 0;
    for (const [k, h] of (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights)
      if (k.startsWith('policy-lens')) n += h.size;
    return n;
  });
  // one warm-up each, then REPS rounds in rotating order; the pause between batches lets idle
  // rescans finish. Live Ranges stay registered with the document until collected: a GC after
  // each 'live' batch keeps them from slowing the next batch in that tab.
  const batch = async (p: Page, mode: EditMode) => {
    const r = await p.evaluate(domEditBatch, { edits: EDITS, mode });
    if (mode === 'live') await extCdp.send('HeapProfiler.collectGarbage');
    return r;
  };
  for (const [p, , mode] of tabs) await batch(p, mode);
  await sleep(1000);
  for (let r = 0; r < REPS; r++) {
    for (let k = 0; k < tabs.length; k++) {
      const [p, into, mode] = tabs[(r + k) % tabs.length]!;
      into.push(await batch(p, mode));
      await sleep(500);
    }
  }
  // Same tab, paired: (painted, removed) back to back, alternating which goes first, 300 ms
  // apart; each pair's ratio, median over pairs. Within a pair the tab, page, observer and
  // machine state are the same, so this reads the cost of holding our highlights far more
  // precisely than medians taken across the rounds above.
  const pairSync: number[] = [];
  const pairMicro: number[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const got: Partial<Record<EditMode, EditResult>> = {};
    for (const m of (i % 2 ? ['removed', 'painted'] : ['painted', 'removed']) as EditMode[]) {
      got[m] = await batch(extPage, m);
      await sleep(300);
    }
    pairSync.push(got.painted!.syncMs / got.removed!.syncMs);
    pairMicro.push(got.painted!.withMicrotasksMs / got.removed!.withMicrotasksMs);
  }
  const ms = (xs: EditResult[], k: 'syncMs' | 'withMicrotasksMs') => median(xs.map((x) => x[k]));
  const medianSyncWith = ms(withExt, 'syncMs');
  const medianSyncWithout = ms(without, 'syncMs');
  const medianSyncControl = ms(control, 'syncMs');
  const medianMicroWith = ms(withExt, 'withMicrotasksMs');
  const medianMicroWithout = ms(without, 'withMicrotasksMs');
  const medianMicroControl = ms(control, 'withMicrotasksMs');
  return {
    withExt,
    without,
    control,
    medianSyncWith,
    medianSyncWithout,
    medianSyncControl,
    ratioSync: medianSyncWith / medianSyncWithout,
    ratioSyncControl: medianSyncControl / medianSyncWithout,
    medianMicroWith,
    medianMicroWithout,
    medianMicroControl,
    ratioWithMicrotasks: medianMicroWith / medianMicroWithout,
    ratioWithMicrotasksControl: medianMicroControl / medianMicroWithout,
    removed,
    live,
    medianSyncRemoved: ms(removed, 'syncMs'),
    medianMicroRemoved: ms(removed, 'withMicrotasksMs'),
    medianSyncLive: ms(live, 'syncMs'),
    medianMicroLive: ms(live, 'withMicrotasksMs'),
    ratioSyncHighlights: medianSyncWith / ms(removed, 'syncMs'),
    ratioMicroHighlights: medianMicroWith / ms(removed, 'withMicrotasksMs'),
    ratioSyncLive: ms(live, 'syncMs') / ms(removed, 'syncMs'),
    ratioMicroLive: ms(live, 'withMicrotasksMs') / ms(removed, 'withMicrotasksMs'),
    rangesHeld,
    pairs: pairSync.length,
    pairedSync: median(pairSync),
    pairedMicro: median(pairMicro),
    target: withExt[0]?.target ?? '',
  };
}

/** The shipped corpus as one article: each document a section, each passage a paragraph. */
function policyDensePage(corpus: {
  documents: Array<{ id: string; title: string; lang: string }>;
  passages: Array<{ docId: string; text: string }>;
}): string {
  const esc = (t: string) => t.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const sections = corpus.documents.map((d) => {
    const paras = corpus.passages.filter((p) => p.docId === d.id).map((p) => `<p>${esc(p.text)}</p>`);
    return `<section lang="${esc(d.lang)}"><h2>${esc(d.title)}</h2>\n${paras.join('\n')}</section>`;
  });
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench: the corpus as one page</title>` +
    `<style>body{font:16px/1.5 sans-serif;max-width:46em;margin:2em auto}</style></head>` +
    `<body><main><article>\n${sections.join('\n')}\n</article></main></body></html>`
  );
}

// ---------------------------------------------------------------------------------------------
// Machine

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  return {
    cpu: model,
    cores: cpus().length,
    ramGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Markdown

interface RunOptions {
  reps: number;
  pairs?: number;
  edits: number;
  quietMs: number;
  peerTimeoutMs: number;
  combinePatterns: boolean | number;
}

function method(o: RunOptions): string {
  return `How each number is measured (bench/highlight-bench.ts, bench/lib-trace.ts, bench/lib-peers.ts):

- **Setup.** Headless Chromium with the flags of \`scripts/lib/find-browser.ts\` (via \`e2e/harness.ts\`
  \`launchChromium\`). Ours: the test build in \`.output-bench/chrome-mv3\` loaded with
  \`--load-extension\`. Peers: a separate browser launched with \`noExtension: true\`. Every page is
  opened in a fresh tab; CPU throttling is set on that tab with CDP \`Emulation.setCPUThrottlingRate\`
  before navigation ("spin probe" in the JSON checks it took effect). Pages are served by
  \`scripts/lib/static-server.ts\`: \`../shared/real-pages\` at \`/real/\`, \`bench/fixtures\` at \`/bench/\`.
- **Main-thread ms.** A CDP trace (categories \`devtools.timeline\`, \`disabled-by-default-devtools.timeline\`,
  \`v8.execute\`, \`disabled-by-default-v8.cpu_profiler\`) from before navigation until the page settled.
  A script's time is the union, per thread, of (1) every complete trace event whose \`args.data.url\`
  (or \`args.fileName\`) is the script — EvaluateScript (first run, including the microtasks it
  triggers), FunctionCall (timer, idle-callback, event, MutationObserver callbacks), v8.compile — and
  (2) every CPU-profile sample (≈0.2 ms apart) whose stack contains a frame of the script (catches
  promise continuations, which have no FunctionCall). Ours = \`chrome-extension://<id>/content-scripts/*\`
  in all frames (the manifest injects it into frames loaded from a URL, \`allFrames: true\`; \`about:blank\`/\`srcdoc\` frames are driven by their parent's script; column "frames" counts the isolated worlds);
  peers mark the top document only. A peer = its one script \`/peer/<lib>.js\` (library source + runner), added with a
  \`<script>\` element right after the load event (our content script runs at \`document_idle\`).
  Page load, style, layout and paint outside those intervals are not counted for anyone.
- **Longest task.** The largest amount of the script's time inside one top-level \`RunTask\`; "CPU" =
  the thread time (\`tdur\`) of our outermost events in that task. The machine is shared: wall-clock
  figures, and most of all the DOM-edit ratios, move with its load (column "load"); the CPU figures
  and the MutationObserver-only control column help to read them.
- **Settled.** Ours: the content script's test hook (\`policy-lens:e2e-stats\` event, E2E_HOOKS=1
  builds only) reports no pending scan work after at least one slice, and the number of painted
  ranges has been unchanged for ${o.quietMs} ms (after the fixture's last append on the
  infinite-scroll page); polled every 0.3 s (each poll runs our tiny stats listener, which is
  counted in our time). Peers: their synchronous \`mark()\` returned (and the fixture finished),
  then ${o.quietMs} ms. A peer still busy after ${o.peerTimeoutMs / 1000} s is stopped
  (CDP \`Page.crash\` on its tab) and shown as "> ${o.peerTimeoutMs / 1000} s"; it is then not run
  again at the higher throttle.
- **Highlights.** Ours: the sum of \`size\` of every \`CSS.highlights\` entry whose name starts with
  \`policy-lens\` (main frame; one range per text-node piece of a match). Peers: \`<mark>\` elements
  created (their \`each\` callback; also one per text-node piece of a match). advanced-mark.js's own
  match count (\`totalMatches\`) is in the JSON.
- **Peer options.** The alias list is every string in \`generated/corpus.json\` \`variants\` (deduplicated).
  Aliases that start or end with a Latin/Greek/Cyrillic letter or digit are marked with
  \`accuracy: { value: 'exactly', limiters: <ASCII and CJK punctuation> }\` (whole words), all others
  (CJK) with \`accuracy: 'partially'\`; both calls use \`separateWordSearch: false\`, \`diacritics: false\`,
  \`caseSensitive: false\`, \`acrossElements: true\`; advanced-mark.js also \`combinePatterns: ${String(o.combinePatterns)}\`.
  Content added later is marked by a MutationObserver that runs the same two calls on the added
  elements. Semantics differ from ours: no NFKC/width/quote normalisation (full-width or
  variant-quote text is missed unless the variant is in the list), no leftmost-longest selection
  across concepts beyond the libraries' own longest-first term sort, no category/quoted-only/case
  rules, no exclusion list, and they wrap matches in \`<mark>\` elements (DOM changes) where we paint
  CSS highlights.
- **Heap.** \`Runtime.getHeapUsage\` of the tab's renderer after two \`HeapProfiler.collectGarbage\`,
  with our extension minus the same page without it (separate browser, same throttle, same quiet
  time): V8 \`usedSize\` + Blink \`embedderHeapUsedSize\` (Range/Highlight objects live there). Isolated
  worlds share the page's V8 isolate, so a per-world figure is not available from CDP.
- **DOM edits.** A main-world function performs ${o.edits} DOM edits inside the article (5 per
  iteration: append a \`<p>\`, set its \`textContent\`, insert a \`<span>\` at the start of an existing
  paragraph, remove both; the DOM ends as it began), timed with \`performance.now()\` — the synchronous
  loop ("sync"), and the loop plus the following microtask checkpoint where MutationObserver callbacks
  run ("+µtasks"). One warm-up, then ${o.reps} rounds, in rotating order, in three tabs of three browsers: ours
  (highlights present), no extension, and a control extension (\`bench/fixtures/mo-control\`) whose
  content script only registers a MutationObserver with our exact options and an empty callback
  (the floor any observer-based highlighter pays); 0.5 s apart; medians. Ratio = tab / no-extension tab.
  Same tab (ours): each round also runs the batch with our highlights taken out of \`CSS.highlights\`
  (from the main world; put back right after) and with the same ranges registered as live
  \`Range\`s instead (what a highlighter keeping Range objects holds; a forced GC after each such
  batch unregisters them). "painted / removed" is the cost of holding our highlights, with the
  same browser, tab, page and observer; "live / removed" is what StaticRange saves. "Paired":
  after the rounds, ${o.pairs ?? '—'} back-to-back (painted, removed) pairs in our tab (alternating which
  goes first, 300 ms apart), the median of the per-pair ratios; the same-tab target is judged on
  it, on the pages that hold ranges.
- **Size.** \`content-scripts/content.js\` of the store build (\`.output-bench-store\`, what ships;
  the target applies to it) and of the benchmarked test build (\`.output-bench\`, E2E_HOOKS=1), raw
  bytes and gzip -9; the compiled matcher data is bundled in it (checked by the script).
- **Ours (setup).** The test build (E2E_HOOKS=1, in \`.output-bench\`) is benchmarked: it is the
  store build plus the stats listener used for "Settled".`;
}

interface PageRow {
  /** 1-minute load average of the machine when the row started (other sessions share it). */
  load1: number;
  page: string;
  url: string;
  rate: number;
  ours: OursResult;
  baseline: BaselineResult;
  peers: Record<PeerId, PeerResult>;
  edits: EditsResult;
}

function fmt(x: number | undefined, d = 1): string {
  return x === undefined || !Number.isFinite(x) ? '—' : round(x, d).toFixed(d);
}

function markdown(
  result: ReturnType<typeof summarise>,
  rows: PageRow[],
  meta: Record<string, unknown>,
): string {
  const m = meta.machine as ReturnType<typeof machine>;
  const o = meta.options as RunOptions;
  const lines: string[] = [];
  lines.push('## Page highlighter', '');
  lines.push(
    `Run ${String(meta.date)} · ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM · ${String(meta.chromium)} headless · ` +
      `${String(meta.aliases)} aliases (${String(meta.latinAliases)} Latin-edged, ${String(meta.otherAliases)} other) · ` +
      `${o.reps} DOM-edit repetitions · 1-min load average ${loadRange(meta)} (shared machine) · ` +
      `run took ${String(meta.durationS)} s including the build · ` +
      `raw data: \`bench/results/${String(meta.jsonFile)}\``,
    '',
  );
  lines.push(
    `Content script (store build, \`.output-bench-store\`): **${result.size.storeRaw} B** raw, ` +
      `**${result.size.storeGzip} B** gzip -9. Benchmarked test build (\`.output-bench\`, E2E_HOOKS=1): ` +
      `${result.size.raw} B raw, ${result.size.gzip} B gzip. Matcher data bundled in it: ${result.size.includesMatcher ? 'yes' : 'NO'}.`,
    '',
  );
  lines.push(
    '**Main-thread time** (ms; wall time of the attributed intervals, CPU = thread time of our outermost trace events; load = 1-min load average when the row started):',
    '',
  );
  lines.push(
    '| Page | CPU × | load | Ours ms | Ours CPU ms | Ours longest task (wall / CPU) | Ours highlights | mark.js ms | mark.js longest | mark.js marks | advanced-mark.js ms | adv. longest | adv. marks |',
  );
  lines.push('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const r of rows) {
    const pm = r.peers.markjs;
    const pa = r.peers.advanced;
    const peerCell = (p: PeerResult, k: 'totalMs' | 'longestTaskMs') =>
      p.timedOut ? `> ${o.peerTimeoutMs / 1000} s` : fmt(p.time?.[k]);
    const t = r.ours.time;
    lines.push(
      `| ${r.page} | ${r.rate}× | ${fmt(r.load1)} | ${fmt(t.totalMs)} | ${fmt(t.eventCpuMs)} | ` +
        `${fmt(t.longestTaskMs)} / ${fmt(t.longestTaskCpuMs)} | ${r.ours.highlights} | ` +
        `${peerCell(pm, 'totalMs')} | ${peerCell(pm, 'longestTaskMs')} | ${pm.timedOut ? '—' : pm.marks} | ` +
        `${peerCell(pa, 'totalMs')} | ${peerCell(pa, 'longestTaskMs')} | ${pa.timedOut ? '—' : pa.marks} |`,
    );
  }
  lines.push('');
  lines.push(
    '**Heap and page DOM edits** (DOM-edit medians in ms: no extension / ours / MutationObserver-only control):',
    '',
  );
  lines.push(
    '| Page | CPU × | Our heap Δ (MiB) | frames | DOM edits sync (none / ours / control) | ratio ours | ratio control | +µtasks (none / ours / control) | ratio ours | ratio control |',
  );
  lines.push('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const r of rows) {
    const e = r.edits;
    lines.push(
      `| ${r.page} | ${r.rate}× | ${fmt(heapDelta(r) / 2 ** 20, 2)} | ${r.ours.contexts} | ` +
        `${fmt(e.medianSyncWithout)} / ${fmt(e.medianSyncWith)} / ${fmt(e.medianSyncControl)} | ${fmt(e.ratioSync, 2)} | ${fmt(e.ratioSyncControl, 2)} | ` +
        `${fmt(e.medianMicroWithout)} / ${fmt(e.medianMicroWith)} / ${fmt(e.medianMicroControl)} | ${fmt(e.ratioWithMicrotasks, 2)} | ${fmt(e.ratioWithMicrotasksControl, 2)} |`,
    );
  }
  lines.push('');
  lines.push(
    "**Our highlights and the page's DOM edits, same tab** (medians in ms, sync loop / +µtasks): our highlights as painted (StaticRange), taken out of `CSS.highlights`, and the same ranges held as live `Range`s instead:",
    '',
  );
  lines.push(
    '| Page | CPU × | ranges held | painted | removed | live Ranges | ratio painted / removed | ratio live / removed | paired painted / removed (pairs) |',
  );
  lines.push('|---|---|--:|--:|--:|--:|--:|--:|--:|');
  for (const r of rows) {
    const e = r.edits;
    if (e.rangesHeld === undefined) continue; // runs from before this measure
    lines.push(
      `| ${r.page} | ${r.rate}× | ${e.rangesHeld} | ${fmt(e.medianSyncWith)} / ${fmt(e.medianMicroWith)} | ` +
        `${fmt(e.medianSyncRemoved)} / ${fmt(e.medianMicroRemoved)} | ${fmt(e.medianSyncLive)} / ${fmt(e.medianMicroLive)} | ` +
        `${fmt(e.ratioSyncHighlights, 2)} / ${fmt(e.ratioMicroHighlights, 2)} | ${fmt(e.ratioSyncLive, 2)} / ${fmt(e.ratioMicroLive, 2)} | ` +
        (e.pairs ? `${fmt(e.pairedSync, 2)} / ${fmt(e.pairedMicro, 2)} (${e.pairs}) |` : '— |'),
    );
  }
  lines.push('');
  lines.push('Targets (computed by the script from the rows above):', '');
  for (const t of result.targets) lines.push(`- ${t.met ? '✅ met' : '❌ not met'} — ${t.name}: ${t.detail}`);
  lines.push('');
  lines.push(method(o), '');
  return lines.join('\n');
}

function loadRange(meta: Record<string, unknown>): string {
  const l = meta.loadAverage1 as { start: number; end: number; rows: number[] };
  const all = [l.start, l.end, ...l.rows];
  return `${Math.min(...all).toFixed(1)}–${Math.max(...all).toFixed(1)}`;
}

function heapDelta(r: PageRow): number {
  return (
    r.ours.heap.usedSize +
    r.ours.heap.embedderHeapUsedSize -
    (r.baseline.heap.usedSize + r.baseline.heap.embedderHeapUsedSize)
  );
}

function summarise(
  rows: PageRow[],
  size: { raw: number; gzip: number; includesMatcher: boolean; storeRaw: number; storeGzip: number },
) {
  const targets: Array<{ name: string; met: boolean; detail: string }> = [];
  const worstTask = rows.reduce(
    (a, r) => (r.ours.time.longestTaskMs > a.ours.time.longestTaskMs ? r : a),
    rows[0]!,
  );
  targets.push({
    name: 'no task of ours over 50 ms, even at 4×',
    met: rows.every((r) => r.ours.time.longestTaskMs <= 50),
    detail:
      `longest ${fmt(worstTask.ours.time.longestTaskMs)} ms wall (${worstTask.page}, ${worstTask.rate}×); ` +
      `by CPU time the longest is ${fmt(Math.max(...rows.map((r) => r.ours.time.longestTaskCpuMs)))} ms; ` +
      `rows over 50 ms (wall): ${rows.filter((r) => r.ours.time.longestTaskMs > 50).length} of ${rows.length}`,
  });
  const slower = rows.filter((r) =>
    (['markjs', 'advanced'] as const).some((k) => {
      const p = r.peers[k];
      return !p.timedOut && p.time !== null && !(r.ours.time.totalMs < p.time.totalMs);
    }),
  );
  targets.push({
    name: 'less main-thread time than both peers on every page',
    met: slower.length === 0,
    detail: slower.length
      ? `not on ${slower.map((r) => `${r.page} ${r.rate}×`).join(', ')}`
      : `on all ${rows.length} page × throttle rows`,
  });
  targets.push({
    name: 'content script < 150 KB minified with matcher data',
    met:
      size.raw < 150_000 && (Number.isNaN(size.storeRaw) || size.storeRaw < 150_000) && size.includesMatcher,
    detail: `test build ${size.raw} B, store build ${size.storeRaw} B raw (limit 150,000 B); gzip ${size.gzip} B / ${size.storeGzip} B`,
  });
  const worstHeap = rows.reduce((a, r) => (heapDelta(r) > heapDelta(a) ? r : a), rows[0]!);
  targets.push({
    name: '< 3 MB heap per tab',
    met: rows.every((r) => heapDelta(r) < 3 * 2 ** 20),
    detail: `largest Δ ${fmt(heapDelta(worstHeap) / 2 ** 20, 2)} MiB (${worstHeap.page}, ${worstHeap.rate}×; limit 3 MiB)`,
  });
  const worstEdit = rows.reduce((a, r) => (r.edits.ratioSync > a.edits.ratioSync ? r : a), rows[0]!);
  const worstEditMicro = rows.reduce(
    (a, r) => (r.edits.ratioWithMicrotasks > a.edits.ratioWithMicrotasks ? r : a),
    rows[0]!,
  );
  // Only rows that hold ranges say anything about holding them (with none, both conditions are
  // the same; those rows show the measure's noise).
  const sameTab = rows.filter((r) => (r.edits.rangesHeld ?? 0) > 0 && (r.edits.pairs ?? 0) > 0);
  const worstOf = (r: PageRow) => Math.max(r.edits.pairedSync, r.edits.pairedMicro);
  const worstHl = sameTab.reduce((a, r) => (worstOf(r) > worstOf(a) ? r : a), sameTab[0]!);
  const noise = rows.filter((r) => r.edits.rangesHeld === 0 && (r.edits.pairs ?? 0) > 0);
  if (sameTab.length)
    targets.push({
      name: 'page DOM edits ≤ 10 % slower with our highlights present (same tab, paired: painted vs taken out, pages that hold ranges)',
      met: sameTab.every((r) => worstOf(r) <= 1.1),
      detail:
        `worst paired ratio ${fmt(worstHl.edits.pairedSync, 2)} sync / ${fmt(worstHl.edits.pairedMicro, 2)} +µtasks ` +
        `(${worstHl.page}, ${worstHl.rate}×, ${worstHl.edits.rangesHeld} ranges)` +
        (noise.length
          ? `; on pages holding no ranges (identical conditions: the measure's noise) ` +
            `${fmt(Math.min(...noise.map((r) => r.edits.pairedSync)), 2)}–${fmt(Math.max(...noise.map((r) => r.edits.pairedSync)), 2)}`
          : '') +
        `; the same ranges as live Ranges instead: ` +
        sameTab.map((r) => `${r.page} ${r.rate}× ${fmt(r.edits.ratioSyncLive, 2)}`).join(', '),
    });
  targets.push({
    name: 'page DOM edits ≤ 10 % slower than without the extension (sync loop; includes the MutationObserver the issue requires, see the control column)',
    met: rows.every((r) => r.edits.ratioSync <= 1.1),
    detail: `worst ratio ${fmt(worstEdit.edits.ratioSync, 2)} (${worstEdit.page}, ${worstEdit.rate}×)`,
  });
  targets.push({
    name: 'page DOM edits ≤ 10 % slower than without the extension (loop + MutationObserver microtasks)',
    met: rows.every((r) => r.edits.ratioWithMicrotasks <= 1.1),
    detail: `worst ratio ${fmt(worstEditMicro.edits.ratioWithMicrotasks, 2)} (${worstEditMicro.page}, ${worstEditMicro.rate}×)`,
  });
  return { size, targets };
}

function updateDocs(md: string): void {
  const header =
    '# Benchmarks\n\nRecorded results of the benchmarks in `bench/`. Each section is written from a real run;\nsee the section for the command and the machine.\n';
  let doc = existsSync(DOCS) ? readFileSync(DOCS, 'utf8') : header;
  const start = doc.search(/^## Page highlighter\s*$/m);
  const section =
    `${md.trim()}\n\nCommand: \`npx node bench/highlight-bench.ts --docs\` (builds \`.output-bench\` and ` +
    `\`.output-bench-store\` first; options: see the comment at the top of the script).\n`;
  if (start < 0) {
    doc = `${doc.trimEnd()}\n\n${section}`;
  } else {
    const rest = doc.slice(start + 3);
    const next = rest.search(/^## /m);
    const end = next < 0 ? doc.length : start + 3 + next;
    doc = `${doc.slice(0, start)}${section}${next < 0 ? '' : '\n'}${doc.slice(end)}`;
  }
  writeFileSync(DOCS, doc.endsWith('\n') ? doc : `${doc}\n`);
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
  const started = Date.now();
  if (flag('md-from-json')) {
    // Re-render the Markdown of a recorded run (formatting only; every number comes from the JSON).
    const file = resolve(opt('md-from-json', ''));
    const j = JSON.parse(readFileSync(file, 'utf8')) as {
      meta: Record<string, unknown>;
      size: Parameters<typeof summarise>[1];
      rows: PageRow[];
    };
    const md = markdown(summarise(j.rows, j.size), j.rows, j.meta);
    writeFileSync(file.replace(/\.json$/, '.md'), md);
    if (flag('docs')) updateDocs(md);
    console.log(md);
    return;
  }
  if (flag('docs-from')) {
    // Paste an earlier run's Markdown (bench/results/highlight-<date>.md) into docs/benchmarks.md.
    updateDocs(readFileSync(resolve(opt('docs-from', '')), 'utf8'));
    log('docs/benchmarks.md updated');
    return;
  }
  const startLoad = round(loadavg()[0]!, 2);
  const buildInfo = flag('no-build') ? { data: 'not rebuilt (--no-build)' } : await build();
  if (!existsSync(CONTENT_JS)) throw new Error(`No content script at ${CONTENT_JS}; run without --no-build.`);

  // Size
  const js = readFileSync(CONTENT_JS);
  const matcher = JSON.parse(readFileSync(join(ROOT, 'generated', 'matcher.json'), 'utf8')) as {
    trie: string;
  };
  const storeJs = existsSync(STORE_CONTENT_JS) ? readFileSync(STORE_CONTENT_JS) : null;
  const size = {
    raw: js.length,
    gzip: gzipSync(js, { level: 9 }).length,
    includesMatcher: matcher.trie.length > 0 && js.includes(matcher.trie.slice(0, 64)),
    otherFiles: readdirSync(join(EXT_DIR, 'content-scripts')).filter((f) => f !== 'content.js'),
    storeRaw: storeJs ? storeJs.length : NaN,
    storeGzip: storeJs ? gzipSync(storeJs, { level: 9 }).length : NaN,
  };

  // Aliases and peers
  const corpus = JSON.parse(readFileSync(join(ROOT, 'generated', 'corpus.json'), 'utf8')) as {
    variants: Record<string, string[]>;
    documents: Array<{ id: string; title: string; lang: string }>;
    passages: Array<{ docId: string; text: string }>;
  };
  const aliases = [...new Set(Object.values(corpus.variants).flat())].filter((a) => a.trim().length > 0);
  if (!aliases.length) console.warn('! generated/corpus.json has no variants: peers will mark nothing');
  const split = splitAliases(aliases);
  const peers = buildPeers(aliases, COMBINE);
  const peerDir = mkdtempSync(join(tmpdir(), 'policy-lens-bench-peers-'));
  for (const p of peers) writeFileSync(join(peerDir, p.file), p.source);
  writeFileSync(join(peerDir, 'policy-dense.html'), policyDensePage(corpus));

  const server: StaticServer = await startStaticServer({
    '/real/': REAL_PAGES,
    '/bench/': join(ROOT, 'bench', 'fixtures'),
    '/peer/': peerDir,
  });
  const pageUrl = (name: string) =>
    name === 'infinite-scroll'
      ? `${server.url}/bench/infinite-scroll.html`
      : name === 'policy-dense'
        ? `${server.url}/peer/policy-dense.html`
        : `${server.url}/real/${name}.html`;

  log('launching Chromium with and without the extension');
  const ext = await launchChromium({ extensionDir: EXT_DIR });
  const bare = await launchChromium({ noExtension: true });
  const control = await launchChromium({ extensionDir: CONTROL_DIR });
  const rows: PageRow[] = [];
  const chromium = await (async () => {
    const p = await bare.context.newPage();
    const cdp = await bare.context.newCDPSession(p);
    const v = (await cdp.send('Browser.getVersion')) as { product: string };
    await p.close();
    return v.product.replace('HeadlessChrome', 'Chromium');
  })();
  try {
    for (const name of PAGES) {
      for (const rate of THROTTLES) {
        const url = pageUrl(name);
        const rowLoad = round(loadavg()[0]!, 2);
        log(`${name} @ ${rate}×: ours (load average ${rowLoad})`);
        const ours = await measureOurs(ext, url, rate);
        log(
          `  ours ${fmt(ours.res.time.totalMs)} ms, longest ${fmt(ours.res.time.longestTaskMs)} ms, ${ours.res.highlights} highlights`,
        );
        const base = await openBaseline(bare, url, rate);
        const ctl = await openBaseline(control, url, rate);
        log('  DOM edits');
        const edits = await measureEdits(ours.page, ours.cdp, base.page, ctl.page);
        log(
          `  DOM edits ratio sync ${fmt(edits.ratioSync, 2)}, +µtasks ${fmt(edits.ratioWithMicrotasks, 2)}; ` +
            `MutationObserver-only control: ${fmt(edits.ratioSyncControl, 2)}, ${fmt(edits.ratioWithMicrotasksControl, 2)}`,
        );
        await ours.page.close();
        await base.page.close();
        await ctl.page.close();
        const peerRes = {} as Record<PeerId, PeerResult>;
        for (const peer of peers) {
          log(`  ${peer.label}`);
          const earlier = rows.find((r) => r.page === name && r.rate < rate && r.peers[peer.id].timedOut);
          if (earlier) {
            // it did not finish at a lower throttle: it would only be slower here
            peerRes[peer.id] = {
              ...earlier.peers[peer.id],
              errors: [`skipped: did not finish at ${earlier.rate}×`],
            };
            continue;
          }
          peerRes[peer.id] = await measurePeer(bare, url, rate, peer, server.url);
          const pr = peerRes[peer.id];
          log(
            `  ${peer.label}: ${fmt(pr.time?.totalMs)} ms, longest ${fmt(pr.time?.longestTaskMs)} ms, ${pr.marks} marks`,
          );
        }
        rows.push({
          load1: rowLoad,
          page: name,
          url,
          rate,
          ours: ours.res,
          baseline: base.res,
          peers: peerRes,
          edits,
        });
      }
    }
  } finally {
    await ext.close();
    await bare.close();
    await control.close();
    await server.close();
    rmSync(peerDir, { recursive: true, force: true });
  }

  const date = new Date().toISOString();
  // e.g. highlight-2026-11-24T0310.json: one file per run, several runs a day
  const stamp = `${date.slice(0, 10)}T${date.slice(11, 16).replace(':', '')}`;
  const jsonFile = `highlight-${stamp}.json`;
  const meta = {
    date,
    machine: machine(),
    chromium,
    flags: 'CHROMIUM_FLAGS of scripts/lib/find-browser.ts, headless',
    build: buildInfo,
    aliases: aliases.length,
    latinAliases: split.latin.length,
    otherAliases: split.other.length,
    peers: peers.map((p) => p.label),
    options: {
      reps: REPS,
      pairs: PAIRS,
      edits: EDITS,
      quietMs: QUIET_MS,
      peerTimeoutMs: PEER_TIMEOUT_MS,
      combinePatterns: COMBINE,
    },
    durationS: 0,
    loadAverage1: { start: startLoad, end: round(loadavg()[0]!, 2), rows: rows.map((r) => r.load1) },
    jsonFile,
    extensionConsoleErrors: ext.consoleErrors.filter((e) => /policy-lens|chrome-extension:/i.test(e)),
  };
  const summary = summarise(rows, size);
  meta.durationS = Math.round((Date.now() - started) / 1000);
  const md = markdown(summary, rows, meta);
  mkdirSync(RESULTS, { recursive: true });
  const json = JSON.stringify({ meta, size, targets: summary.targets, rows }, null, 2);
  let formatted: string;
  try {
    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(join(RESULTS, jsonFile))) ?? {};
    formatted = await prettier.format(json, { ...config, parser: 'json' });
  } catch {
    formatted = `${json}\n`;
  }
  writeFileSync(join(RESULTS, jsonFile), formatted);
  writeFileSync(join(RESULTS, `highlight-${stamp}.md`), md);
  if (flag('docs')) updateDocs(md);
  console.log(`\n${md}`);
  log(
    `done in ${meta.durationS} s → bench/results/${jsonFile}${flag('docs') ? ' and docs/benchmarks.md' : ''}`,
  );
}

await main();
// playwright keeps handles open on some failures
process.exit(0);
