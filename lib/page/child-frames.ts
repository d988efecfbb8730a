// Same-origin child frames (about:blank, srcdoc, script-filled ad slots) are scanned by the
// content script of the frame that contains them, not by a content script of their own: the
// manifest does not inject into about:blank/srcdoc (matchAboutBlank: false), because every
// injected frame costs a whole isolated world (~0.2 MB of V8 heap each; a news page has 15 empty
// about:blank ad slots). Cross-origin frames, and same-origin frames loaded from a URL, get
// their own content script from the manifest (allFrames: true).
//
// Ownership handshake, so a document is never driven twice: a world that starts in a frame
// first dispatches CLAIM on its document; a parent already driving that document cancels it and
// the world stands down. A parent about to drive a child document dispatches PING on it; a world
// already running there cancels it and the parent leaves the document alone. Events cross worlds
// synchronously and cancellation is shared, so no DOM attribute is needed.
// The page sees these events too, and could dispatch a PING to learn whether we run: their names
// carry the extension's base URL, which in Firefox holds a random per-install UUID the page
// never learns (in Chrome it holds the extension id, which a page must already know).
import { browser } from 'wxt/browser';
import { HOST_TAG } from './constants.ts';
import type { LensContext } from './types.ts';

function eventName(kind: string): string {
  let base = '';
  try {
    base = browser.runtime.getURL('/');
  } catch {
    // orphaned script: it stops at its next check anyway
  }
  return `${base}#${kind}`;
}
const CLAIM = eventName('claim');
const PING = eventName('ping');

/** A child of `parent` that can also be invalidated on its own (a frame that went away). */
export function subContext(parent: LensContext): LensContext & { invalidate(): void } {
  const ac = new AbortController();
  const signal = ac.signal;
  const offParent = parent.onInvalidated(() => ac.abort());
  const sub = {
    get isValid() {
      return !signal.aborted && parent.isValid;
    },
    get isInvalid() {
      return signal.aborted || parent.isInvalid;
    },
    onInvalidated(cb: () => void) {
      signal.addEventListener('abort', cb);
      return () => signal.removeEventListener('abort', cb);
    },
    addEventListener(
      target: EventTarget,
      type: string,
      handler: (e: Event) => void,
      options?: AddEventListenerOptions,
    ) {
      target.addEventListener(type, handler, { ...options, signal });
    },
    invalidate() {
      offParent();
      ac.abort();
    },
  };
  return sub as unknown as LensContext & { invalidate(): void };
}

/**
 * Called once by a world before it starts on its own document: false when a parent frame's
 * content script already drives this document (the world then stays idle). From then on the
 * world answers parents' pings, so they leave the document to it.
 */
export function claimDocument(ctx: LensContext, doc: Document): boolean {
  if (!doc.dispatchEvent(new CustomEvent(CLAIM, { cancelable: true }))) return false;
  ctx.addEventListener(doc, PING as never, (e: Event) => e.preventDefault());
  return true;
}

interface Driven {
  doc: Document;
  ctx: LensContext & { invalidate(): void };
}

export interface ChildFrames {
  /** Look for child frames in `root` (the document at start, added subtrees later). */
  scan(root: ParentNode): void;
  /** Stop driving frames that left the document. */
  prune(): void;
  /** Number of child documents currently driven (tests, stats). */
  readonly size: number;
}

/**
 * Drives the same-origin child documents of `doc`: for each, `start(ctx, win)` runs with a
 * context that is invalidated when the frame is removed, navigates to another document, or the
 * parent's context ends. Frame loads are followed only while `active()` (the lens is on for the
 * page); `scan` is called when it turns on.
 */
export function watchChildFrames(
  ctx: LensContext,
  doc: Document,
  start: (ctx: LensContext, win: Window & typeof globalThis) => void,
  active: () => boolean,
): ChildFrames {
  const driven = new Map<HTMLIFrameElement | HTMLFrameElement, Driven>();

  // Touching a frame's window or document from this world creates this world's context in that
  // frame (as costly as an injected script), so frames too small to read (0x0 ad slots, tracking
  // pixels, display:none) are only watched from outside until they get a size.
  const resized = new ResizeObserver((entries) => {
    for (const e of entries) {
      const el = e.target as HTMLIFrameElement;
      if (tiny(el)) continue;
      resized.unobserve(el);
      attach(el);
    }
  });
  ctx.onInvalidated(() => resized.disconnect());
  const tiny = (el: Element) => el.clientWidth < 2 || el.clientHeight < 2;

  const attach = (el: HTMLIFrameElement | HTMLFrameElement) => {
    if (ctx.isInvalid || !el.isConnected) return;
    if (tiny(el)) {
      resized.observe(el);
      return;
    }
    let win: (Window & typeof globalThis) | null = null;
    let child: Document | null;
    try {
      win = el.contentWindow as (Window & typeof globalThis) | null;
      child = el.contentDocument; // null when cross-origin: that frame has its own script
    } catch {
      child = null;
    }
    const cur = driven.get(el);
    if (cur && cur.doc === child) return;
    if (cur) {
      cur.ctx.invalidate();
      driven.delete(el);
    }
    if (!child || !win || !el.isConnected) return;
    // A world of our own already runs there (a same-origin frame loaded from a URL).
    if (!child.dispatchEvent(new CustomEvent(PING, { cancelable: true }))) return;
    const sub = subContext(ctx);
    driven.set(el, { doc: child, ctx: sub });
    // Worlds that start in this document later stand down.
    sub.addEventListener(child, CLAIM as never, (e: Event) => e.preventDefault());
    try {
      start(sub, win);
    } catch (e) {
      console.debug('[policy-lens] child frame not started', e);
    }
  };

  const isFrame = (n: Element): n is HTMLIFrameElement | HTMLFrameElement =>
    n.localName === 'iframe' || n.localName === 'frame';

  // A frame's document is replaced when it loads (srcdoc, navigation): re-attach on every load.
  // `load` does not bubble but is seen in the capture phase at the document.
  ctx.addEventListener(
    doc,
    'load',
    (e: Event) => {
      const t = e.target as Element | null;
      if (t && t.nodeType === 1 && isFrame(t) && active()) attach(t);
    },
    { capture: true },
  );

  return {
    scan(root) {
      if (root.nodeType === 1 && isFrame(root as Element)) attach(root as HTMLIFrameElement);
      if ((root as Element).localName === HOST_TAG) return;
      for (const el of root.querySelectorAll('iframe, frame')) attach(el as HTMLIFrameElement);
    },
    prune() {
      for (const [el, d] of driven) {
        let same: boolean;
        try {
          same = el.isConnected && el.contentDocument === d.doc;
        } catch {
          same = false;
        }
        if (same) continue;
        d.ctx.invalidate();
        driven.delete(el);
        if (el.isConnected) attach(el);
      }
    },
    get size() {
      return driven.size;
    },
  };
}
