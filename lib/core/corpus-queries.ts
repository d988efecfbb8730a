// The background's corpus queries besides search (card, reader), and lookups shared with search.
import { makeSnippet } from './search/snippet.ts';
import type {
  Concept,
  ConceptDetails,
  ConceptSummary,
  CorpusData,
  Country,
  CorpusDocument,
  Passage,
} from './types.ts';

export interface CorpusLookups {
  passageIndex: Map<string, number>;
  docOrder: Map<string, number>;
  conceptById: Map<string, Concept>;
  /** Sorted ids of the concepts occurring in each passage. */
  conceptsByPassage: Map<string, string[]>;
}

const lookupsCache = new WeakMap<CorpusData, CorpusLookups>();

export function corpusLookups(data: CorpusData): CorpusLookups {
  let d = lookupsCache.get(data);
  if (d) return d;
  const passageIndex = new Map<string, number>();
  data.passages.forEach((p, i) => passageIndex.set(p.id, i));
  const docOrder = new Map<string, number>();
  data.documents.forEach((doc, i) => docOrder.set(doc.id, i));
  const conceptById = new Map<string, Concept>();
  for (const c of data.concepts) conceptById.set(c.id, c);
  const sets = new Map<string, Set<string>>();
  for (const c of data.concepts) {
    for (const o of data.occurrences[c.id] ?? []) {
      let s = sets.get(o.passageId);
      if (!s) sets.set(o.passageId, (s = new Set()));
      s.add(c.id);
    }
  }
  const conceptsByPassage = new Map<string, string[]>();
  for (const [pid, s] of sets) conceptsByPassage.set(pid, [...s].sort());
  d = { passageIndex, docOrder, conceptById, conceptsByPassage };
  lookupsCache.set(data, d);
  return d;
}

// Types match lib/messaging.ts BackgroundProtocol.

export function getConceptDetails(data: CorpusData, id: string): ConceptDetails | null {
  const d = corpusLookups(data);
  const concept = d.conceptById.get(id);
  if (!concept) return null;
  const byPassage = new Map<string, { docId: string; ranges: Array<[number, number]> }>();
  for (const o of data.occurrences[id] ?? []) {
    let e = byPassage.get(o.passageId);
    if (!e) byPassage.set(o.passageId, (e = { docId: o.docId, ranges: [] }));
    e.ranges.push([o.start, o.end]);
  }
  const entries = [...byPassage.entries()].sort((a, b) => {
    const da = d.docOrder.get(a[1].docId) ?? Number.MAX_SAFE_INTEGER;
    const db = d.docOrder.get(b[1].docId) ?? Number.MAX_SAFE_INTEGER;
    const pa = d.passageIndex.get(a[0]) ?? Number.MAX_SAFE_INTEGER;
    const pb = d.passageIndex.get(b[0]) ?? Number.MAX_SAFE_INTEGER;
    return da - db || pa - pb;
  });
  const occurrences: ConceptDetails['occurrences'] = [];
  for (const [passageId, { docId, ranges }] of entries) {
    const pi = d.passageIndex.get(passageId);
    const p = pi === undefined ? undefined : data.passages[pi];
    if (!p) continue;
    const { snippet, marks } = makeSnippet(p.text, ranges);
    occurrences.push({ docId, passageId, snippet, marks });
  }
  return { concept, occurrences };
}

export function getConceptSummaries(data: CorpusData, ids?: string[]): ConceptSummary[] {
  const d = corpusLookups(data);
  const list = ids ? ids.map((id) => d.conceptById.get(id)).filter((c): c is Concept => !!c) : data.concepts;
  return list.map((c) => ({
    id: c.id,
    category: c.category,
    labels: c.labels,
    occurrenceCount: data.occurrences[c.id]?.length ?? 0,
    ...(countryOf(c) ? { country: countryOf(c) } : {}),
  }));
}

/** Whose vocabulary the concept is: the glossary's `country` (the build sets it from the file,
 * docs/GLOSSARY.md); a user's term has none. */
export function countryOf(c: Concept): Country | undefined {
  return c.country === 'vn' ? 'VN' : c.country === 'cn' ? 'CN' : undefined;
}

export type DocumentListEntry = Omit<CorpusDocument, 'text' | 'passageIds' | 'removed'> & {
  conceptCount: number;
  passageCount: number;
};

export function listDocuments(data: CorpusData): DocumentListEntry[] {
  const d = corpusLookups(data);
  return data.documents.map((doc) => {
    const { text: _text, passageIds, removed: _removed, ...meta } = doc;
    void _text;
    void _removed;
    const concepts = new Set<string>();
    for (const pid of passageIds) for (const c of d.conceptsByPassage.get(pid) ?? []) concepts.add(c);
    return { ...meta, conceptCount: concepts.size, passageCount: passageIds.length };
  });
}

export function getDocument(
  data: CorpusData,
  docId: string,
): { document: CorpusDocument; passages: Passage[]; conceptsByPassage: Record<string, string[]> } | null {
  const d = corpusLookups(data);
  const document = data.documents.find((doc) => doc.id === docId);
  if (!document) return null;
  const passages = data.passages.filter((p) => p.docId === docId).sort((a, b) => a.index - b.index);
  const conceptsByPassage: Record<string, string[]> = {};
  for (const p of passages) conceptsByPassage[p.id] = d.conceptsByPassage.get(p.id) ?? [];
  return { document, passages, conceptsByPassage };
}
