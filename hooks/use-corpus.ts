// Documents and concepts for the reader, through the background.
import type { ConceptDetails } from '../lib/core/types.ts';
import { type Res, isMessage, sendToBackground } from '../lib/messaging.ts';
import { type AsyncState, useAsync } from './use-async.ts';
import { answered, fetchConceptDetails, fetchDocumentList } from './concept-data.ts';

export type DocumentListing = Res<'listDocuments'>[number];
export type DocumentBundle = NonNullable<Res<'getDocument'>>;

const docCache = new Map<string, Promise<DocumentBundle | null>>();

/** A document; null for an unknown id and for an id no document can have (never asked). */
function getDocument(docId: string): Promise<DocumentBundle | null> {
  if (!isMessage({ type: 'getDocument', payload: { docId } }, ['getDocument'])) return Promise.resolve(null);
  let p = docCache.get(docId);
  if (!p) {
    p = answered(sendToBackground('getDocument', { docId })).catch((e: unknown) => {
      docCache.delete(docId);
      throw e;
    });
    docCache.set(docId, p);
  }
  return p;
}

export function useDocuments(): AsyncState<DocumentListing[]> {
  return useAsync(fetchDocumentList, []);
}

export function useDocument(docId: string | undefined): AsyncState<DocumentBundle | null> {
  return useAsync(docId ? () => getDocument(docId) : null, [docId]);
}

/** Two documents at once (parallel view). */
export function useDocumentPair(
  a: string | undefined,
  b: string | undefined,
): AsyncState<[DocumentBundle | null, DocumentBundle | null]> {
  return useAsync(a && b ? () => Promise.all([getDocument(a), getDocument(b)]) : null, [a, b]);
}

export function useConcept(conceptId: string | undefined): AsyncState<ConceptDetails | null> {
  return useAsync(conceptId ? () => fetchConceptDetails(conceptId) : null, [conceptId]);
}

/** Details of many concepts (e.g. every concept of a document), keyed by id. */
export function useConcepts(ids: readonly string[]): AsyncState<Map<string, ConceptDetails>> {
  const key = [...ids].sort().join(',');
  return useAsync(
    ids.length
      ? async () => {
          const list = await Promise.all(ids.map((id) => fetchConceptDetails(id).catch(() => null)));
          return new Map(list.filter((d): d is ConceptDetails => d !== null).map((d) => [d.concept.id, d]));
        }
      : async () => new Map<string, ConceptDetails>(),
    [key],
  );
}
