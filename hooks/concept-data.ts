// Concept details and the corpus documents' titles, from the background, cached for the page's
// lifetime (one request per concept, one document list): the hover card's data functions (the
// content script and the reader pass them to CardRoot) and the reader's hooks (use-corpus.ts)
// share these caches.
import type { CardDoc, ConceptDetails } from '../lib/core/types.ts';
import { type Res, sendToBackground } from '../lib/messaging.ts';

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
