// Hover card data: a concept's details and the corpus documents' titles, from the background.
// Cached for the page's lifetime (one request per concept, one document list); the reader's
// hooks (use-corpus.ts) share these caches.
import { useEffect, useState } from 'preact/hooks';
import type { ConceptDetails } from '../lib/core/types.ts';
import { type Res, sendToBackground } from '../lib/messaging.ts';
import type { CardDoc } from '../components/HoverCard.tsx';

const details = new Map<string, Promise<ConceptDetails | null>>();
let listing: Promise<Res<'listDocuments'>> | undefined;
let docs: Promise<Record<string, CardDoc>> | undefined;

export function fetchConceptDetails(conceptId: string): Promise<ConceptDetails | null> {
  let p = details.get(conceptId);
  if (!p) {
    p = sendToBackground('getConceptDetails', { conceptId });
    details.set(conceptId, p);
    p.catch(() => details.delete(conceptId)); // retry next time (background was asleep or reloaded)
  }
  return p;
}

/** The corpus's document list, one request per page (the reader's library uses it too). */
export function fetchDocumentList(): Promise<Res<'listDocuments'>> {
  listing ??= sendToBackground('listDocuments', {}).catch((e: unknown) => {
    listing = undefined; // retry next time
    throw e;
  });
  return listing;
}

export function fetchCardDocs(): Promise<Record<string, CardDoc>> {
  if (!docs) {
    const p = fetchDocumentList().then((list) =>
      Object.fromEntries(list.map((d) => [d.id, { id: d.id, title: d.title, date: d.date, lang: d.lang }])),
    );
    p.catch(() => (docs = undefined));
    docs = p;
  }
  return docs;
}

export interface ConceptDetailsState {
  details: ConceptDetails | null | undefined;
  docs: Record<string, CardDoc>;
  failed: boolean;
}

export function useConceptDetails(conceptId: string): ConceptDetailsState {
  const [state, setState] = useState<ConceptDetailsState>({ details: undefined, docs: {}, failed: false });
  useEffect(() => {
    let live = true;
    setState((s) => ({ details: undefined, docs: s.docs, failed: false }));
    Promise.all([fetchConceptDetails(conceptId), fetchCardDocs().catch(() => ({}))]).then(
      ([d, list]) => live && setState({ details: d, docs: list, failed: false }),
      () => live && setState((s) => ({ ...s, details: undefined, failed: true })),
    );
    return () => {
      live = false;
    };
  }, [conceptId]);
  return state;
}
