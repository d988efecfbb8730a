// Popup bench, the browser driver: headless Chromium with the built extension, popup.html opened
// as a 420x600 tab with the instrumentation, and the browser part's result assembled.
import { execFileSync } from 'node:child_process';
import { launchChromium } from '../../e2e/harness.ts';
import type { Search } from '../../lib/core/search/create-search.ts';
import { findChromium } from '../../scripts/lib/find-browser.ts';
import { round, summary, type Stats } from '../lib/stats.ts';
import { instrumentScript, type KeyEntry } from './in-page.ts';
import { profileTyping, type ProfileResult } from './profile.ts';
import { swBench, type SwResult } from './service-worker.ts';
import { fastTyping, pasteOne, rawValueFrame, typingPasses, type OpenPopup } from './typing.ts';

interface PasteResult {
  e2eDomMs: number;
  e2ePaintMs: number;
  diag: Record<string, unknown>;
}

export interface BrowserResult {
  chromium: string;
  extension: string;
  corpusLabel: string;
  openToFcpMs: Stats;
  openToAppFrameMs: Stats;
  firstCharToFirstResultMs: Stats;
  focusOnOpen: { focused: number; opens: number };
  sw: SwResult;
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
    setValue: PasteResult;
    insertText: PasteResult;
    rawValueFrameMs: number;
    roundTripMs: number;
    chars: number;
    afterPasteTypingOk: boolean;
  };
  consoleErrors: string[];
  pageErrors: string[];
  swErrors: string[];
  /** What `prepare` returned (the imported library). */
  prepared?: unknown;
  /** --profile: main-thread time per keystroke by phase and kind. */
  profile?: ProfileResult;
}

/** Keystrokes answered (not superseded), split into normal ones and trailing-space re-sends. */
function keystrokeStats(keys: KeyEntry[]) {
  const measured = keys.filter((k) => k.dom !== undefined && !k.superseded);
  const spaceKey = (k: KeyEntry) => k.v.trim() === k.prevAnswered; // trailing space: same query re-sent
  const normal = measured.filter((k) => !spaceKey(k));
  const byVia: Record<string, number[]> = {};
  for (const k of normal) (byVia[k.via] ??= []).push(k.dom!);
  return {
    keystrokeDomMs: summary(normal.map((k) => k.dom!)),
    keystrokePaintMs: summary(normal.filter((k) => k.paint !== undefined).map((k) => k.paint!)),
    keystrokeByVia: Object.fromEntries(Object.entries(byVia).map(([v, xs]) => [v, summary(xs)])),
    trailingSpaceDomMs: summary(measured.filter(spaceKey).map((k) => k.dom!)),
  };
}

/**
 * The popup end to end on one build: `passes` over the queries; `node` (the same search in node)
 * checks the final lists, `mb` is the 1 MiB paste.
 */
export async function browserBench(
  extDir: string,
  label: string,
  mb: string,
  node: Search | null,
  passes: number,
  delay: number,
  extra: {
    /** Run once before anything is measured (e.g. import a user library: library.ts). */
    prepare?: (open: OpenPopup) => Promise<unknown>;
    /** Also trace one typing pass: where a keystroke's time goes (profile.ts). */
    profile?: boolean;
  } = {},
): Promise<BrowserResult> {
  const { prepare } = extra;
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
    await s.context.addInitScript(instrumentScript());
    const open: OpenPopup = async (path = 'popup.html') => {
      const p = await s.openExtensionPage(path);
      await p.setViewportSize({ width: 420, height: 600 });
      p.on('pageerror', (e) => pageErrors.push(e.message));
      return p;
    };
    const prepared = prepare ? await prepare(open) : undefined;
    const sp = await open();
    const { sw, pasteRoundTripMs } = await swBench(s, sp, mb);
    await sp.close();
    const t = await typingPasses(open, passes, delay, node, pageErrors);
    const fastKeys = await fastTyping(open);
    const rawValueFrameMs = await rawValueFrame(open, mb);
    const pv = await pasteOne(open, mb, 'setValue', pageErrors);
    const pi = await pasteOne(open, mb, 'insertText', pageErrors);
    const ks = keystrokeStats(t.keys);
    const profile = extra.profile ? await profileTyping(open, delay) : undefined;
    return {
      chromium,
      extension: extDir,
      corpusLabel: label,
      openToFcpMs: summary(t.fcp),
      openToAppFrameMs: summary(t.appFrame),
      firstCharToFirstResultMs: summary(t.firstResult),
      focusOnOpen: { focused: t.focused, opens: t.opens },
      sw,
      keystrokeDomMs: ks.keystrokeDomMs,
      keystrokePaintMs: ks.keystrokePaintMs,
      keystrokeByVia: ks.keystrokeByVia,
      keystrokeBreakdown: {
        messagesSeen: t.msgsSeen,
        inputToSendMs: summary(t.bdDispatch),
        roundTripMs: summary(t.bdRtt),
        answerToDomMs: summary(t.bdRender),
      },
      trailingSpaceDomMs: ks.trailingSpaceDomMs,
      fastTyping: {
        delayMs: 20,
        keys: fastKeys.length,
        superseded: fastKeys.filter((k) => k.superseded).length,
        unanswered: fastKeys.filter((k) => k.dom === undefined && !k.superseded).length,
        dom: summary(fastKeys.filter((k) => k.dom !== undefined && !k.superseded).map((k) => k.dom!)),
      },
      staleRegressions: t.stale,
      resultMismatch: t.mismatch,
      paste: {
        setValue: { e2eDomMs: pv.e2eDomMs, e2ePaintMs: pv.e2ePaintMs, diag: pv.diag },
        insertText: { e2eDomMs: pi.e2eDomMs, e2ePaintMs: pi.e2ePaintMs, diag: pi.diag },
        rawValueFrameMs,
        roundTripMs: round(pasteRoundTripMs, 2),
        chars: mb.length,
        afterPasteTypingOk: pv.ok && pi.ok,
      },
      consoleErrors: [...s.consoleErrors],
      pageErrors,
      swErrors,
      ...(prepared === undefined ? {} : { prepared }),
      ...(profile ? { profile } : {}),
    };
  } finally {
    await s.close();
  }
}
