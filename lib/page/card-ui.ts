// Stage 5b (card UI): the one shadow host we add to a page, created lazily on the first open
// (WXT createShadowRootUi, which comes with the card's script), in the top layer via popover="manual" where supported so page
// stacking contexts and transforms cannot hide or misplace it. Never takes focus on open.
// The shadow root is closed: page scripts cannot read the card, rewrite its text or click its
// buttons (the buttons also ignore untrusted clicks, components/HoverCard.tsx).
// What the card looks like is not known here: the content entrypoint passes a loader of the
// CardView in, called on the first open (the card's code is not part of the content script).
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { Lang } from '../core/types.ts';
import { HOST_TAG } from './constants.ts';
import { exposeCardHook } from './test-hooks.ts';
import type { CardView, CardViewLoader, Hit, LensContext, Rect } from './types.ts';

export interface CardUi {
  open(hit: Hit, pinned: boolean): Promise<void>;
  close(): void;
  /** Re-anchor after scrolling/resizing. */
  reposition(): void;
  readonly hit: Hit | null;
  readonly pinned: boolean;
  /** Is the event inside the card (pointer over it, focus in it)? */
  contains(e: Event): boolean;
  /** Moves focus to the open card's first control (it returns where it was on close): done? */
  focus(): boolean;
  readonly host: HTMLElement | null;
}

export interface CardUiDeps {
  /** The card's look, loaded on the first open. */
  loadView: CardViewLoader;
  pageLang: () => Lang | undefined;
  /** The user library's version in use (the card's caches start over when it changes). */
  libraryVersion: () => number;
  onOpenChange?(hit: Hit | null): void;
  onPointerEnter?(): void;
  onPointerLeave?(): void;
}

/** Viewport rect of a hit (the first range's box; terms rarely wrap). */
export function hitRect(hit: Hit): Rect | null {
  const r = hit.ranges[0];
  const node = hit.pieces[0]?.node;
  if (!r || !node?.isConnected) return null;
  const live = node.ownerDocument.createRange();
  try {
    live.setStart(r.startContainer, r.startOffset);
    live.setEnd(r.endContainer, r.endOffset);
  } catch {
    return null;
  }
  const rects = live.getClientRects();
  const box = rects.length ? rects[0]! : live.getBoundingClientRect();
  return { left: box.left, top: box.top, right: box.right, bottom: box.bottom };
}

export function createCardUi(ctx: LensContext, doc: Document, deps: CardUiDeps): CardUi {
  let ui: ShadowRootContentScriptUi<void> | null = null;
  let view: CardView | null = null;
  let creating: Promise<ShadowRootContentScriptUi<void>> | null = null;
  let current: Hit | null = null;
  let pinned = false;
  /** Where focus was before focus() moved it into the card. */
  let returnFocus: HTMLElement | null = null;

  const ensure = () => {
    // (WXT only calls ctx.onInvalidated and reads ctx.options: a child frame's LensContext does.)
    creating ??= deps
      .loadView()
      .then((loaded) => {
        view = loaded;
        return loaded.shadowRootUi<void>(ctx as ContentScriptContext, {
          name: HOST_TAG,
          mode: 'closed',
          position: 'inline',
          anchor: () => doc.body,
          css: loaded.css,
          onMount: (container) => {
            if (container.className === 'frame') return; // remounted after the page removed our host
            container.className = 'frame';
            if (typeof container.showPopover === 'function') container.setAttribute('popover', 'manual');
            container.addEventListener('pointerenter', (e) => {
              if (e.isTrusted) deps.onPointerEnter?.();
            });
            container.addEventListener('pointerleave', (e) => {
              if (e.isTrusted) deps.onPointerLeave?.();
            });
          },
          onRemove: () => {
            if (ui) loaded.render(ui.uiContainer, null);
          },
        });
      })
      .then((made) => {
        ui = made;
        return made;
      });
    return creating;
  };

  const draw = () => {
    if (!ui || !view || !current) return;
    const anchor = hitRect(current);
    if (!anchor) {
      card.close();
      return;
    }
    view.render(ui.uiContainer, {
      conceptId: current.conceptId,
      category: current.category,
      libraryVersion: deps.libraryVersion(),
      term: current.text,
      pageLang: deps.pageLang(),
      anchor,
      close: () => card.close(),
    });
  };

  const card: CardUi = {
    async open(hit, pin) {
      let made: ShadowRootContentScriptUi<void>;
      try {
        made = ui ?? (await ensure());
        if (ctx.isInvalid) return;
        if (!made.shadowHost.isConnected) made.mount(); // throws on documents without a <body>
      } catch (e) {
        console.debug('[policy-lens] cannot show the card', e);
        if (!ui) creating = null; // the view did not load: the next open tries again
        return;
      }
      current = hit;
      pinned = pin;
      const frame = made.uiContainer;
      frame.dataset.open = '';
      draw();
      if (frame.hasAttribute('popover') && !frame.matches(':popover-open')) {
        try {
          frame.showPopover(); // manual popovers do not move focus
        } catch {
          frame.removeAttribute('popover'); // e.g. host not rendered: plain fixed positioning
        }
      }
      deps.onOpenChange?.(hit);
    },
    close() {
      if (!current) return;
      current = null;
      pinned = false;
      const back = returnFocus;
      returnFocus = null;
      if (ui) {
        // Focus in the card would be lost with it: back to where it was before focus().
        if (ui.shadow.activeElement) {
          if (back?.isConnected) back.focus({ preventScroll: true });
          else (ui.shadow.activeElement as HTMLElement).blur();
        }
        const frame = ui.uiContainer;
        delete frame.dataset.open;
        if (frame.hasAttribute('popover') && frame.matches(':popover-open')) frame.hidePopover();
        view?.render(frame, null);
      }
      deps.onOpenChange?.(null);
    },
    reposition: draw,
    get hit() {
      return current;
    },
    get pinned() {
      return pinned;
    },
    contains(e) {
      return !!ui && e.composedPath().includes(ui.shadowHost);
    },
    focus() {
      const first = current && ui?.uiContainer.querySelector<HTMLElement>('button, a[href], [tabindex="0"]');
      if (!first) return false;
      const active = doc.activeElement as HTMLElement | null;
      returnFocus = active && typeof active.focus === 'function' ? active : null;
      first.focus({ preventScroll: true });
      return true;
    },
    get host() {
      return ui?.shadowHost ?? null;
    },
  };
  if (__E2E_HOOKS__) exposeCardHook(ctx, doc, () => (current ? (ui?.shadow ?? null) : null));
  return card;
}
