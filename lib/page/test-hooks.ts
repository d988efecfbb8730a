// Test-only hooks, compiled in only when __E2E_HOOKS__ (E2E_HOOKS=1 builds); store builds drop them.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendToBackground } from '../messaging.ts';
import type { SliceRunner } from './idle.ts';
import { phase } from './scanner.ts';

const timing = { slices: 0, busyMs: 0, maxSliceMs: 0 };

/** Wraps the scan runner to record slice count, busy time and the longest slice. */
export function timed(run: SliceRunner): SliceRunner {
  return (deadline) => {
    const t0 = performance.now();
    const more = run(deadline);
    const dt = performance.now() - t0;
    timing.slices++;
    timing.busyMs += dt;
    timing.maxSliceMs = Math.max(timing.maxSliceMs, dt);
    return more;
  };
}

/** E2E builds only: answers a `policy-lens:e2e-stats` event with scan stats and timings. */
export function exposeTestHooks(ctx: ContentScriptContext, stats: () => object) {
  ctx.addEventListener(document, 'policy-lens:e2e-stats' as never, () => {
    document.dispatchEvent(
      new CustomEvent('policy-lens:e2e-stats-result', {
        detail: JSON.stringify({ ...stats(), ...timing, ...phase }),
      }),
    );
  });
}

/**
 * E2E builds only: Firefox's WebDriver BiDi refuses to navigate to moz-extension:// URLs, so a
 * test asks the page to have the extension open its popup UI (as a tab, the context-menu path)
 * or its reader; the test then attaches to the new tab.
 */
export function exposeOpenHooks(ctx: ContentScriptContext) {
  ctx.addEventListener(document, 'policy-lens:e2e-open' as never, (ev: Event) => {
    const detail = (ev as CustomEvent<unknown>).detail;
    if (typeof detail !== 'string') return;
    const [kind, arg = ''] = detail.split('|', 2);
    if (kind === 'search') void sendToBackground('openSearch', { query: arg }).catch(() => undefined);
    if (kind === 'reader') void sendToBackground('openReader', { hash: arg }).catch(() => undefined);
  });
}
