// Concept details and the corpus documents' titles, from the background, cached for the page's
// lifetime (one request per concept, one document list): the hover card's data functions (the
// content script and the reader pass them to CardRoot) and the reader's hooks (use-corpus.ts)
// share these caches.
import type { CardDoc, ConceptDetails } from '../lib/core/types.ts';
import { type Res, isMessage, sendToBackground } from '../lib/messaging.ts';

/**
 * The background's answer; rejects when there was none (`undefined`: no listener answered, e.g.
 * the background was not listening yet), so callers show an error with Retry and the caches
 * below do not keep the non-answer.
 */
export function answered<T>(p: Promise<T>): Promise<T> {
  return p.then((r) => {
    if (r === undefined) throw new Error('the background did not answer');
    return r;
  });
}

const details = new Map<string, Promise<ConceptDetails | null>>();
let listing: Promise<Res<'listDocuments'>> | undefined;
let docs: Promise<Record<string, CardDoc>> | undefined;

/**
 * A concept's details; null for an unknown id, and for an id no concept can have (markup, too
 * long, non-ASCII: e.g. a hand-edited reader.html#concept/<id>), which the background would
 * drop unanswered.
 */
export function fetchConceptDetails(conceptId: string): Promise<ConceptDetails | null> {
  const msg = { type: 'getConceptDetails', payload: { conceptId } };
  if (!isMessage(msg, ['getConceptDetails'])) return Promise.resolve(null);
  let p = details.get(conceptId);
  if (!p) {
    p = answered(sendToBackground('getConceptDetails', { conceptId }));
    details.set(conceptId, p);
    p.catch(() => details.delete(conceptId)); // retry next time (background was asleep or reloaded)
  }
  return p;
}

/** The corpus's document list, one request per page (the reader's library uses it too). */
export function fetchDocumentList(): Promise<Res<'listDocuments'>> {
  listing ??= answered(sendToBackground('listDocuments', {})).catch((e: unknown) => {
    listing = undefined; // retry next time
    throw e;
  });
  return listing;
}

/**
 * Forgets the cached details and documents: the user's library changed (a term list edited or
 * deleted, documents added: occurrences and definitions may differ), so the next card asks again.
 */
export function forgetCachedData(): void {
  details.clear();
  listing = undefined;
  docs = undefined;
}

export function fetchCardDocs(): Promise<Record<string, CardDoc>> {
  if (!docs) {
    const p = fetchDocumentList().then((list) =>
      Object.fromEntries(
        list.map((d) => [
          d.id,
          { id: d.id, title: d.title, date: d.date, lang: d.lang, ...(d.origin ? { origin: d.origin } : {}) },
        ]),
      ),
    );
    p.catch(() => (docs = undefined));
    docs = p;
  }
  return docs;
}
