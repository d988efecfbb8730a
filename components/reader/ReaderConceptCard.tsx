// The reader's card for a highlighted concept: the same card as on web pages (CardRoot +
// HoverCard, same styles), in a shadow root of its own so the reader's styles and the card's
// never mix. Opened by hover (transient) or by click/keyboard (pinned: it takes focus, Esc
// closes it and the reader returns focus to the term).
import { h, render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Category, Lang } from '../../lib/core/types.ts';
import { CardRoot, type CardData } from '../hover-card/CardRoot.tsx';
import { CARD_CSS as cardCss } from '../hover-card/card-css.ts';

export interface PopoverAnchor {
  conceptId: string;
  category: Category;
  /** The term as it reads in the text. */
  term: string;
  /** Language of the passage the term is in, if it is a glossary language. */
  textLang: Lang | undefined;
  /** The highlighted term (the card follows it when the page scrolls). */
  el: HTMLElement;
  /** Opened by click/keyboard (stays, takes focus) or by hover (transient). */
  pinned: boolean;
}

export function ReaderConceptCard(props: {
  anchor: PopoverAnchor;
  /** The card's data functions (the reader's cached background requests). */
  data: CardData;
  labelLang: Lang;
  onClose(): void;
  onKeep(): void;
  onOpenPassage(passageId: string): void;
  onSearch(query: string): void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const [, setTick] = useState(0);
  const { anchor } = props;

  // Re-place on scroll/resize (the card is fixed; the term moves).
  useEffect(() => {
    const again = () => setTick((n) => n + 1);
    window.addEventListener('scroll', again, { passive: true, capture: true });
    window.addEventListener('resize', again, { passive: true });
    return () => {
      window.removeEventListener('scroll', again, { capture: true });
      window.removeEventListener('resize', again);
    };
  }, []);

  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    let frame = root.querySelector<HTMLElement>('.frame');
    if (!frame) {
      const style = document.createElement('style');
      style.textContent = cardCss;
      frame = document.createElement('div');
      frame.className = 'frame';
      frame.dataset.open = '';
      root.append(style, frame);
    }
    const r = anchor.el.getBoundingClientRect();
    render(
      h(CardRoot, {
        conceptId: anchor.conceptId,
        category: anchor.category,
        term: anchor.term,
        pageLang: anchor.textLang ?? props.labelLang,
        anchor: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
        frame,
        focusable: anchor.pinned,
        fetchDetails: props.data.fetchDetails,
        fetchDocs: props.data.fetchDocs,
        onOpenPassage: props.onOpenPassage,
        onSearch: props.onSearch,
        onClose: props.onClose,
      }),
      frame,
    );
  });

  // Unmount the card's own tree with the host.
  useEffect(() => {
    const el = host.current;
    return () => {
      const frame = el?.shadowRoot?.querySelector<HTMLElement>('.frame');
      if (frame) render(null, frame);
    };
  }, []);

  // A pinned card takes focus (keyboard users land in it); a hovered one never does.
  useEffect(() => {
    if (!anchor.pinned) return;
    host.current?.shadowRoot?.querySelector<HTMLElement>('.card')?.focus();
  }, [anchor.conceptId, anchor.pinned]);

  return (
    <div
      ref={host}
      class="concept-popover"
      data-concept={anchor.conceptId}
      onMouseEnter={props.onKeep}
      onMouseLeave={() => !anchor.pinned && props.onClose()}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onClose();
        }
      }}
    />
  );
}
