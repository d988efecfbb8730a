// Connects the presentational HoverCard to its data (through the fetch functions its host passes
// in: the content script's and the reader's) and places the card's frame next to the term after
// every render (the card grows when details arrive).
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { langOfMatch } from '../../lib/core/lang.ts';
import type { CardDoc, Category, ConceptDetails, Lang } from '../../lib/core/types.ts';
import { HoverCard } from '../HoverCard.tsx';
import { placeCard, type Rect } from './place.ts';

/** Where the card's data comes from (the host's cached background requests). */
export interface CardData {
  /** A concept's details; null when the background does not know it; rejects when unreachable. */
  fetchDetails(conceptId: string): Promise<ConceptDetails | null>;
  /** The corpus documents by id (titles, dates, languages next to the snippets). */
  fetchDocs(): Promise<Readonly<Record<string, CardDoc>>>;
}

interface CardDataState {
  details: ConceptDetails | null | undefined;
  docs: Readonly<Record<string, CardDoc>>;
  failed: boolean;
}

/** The concept's details and the document list, refetched when the concept changes. */
function useCardData(conceptId: string, data: CardData): CardDataState {
  const [state, setState] = useState<CardDataState>({ details: undefined, docs: {}, failed: false });
  useEffect(() => {
    let live = true;
    setState((s) => ({ details: undefined, docs: s.docs, failed: false }));
    Promise.all([data.fetchDetails(conceptId), data.fetchDocs().catch(() => ({}))]).then(
      ([d, list]) => live && setState({ details: d, docs: list, failed: false }),
      () => live && setState((s) => ({ ...s, details: undefined, failed: true })),
    );
    return () => {
      live = false;
    };
  }, [conceptId]);
  return state;
}

export interface CardRootProps extends CardData {
  conceptId: string;
  /** Absent for a user term (see HoverCard). */
  category?: Category | undefined;
  term: string;
  /** The page's declared language, if it is a glossary language. */
  pageLang: Lang | undefined;
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
  const data = useCardData(props.conceptId, props);
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
      focusable={props.focusable}
      onOpenPassage={props.onOpenPassage}
      onSearch={props.onSearch}
      onClose={props.onClose}
    />
  );
}
