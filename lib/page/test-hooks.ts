// Test-only hooks, compiled in only when __E2E_HOOKS__ (E2E_HOOKS=1 builds); store builds drop them.
import { sendToBackground } from '../messaging.ts';
import { HOST_TAG } from './constants.ts';
import type { SliceRunner } from './idle.ts';
import { phase } from './scanner.ts';
import type { LensContext } from './types.ts';

const timing = { slices: 0, busyMs: 0, maxSliceMs: 0 };

/**
 * Start-up moments (performance.now() of the frame) and the matcher's instantiation time, for
 * `npm run bench -- startup` and the e2e specs; NaN until they happen.
 */
export const startup = {
  scriptAt: NaN,
  matcherMs: NaN,
  /** Of matcherMs: reading the file (prefix, header JSON, table views); the rest is the filters. */
  matcherReadMs: NaN,
  /** Wall time from asking for the file to its bytes in hand: waiting, not main-thread work. */
  matcherFetchMs: NaN,
  matcherReadyAt: NaN,
  /** Instantiation of the user lists' matcher (the message), the last time it came. */
  userMatcherMs: NaN,
  firstSliceAt: NaN,
  /** Where the bundled matcher came from: the packaged file, or the background's message. */
  matcherVia: '' as '' | 'file' | 'message',
};

/** Wraps the scan runner to record slice count, busy time and the longest slice. */
export function timed(run: SliceRunner): SliceRunner {
  return (deadline) => {
    const t0 = performance.now();
    const more = run(deadline);
    const dt = performance.now() - t0;
    if (timing.slices === 0) startup.firstSliceAt = t0;
    timing.slices++;
    timing.busyMs += dt;
    timing.maxSliceMs = Math.max(timing.maxSliceMs, dt);
    return more;
  };
}

/** E2E builds only: answers a `policy-lens:e2e-stats` event with scan stats and timings. */
export function exposeTestHooks(ctx: LensContext, stats: () => object) {
  ctx.addEventListener(document, 'policy-lens:e2e-stats' as never, () => {
    document.dispatchEvent(
      new CustomEvent('policy-lens:e2e-stats-result', {
        detail: JSON.stringify({ ...stats(), ...timing, ...phase, startup }),
      }),
    );
  });
}

/**
 * E2E builds only: Firefox's WebDriver BiDi refuses to navigate to moz-extension:// URLs, so a
 * test asks the page to have the extension open its popup UI (as a tab, the context-menu path)
 * or its reader; the test then attaches to the new tab.
 */
export function exposeOpenHooks(ctx: LensContext) {
  ctx.addEventListener(document, 'policy-lens:e2e-open' as never, (ev: Event) => {
    const detail = (ev as CustomEvent<unknown>).detail;
    if (typeof detail !== 'string') return;
    const [kind, arg = ''] = detail.split('|', 2);
    if (kind === 'search') void sendToBackground('openSearch', { query: arg }).catch(() => undefined);
    if (kind === 'reader') void sendToBackground('openReader', { hash: arg }).catch(() => undefined);
  });
}

/** One element of the card as a test sees it. */
interface CardPart {
  text: string;
  data: Record<string, string | undefined>;
  rect: { x: number; y: number; width: number; height: number };
}

/**
 * E2E builds only: the card's shadow root is closed, so a test asks for it with a
 * `policy-lens:e2e-card` event on the card's document (detail: a selector; with a leading "!",
 * its first match is scrolled into view in the card first) and gets
 * `policy-lens:e2e-card-result` back (detail: JSON of the host's tag, whether a card is open,
 * the text, data attributes and box of each element matching the selector in the open card,
 * and the focused element in it). Boxes let a test click with the real mouse.
 */
export function exposeCardHook(ctx: LensContext, doc: Document, openRoot: () => ShadowRoot | null) {
  ctx.addEventListener(doc, 'policy-lens:e2e-card' as never, (ev: Event) => {
    const detail = (ev as CustomEvent<unknown>).detail;
    const asked = typeof detail === 'string' ? detail : '';
    // "!selector": scroll the first match into view inside the card first (to click it).
    const selector = asked.startsWith('!') ? asked.slice(1) : asked;
    const root = openRoot();
    if (root && selector && asked !== selector)
      root.querySelector(selector)?.scrollIntoView({ block: 'nearest' });
    const parts: CardPart[] =
      root && selector
        ? [...root.querySelectorAll<HTMLElement>(selector)].map((el) => {
            const r = el.getBoundingClientRect();
            return {
              text: el.textContent ?? '',
              data: { ...el.dataset },
              rect: { x: r.x, y: r.y, width: r.width, height: r.height },
            };
          })
        : [];
    const focused = root?.activeElement;
    doc.dispatchEvent(
      new CustomEvent('policy-lens:e2e-card-result', {
        detail: JSON.stringify({
          tag: HOST_TAG,
          open: !!root?.querySelector('.card'),
          parts,
          focused: focused ? `${focused.localName}.${focused.className}` : null,
        }),
      }),
    );
  });
}
