// Popup and search latency benchmark (not part of `npm test`):
//
//   npm run icons && npm run data && PL_OUT_DIR=.output-popupbench npx wxt build
//   node_modules/.bin/node bench/popup-latency-bench.ts [--ext .output-popupbench/chrome-mv3]
//       [--runs 3] [--node-runs 10] [--factor 100] [--delay 100] [--out bench/results]
//       [--no-browser] [--with-100x [--runs100 1]] [--ext100 <chrome-mv3 dir of a 100x build>]
// --with-100x also writes a synthetic 100x corpus + index to $TMPDIR/policy-lens-popupbench-100x
// and builds an extension variant that bundles them (.output-popupbench-100x/, see build100x()),
// then runs the browser part on it too. A full run with --with-100x takes ~2.5 minutes.
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
// Writes bench/results/popup-<date>T<HHMM>Z.json and prints a Markdown table.
import { cli } from './lib-cli.ts';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/harness.ts';
import { findChromium } from '../scripts/lib/find-browser.ts';
import { createSearch } from '../lib/core/search/create-search.ts';
import type { Search } from '../lib/core/search/create-search.ts';
import { buildSearchIndex } from '../lib/core/search/index-data.ts';
import type { SearchIndexData } from '../lib/core/search/index-data.ts';
import type { CorpusData } from '../lib/core/types.ts';
import { scale } from './lib-synthetic.ts';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const { opt } = cli(args);
const ext = resolve(ROOT, opt('--ext', '.output-popupbench/chrome-mv3'));
const with100 = args.includes('--with-100x');
const ext100 = args.includes('--ext100')
  ? resolve(ROOT, opt('--ext100', ''))
  : with100
    ? join(ROOT, '.output-popupbench-100x', 'chrome-mv3')
    : '';
const runs = Number(opt('--runs', '3'));
const nodeRuns = Number(opt('--node-runs', '10'));
const factor = Number(opt('--factor', '100'));
const delay = Number(opt('--delay', '100'));
const outDir = resolve(ROOT, opt('--out', 'bench/results'));
const dataDir = resolve(ROOT, opt('--dir', 'generated'));
const noBrowser = args.includes('--no-browser');
const LIMIT = 40; // hooks/use-search.ts default

const QUERIES = [
  'six stabilities',
  'two safeguards',
  '第十四个五年规划',
  '二つの維持',
  'Vu Dai Thang',
  'stabilties',
  '譚作鈞',
  'Resolution 18-NQ/TW',
];

// ---------------------------------------------------------------------------------------------
// Helpers

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]! : NaN;
};
interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}
const r2 = (x: number) => Math.round(x * 100) / 100;
const stats = (xs: number[]): Stats => ({
  n: xs.length,
  p50: r2(pct(xs, 0.5)),
  p95: r2(pct(xs, 0.95)),
  max: xs.length ? r2(Math.max(...xs)) : NaN,
});
const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
};
const prefixes = (q: string) => {
  const cps = [...q];
  return cps.map((_, i) => cps.slice(0, i + 1).join(''));
};

/** ~1 MiB of UTF-8: the corpus passages concatenated (mixed zh / ja / vi / en), cut at 1 MiB. */
function megabyteOfText(d: CorpusData): string {
  const parts: string[] = [];
  let bytes = 0;
  const MiB = 1024 * 1024;
  for (let i = 0; bytes < MiB; i++) {
    const t = d.passages[i % d.passages.length]!.text + '\n';
    const b = Buffer.byteLength(t);
    if (bytes + b > MiB) {
      let s = '';
      for (const ch of t) {
        const cb = Buffer.byteLength(ch);
        if (bytes + cb > MiB) break;
        s += ch;
        bytes += cb;
      }
      parts.push(s);
      break;
    }
    parts.push(t);
    bytes += b;
  }
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------
// Node: the search function alone

interface NodeCorpusResult {
  label: string;
  documents: number;
  passages: number;
  chars: number;
  chunks: number;
  indexJsonKiB: number;
  loadMs: { parseJson?: number; buildIndex?: number; createSearch: number; firstQuery: number };
  keystrokeFirstPass: Stats;
  keystroke: Stats;
  keystrokeCpu: Stats;
  keystrokePrefixMedian: Stats;
  slowestPrefixes: Array<{ prefix: string; medianMs: number }>;
  perQuery: Record<string, Stats>;
  paste1MB: { chars: number; utf8Bytes: number; firstMs: number; medianMs: number; hits: number };
}

function keystrokes(s: Search, passes: number) {
  const first: number[] = [];
  const all: number[] = [];
  const cpu: number[] = [];
  const perPrefix = new Map<string, number[]>();
  const perQuery: Record<string, number[]> = {};
  for (let pass = 0; pass <= passes; pass++) {
    for (const q of QUERIES) {
      for (const p of prefixes(q)) {
        const t = p.trim();
        if (!t) continue;
        const c0 = process.cpuUsage();
        const [, ms] = time(() => s.search(t, { limit: LIMIT }));
        const c = process.cpuUsage(c0);
        if (pass === 0) first.push(ms);
        else {
          all.push(ms);
          cpu.push((c.user + c.system) / 1000);
          (perQuery[q] ??= []).push(ms);
          const key = `${q}\u0000${p}`;
          perPrefix.set(key, [...(perPrefix.get(key) ?? []), ms]);
        }
      }
    }
  }
  const slowest = [...perPrefix.entries()]
    .map(([k, xs]) => ({ prefix: k.split('\u0000')[1]!, medianMs: r2(pct(xs, 0.5)) }))
    .sort((a, b) => b.medianMs - a.medianMs)
    .slice(0, 5);
  return {
    keystrokeFirstPass: stats(first),
    keystroke: stats(all),
    keystrokeCpu: stats(cpu),
    keystrokePrefixMedian: stats([...perPrefix.values()].map((xs) => pct(xs, 0.5))),
    slowestPrefixes: slowest,
    perQuery: Object.fromEntries(Object.entries(perQuery).map(([q, xs]) => [q, stats(xs)])),
  };
}

function paste(s: Search, text: string) {
  const [res, firstMs] = time(() => s.search(text, { limit: LIMIT }));
  const xs: number[] = [];
  for (let i = 0; i < 5; i++) xs.push(time(() => s.search(text, { limit: LIMIT }))[1]);
  return {
    chars: text.length,
    utf8Bytes: Buffer.byteLength(text),
    firstMs: r2(firstMs),
    medianMs: r2(pct(xs, 0.5)),
    hits: res.hits.length,
  };
}

function nodeBench(): { shipped: NodeCorpusResult; scaled: NodeCorpusResult; mb: string } {
  const corpusRaw = readFileSync(join(dataDir, 'corpus.json'), 'utf8');
  const indexRaw = readFileSync(join(dataDir, 'search-index.json'), 'utf8');
  const [parsed, parseMs] = time(() => ({
    data: JSON.parse(corpusRaw) as CorpusData,
    index: JSON.parse(indexRaw) as SearchIndexData,
  }));
  const { data, index } = parsed;
  const mb = megabyteOfText(data);
  const [s, createMs] = time(() => createSearch(data, index));
  if (s.indexRebuilt) console.warn('warning: the shipped index did not match the corpus and was rebuilt');
  const [, firstMs] = time(() => s.search(QUERIES[1]!, { limit: LIMIT }));
  const shipped: NodeCorpusResult = {
    label: 'shipped corpus',
    documents: data.documents.length,
    passages: data.passages.length,
    chars: data.passages.reduce((n, p) => n + p.text.length, 0),
    chunks: s.chunkCount,
    indexJsonKiB: Math.round(Buffer.byteLength(indexRaw) / 1024),
    loadMs: { parseJson: r2(parseMs), createSearch: r2(createMs), firstQuery: r2(firstMs) },
    ...keystrokes(s, nodeRuns),
    paste1MB: paste(s, mb),
  };

  const big = scale(data, factor);
  const [bigIndex, buildMs] = time(() => buildSearchIndex(big));
  const bigJson = JSON.stringify(bigIndex);
  const bigCorpusJson = JSON.stringify(big);
  const [bigParsed, bigParseMs] = time(() => ({
    data: JSON.parse(bigCorpusJson) as CorpusData,
    index: JSON.parse(bigJson) as SearchIndexData,
  }));
  const [bs, bigCreateMs] = time(() => createSearch(bigParsed.data, bigParsed.index));
  if (bs.indexRebuilt) console.warn('warning: the 100x index was rebuilt by createSearch');
  const [, bigFirstMs] = time(() => bs.search(QUERIES[1]!, { limit: LIMIT }));
  const scaled: NodeCorpusResult = {
    label: `synthetic ${factor}x corpus`,
    documents: big.documents.length,
    passages: big.passages.length,
    chars: big.passages.reduce((n, p) => n + p.text.length, 0),
    chunks: bs.chunkCount,
    indexJsonKiB: Math.round(Buffer.byteLength(bigJson) / 1024),
    loadMs: {
      buildIndex: r2(buildMs),
      parseJson: r2(bigParseMs),
      createSearch: r2(bigCreateMs),
      firstQuery: r2(bigFirstMs),
    },
    ...keystrokes(bs, nodeRuns),
    paste1MB: paste(bs, mb),
  };
  return { shipped, scaled, mb };
}

// ---------------------------------------------------------------------------------------------
// Browser: the popup end to end

interface KeyEntry {
  v: string;
  t0: number;
  via: 'keydown' | 'beforeinput' | 'forced';
  tInput: number;
  prevAnswered: string;
  sawBusy: boolean;
  sawAnswerChange: boolean;
  dom?: number;
  domAt?: number;
  paint?: number;
  superseded?: boolean;
}
interface MsgRec {
  q: string;
  sent: number;
  recv?: number;
}
interface Pb {
  fcp?: number;
  appRender?: number;
  appFrame?: number;
  firstOption?: number;
  keys: KeyEntry[];
  answeredSeq: string[];
  forceT0?: number;
  lastKeydown?: number;
  lastBeforeInput?: number;
  errors: string[];
  msgs: MsgRec[];
}

// Runs in every page before its own scripts (CDP init script: the extension CSP does not apply).
function instrument(): void {
  if (!location.pathname.endsWith('/popup.html')) return;
  const pb: Pb = { keys: [], answeredSeq: [], errors: [], msgs: [] };
  // Timestamps of the popup's searchCorpus messages (sent / answered), for the breakdown.
  type Rt = { sendMessage: (...a: unknown[]) => unknown; __pbWrapped?: boolean };
  const wrap = (rt: Rt | undefined) => {
    if (!rt || rt.__pbWrapped) return;
    const orig = rt.sendMessage;
    try {
      rt.sendMessage = function (this: unknown, ...a: unknown[]) {
        const m = a.find(
          (x): x is { type: string; payload: { query: string } } =>
            !!x && typeof x === 'object' && (x as { type?: unknown }).type === 'searchCorpus',
        );
        let rec: MsgRec | undefined;
        if (m) {
          const q = String(m.payload?.query ?? '');
          rec = { q: q.length > 200 ? `<${q.length} chars>` : q, sent: performance.now() };
          pb.msgs.push(rec);
        }
        const last = a.length - 1;
        const cb = a[last];
        if (rec && typeof cb === 'function') {
          const r = rec;
          a[last] = (...res: unknown[]) => {
            r.recv = performance.now();
            return (cb as (...x: unknown[]) => unknown)(...res);
          };
        }
        const ret = orig.apply(this, a);
        if (rec && typeof cb !== 'function' && ret && typeof (ret as Promise<unknown>).then === 'function') {
          const r = rec;
          (ret as Promise<unknown>).then(
            () => (r.recv = performance.now()),
            () => (r.recv = performance.now()),
          );
        }
        return ret;
      };
      rt.__pbWrapped = true;
    } catch {
      // not writable: no breakdown
    }
  };
  // The same over the popup's long-lived Port (runtime.connect; requests carry an `id`).
  interface PortLike {
    postMessage(m: unknown): void;
    onMessage: { addListener(f: (m: unknown) => void): void };
  }
  type RtC = { connect?: (...a: unknown[]) => PortLike; __pbConnectWrapped?: boolean };
  const wrapConnect = (rt: RtC | undefined) => {
    if (!rt?.connect || rt.__pbConnectWrapped) return;
    const orig = rt.connect;
    try {
      rt.connect = function (this: unknown, ...a: unknown[]) {
        const port = orig.apply(this, a);
        const out = new Map<number, MsgRec>();
        port.onMessage.addListener((m) => {
          const id = (m as { id?: number } | null)?.id;
          const r = id === undefined ? undefined : out.get(id);
          if (r && id !== undefined) {
            r.recv = performance.now();
            out.delete(id);
          }
        });
        const post = port.postMessage.bind(port);
        port.postMessage = (m: unknown) => {
          const x = m as { id?: number; type?: string; payload?: { query?: string } } | null;
          if (x && x.type === 'searchCorpus' && typeof x.id === 'number') {
            const q = String(x.payload?.query ?? '');
            const rec: MsgRec = { q: q.length > 200 ? `<${q.length} chars>` : q, sent: performance.now() };
            pb.msgs.push(rec);
            out.set(x.id, rec);
          }
          post(m);
        };
        return port;
      };
      rt.__pbConnectWrapped = true;
    } catch {
      // not writable: no breakdown
    }
  };
  const g = globalThis as unknown as { chrome?: { runtime?: Rt & RtC }; browser?: { runtime?: Rt & RtC } };
  wrap(g.chrome?.runtime);
  wrap(g.browser?.runtime);
  wrapConnect(g.chrome?.runtime);
  wrapConnect(g.browser?.runtime);
  (window as unknown as { __pb: Pb }).__pb = pb;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') pb.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  addEventListener('error', (e) => pb.errors.push(String(e.message)));
  addEventListener('unhandledrejection', (e) => pb.errors.push(String(e.reason)));
  let keyPending = false;
  addEventListener(
    'keydown',
    () => {
      pb.lastKeydown = performance.now();
      keyPending = true;
    },
    true,
  );
  addEventListener(
    'beforeinput',
    () => {
      pb.lastBeforeInput = performance.now();
    },
    true,
  );
  let lastAnswered = '';
  addEventListener(
    'input',
    (e) => {
      const el = e.target as HTMLInputElement;
      if (el.id !== 'q') return;
      const now = performance.now();
      const prev = pb.keys[pb.keys.length - 1];
      if (prev && prev.dom === undefined) prev.superseded = true;
      let t0 = now;
      let via: KeyEntry['via'] = 'beforeinput';
      if (pb.forceT0 !== undefined) {
        t0 = pb.forceT0;
        via = 'forced';
        pb.forceT0 = undefined;
      } else if (keyPending && pb.lastKeydown !== undefined) {
        t0 = pb.lastKeydown;
        via = 'keydown';
      } else if (pb.lastBeforeInput !== undefined && now - pb.lastBeforeInput < 1000) {
        t0 = pb.lastBeforeInput;
      }
      keyPending = false;
      pb.keys.push({
        v: el.value,
        t0,
        via,
        tInput: now,
        prevAnswered: lastAnswered,
        sawBusy: false,
        sawAnswerChange: false,
      });
    },
    true,
  );
  // Bubble phase, after the app's own handler on #q: the value the app kept (a 1 MiB paste is
  // cut to the box's maxLength in the handler) is the one whose answer is awaited.
  addEventListener('input', (e) => {
    const el = e.target as HTMLInputElement;
    const cur = pb.keys[pb.keys.length - 1];
    if (el.id === 'q' && cur && cur.dom === undefined) cur.v = el.value;
  });
  const check = () => {
    const q = document.getElementById('q') as HTMLInputElement | null;
    if (q && pb.appRender === undefined) {
      pb.appRender = performance.now();
      requestAnimationFrame(() => (pb.appFrame = performance.now()));
    }
    const results = document.getElementById('results');
    if (!results || !q) return;
    if (pb.firstOption === undefined && results.querySelector('[role=option]'))
      pb.firstOption = performance.now();
    const answered = results.getAttribute('data-answered') ?? '';
    const busy = results.getAttribute('aria-busy') === 'true';
    if (answered !== lastAnswered) {
      lastAnswered = answered;
      pb.answeredSeq.push(answered.length > 200 ? `<${answered.length} chars>` : answered);
    }
    const cur = pb.keys[pb.keys.length - 1];
    if (!cur || cur.dom !== undefined) return;
    if (busy) cur.sawBusy = true;
    if (answered !== cur.prevAnswered) cur.sawAnswerChange = true;
    if (!busy && q.value === cur.v && answered === cur.v.trim() && (cur.sawBusy || cur.sawAnswerChange)) {
      const dom = performance.now();
      cur.dom = dom - cur.t0;
      cur.domAt = dom;
      // After the next frame is rendered: rAF, then a task queued from it (runs after that
      // frame's style, layout and paint).
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => (cur.paint = performance.now() - cur.t0);
        ch.port2.postMessage(0);
      });
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
}

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

interface BrowserResult {
  chromium: string;
  extension: string;
  corpusLabel: string;
  openToFcpMs: Stats;
  openToAppFrameMs: Stats;
  firstCharToFirstResultMs: Stats;
  focusOnOpen: { focused: number; opens: number };
  sw: {
    firstSearchAfterLaunchMs: number;
    warmRoundTripMs: Stats;
    coldAfterRestartAwakeMs: Stats;
    coldAfterRestartIncludingWakeMs: Stats;
    warmAfterRestartMs: Stats;
    abSendMessageMs: Stats;
    abPortMs: Stats;
    restartWorked: boolean;
  };
  keystrokeDomMs: Stats;
  keystrokePaintMs: Stats;
  keystrokeByVia: Record<string, Stats>;
  keystrokeBreakdown: {
    messagesSeen: number;
    inputToSendMs: Stats;
    roundTripMs: Stats;
    answerToDomMs: Stats;
  };
  trailingSpaceDomMs: Stats;
  fastTyping: { delayMs: number; keys: number; superseded: number; unanswered: number; dom: Stats };
  staleRegressions: string[];
  resultMismatch: string[];
  paste: {
    setValue: { e2eDomMs: number; e2ePaintMs: number; diag: Record<string, unknown> };
    insertText: { e2eDomMs: number; e2ePaintMs: number; diag: Record<string, unknown> };
    rawValueFrameMs: number;
    roundTripMs: number;
    chars: number;
    afterPasteTypingOk: boolean;
  };
  consoleErrors: string[];
  pageErrors: string[];
  swErrors: string[];
}

async function browserBench(
  extDir: string,
  label: string,
  mb: string,
  node: Search | null,
  passes: number,
): Promise<BrowserResult> {
  const chromium = execFileSync(findChromium(), ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
  const s = await launchChromium({ extensionDir: extDir });
  const swErrors: string[] = [];
  const watchSw = (w: { on(ev: 'console', f: (m: { type(): string; text(): string }) => void): unknown }) =>
    w.on('console', (m) => {
      if (m.type() === 'error') swErrors.push(m.text());
    });
  watchSw(s.serviceWorker);
  s.context.on('serviceworker', (w) => watchSw(w));
  const pageErrors: string[] = [];
  try {
    await s.context.addInitScript(instrument);
    const open = async (path = 'popup.html') => {
      const p = await s.openExtensionPage(path);
      await p.setViewportSize({ width: 420, height: 600 });
      p.on('pageerror', (e) => pageErrors.push(e.message));
      return p;
    };
    const roundTrip = (p: Page, query: string) =>
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

    // --- service worker: first searchCorpus (lazy createSearch) vs warm ---
    const sp = await open();
    await sp.waitForSelector('#q');
    await sp.waitForTimeout(300);
    const first = await roundTrip(sp, 'two safeguards');
    const warm: number[] = [];
    for (let i = 0; i < 20; i++) warm.push((await roundTrip(sp, QUERIES[i % QUERIES.length]!)).ms);
    // sendMessage vs the popup's Port (runtime.connect, as lib/messaging.ts requestFromBackground),
    // interleaved, same queries: what the message channel itself costs per request.
    const ab = await sp.evaluate(
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

    // --- 1 MB: round trip of the message alone (search in the worker + IPC of 1 MB) ---
    const pasteRts: number[] = [];
    for (let i = 0; i < 6; i++) pasteRts.push((await roundTrip(sp, mb)).ms);
    const pasteRt = pct(pasteRts.slice(1), 0.5);
    await sp.close();

    // --- opens: FCP, app frame, focus, first char -> first result; then the keystrokes ---
    const fcp: number[] = [];
    const appFrame: number[] = [];
    const firstResult: number[] = [];
    const keys: KeyEntry[] = [];
    let focused = 0;
    let opens = 0;
    const mismatch: string[] = [];
    const stale: string[] = [];
    let msgsSeen = 0;
    const bdDispatch: number[] = [];
    const bdRtt: number[] = [];
    const bdRender: number[] = [];
    for (let r = 0; r < passes; r++) {
      for (const q of QUERIES) {
        const p = await open();
        await p.waitForFunction(
          () => {
            const pb = (window as unknown as { __pb?: Pb }).__pb;
            return pb?.fcp !== undefined && pb.appFrame !== undefined;
          },
          undefined,
          { timeout: 15_000 },
        );
        opens++;
        if (await p.evaluate(() => document.activeElement?.id === 'q')) focused++;
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
        const pb = await getPb(p);
        fcp.push(pb.fcp!);
        appFrame.push(pb.appFrame!);
        const k0 = pb.keys[0];
        if (k0 && pb.firstOption !== undefined) firstResult.push(pb.firstOption - k0.t0);
        keys.push(...pb.keys);
        msgsSeen += pb.msgs.length;
        for (const k of pb.keys) {
          if (k.domAt === undefined || k.superseded || k.v.trim() === k.prevAnswered) continue;
          const m = pb.msgs.find(
            (x) => x.q === k.v.trim() && x.sent >= k.tInput - 0.5 && x.recv !== undefined,
          );
          if (m) {
            bdDispatch.push(m.sent - k.t0);
            bdRtt.push(m.recv! - m.sent);
            bdRender.push(k.domAt - m.recv!);
          }
        }
        // Stale: an answer for an earlier input shown after the answer for a later one.
        const order = pb.keys.map((k) => k.v.trim());
        let hi = -1;
        for (const a of pb.answeredSeq) {
          const i = order.lastIndexOf(a);
          if (i >= 0 && i < hi && order[hi] !== a) stale.push(`${q}: showed "${a}" after "${order[hi]}"`);
          hi = Math.max(hi, i);
        }
        if (pb.errors.length) pageErrors.push(...pb.errors);
        // The final list matches the search function for the same query (as a set of passages).
        if (node) {
          const dom = await p.$$eval('#results [role=option]', (els) =>
            els.map((e) => e.getAttribute('data-passage') ?? ''),
          );
          const want = node.search(q.trim(), { limit: LIMIT }).hits.map((h) => h.passageId);
          const a = [...dom].sort().join(' ');
          const b = [...want].sort().join(' ');
          if (a !== b && r === 0)
            mismatch.push(`${q}: popup ${dom.length} options, search() ${want.length} hits`);
        }
        await p.close();
      }
    }

    // --- fast typing (stale-response handling): 20 ms per key, one pass ---
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

    // --- 1 MB paste ---
    const pasteOne = async (how: 'setValue' | 'insertText') => {
      const p = await open();
      await p.waitForSelector('#q');
      await p.waitForTimeout(150);
      await p.focus('#q');
      if (how === 'setValue') {
        await p.evaluate((text) => {
          const q = document.getElementById('q') as HTMLInputElement;
          (window as unknown as { __pb: Pb }).__pb.forceT0 = performance.now();
          q.value = text;
          q.dispatchEvent(
            new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: null }),
          );
        }, mb);
      } else {
        await p.keyboard.insertText(mb);
      }
      await waitAnswered(p, 60_000);
      const pb = await getPb(p);
      const k = pb.keys[pb.keys.length - 1]!;
      if (pb.errors.length) pageErrors.push(...pb.errors);
      const diag = await p.evaluate(() => ({
        inputChars: (document.getElementById('q') as HTMLInputElement).value.length,
        dataAnsweredChars: document.getElementById('results')?.getAttribute('data-answered')?.length ?? 0,
        noResultsTextChars: document.querySelector('.no-results')?.textContent?.length ?? 0,
        options: document.querySelectorAll('#results [role=option]').length,
        truncatedNotice: (document.getElementById('query-cut')?.textContent ?? '').trim() !== '',
        maxLength: (document.getElementById('q') as HTMLInputElement).maxLength,
      }));
      // Still usable afterwards: select all, type a query, get its answer.
      let ok: boolean;
      try {
        await p.focus('#q');
        await p.keyboard.press('Control+A');
        await p.keyboard.type('two safeguards', { delay: 10 });
        await p.waitForFunction(
          () => document.getElementById('results')?.getAttribute('data-answered') === 'two safeguards',
          undefined,
          { timeout: 10_000 },
        );
        ok = (await p.$$('#results [role=option]')).length > 0;
      } catch {
        ok = false;
      }
      await p.close();
      return { e2eDomMs: r2(k.dom!), e2ePaintMs: r2(k.paint!), ok, diag };
    };
    // Control: the same 1 MiB set as the input's value with no input event (the app does not
    // re-render): time to the next frame, i.e. what the native <input> alone costs to lay out.
    const rawValueFrameMs = await (async () => {
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
      return r2(ms);
    })();
    const pv = await pasteOne('setValue');
    const pi = await pasteOne('insertText');

    const measured = keys.filter((k) => k.dom !== undefined && !k.superseded);
    const spaceKey = (k: KeyEntry) => k.v.trim() === k.prevAnswered; // trailing space: same query re-sent
    const normal = measured.filter((k) => !spaceKey(k));
    const byVia: Record<string, number[]> = {};
    for (const k of normal) (byVia[k.via] ??= []).push(k.dom!);
    return {
      chromium,
      extension: extDir,
      corpusLabel: label,
      openToFcpMs: stats(fcp),
      openToAppFrameMs: stats(appFrame),
      firstCharToFirstResultMs: stats(firstResult),
      focusOnOpen: { focused, opens },
      sw: {
        firstSearchAfterLaunchMs: r2(first.ms),
        warmRoundTripMs: stats(warm),
        coldAfterRestartAwakeMs: stats(coldAwake),
        coldAfterRestartIncludingWakeMs: stats(coldWake),
        warmAfterRestartMs: stats(warmAfter),
        abSendMessageMs: stats(ab.msg),
        abPortMs: stats(ab.prt),
        restartWorked,
      },
      keystrokeDomMs: stats(normal.map((k) => k.dom!)),
      keystrokePaintMs: stats(normal.filter((k) => k.paint !== undefined).map((k) => k.paint!)),
      keystrokeByVia: Object.fromEntries(Object.entries(byVia).map(([v, xs]) => [v, stats(xs)])),
      keystrokeBreakdown: {
        messagesSeen: msgsSeen,
        inputToSendMs: stats(bdDispatch),
        roundTripMs: stats(bdRtt),
        answerToDomMs: stats(bdRender),
      },
      trailingSpaceDomMs: stats(measured.filter(spaceKey).map((k) => k.dom!)),
      fastTyping: {
        delayMs: 20,
        keys: fastKeys.length,
        superseded: fastKeys.filter((k) => k.superseded).length,
        unanswered: fastKeys.filter((k) => k.dom === undefined && !k.superseded).length,
        dom: stats(fastKeys.filter((k) => k.dom !== undefined && !k.superseded).map((k) => k.dom!)),
      },
      staleRegressions: stale,
      resultMismatch: mismatch,
      paste: {
        setValue: { e2eDomMs: pv.e2eDomMs, e2ePaintMs: pv.e2ePaintMs, diag: pv.diag },
        insertText: { e2eDomMs: pi.e2eDomMs, e2ePaintMs: pi.e2ePaintMs, diag: pi.diag },
        rawValueFrameMs,
        roundTripMs: r2(pasteRt),
        chars: mb.length,
        afterPasteTypingOk: pv.ok && pi.ok,
      },
      consoleErrors: [...s.consoleErrors],
      pageErrors,
      swErrors,
    };
  } finally {
    await s.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The 100x extension variant: the synthetic corpus and its index written to a temp dir, and the
// extension built with WXT (programmatic build, in a child process) with an alias that points the
// background's `generated/{corpus,search-index}.json` imports there. Nothing in the repository
// changes; the output goes to .output-popupbench-100x/.

function build100x(): { dataDir: string; corpusMiB: number; indexMiB: number; buildSeconds: number } {
  const t0 = performance.now();
  const data = JSON.parse(readFileSync(join(dataDir, 'corpus.json'), 'utf8')) as CorpusData;
  const big = scale(data, factor);
  const dir = join(tmpdir(), 'policy-lens-popupbench-100x');
  mkdirSync(dir, { recursive: true });
  const corpus = JSON.stringify(big);
  const index = JSON.stringify(buildSearchIndex(big));
  writeFileSync(join(dir, 'corpus.json'), corpus);
  writeFileSync(join(dir, 'search-index.json'), index);
  const code = `
    import { build } from 'wxt';
    await build({
      root: ${JSON.stringify(ROOT)},
      browser: 'chrome',
      outDir: ${JSON.stringify(join(ROOT, '.output-popupbench-100x'))},
      vite: () => ({
        resolve: {
          alias: [{ find: /^(?:\\.\\.\\/)+generated\\/(corpus|search-index)\\.json$/, replacement: ${JSON.stringify(dir)} + '/$1.json' }],
        },
      }),
    });`;
  execFileSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PL_OUT_DIR: '.output-popupbench-100x' },
  });
  return {
    dataDir: dir,
    corpusMiB: r2(Buffer.byteLength(corpus) / 2 ** 20),
    indexMiB: r2(Buffer.byteLength(index) / 2 ** 20),
    buildSeconds: r2((performance.now() - t0) / 1000),
  };
}

// ---------------------------------------------------------------------------------------------
// Main

const started = performance.now();
const cpuModel = (() => {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    return m ? m[1]!.trim() : (cpus()[0]?.model ?? 'unknown');
  } catch {
    return cpus()[0]?.model ?? 'unknown';
  }
})();
const machine = {
  cpu: cpuModel,
  cores: cpus().length,
  ramGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  loadAvgAtStart: loadavg().map(r2),
};

console.error('node: search function …');
const nodeRes = nodeBench();
const shippedSearch = (() => {
  const d = JSON.parse(readFileSync(join(dataDir, 'corpus.json'), 'utf8')) as CorpusData;
  const i = JSON.parse(readFileSync(join(dataDir, 'search-index.json'), 'utf8')) as SearchIndexData;
  return createSearch(d, i);
})();
let browserRes: BrowserResult | null = null;
let browser100: BrowserResult | null = null;
let build100: ReturnType<typeof build100x> | null = null;
const runs100 = Number(opt('--runs100', '1'));
if (!noBrowser) {
  console.error('browser: popup (shipped corpus) …');
  browserRes = await browserBench(ext, 'shipped corpus', nodeRes.mb, shippedSearch, runs);
  if (ext100) {
    if (with100 && !args.includes('--ext100')) {
      console.error(`building the ${factor}x extension variant …`);
      build100 = build100x();
      console.error(`  ${JSON.stringify(build100)}`);
    }
    console.error(`browser: popup (${factor}x corpus) …`);
    browser100 = await browserBench(ext100, `synthetic ${factor}x corpus`, nodeRes.mb, null, runs100);
  }
}
const now = new Date();
const result = {
  date: now.toISOString(),
  machine,
  chromium: browserRes?.chromium ?? null,
  queries: QUERIES,
  runs,
  typingDelayMs: delay,
  limit: LIMIT,
  node: { shipped: nodeRes.shipped, scaled: nodeRes.scaled },
  browser: browserRes,
  browser100x: browser100,
  build100x: build100,
  loadAvgAtEnd: loadavg().map(r2),
  wallSeconds: Math.round((performance.now() - started) / 1000),
};
mkdirSync(outDir, { recursive: true });
const stamp = `${now.toISOString().slice(0, 10)}T${now.toISOString().slice(11, 16).replace(':', '')}Z`;
const outFile = join(outDir, `popup-${stamp}.json`);
writeFileSync(outFile, JSON.stringify(result, null, 2) + '\n');

// ---------------------------------------------------------------------------------------------
// Markdown

const ok = (v: number, target: number) => (Number.isNaN(v) ? 'n/a' : v <= target ? 'met' : '**not met**');
const st = (x: Stats) => `${x.p50} / ${x.p95} / ${x.max} (n=${x.n})`;
const ns = nodeRes.shipped;
const nb = nodeRes.scaled;
const lines: string[] = [];
lines.push(
  `Run ${result.date} (\`${outFile.slice(ROOT.length + 1)}\`): ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM; ${result.chromium ?? 'no browser'} (headless); Node ${machine.node}. ` +
    `Queries: ${QUERIES.map((q) => `"${q}"`).join(', ')}; ${runs} passes; popup limit ${LIMIT}; typing ${delay} ms/key. Wall time ${result.wallSeconds} s. Load average (1/5/15 min) at start ${machine.loadAvgAtStart.join(' / ')}, at end ${result.loadAvgAtEnd.join(' / ')}.`,
);
lines.push('');
lines.push('| measure | corpus | p50 / p95 / max ms (n) or value | target | status |');
lines.push('| --- | --- | --- | --- | --- |');
const row = (m: string, c: string, v: string, t = '', s = '') =>
  lines.push(`| ${m} | ${c} | ${v} | ${t} | ${s} |`);
for (const [r, c, target] of [
  [ns, 'shipped', 16],
  [nb, `${factor}x`, 50],
] as const) {
  if (r === nb) row(`node: buildSearchIndex`, c, `${nb.loadMs.buildIndex} ms`);
  row('node: JSON.parse corpus + index', c, `${r.loadMs.parseJson} ms`);
  row('node: createSearch', c, `${r.loadMs.createSearch} ms`);
  row('node: first query (builds prefilters)', c, `${r.loadMs.firstQuery} ms`);
  row(
    'node: search per keystroke (prefix), first pass',
    c,
    st(r.keystrokeFirstPass),
    `≤ ${target} ms p95`,
    ok(r.keystrokeFirstPass.p95, target),
  );
  row(
    'node: search per keystroke (prefix)',
    c,
    st(r.keystroke),
    `≤ ${target} ms p95`,
    ok(r.keystroke.p95, target),
  );
  row(
    'node: search per keystroke, median per prefix over the passes',
    c,
    st(r.keystrokePrefixMedian),
    `≤ ${target} ms p95`,
    ok(r.keystrokePrefixMedian.p95, target),
  );
  row('node: search per keystroke, process CPU time', c, st(r.keystrokeCpu));
  row(
    'node: slowest prefixes (median)',
    c,
    r.slowestPrefixes
      .slice(0, 3)
      .map((x) => `"${x.prefix}" ${x.medianMs}`)
      .join(', '),
  );
  row(
    'node: search 1 MiB paste',
    c,
    `${r.paste1MB.firstMs} ms first, ${r.paste1MB.medianMs} ms median`,
    '≤ 50 ms',
    ok(r.paste1MB.firstMs, 50),
  );
}
for (const b of [browserRes, browser100]) {
  if (!b) continue;
  const c = b === browserRes ? 'shipped' : `${factor}x`;
  const target = b === browserRes ? 16 : 50;
  row('popup: open → first contentful paint', c, st(b.openToFcpMs));
  row('popup: open → first frame after app render', c, st(b.openToAppFrameMs));
  row('popup: first character → first result option', c, st(b.firstCharToFirstResultMs));
  row('popup: search box focused on open', c, `${b.focusOnOpen.focused}/${b.focusOnOpen.opens}`);
  row(
    'SW: first searchCorpus after launch (createSearch + query + IPC)',
    c,
    `${b.sw.firstSearchAfterLaunchMs} ms`,
  );
  row('SW: searchCorpus after worker restart, worker already awake', c, st(b.sw.coldAfterRestartAwakeMs));
  row('SW: searchCorpus after worker restart, incl. waking it', c, st(b.sw.coldAfterRestartIncludingWakeMs));
  row('SW: searchCorpus warm round trip', c, st(b.sw.warmRoundTripMs));
  row('SW: warm round trip, runtime.sendMessage (A/B, interleaved)', c, st(b.sw.abSendMessageMs));
  row('SW: warm round trip, the popup’s Port (A/B, interleaved)', c, st(b.sw.abPortMs));
  row(
    'popup: keystroke → answer in DOM',
    c,
    st(b.keystrokeDomMs),
    `≤ ${target} ms p95`,
    ok(b.keystrokeDomMs.p95, target),
  );
  row(
    'popup: keystroke → next frame rendered after the answer',
    c,
    st(b.keystrokePaintMs),
    `≤ ${target} ms p95`,
    ok(b.keystrokePaintMs.p95, target),
  );
  for (const [via, x] of Object.entries(b.keystrokeByVia))
    row(`popup: keystroke → DOM, timed from ${via}`, c, st(x));
  row('  breakdown: keystroke → searchCorpus sent', c, st(b.keystrokeBreakdown.inputToSendMs));
  row('  breakdown: searchCorpus round trip (IPC + search in SW)', c, st(b.keystrokeBreakdown.roundTripMs));
  row('  breakdown: answer received → DOM updated', c, st(b.keystrokeBreakdown.answerToDomMs));
  row(
    'popup: trailing-space keystroke → re-answer in DOM',
    c,
    b.trailingSpaceDomMs.n > 0
      ? st(b.trailingSpaceDomMs)
      : 'no request (same trimmed query: the answer shown stays)',
  );
  row(
    'popup: fast typing (20 ms/key) → DOM',
    c,
    `${st(b.fastTyping.dom)}; ${b.fastTyping.superseded}/${b.fastTyping.keys} superseded, ${b.fastTyping.unanswered} unanswered`,
  );
  row(
    'SW: 1 MiB searchCorpus round trip (median of 5, warm)',
    c,
    `${b.paste.roundTripMs} ms`,
    '≤ 50 ms',
    ok(b.paste.roundTripMs, 50),
  );
  row(
    'popup: 1 MiB paste (value + input event) → answer in DOM / next frame rendered',
    c,
    `${b.paste.setValue.e2eDomMs} / ${b.paste.setValue.e2ePaintMs} ms (box keeps ${String(b.paste.setValue.diag.inputChars)} chars, notice ${b.paste.setValue.diag.truncatedNotice ? 'shown' : 'not shown'})`,
    '≤ 50 ms (answer)',
    ok(b.paste.setValue.e2eDomMs, 50),
  );
  row(
    'popup: 1 MiB paste (keyboard.insertText) → answer in DOM / next frame rendered',
    c,
    `${b.paste.insertText.e2eDomMs} / ${b.paste.insertText.e2ePaintMs} ms (box keeps ${String(b.paste.insertText.diag.inputChars)} chars, notice ${b.paste.insertText.diag.truncatedNotice ? 'shown' : 'not shown'})`,
    '≤ 50 ms (answer)',
    ok(b.paste.insertText.e2eDomMs, 50),
  );
  row(
    'popup: after the 1 MiB pastes, select all + type a query → its results',
    c,
    b.paste.afterPasteTypingOk ? 'yes' : 'no',
    'yes',
    b.paste.afterPasteTypingOk ? 'met' : '**not met**',
  );
  row(
    'popup: 1 MiB set as input value only (no input event) → next frame (control)',
    c,
    `${b.paste.rawValueFrameMs} ms`,
  );
  const errs = b.consoleErrors.length + b.pageErrors.length + b.swErrors.length;
  row(
    'errors (console / page / service worker)',
    c,
    `${b.consoleErrors.length} / ${b.pageErrors.length} / ${b.swErrors.length}`,
    '0',
    errs === 0 ? 'met' : '**not met**',
  );
  row(
    'stale answers shown / final list ≠ search()',
    c,
    `${b.staleRegressions.length} / ${b.resultMismatch.length}`,
    '0',
    b.staleRegressions.length + b.resultMismatch.length === 0 ? 'met' : '**not met**',
  );
}
const md = lines.join('\n');
console.log(md);
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
console.error(`wrote ${outFile}`);
