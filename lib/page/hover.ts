// Stage 5 (hover): finds the highlighted term under a resting pointer and opens its card; closes
// it on Esc or when the pointer leaves term and card (after a grace delay); Alt+Shift+J / K move
// to the next / previous term, and the Tab after such a keyboard open goes into the card.
// Hit-testing: CSS.highlights.highlightsFromPoint where the engine has it, else the caret
// position under the pointer and the scanner's Text-node index.
// Only the user drives the card: events a page script dispatches (isTrusted false) are ignored.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardUi } from './card-ui.ts';
import { compareHits } from './hit-store.ts';
import type { Hit, LensContext } from './types.ts';

export const REST_MS = 250;
export const GRACE_MS = 300;

export interface HoverDeps {
  /** The painter's answer: a hit, null (nothing of ours here) or undefined (cannot tell). */
  hitAt(x: number, y: number): Hit | null | undefined;
  /** Hits whose pieces touch this Text node (the scanner's index). */
  hitsAt(node: Text): readonly Hit[];
  /** Visible hits in document order (for J/K). */
  hits(): Hit[];
  /** Is the hit currently painted (lens on, category shown)? */
  isShown(hit: Hit): boolean;
  card: CardUi;
}

/** A resettable timeout with one invalidation hook for its whole life. */
export function createTimer(ctx: Pick<ContentScriptContext, 'onInvalidated'>, win: Window = window) {
  let id: number | undefined;
  const clear = () => {
    if (id !== undefined) win.clearTimeout(id);
    id = undefined;
  };
  ctx.onInvalidated(clear);
  return {
    set(fn: () => void, ms: number) {
      clear();
      id = win.setTimeout(() => {
        id = undefined;
        fn();
      }, ms);
    },
    clear,
  };
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

const within = (rect: DOMRect, x: number, y: number, pad = 0) =>
  x >= rect.left - pad && x <= rect.right + pad && y >= rect.top - pad && y <= rect.bottom + pad;

/** Is the point over one of the hit's painted boxes? */
export function hitContains(hit: Hit, x: number, y: number, pad = 0): boolean {
  for (const r of hit.ranges) {
    const doc = r.startContainer.ownerDocument;
    if (!doc || !r.startContainer.isConnected) continue;
    const live = doc.createRange();
    try {
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
    } catch {
      continue;
    }
    for (const box of live.getClientRects()) if (within(box, x, y, pad)) return true;
  }
  return false;
}

export function hitFromPoint(
  doc: Document,
  deps: Pick<HoverDeps, 'hitAt' | 'hitsAt' | 'isShown'>,
  x: number,
  y: number,
): Hit | null {
  const direct = deps.hitAt(x, y);
  if (direct !== undefined) return direct && deps.isShown(direct) ? direct : null;
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== 3) return null;
  for (const hit of deps.hitsAt(caret.node as Text)) {
    if (!deps.isShown(hit)) continue;
    // The caret snaps to the nearest character even off the text: confirm with the boxes.
    if (hitContains(hit, x, y)) return hit;
  }
  return null;
}

function isEditableFocus(doc: Document): boolean {
  let el: Element | null = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  if (!el) return false;
  if ((el as HTMLElement).isContentEditable) return true;
  const name = el.localName;
  return (
    name === 'input' || name === 'textarea' || name === 'select' || el.getAttribute('role') === 'textbox'
  );
}

export interface HoverController {
  /** Moves to the next (1) or previous (-1) term, optionally of one concept; opens its card. */
  step(direction: 1 | -1, conceptId?: string): boolean;
  /** The pointer entered / left the card (its frame's own pointer events). */
  enterCard(): void;
  leaveCard(): void;
}

/** Event handlers act on the user's input only and never throw into the page's console. */
function safe<E extends Event>(fn: (e: E) => void): (e: E) => void {
  return (e) => {
    if (!e.isTrusted) return;
    try {
      fn(e);
    } catch (err) {
      console.debug('[policy-lens] event handler failed', err);
    }
  };
}

export function startHover(ctx: LensContext, deps: HoverDeps, doc: Document = document): HoverController {
  const win = doc.defaultView ?? window;
  const rest = createTimer(ctx, win);
  const grace = createTimer(ctx, win);
  const { card } = deps;
  let x = -1;
  let y = -1;
  let overCard = false;

  const keepOpen = () => grace.clear();
  const maybeClose = () => {
    if (!card.hit || card.pinned || overCard) return;
    if (hitContains(card.hit, x, y, 2)) return;
    grace.set(() => {
      if (!overCard && card.hit && !card.pinned && !hitContains(card.hit, x, y, 2)) card.close();
    }, GRACE_MS);
  };

  const probe = () => {
    try {
      const hit = hitFromPoint(doc, deps, x, y);
      if (hit && hit !== card.hit) void card.open(hit, false);
      else if (!hit) maybeClose();
    } catch (e) {
      console.debug('[policy-lens] hover failed', e);
    }
  };

  ctx.addEventListener(
    doc,
    'pointermove',
    safe((e: PointerEvent) => {
      if (e.pointerType === 'touch') return;
      x = e.clientX;
      y = e.clientY;
      if (card.contains(e)) {
        overCard = true;
        keepOpen();
        rest.clear();
        return;
      }
      overCard = false;
      if (card.hit && hitContains(card.hit, x, y, 2)) keepOpen();
      else if (card.hit) maybeClose();
      rest.set(probe, REST_MS);
    }),
    { capture: true, passive: true },
  );
  ctx.addEventListener(
    doc.documentElement,
    'pointerleave',
    safe(() => {
      rest.clear();
      overCard = false;
      maybeClose();
    }),
  );
  ctx.addEventListener(
    doc,
    'pointerdown',
    safe((e: PointerEvent) => {
      if (card.hit && !card.contains(e)) card.close();
    }),
    { capture: true, passive: true },
  );

  let last: Hit | null = null;
  /** The card the keyboard opened: the next Tab moves focus into it (it never takes focus on open). */
  let byKeyboard: Hit | null = null;
  const controller: HoverController = {
    enterCard() {
      overCard = true;
      keepOpen();
    },
    leaveCard() {
      overCard = false;
      maybeClose();
    },
    step(direction, conceptId) {
      const all = deps.hits().filter((h) => deps.isShown(h) && (!conceptId || h.conceptId === conceptId));
      if (!all.length) return false;
      // Continue from the open card's term, else from the last term visited (it may be gone).
      const ref = card.hit ?? last;
      let i: number;
      if (!ref) i = direction > 0 ? 0 : all.length - 1;
      else if (direction > 0) {
        i = all.findIndex((h) => h !== ref && compareHits(h, ref) > 0);
        if (i < 0) i = 0; // wrap
      } else {
        i = all.findLastIndex((h) => h !== ref && compareHits(h, ref) < 0);
        if (i < 0) i = all.length - 1;
      }
      const hit = all[i]!;
      last = hit;
      const el = hit.pieces[0]?.node.parentElement;
      el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' as ScrollBehavior });
      void card.open(hit, true);
      return true;
    },
  };

  ctx.addEventListener(
    win,
    'keydown',
    safe((e: KeyboardEvent) => {
      if (e.key === 'Escape' && card.hit) {
        card.close();
        return;
      }
      if (e.key === 'Tab' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
        const opened = byKeyboard;
        byKeyboard = null;
        if (opened && card.hit === opened && !card.contains(e) && card.focus()) e.preventDefault();
        return;
      }
      if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey || e.isComposing) return;
      if (e.code !== 'KeyJ' && e.code !== 'KeyK') return;
      if (isEditableFocus(doc)) return;
      if (controller.step(e.code === 'KeyJ' ? 1 : -1)) {
        byKeyboard = last; // the hit step() opened (its card is still opening)
        e.preventDefault();
        e.stopPropagation();
      }
    }),
    { capture: true },
  );
  const follow = safe(() => card.hit && card.reposition());
  ctx.addEventListener(win, 'scroll', follow, { capture: true, passive: true });
  ctx.addEventListener(win, 'resize', follow, { passive: true });

  return controller;
}
