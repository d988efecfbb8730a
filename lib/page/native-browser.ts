// The extension API as the scripts that run in pages (content.js, card.js) see it: the browser's
// own objects, not webextension-polyfill. The build resolves `wxt/browser` to this file for those
// two scripts only (wxt.config.ts, `pageScriptsNative`); the extension's own pages and the
// background keep the polyfill.
//
// Why: every tab evaluates the content script, and the polyfill is ~10 KB of code plus a wrapper
// set up at load (a Proxy per namespace, its API metadata object) that reaches `chrome.runtime`
// during evaluation. Both browsers we support have promise-returning APIs natively (Firefox's
// `browser`, Chrome MV3's `chrome`); the one thing Chrome lacks is an `onMessage` listener
// answering with a promise, so that is the one thing wrapped here, and it answers a rejection the
// way the polyfill does (the background, which keeps the polyfill, turns it back into a
// rejection), as it reads the polyfill's rejections from the background.
//
// Only what the page scripts use is provided (runtime id/getURL/sendMessage/onMessage, storage,
// i18n); anything else is a type error at the call site's cast, and undefined at run time.
import type { browser as Polyfilled } from 'wxt/browser';

type Listener = (msg: unknown, sender: unknown, sendResponse: (r: unknown) => void) => unknown;
interface NativeEvent {
  addListener(f: Listener): void;
  removeListener(f: Listener): void;
}
interface NativeRuntime {
  id?: string;
  getURL(path: string): string;
  sendMessage(msg: unknown): Promise<unknown>;
  onMessage: NativeEvent;
}
interface NativeApi {
  runtime?: NativeRuntime;
  storage?: unknown;
  i18n?: unknown;
}

/** The shape webextension-polyfill gives a rejected answer on the wire. */
const REJECTED = '__mozWebExtensionPolyfillReject__';

const isThenable = (r: unknown): r is PromiseLike<unknown> =>
  typeof r === 'object' && r !== null && typeof (r as { then?: unknown }).then === 'function';

/** An answer from a polyfilled sender that means "rejected", made a rejection again. */
function unwrapRejection(r: unknown): unknown {
  if (typeof r === 'object' && r !== null && (r as Record<string, unknown>)[REJECTED] === true)
    throw new Error(String((r as { message?: unknown }).message ?? 'rejected'));
  return r;
}

/** Chrome's onMessage, where a listener may answer by returning a promise (as in Firefox). */
function promiseListeners(ev: NativeEvent): NativeEvent {
  const wrapped = new WeakMap<Listener, Listener>();
  return {
    addListener(f) {
      const w: Listener = (msg, sender, sendResponse) => {
        const r = f(msg, sender, sendResponse);
        if (!isThenable(r)) return r;
        r.then(sendResponse, (e: unknown) =>
          sendResponse({ [REJECTED]: true, message: e instanceof Error ? e.message : String(e) }),
        );
        return true; // the answer comes later
      };
      wrapped.set(f, w);
      ev.addListener(w);
    },
    removeListener(f) {
      const w = wrapped.get(f);
      if (w) ev.removeListener(w);
      wrapped.delete(f);
    },
  };
}

/** Chrome's `chrome`, with the two message paths made to behave as Firefox's `browser`. */
function chromeApi(c: NativeApi): NativeApi {
  let runtime: NativeRuntime | null = null;
  const wrapRuntime = (r: NativeRuntime): NativeRuntime => ({
    // a getter: the id goes away when the extension is reloaded (lens-context.ts checks it)
    get id() {
      return r.id;
    },
    getURL: (path) => r.getURL(path),
    sendMessage: (msg) => r.sendMessage(msg).then(unwrapRejection),
    onMessage: promiseListeners(r.onMessage),
  });
  return {
    // undefined once the extension context is gone, as chrome.runtime is
    get runtime() {
      return c.runtime ? (runtime ??= wrapRuntime(c.runtime)) : undefined;
    },
    get storage() {
      return c.storage;
    },
    get i18n() {
      return c.i18n;
    },
  };
}

const g = globalThis as unknown as { browser?: NativeApi; chrome?: NativeApi };

/** Firefox: its own `browser`; Chrome: `chrome`, its message paths wrapped. */
export const browser = (import.meta.env.FIREFOX
  ? g.browser
  : chromeApi(g.chrome ?? {})) as unknown as typeof Polyfilled;
