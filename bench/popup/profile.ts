// Popup bench, `--profile`: where a keystroke's time goes in the popup. The queries are typed once
// into a popup tab under a Chromium trace; the popup renderer's main-thread events are put into
// phases of each keystroke by the page's own timestamps (instrumentation of in-page.ts): keydown →
// searchCorpus sent (input handler), sent → answer received (what the page does while the worker
// searches: the keystroke's own render and frame), answer → DOM updated (the answer's render), and
// DOM → next frame (style, layout, paint of the new list). Times are summed per phase and kind.
import type { CDPSession, Page } from 'playwright-core';
import { startTrace, type TraceEvent } from '../lib/trace.ts';
import { round } from '../lib/stats.ts';
import type { Pb } from './in-page.ts';
import { QUERIES } from './options.ts';
import type { OpenPopup } from './typing.ts';

const KINDS: Record<string, string> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  RunMicrotasks: 'script',
  'v8.run': 'script',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  Commit: 'paint',
  HitTest: 'other',
  MinorGC: 'gc',
  MajorGC: 'gc',
};
const PHASES = ['input', 'waiting', 'answer', 'frame'] as const;
export type Phase = (typeof PHASES)[number];
export type ProfileResult = {
  keystrokes: number;
  /** ms per keystroke, summed over the phase, per kind of work. */
  perKeystroke: Record<Phase, Record<string, number>>;
  /** Phase lengths (ms per keystroke, mean) as the page timed them. */
  phaseMs: Record<Phase, number>;
};

/** Top-level (not nested in another counted event) complete events of the main thread. */
function mainThreadEvents(events: TraceEvent[], pid: number, tid: number) {
  const xs = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined && KINDS[e.name])
    .sort((a, b) => a.ts - b.ts);
  const out: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of xs) {
    if (e.ts < end) continue; // nested in the previous counted event
    out.push(e);
    end = e.ts + e.dur!;
  }
  return out;
}

export async function profileTyping(open: OpenPopup, delay: number): Promise<ProfileResult> {
  const p: Page = await open();
  await p.waitForSelector('#q');
  await p.waitForTimeout(300);
  const cdp: CDPSession = await p.context().newCDPSession(p);
  const tracer = await startTrace(cdp);
  const windows: Array<Record<Phase, [number, number]>> = [];
  for (const q of QUERIES) {
    await p.fill('#q', '');
    await p.waitForTimeout(150);
    await p.evaluate(() => {
      const pb = (window as unknown as { __pb: Pb }).__pb;
      pb.keys = [];
      pb.msgs = [];
    });
    for (const ch of q) {
      await p.keyboard.type(ch);
      await p.waitForTimeout(delay);
    }
    await p.waitForTimeout(100);
    const pb = await p.evaluate(() => (window as unknown as { __pb: Pb }).__pb);
    for (const k of pb.keys) {
      const m = pb.msgs.find((x) => x.q === k.v.trim() && x.sent >= k.tInput - 0.5 && x.recv !== undefined);
      if (!m || k.domAt === undefined || k.paint === undefined || k.superseded) continue;
      windows.push({
        input: [k.t0, m.sent],
        waiting: [m.sent, m.recv!],
        answer: [m.recv!, k.domAt],
        frame: [k.domAt, k.t0 + k.paint],
      });
    }
  }
  // page clock → trace clock: a mark at a known page time
  const markAt = await p.evaluate(() => {
    const t = performance.now();
    performance.mark('pb-sync');
    console.timeStamp('pb-sync');
    return t;
  });
  await p.waitForTimeout(100);
  const events = await tracer.stop();
  await cdp.detach().catch(() => undefined);
  await p.close();
  const sync = events.find((e) => e.name === 'TimeStamp' && JSON.stringify(e.args ?? {}).includes('pb-sync'));
  if (!sync) throw new Error('profile: no sync mark in the trace');
  const toTrace = (ms: number) => sync.ts + (ms - markAt) * 1000;
  const main = mainThreadEvents(events, sync.pid, sync.tid);
  const per = Object.fromEntries(PHASES.map((ph) => [ph, {} as Record<string, number>])) as Record<
    Phase,
    Record<string, number>
  >;
  const len = Object.fromEntries(PHASES.map((ph) => [ph, 0])) as Record<Phase, number>;
  for (const w of windows) {
    for (const ph of PHASES) {
      const [a, b] = [toTrace(w[ph][0]), toTrace(w[ph][1])];
      len[ph] += (w[ph][1] - w[ph][0]) / windows.length;
      for (const e of main) {
        const o = Math.min(b, e.ts + e.dur!) - Math.max(a, e.ts);
        if (o > 0) per[ph][KINDS[e.name]!] = (per[ph][KINDS[e.name]!] ?? 0) + o / 1000 / windows.length;
      }
    }
  }
  for (const ph of PHASES) {
    for (const k of Object.keys(per[ph])) per[ph][k] = round(per[ph][k]!, 2);
    len[ph] = round(len[ph], 2);
  }
  return { keystrokes: windows.length, perKeystroke: per, phaseMs: len };
}
