// Connects the presentational HoverCard to its data (useConceptDetails) and places the card's
// frame next to the term after every render (the card grows when details arrive).
import { useLayoutEffect } from 'preact/hooks';
import type { Category, Lang } from '../../lib/core/types.ts';
import { useConceptDetails } from '../../hooks/use-concept-details.ts';
import { langOfMatch } from '../../lib/page/lang.ts';
import { HoverCard } from '../HoverCard.tsx';
import { placeCard, type Rect } from './place.ts';
import type { UiLocale } from '../../lib/i18n.ts';

export interface CardRootProps {
  conceptId: string;
  category: Category;
  term: string;
  /** The page's declared language, if it is a glossary language. */
  pageLang: Lang | undefined;
  locale: UiLocale;
  anchor: Rect;
  /** The positioned element around the card (the shadow root's container). */
  frame: HTMLElement;
  /** The card can take focus (the reader's pinned card); on web pages it never does. */
  focusable?: boolean;
  onOpenPassage(passageId: string): void;
  onSearch(query: string): void;
  onClose(): void;
}

export function CardRoot(props: CardRootProps) {
  const data = useConceptDetails(props.conceptId);
  const nameLang = langOfMatch(props.term, data.details?.concept, props.pageLang);
  useLayoutEffect(() => {
    const card = props.frame.firstElementChild as HTMLElement | null; // frame is our render container
    if (!card) return;
    // null once the card's document has no window (its frame was removed meanwhile)
    const view = props.frame.ownerDocument.defaultView;
    if (!view) return;
    const p = placeCard(
      props.anchor,
      { width: card.offsetWidth, height: card.scrollHeight },
      { width: view.innerWidth, height: view.innerHeight },
    );
    const st = props.frame.style;
    st.left = `${p.left}px`;
    st.top = `${p.top}px`;
    st.maxHeight = `${p.maxHeight}px`;
    props.frame.dataset.side = p.side;
  });
  return (
    <HoverCard
      conceptId={props.conceptId}
      category={props.category}
      term={props.term}
      details={data.details}
      failed={data.failed}
      docs={data.docs}
      nameLang={nameLang}
      locale={props.locale}
      focusable={props.focusable}
      onOpenPassage={props.onOpenPassage}
      onSearch={props.onSearch}
      onClose={props.onClose}
    />
  );
}
