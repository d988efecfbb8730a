// Background source: several sources behind the one CorpusSource interface. Queries fan out,
// answers merge with the ordering rules of a single source, and a failing source is logged and
// left out instead of failing the whole answer.
import { cutSafe, DEFAULT_LIMIT, MAX_LIMIT, RAW_QUERY_CAP } from '../../core/limits.ts';
import type {
  ConceptAnswer,
  ConceptDetails,
  ConceptHit,
  ConceptSummary,
  SearchResult,
} from '../../core/types.ts';
import { KIND_RANK } from '../../core/search/rank.ts';
import { ANSWERS_MAX, CONCEPT_HITS_MAX, EXPAND_MAX, SUGGESTIONS_MAX } from '../../core/search/tunables.ts';
import type { CorpusSource, DocumentListEntry, DocumentView, SourceSearchOptions } from './corpus-source.ts';

export type SourceErrorLogger = (sourceId: string, operation: string, error: unknown) => void;

export interface CombinedSourceOptions {
  id?: string;
  /** Where a failing source's error goes (default: console.error). */
  onError?: SourceErrorLogger;
}

interface Answer<T> {
  /** Position of the source in the registry: ties between sources go to the earlier one. */
  order: number;
  source: CorpusSource;
  value: T;
}

/** Same limit rule as the search core, so the merged list is cut where one source would cut. */
export function clampLimit(limit: number | undefined): number {
  if (typeof limit !== 'number' || !Number.isFinite(limit) || limit < 1) return DEFAULT_LIMIT;
  return Math.min(MAX_LIMIT, Math.floor(limit));
}

export function mergeSearchResults(
  query: string,
  results: readonly SearchResult[],
  limit: number,
): SearchResult {
  const first = results[0];
  if (!first)
    return {
      query: cutSafe(query, RAW_QUERY_CAP),
      normalized: '',
      truncated: false,
      expandedConceptIds: [],
      concepts: [],
      hits: [],
      suggestions: [],
    };
  const concepts = new Map<string, ConceptHit>();
  for (const r of results)
    for (const c of r.concepts) {
      const prev = concepts.get(c.conceptId);
      if (!prev || c.score < prev.score) concepts.set(c.conceptId, c);
    }
  // Sort is stable: equal hits keep source order, then each source's own order.
  const hits = results
    .flatMap((r) => r.hits)
    .sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.score - b.score)
    .slice(0, limit);
  const union = (pick: (r: SearchResult) => readonly string[], max: number) =>
    [...new Set(results.flatMap(pick))].slice(0, max);
  return {
    query: first.query,
    normalized: first.normalized,
    truncated: results.some((r) => r.truncated),
    expandedConceptIds: union((r) => r.expandedConceptIds, EXPAND_MAX),
    concepts: [...concepts.values()]
      .sort((a, b) => a.score - b.score || (a.conceptId < b.conceptId ? -1 : 1))
      .slice(0, CONCEPT_HITS_MAX),
    hits,
    // Suggestions are for "no hits at all": one source's misses do not count when another hits.
    suggestions: hits.length > 0 ? [] : union((r) => r.suggestions, SUGGESTIONS_MAX),
    ...(hits.length > 0 ? {} : { conceptAnswers: mergeAnswers(results) }),
  };
}

/** The concept answers of the sources, one per concept, its occurrences counted in all of them. */
function mergeAnswers(results: readonly SearchResult[]): ConceptAnswer[] {
  const byId = new Map<string, ConceptAnswer>();
  for (const r of results) {
    for (const a of r.conceptAnswers ?? []) {
      const prev = byId.get(a.id);
      byId.set(a.id, prev ? { ...prev, occurrenceCount: prev.occurrenceCount + a.occurrenceCount } : a);
    }
  }
  return [...byId.values()].slice(0, ANSWERS_MAX);
}

export function mergeConceptDetails(details: ReadonlyArray<ConceptDetails | null>): ConceptDetails | null {
  const known = details.filter((d): d is ConceptDetails => d !== null);
  const first = known[0];
  if (!first) return null;
  // The concept as the first source that knows it describes it (with its list, for a user term,
  // and its pinyin); its occurrences everywhere.
  const list = known.find((d) => d.list)?.list;
  const pinyin = known.find((d) => d.pinyin)?.pinyin;
  return {
    concept: first.concept,
    ...(list ? { list } : {}),
    ...(pinyin ? { pinyin } : {}),
    occurrences: known.flatMap((d) => d.occurrences),
  };
}

export function mergeConceptSummaries(
  lists: ReadonlyArray<readonly ConceptSummary[]>,
  ids?: readonly string[],
): ConceptSummary[] {
  const byId = new Map<string, ConceptSummary>();
  for (const list of lists)
    for (const s of list) {
      const prev = byId.get(s.id);
      byId.set(s.id, prev ? { ...prev, occurrenceCount: prev.occurrenceCount + s.occurrenceCount } : s);
    }
  if (!ids) return [...byId.values()];
  return ids.map((id) => byId.get(id)).filter((s): s is ConceptSummary => s !== undefined);
}

export function combineSources(
  sources: readonly CorpusSource[],
  options: CombinedSourceOptions = {},
): CorpusSource {
  const log: SourceErrorLogger =
    options.onError ?? ((id, op, e) => console.error(`corpus source "${id}" failed in ${op}:`, e));
  /** Which source answered for a document id (from lists and hits), so getDocument asks it first. */
  const owners = new Map<string, CorpusSource>();

  async function ask<T>(op: string, from: readonly CorpusSource[], fn: (s: CorpusSource) => Promise<T>) {
    // then(): a source that throws synchronously is contained like one that rejects.
    const settled = await Promise.allSettled(from.map((s) => Promise.resolve().then(() => fn(s))));
    const out: Array<Answer<T>> = [];
    settled.forEach((r, order) => {
      const source = from[order]!;
      if (r.status === 'fulfilled') out.push({ order, source, value: r.value });
      else log(source.id, op, r.reason);
    });
    return out;
  }

  function own(docId: string, source: CorpusSource): void {
    if (!owners.has(docId)) owners.set(docId, source);
  }

  return {
    id: options.id ?? 'combined',
    kind: 'combined',
    async search(query: string, opts?: SourceSearchOptions): Promise<SearchResult> {
      const answers = await ask('search', sources, (s) => s.search(query, opts));
      for (const a of answers) for (const h of a.value.hits) own(h.docId, a.source);
      const results = answers.map((a) => a.value);
      // One answer needs no merging: it is returned exactly as its source gave it.
      if (results.length === 1) return results[0]!;
      return mergeSearchResults(query, results, clampLimit(opts?.limit));
    },
    async conceptDetails(conceptId: string): Promise<ConceptDetails | null> {
      const answers = await ask('conceptDetails', sources, (s) => s.conceptDetails(conceptId));
      return answers.length === 1 ? answers[0]!.value : mergeConceptDetails(answers.map((a) => a.value));
    },
    async conceptSummaries(ids?: readonly string[]): Promise<ConceptSummary[]> {
      const answers = await ask('conceptSummaries', sources, (s) => s.conceptSummaries(ids));
      return answers.length === 1
        ? answers[0]!.value
        : mergeConceptSummaries(
            answers.map((a) => a.value),
            ids,
          );
    },
    async listDocuments(): Promise<DocumentListEntry[]> {
      const answers = await ask('listDocuments', sources, (s) => s.listDocuments());
      for (const a of answers) for (const d of a.value) own(d.id, a.source);
      return answers.flatMap((a) => a.value);
    },
    async getDocument(docId: string): Promise<DocumentView | null> {
      // The known owner first; otherwise (or if it no longer has it) the others, in order.
      const owner = owners.get(docId);
      const order = owner ? [owner, ...sources.filter((s) => s !== owner)] : sources;
      for (const source of order) {
        const [answer] = await ask('getDocument', [source], (s) => s.getDocument(docId));
        if (answer?.value) {
          own(docId, source);
          return answer.value;
        }
      }
      return null;
    },
  };
}
