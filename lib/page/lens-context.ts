// The content script's own context, used instead of the ContentScriptContext WXT hands to `main`.
// WXT's context (0.21) does its start-up handshake through the page: it posts
// `{type: "<extension id>:content:wxt:content-script-started"}` with window.postMessage and
// listens on `document` for a CustomEvent of that name, aborting itself when one arrives from
// "another instance". Any page script can read the id from the message (in Firefox it is the
// public gecko id anyway) and dispatch that event, which switched the lens off for good; and it
// can fire WXT's `wxt:locationchange` event under the same name to force full rescans.
// So nothing of ours hangs off WXT's context (the entrypoint sets noScriptStartedPostMessage and
// ignores it), and this one ends only for reasons a page cannot produce:
// - the extension was reloaded, updated or removed (`runtime.id` is gone: orphaned script);
// - a newer instance of this script started in the same isolated world (it finds our stop
//   function on the world's global object, which page scripts do not share);
// - the document lens is dropped (child frames: see child-frames.ts subContext).
import { browser } from 'wxt/browser';
import type { LensContext } from './types.ts';

export interface OwnContext extends LensContext {
  readonly signal: AbortSignal;
  /** Ends the context (and runs every onInvalidated callback) now. */
  invalidate(): void;
}

/** Key on this isolated world's global object (not the page's window): the running instance's stop. */
const STOP_KEY = '__policyLensStop';

export interface LensContextOptions {
  /** Is the extension still there? (tests; default: `browser.runtime.id` is set) */
  alive?: () => boolean;
  /** The isolated world's global object (tests; default: globalThis). */
  world?: Record<string, unknown>;
}

function runtimeAlive(): boolean {
  try {
    return browser.runtime?.id != null;
  } catch {
    return false; // some engines throw on an orphaned runtime instead of returning undefined
  }
}

export function createLensContext(opts: LensContextOptions = {}): OwnContext {
  const alive = opts.alive ?? runtimeAlive;
  const world = opts.world ?? (globalThis as unknown as Record<string, unknown>);
  const ac = new AbortController();
  const signal = ac.signal;
  const invalidate = () => {
    if (!signal.aborted) ac.abort();
  };

  const previous = world[STOP_KEY];
  if (typeof previous === 'function') {
    try {
      (previous as () => void)();
    } catch (e) {
      console.debug('[policy-lens] previous instance did not stop', e);
    }
  }
  world[STOP_KEY] = invalidate;
  signal.addEventListener('abort', () => {
    if (world[STOP_KEY] === invalidate) delete world[STOP_KEY];
  });

  const isInvalid = (): boolean => {
    // Reading runtime.id is the only way to learn of an orphaned script; callers ask at every
    // scan slice and on user activity (document-lens.ts onActivity), never on a timer.
    if (!signal.aborted && !alive()) invalidate();
    return signal.aborted;
  };
  const ctx = {
    signal,
    invalidate,
    get isInvalid() {
      return isInvalid();
    },
    get isValid() {
      return !isInvalid();
    },
    onInvalidated(cb: () => void) {
      // Clean-up runs when the extension may already be gone (its APIs then throw): never into
      // the page's console, and one failing callback does not keep the others from running.
      const run = () => {
        try {
          cb();
        } catch (e) {
          console.debug('[policy-lens] clean-up failed', e);
        }
      };
      signal.addEventListener('abort', run);
      return () => signal.removeEventListener('abort', run);
    },
    addEventListener(
      target: EventTarget,
      type: string,
      handler: (e: Event) => void,
      options?: AddEventListenerOptions,
    ) {
      if (signal.aborted) return;
      target.addEventListener(type, handler, { ...options, signal });
    },
  };
  return ctx as unknown as OwnContext;
}
