// Popup bench, typing into the popup: opens and typed queries (first paint, first result, every
// keystroke to its answer), fast typing (stale answers), and the 1 MiB pastes.
import type { Page } from 'playwright-core';
import type { Search } from '../../lib/core/search/create-search.ts';
import { round } from '../lib/stats.ts';
import type { KeyEntry, Pb } from './in-page.ts';
import { LIMIT, QUERIES } from './options.ts';

/** Opens popup.html as a 420x600 tab (page errors recorded by the caller's session). */
export type OpenPopup = (path?: string) => Promise<Page>;

const getPb = (p: Page) => p.evaluate(() => (window as unknown as { __pb: Pb }).__pb);

async function waitAnswered(p: Page, timeout = 15_000): Promise<void> {
  await p.waitForFunction(
    () => {
      const pb = (window as unknown as { __pb: Pb }).__pb;
      const k = pb.keys[pb.keys.length - 1];
      return k !== undefined && k.paint !== undefined;
    },
    undefined,
    { timeout, polling: 20 },
  );
}

export interface Typed {
  fcp: number[];
  appFrame: number[];
  firstResult: number[];
  keys: KeyEntry[];
  focused: number;
  opens: number;
  mismatch: string[];
  stale: string[];
  msgsSeen: number;
  bdDispatch: number[];
  bdRtt: number[];
  bdRender: number[];
}

/** Opens a popup, types `q` at `delay` ms per key (after the first answer), waits for its answer. */
async function typeQuery(open: OpenPopup, q: string, delay: number, t: Typed): Promise<Page> {
  const p = await open();
  await p.waitForFunction(
    () => {
      const pb = (window as unknown as { __pb?: Pb }).__pb;
      return pb?.fcp !== undefined && pb.appFrame !== undefined;
    },
    undefined,
    { timeout: 15_000 },
  );
  t.opens++;
  if (await p.evaluate(() => document.activeElement?.id === 'q')) t.focused++;
  else await p.focus('#q');
  await p.waitForTimeout(150); // the page's own start-up messages settle
  const cps = [...q];
  await p.keyboard.type(cps[0]!);
  await waitAnswered(p);
  for (const ch of cps.slice(1)) {
    await p.waitForTimeout(delay);
    await p.keyboard.type(ch);
  }
  await p.waitForFunction(
    (v) => {
      const r = document.getElementById('results');
      return r?.getAttribute('data-answered') === v && r.getAttribute('aria-busy') === 'false';
    },
    q.trim(),
    { timeout: 15_000 },
  );
  await p.waitForTimeout(50);
  return p;
}

/** What one typed query recorded: timings, the message breakdown, stale answers. */
function collect(pb: Pb, q: string, t: Typed, pageErrors: string[]): void {
  t.fcp.push(pb.fcp!);
  t.appFrame.push(pb.appFrame!);
  const k0 = pb.keys[0];
  if (k0 && pb.firstOption !== undefined) t.firstResult.push(pb.firstOption - k0.t0);
  t.keys.push(...pb.keys);
  t.msgsSeen += pb.msgs.length;
  for (const k of pb.keys) {
    if (k.domAt === undefined || k.superseded || k.v.trim() === k.prevAnswered) continue;
    const m = pb.msgs.find((x) => x.q === k.v.trim() && x.sent >= k.tInput - 0.5 && x.recv !== undefined);
    if (m) {
      t.bdDispatch.push(m.sent - k.t0);
      t.bdRtt.push(m.recv! - m.sent);
      t.bdRender.push(k.domAt - m.recv!);
    }
  }
  // Stale: an answer for an earlier input shown after the answer for a later one.
  const order = pb.keys.map((k) => k.v.trim());
  let hi = -1;
  for (const a of pb.answeredSeq) {
    const i = order.lastIndexOf(a);
    if (i >= 0 && i < hi && order[hi] !== a) t.stale.push(`${q}: showed "${a}" after "${order[hi]}"`);
    hi = Math.max(hi, i);
  }
  if (pb.errors.length) pageErrors.push(...pb.errors);
}

/** `passes` over the queries, each typed into a freshly opened popup. */
export async function typingPasses(
  open: OpenPopup,
  passes: number,
  delay: number,
  node: Search | null,
  pageErrors: string[],
): Promise<Typed> {
  const t: Typed = {
    fcp: [],
    appFrame: [],
    firstResult: [],
    keys: [],
    focused: 0,
    opens: 0,
    mismatch: [],
    stale: [],
    msgsSeen: 0,
    bdDispatch: [],
    bdRtt: [],
    bdRender: [],
  };
  for (let r = 0; r < passes; r++) {
    for (const q of QUERIES) {
      const p = await typeQuery(open, q, delay, t);
      collect(await getPb(p), q, t, pageErrors);
      // The final list matches the search function for the same query (as a set of passages).
      if (node) {
        const dom = await p.$$eval('#results [role=option]', (els) =>
          els.map((e) => e.getAttribute('data-passage') ?? ''),
        );
        const want = node.search(q.trim(), { limit: LIMIT }).hits.map((h) => h.passageId);
        const a = [...dom].sort().join(' ');
        const b = [...want].sort().join(' ');
        if (a !== b && r === 0)
          t.mismatch.push(`${q}: popup ${dom.length} options, search() ${want.length} hits`);
      }
      await p.close();
    }
  }
  return t;
}

/** Stale-response handling: every query typed at 20 ms per key into one popup, one pass. */
export async function fastTyping(open: OpenPopup): Promise<KeyEntry[]> {
  const fp = await open();
  await fp.waitForSelector('#q');
  await fp.waitForTimeout(150);
  const fastKeys: KeyEntry[] = [];
  for (const q of QUERIES) {
    await fp.fill('#q', '');
    await fp.waitForTimeout(100);
    await fp.evaluate(() => ((window as unknown as { __pb: Pb }).__pb.keys = []));
    await fp.keyboard.type(q, { delay: 20 });
    await fp
      .waitForFunction(
        (v) => document.getElementById('results')?.getAttribute('data-answered') === v,
        q.trim(),
        { timeout: 15_000 },
      )
      .catch(() => undefined);
    await fp.waitForTimeout(100);
    fastKeys.push(...(await getPb(fp)).keys);
  }
  await fp.close();
  return fastKeys;
}

/** The box after a 1 MiB paste: what it kept, what the results show. */
const pasteDiag = (p: Page) =>
  p.evaluate(() => ({
    inputChars: (document.getElementById('q') as HTMLInputElement).value.length,
    dataAnsweredChars: document.getElementById('results')?.getAttribute('data-answered')?.length ?? 0,
    noResultsTextChars: document.querySelector('.no-results')?.textContent?.length ?? 0,
    options: document.querySelectorAll('#results [role=option]').length,
    truncatedNotice: (document.getElementById('query-cut')?.textContent ?? '').trim() !== '',
    maxLength: (document.getElementById('q') as HTMLInputElement).maxLength,
  }));

/** Still usable after the paste: select all, type a query, get its answer. */
async function typesAfterPaste(p: Page): Promise<boolean> {
  try {
    await p.focus('#q');
    await p.keyboard.press('Control+A');
    await p.keyboard.type('two safeguards', { delay: 10 });
    await p.waitForFunction(
      () => document.getElementById('results')?.getAttribute('data-answered') === 'two safeguards',
      undefined,
      { timeout: 10_000 },
    );
    return (await p.$$('#results [role=option]')).length > 0;
  } catch {
    return false;
  }
}

/** 1 MiB pasted as value + input event, or through keyboard.insertText: time to its answer. */
export async function pasteOne(
  open: OpenPopup,
  mb: string,
  how: 'setValue' | 'insertText',
  pageErrors: string[],
) {
  const p = await open();
  await p.waitForSelector('#q');
  await p.waitForTimeout(150);
  await p.focus('#q');
  if (how === 'setValue') {
    await p.evaluate((text) => {
      const q = document.getElementById('q') as HTMLInputElement;
      (window as unknown as { __pb: Pb }).__pb.forceT0 = performance.now();
      q.value = text;
      q.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: null }));
    }, mb);
  } else {
    await p.keyboard.insertText(mb);
  }
  await waitAnswered(p, 60_000);
  const pb = await getPb(p);
  const k = pb.keys[pb.keys.length - 1]!;
  if (pb.errors.length) pageErrors.push(...pb.errors);
  const diag = await pasteDiag(p);
  const ok = await typesAfterPaste(p);
  await p.close();
  return { e2eDomMs: round(k.dom!, 2), e2ePaintMs: round(k.paint!, 2), ok, diag };
}

/**
 * Control: the same 1 MiB set as the input's value with no input event (the app does not
 * re-render): time to the next frame, i.e. what the native <input> alone costs to lay out.
 */
export async function rawValueFrame(open: OpenPopup, mb: string): Promise<number> {
  const p = await open();
  await p.waitForSelector('#q');
  await p.waitForTimeout(150);
  const ms = await p.evaluate(
    (text) =>
      new Promise<number>((ok) => {
        const q = document.getElementById('q') as HTMLInputElement;
        const t0 = performance.now();
        q.value = text;
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => ok(performance.now() - t0);
          ch.port2.postMessage(0);
        });
      }),
    mb,
  );
  await p.close();
  return round(ms, 2);
}
