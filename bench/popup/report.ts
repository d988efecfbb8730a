// Popup bench, report: the Markdown table of a run (printed; docs/benchmarks.md quotes it).
import type { Stats } from '../lib/stats.ts';
import type { BrowserResult } from './driver.ts';
import type { NodeCorpusResult } from './node.ts';
import { LIMIT, QUERIES } from './options.ts';

export interface PopupRun {
  date: string;
  machine: { cpu: string; cores: number; ramGiB: number; node: string; loadAvgAtStart: number[] };
  chromium: string | null;
  runs: number;
  typingDelayMs: number;
  node: { shipped: NodeCorpusResult; scaled: NodeCorpusResult };
  browser: BrowserResult | null;
  browser100x: BrowserResult | null;
  browserLibrary?: BrowserResult | null;
  browserCompare?: BrowserResult | null;
  loadAvgAtEnd: number[];
  wallSeconds: number;
}

const ok = (v: number, target: number) => (Number.isNaN(v) ? 'n/a' : v <= target ? 'met' : '**not met**');
const st = (x: Stats) => `${x.p50} / ${x.p95} / ${x.max} (n=${x.n})`;
const met = (yes: boolean) => (yes ? 'met' : '**not met**');

/** Rows of the table: measure, corpus, value, target, status. */
class Rows {
  readonly lines: string[] = [];
  row(m: string, c: string, v: string, t = '', s = ''): void {
    this.lines.push(`| ${m} | ${c} | ${v} | ${t} | ${s} |`);
  }
  /** A p95 target row: the stats, "≤ target ms p95" and whether the p95 meets it. */
  p95(m: string, c: string, x: Stats, target: number): void {
    this.row(m, c, st(x), `≤ ${target} ms p95`, ok(x.p95, target));
  }
}

function nodeRows(t: Rows, r: NodeCorpusResult, c: string, target: number): void {
  if (r.loadMs.buildIndex !== undefined) t.row(`node: buildSearchIndex`, c, `${r.loadMs.buildIndex} ms`);
  t.row('node: JSON.parse corpus + index', c, `${r.loadMs.parseJson} ms`);
  t.row('node: createSearch', c, `${r.loadMs.createSearch} ms`);
  t.row('node: first query (builds prefilters)', c, `${r.loadMs.firstQuery} ms`);
  t.p95('node: search per keystroke (prefix), first pass', c, r.keystrokeFirstPass, target);
  t.p95('node: search per keystroke (prefix)', c, r.keystroke, target);
  t.p95('node: search per keystroke, median per prefix over the passes', c, r.keystrokePrefixMedian, target);
  t.row('node: search per keystroke, process CPU time', c, st(r.keystrokeCpu));
  const slowest = r.slowestPrefixes.slice(0, 3).map((x) => `"${x.prefix}" ${x.medianMs}`);
  t.row('node: slowest prefixes (median)', c, slowest.join(', '));
  const p = r.paste1MB;
  t.row(
    'node: search 1 MiB paste',
    c,
    `${p.firstMs} ms first, ${p.medianMs} ms median`,
    '≤ 50 ms',
    ok(p.firstMs, 50),
  );
}

/** --profile: main-thread ms per keystroke in each phase, by kind of work. */
function profileRows(t: Rows, b: BrowserResult, c: string): void {
  const p = b.profile;
  if (!p) return;
  const what = {
    input: 'keydown → searchCorpus sent',
    waiting: 'sent → answer received (worker searching)',
    answer: 'answer received → DOM updated',
    frame: 'DOM updated → next frame rendered',
  } as const;
  for (const ph of Object.keys(what) as Array<keyof typeof what>) {
    const kinds = Object.entries(p.perKeystroke[ph])
      .sort((a, b) => b[1] - a[1])
      .map(([k, ms]) => `${k} ${ms}`)
      .join(', ');
    t.row(
      `profile: ${what[ph]}, main-thread ms per keystroke (mean)`,
      c,
      `${p.phaseMs[ph]} ms long; busy: ${kinds || 'nothing'} (n=${p.keystrokes})`,
    );
  }
}

function browserRows(t: Rows, b: BrowserResult, c: string, target: number): void {
  profileRows(t, b, c);
  t.row('popup: open → first contentful paint', c, st(b.openToFcpMs));
  t.row('popup: open → first frame after app render', c, st(b.openToAppFrameMs));
  t.row('popup: first character → first result option', c, st(b.firstCharToFirstResultMs));
  t.row('popup: search box focused on open', c, `${b.focusOnOpen.focused}/${b.focusOnOpen.opens}`);
  t.row(
    'SW: first searchCorpus after launch (createSearch + query + IPC)',
    c,
    `${b.sw.firstSearchAfterLaunchMs} ms`,
  );
  t.row('SW: searchCorpus after worker restart, worker already awake', c, st(b.sw.coldAfterRestartAwakeMs));
  t.row(
    'SW: searchCorpus after worker restart, incl. waking it',
    c,
    st(b.sw.coldAfterRestartIncludingWakeMs),
  );
  t.row('SW: searchCorpus warm round trip', c, st(b.sw.warmRoundTripMs));
  t.row('SW: warm round trip, runtime.sendMessage (A/B, interleaved)', c, st(b.sw.abSendMessageMs));
  t.row('SW: warm round trip, the popup’s Port (A/B, interleaved)', c, st(b.sw.abPortMs));
  t.p95('popup: keystroke → answer in DOM', c, b.keystrokeDomMs, target);
  t.p95('popup: keystroke → next frame rendered after the answer', c, b.keystrokePaintMs, target);
  for (const [via, x] of Object.entries(b.keystrokeByVia))
    t.row(`popup: keystroke → DOM, timed from ${via}`, c, st(x));
  t.row('  breakdown: keystroke → searchCorpus sent', c, st(b.keystrokeBreakdown.inputToSendMs));
  t.row('  breakdown: searchCorpus round trip (IPC + search in SW)', c, st(b.keystrokeBreakdown.roundTripMs));
  t.row('  breakdown: answer received → DOM updated', c, st(b.keystrokeBreakdown.answerToDomMs));
  t.row(
    'popup: trailing-space keystroke → re-answer in DOM',
    c,
    b.trailingSpaceDomMs.n > 0
      ? st(b.trailingSpaceDomMs)
      : 'no request (same trimmed query: the answer shown stays)',
  );
  const f = b.fastTyping;
  t.row(
    'popup: fast typing (20 ms/key) → DOM',
    c,
    `${st(f.dom)}; ${f.superseded}/${f.keys} superseded, ${f.unanswered} unanswered`,
  );
  const rt = b.paste.roundTripMs;
  t.row('SW: 1 MiB searchCorpus round trip (median of 5, warm)', c, `${rt} ms`, '≤ 50 ms', ok(rt, 50));
  for (const [how, what] of [
    ['setValue', 'value + input event'],
    ['insertText', 'keyboard.insertText'],
  ] as const) {
    const x = b.paste[how];
    t.row(
      `popup: 1 MiB paste (${what}) → answer in DOM / next frame rendered`,
      c,
      `${x.e2eDomMs} / ${x.e2ePaintMs} ms (box keeps ${String(x.diag.inputChars)} chars, notice ${x.diag.truncatedNotice ? 'shown' : 'not shown'})`,
      '≤ 50 ms (answer)',
      ok(x.e2eDomMs, 50),
    );
  }
  const typed = b.paste.afterPasteTypingOk;
  t.row(
    'popup: after the 1 MiB pastes, select all + type a query → its results',
    c,
    typed ? 'yes' : 'no',
    'yes',
    met(typed),
  );
  t.row(
    'popup: 1 MiB set as input value only (no input event) → next frame (control)',
    c,
    `${b.paste.rawValueFrameMs} ms`,
  );
  const errs = [b.consoleErrors, b.pageErrors, b.swErrors].map((e) => e.length);
  t.row(
    'errors (console / page / service worker)',
    c,
    errs.join(' / '),
    '0',
    met(errs.every((n) => n === 0)),
  );
  const bad = [b.staleRegressions.length, b.resultMismatch.length];
  t.row('stale answers shown / final list ≠ search()', c, bad.join(' / '), '0', met(bad[0]! + bad[1]! === 0));
}

/** The run's Markdown: a line on the run, then one table (node rows, then browser rows). */
export function markdown(result: PopupRun, file: string, factor: number): string {
  const m = result.machine;
  const t = new Rows();
  t.lines.push(
    `Run ${result.date} (\`${file}\`): ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM; ${result.chromium ?? 'no browser'} (headless); Node ${m.node}. ` +
      `Queries: ${QUERIES.map((q) => `"${q}"`).join(', ')}; ${result.runs} passes; popup limit ${LIMIT}; typing ${result.typingDelayMs} ms/key. Wall time ${result.wallSeconds} s. Load average (1/5/15 min) at start ${m.loadAvgAtStart.join(' / ')}, at end ${result.loadAvgAtEnd.join(' / ')}.`,
    '',
    '| measure | corpus | p50 / p95 / max ms (n) or value | target | status |',
    '| --- | --- | --- | --- | --- |',
  );
  nodeRows(t, result.node.shipped, 'shipped', 16);
  nodeRows(t, result.node.scaled, `${factor}x`, 50);
  if (result.browser) browserRows(t, result.browser, 'shipped', 16);
  if (result.browserCompare) browserRows(t, result.browserCompare, 'shipped, compare build', 16);
  if (result.browser100x) browserRows(t, result.browser100x, `${factor}x`, 50);
  const lib = result.browserLibrary;
  if (lib) {
    const imp = lib.prepared as {
      documents: number;
      passages: number;
      chars: number;
      importSeconds: number;
    };
    const c = `+ library ${imp.passages}`;
    t.row(
      'library: import through importDocument (segments built)',
      c,
      `${imp.documents} documents, ${(imp.chars / 1e6).toFixed(1)} M chars in ${imp.importSeconds} s, every one listed by the library`,
    );
    browserRows(t, lib, c, 50);
  }
  return t.lines.join('\n');
}
