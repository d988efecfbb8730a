// Highlight bench, the browser driver: builds the extension, opens throttled tabs, traces a page
// load until our content script (or a peer) has settled, reads heap and highlights.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { ChromiumSession } from '../../e2e/harness.ts';
import { run } from '../../scripts/lib/run.ts';
import { ROOT } from '../lib/cli.ts';
import { scriptTime, startTrace, type TraceEvent } from '../lib/trace.ts';
import { countHighlights, highlightTexts, markTexts, queryLensStats, spinProbe } from './in-page.ts';
import type { HighlightOptions } from './options.ts';
import type { Peer, PeerStats } from './peers.ts';
import type { BaselineResult, Heap, OursResult, PeerResult } from './types.ts';

export const OUT = join(ROOT, '.output-bench');
export const EXT_DIR = join(OUT, 'chrome-mv3');
export const CONTENT_JS = join(EXT_DIR, 'content-scripts', 'content.js');
/** Store build (no E2E hooks), for the shipped size only. */
export const STORE_OUT = join(ROOT, '.output-bench-store');
export const STORE_CONTENT_JS = join(STORE_OUT, 'chrome-mv3', 'content-scripts', 'content.js');
/** Control extension: the same MutationObserver as ours, an empty callback, nothing else. */
export const CONTROL_DIR = join(ROOT, 'bench', 'fixtures', 'mo-control');

type Timing = Pick<HighlightOptions, 'quietMs' | 'settleMaxMs' | 'peerTimeoutMs'> & {
  /** Longest a page may take to load (default 120 s; the 20 MB text page takes longer on a busy machine). */
  loadTimeoutMs?: number;
  /**
   * The build answers the stats hook: a tab that does not answer (yet) is not settled. Without it,
   * an unanswered query counts as "no hook" and only the painted count is watched, which let a 20 MB
   * page whose content script had not started report 0 highlights as settled (huge-pages bench).
   */
  requireStats?: boolean;
};

export const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

export async function build(): Promise<{ data: 'ok' | 'failed (used existing generated/)' }> {
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

/** "Chromium/<version>" of a session (its user agent product, headless marker dropped). */
export async function chromiumVersion(session: ChromiumSession): Promise<string> {
  const p = await session.context.newPage();
  const cdp = await session.context.newCDPSession(p);
  const v = (await cdp.send('Browser.getVersion')) as { product: string };
  await p.close();
  return v.product.replace('HeadlessChrome', 'Chromium');
}

export async function heapAfterGc(cdp: CDPSession): Promise<Heap> {
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

/**
 * Settled: the content script reports no pending scan work (E2E hook; it has run at least one
 * slice) and the painted count has not changed for quietMs. Without the hook (and not
 * `requireStats`): count only.
 */
async function waitSettled(
  page: Page,
  o: Timing,
): Promise<{ settledAfterMs: number; timedOut: boolean; stats: Record<string, unknown> | null }> {
  const t0 = Date.now();
  let last = -1;
  let lastChange = Date.now();
  let stats: Record<string, unknown> | null = null;
  while (Date.now() - t0 < o.settleMaxMs) {
    const n = await page.evaluate(countHighlights);
    stats = await page.evaluate(queryLensStats);
    const idle = stats === null ? !o.requireStats : stats.pending === false && Number(stats.slices) > 0;
    if (n !== last || !idle) {
      if (n !== last) last = n;
      lastChange = Date.now();
    }
    if (Date.now() - lastChange >= o.quietMs)
      return { settledAfterMs: lastChange - t0, timedOut: false, stats };
    await sleep(300);
  }
  return { settledAfterMs: Date.now() - t0, timedOut: true, stats };
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

/** The tab's console lines and page errors that concern our extension (at most ~50). */
function watchConsole(page: Page): string[] {
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
  return consoleMsgs;
}

/** Counts the isolated worlds our extension creates in the tab (one per injected frame). */
function countWorlds(cdp: CDPSession, extensionId: string): { n: number } {
  const worlds = { n: 0 };
  cdp.on(
    'Runtime.executionContextCreated',
    (e: { context: { origin: string; auxData?: { type?: string } } }) => {
      if (e.context.auxData?.type === 'isolated' && e.context.origin === `chrome-extension://${extensionId}`)
        worlds.n++;
    },
  );
  return worlds;
}

const topOf = (texts: Record<string, number>): Array<[string, number]> =>
  Object.entries(texts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 40);

/** Our content script on `url`: traced from navigation until settled. The tab stays open. */
export async function measureOurs(
  session: ChromiumSession,
  url: string,
  rate: number,
  o: Timing,
): Promise<{ res: OursResult; page: Page; cdp: CDPSession }> {
  const { page, cdp } = await newThrottledPage(session, rate);
  const ourUrl = `chrome-extension://${session.extensionId}/content-scripts/`;
  const isOurs = (u: string) => u.startsWith(ourUrl);
  const consoleMsgs = watchConsole(page);
  const worlds = countWorlds(cdp, session.extensionId);
  await cdp.send('Runtime.enable');
  const tracer = await startTrace(cdp);
  await page.goto(url, { waitUntil: 'load', timeout: o.loadTimeoutMs ?? 120_000 });
  await waitFixtureDone(page, url);
  const settle = await waitSettled(page, o);
  const events = await tracer.stop();
  const time = scriptTime(events, isOurs);
  const hl = await page.evaluate(highlightTexts);
  const highlights = Object.values(hl.byName).reduce((a, b) => a + b, 0);
  const heap = await heapAfterGc(cdp);
  const visibility = await page.evaluate(() => document.visibilityState);
  const spinProbeMs = await page.evaluate(spinProbe);
  await cdp.send('Runtime.disable');
  return {
    page,
    cdp,
    res: {
      time,
      idleBeforeTraceEndMs: lastActivityGap(events, isOurs),
      highlights,
      highlightsByName: hl.byName,
      topTexts: topOf(hl.texts),
      distinctTexts: Object.keys(hl.texts).length,
      heap,
      settledAfterMs: settle.settledAfterMs,
      settleTimedOut: settle.timedOut,
      lensStats: settle.stats,
      visibility,
      spinProbeMs,
      contexts: worlds.n,
      console: consoleMsgs,
    },
  };
}

/** The same page in a browser without our extension (or with the control): heap, spin probe. */
export async function openBaseline(
  session: ChromiumSession,
  url: string,
  rate: number,
  o: Timing,
): Promise<{ res: BaselineResult; page: Page }> {
  const { page, cdp } = await newThrottledPage(session, rate);
  await page.goto(url, { waitUntil: 'load', timeout: o.loadTimeoutMs ?? 120_000 });
  await waitFixtureDone(page, url);
  await sleep(o.quietMs); // same quiet time as ours before the heap is read
  const heap = await heapAfterGc(cdp);
  const spinProbeMs = await page.evaluate(spinProbe);
  return { page, res: { heap, spinProbeMs } };
}

/** A peer's script added after load, traced until it is done (or stopped after peerTimeoutMs). */
export async function measurePeer(
  session: ChromiumSession,
  url: string,
  rate: number,
  peer: Peer,
  peerBase: string,
  o: Timing,
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
      { timeout: o.peerTimeoutMs, polling: 250 },
    );
    await waitFixtureDone(page, url);
    await sleep(o.quietMs);
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
      errors: [`did not finish within ${o.peerTimeoutMs} ms`],
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
    topTexts: topOf(texts),
    errors: stats.errors,
    timedOut,
  };
}
