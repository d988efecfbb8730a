// Scheduling for the scan stage: work runs in idle time, in slices of at most SLICE_MS, and not
// at all while the tab is hidden. One pending callback at a time, cancelled with the context.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { SLICE_MS } from './constants.ts';

/** Runs one slice; returns true while there is more work. `deadline` is a performance.now() value. */
export type SliceRunner = (deadline: number) => boolean;

export interface IdleScheduler {
  /** Ask for slices until the runner reports no more work. Coalesces repeated calls. */
  request(): void;
  readonly pending: boolean;
}

type Ctx = Pick<ContentScriptContext, 'onInvalidated' | 'addEventListener' | 'isValid'>;

export function createIdleScheduler(
  ctx: Ctx,
  run: SliceRunner,
  win: Window & typeof globalThis = window,
): IdleScheduler {
  const doc = win.document;
  const ric = typeof win.requestIdleCallback === 'function' ? win.requestIdleCallback.bind(win) : null;
  let handle: number | null = null;
  let wanted = false;

  // ctx.setTimeout/requestIdleCallback add an abort listener per call that is never removed;
  // a scheduler that re-arms all day would pile them up, so it registers one for its lifetime.
  const cancel = () => {
    if (handle === null) return;
    if (ric) win.cancelIdleCallback(handle);
    else win.clearTimeout(handle);
    handle = null;
  };
  ctx.onInvalidated(cancel);

  const slice = (budget: number) => {
    handle = null;
    if (!ctx.isValid) return;
    if (doc.visibilityState === 'hidden') return; // resumed by visibilitychange
    const more = (() => {
      try {
        return run(performance.now() + Math.min(SLICE_MS, Math.max(1, budget)));
      } catch (e) {
        console.debug('[policy-lens] scan slice failed', e);
        return false;
      }
    })();
    wanted = more;
    if (more) arm();
  };

  const arm = () => {
    if (handle !== null || doc.visibilityState === 'hidden') return;
    if (ric) handle = ric((d) => slice(d.didTimeout ? SLICE_MS : d.timeRemaining()), { timeout: 1000 });
    else handle = win.setTimeout(() => slice(SLICE_MS), 16);
  };

  ctx.addEventListener(doc, 'visibilitychange', () => {
    if (doc.visibilityState === 'hidden') cancel();
    else if (wanted) arm();
  });

  return {
    request() {
      wanted = true;
      arm();
    },
    get pending() {
      return wanted;
    },
  };
}
