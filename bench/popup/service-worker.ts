// Popup bench, the service worker's side: searchCorpus round trips from a popup tab — the first
// one (lazy createSearch), warm ones, sendMessage vs the popup's Port, after worker restarts, 1 MiB.
import type { Page } from 'playwright-core';
import type { ChromiumSession } from '../../e2e/harness.ts';
import { percentile, round, summary, type Stats } from '../lib/stats.ts';
import { LIMIT, QUERIES } from './options.ts';

export interface SwResult {
  firstSearchAfterLaunchMs: number;
  warmRoundTripMs: Stats;
  coldAfterRestartAwakeMs: Stats;
  coldAfterRestartIncludingWakeMs: Stats;
  warmAfterRestartMs: Stats;
  abSendMessageMs: Stats;
  abPortMs: Stats;
  restartWorked: boolean;
}

/** One searchCorpus through runtime.sendMessage from the page: ms and hit count. */
export const roundTrip = (p: Page, query: string) =>
  p.evaluate(
    async ([q, limit]) => {
      const t = performance.now();
      const r = (await (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ type: 'searchCorpus', payload: { query: q, limit } })) as {
        hits: unknown[];
      };
      return { ms: performance.now() - t, hits: r?.hits?.length ?? -1 };
    },
    [query, LIMIT] as const,
  );

/** sendMessage vs the popup's Port (runtime.connect, as lib/messaging.ts requestFromBackground), interleaved. */
function abChannels(sp: Page): Promise<{ msg: number[]; prt: number[] }> {
  // Same queries both ways: what the message channel itself costs per request.
  return sp.evaluate(
    async ([queries, limit, n]) => {
      type P = {
        postMessage(m: unknown): void;
        onMessage: { addListener(f: (m: { id: number }) => void): void };
      };
      const rt = (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown>; connect(o: object): P } };
        }
      ).chrome.runtime;
      const port = rt.connect({ name: 'policy-lens' });
      const waiting = new Map<number, () => void>();
      port.onMessage.addListener((m) => waiting.get(m.id)?.());
      let id = 1e6;
      const viaPort = (q: string) =>
        new Promise<void>((ok) => {
          const my = id++;
          waiting.set(my, ok);
          port.postMessage({ id: my, type: 'searchCorpus', payload: { query: q, limit } });
        });
      const msg: number[] = [];
      const prt: number[] = [];
      await viaPort(queries[0]!);
      for (let i = 0; i < n; i++) {
        const q = queries[i % queries.length]!;
        let t = performance.now();
        await rt.sendMessage({ type: 'searchCorpus', payload: { query: q, limit } });
        msg.push(performance.now() - t);
        t = performance.now();
        await viaPort(q);
        prt.push(performance.now() - t);
      }
      return { msg, prt };
    },
    [QUERIES, LIMIT, 80] as const,
  );
}

/** Five worker restarts: the search wakes the worker, or the worker is woken first. */
async function restarts(s: ChromiumSession, sp: Page) {
  const cdp = await s.context.newCDPSession(sp);
  const coldAwake: number[] = [];
  const coldWake: number[] = [];
  const warmAfter: number[] = [];
  let restartWorked = true;
  for (let i = 0; i < 5; i++) {
    await cdp.send('ServiceWorker.enable').catch(() => undefined);
    await cdp.send('ServiceWorker.stopAllWorkers');
    await sp.waitForTimeout(200);
    // (a) the search message itself wakes the worker
    coldWake.push((await roundTrip(sp, 'two safeguards')).ms);
    await cdp.send('ServiceWorker.stopAllWorkers');
    await sp.waitForTimeout(200);
    // (b) wake it with a message that does not create the search, then search
    await sp.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ type: 'getConceptSummaries', payload: { ids: [] } }),
    );
    const a = await roundTrip(sp, 'two safeguards');
    coldAwake.push(a.ms);
    const b = await roundTrip(sp, 'two safeguards');
    warmAfter.push(b.ms);
    if (a.ms < b.ms * 1.5) restartWorked = false;
  }
  await cdp.detach().catch(() => undefined);
  return { coldAwake, coldWake, warmAfter, restartWorked };
}

/** The worker's measures from the popup tab `sp` (the first message of the session comes from here). */
export async function swBench(
  s: ChromiumSession,
  sp: Page,
  mb: string,
): Promise<{ sw: SwResult; pasteRoundTripMs: number }> {
  await sp.waitForSelector('#q');
  await sp.waitForTimeout(300);
  const first = await roundTrip(sp, 'two safeguards');
  const warm: number[] = [];
  for (let i = 0; i < 20; i++) warm.push((await roundTrip(sp, QUERIES[i % QUERIES.length]!)).ms);
  const ab = await abChannels(sp);
  const r = await restarts(s, sp);
  // 1 MB: round trip of the message alone (search in the worker + IPC of 1 MB)
  const pasteRts: number[] = [];
  for (let i = 0; i < 6; i++) pasteRts.push((await roundTrip(sp, mb)).ms);
  return {
    sw: {
      firstSearchAfterLaunchMs: round(first.ms, 2),
      warmRoundTripMs: summary(warm),
      coldAfterRestartAwakeMs: summary(r.coldAwake),
      coldAfterRestartIncludingWakeMs: summary(r.coldWake),
      warmAfterRestartMs: summary(r.warmAfter),
      abSendMessageMs: summary(ab.msg),
      abPortMs: summary(ab.prt),
      restartWorked: r.restartWorked,
    },
    pasteRoundTripMs: percentile(pasteRts.slice(1), 0.5),
  };
}
