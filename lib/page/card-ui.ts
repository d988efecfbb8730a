// Stage 5b (card UI): the one shadow host we add to a page, created lazily on the first open
// (WXT createShadowRootUi), in the top layer via popover="manual" where supported so page
// stacking contexts and transforms cannot hide or misplace it. Never takes focus on open.
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { CardRoot } from '../../components/hover-card/CardRoot.tsx';
import type { Rect } from '../../components/hover-card/place.ts';
import type { UiLocale } from '../i18n.ts';
import { CARD_CSS as cardCss } from '../../components/hover-card/card-css.ts';
import type { Lang } from '../core/types.ts';
import type { LensContext } from './child-frames.ts';
import { HOST_TAG } from './constants.ts';
import type { Hit } from './highlighter.ts';

export interface CardUi {
  open(hit: Hit, pinned: boolean): Promise<void>;
  close(): void;
  /** Re-anchor after scrolling/resizing. */
  reposition(): void;
  readonly hit: Hit | null;
  readonly pinned: boolean;
  /** Is the event inside the card (pointer over it, focus in it)? */
  contains(e: Event): boolean;
  readonly host: HTMLElement | null;
}

export interface CardUiDeps {
  pageLang: () => Lang | undefined;
  locale: UiLocale;
  openPassage(passageId: string): void;
  search(query: string): void;
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
  let creating: Promise<ShadowRootContentScriptUi<void>> | null = null;
  let current: Hit | null = null;
  let pinned = false;

  const ensure = () => {
    // (WXT only calls ctx.onInvalidated and reads ctx.options: a child frame's LensContext does.)
    creating ??= createShadowRootUi<void>(ctx as ContentScriptContext, {
      name: HOST_TAG,
      position: 'inline',
      anchor: () => doc.body,
      css: cardCss,
      onMount: (container) => {
        if (container.className === 'frame') return; // remounted after the page removed our host
        container.className = 'frame';
        if (typeof container.showPopover === 'function') container.setAttribute('popover', 'manual');
        container.addEventListener('pointerenter', () => deps.onPointerEnter?.());
        container.addEventListener('pointerleave', () => deps.onPointerLeave?.());
      },
      onRemove: () => {
        if (ui) render(null, ui.uiContainer);
      },
    }).then((made) => {
      ui = made;
      return made;
    });
    return creating;
  };

  const draw = () => {
    if (!ui || !current) return;
    const anchor = hitRect(current);
    if (!anchor) {
      card.close();
      return;
    }
    const hit = current;
    render(
      h(CardRoot, {
        conceptId: hit.conceptId,
        category: hit.category,
        term: hit.text,
        pageLang: deps.pageLang(),
        locale: deps.locale,
        anchor,
        frame: ui.uiContainer,
        onOpenPassage: deps.openPassage,
        onSearch: deps.search,
        onClose: () => card.close(),
      }),
      ui.uiContainer,
    );
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
      if (ui) {
        const frame = ui.uiContainer;
        delete frame.dataset.open;
        if (frame.hasAttribute('popover') && frame.matches(':popover-open')) frame.hidePopover();
        render(null, frame);
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
    get host() {
      return ui?.shadowHost ?? null;
    },
  };
  return card;
}
