// The search: the one search function used by the popup (through the background) and by the CLI,
// orchestrating the stages below. Pure TypeScript: no DOM, no browser API.
//
// Pipeline per query:
//   1. cap (RAW_QUERY_CAP raw, EXACT_CAP normalised) and normalise (normalizeQuery, then strip
//      invisible/bidi/control characters and lone surrogates); fold Han characters (simplified /
//      traditional / Japanese shinjitai), Latin diacritics (Vietnamese) and hyphens to one
//      canonical form, length-preserving, on both the query and the passages;
//                                                        query.ts, fold.ts, prepared-passage.ts
//   2. exact substring hits over the folded, normalised passages     kind 'exact'  exact-hits.ts
//   3. concepts the query names (exact / contained / close spelling of a label, alias or generated
//      variant in any language); their corpus occurrences are hits   kind 'concept'
//                                                                   concepts.ts, concept-names.ts
//   4. fuzzy hits: all words of a multi-word query present; fuse.js bitap over overlapping
//      passage chunks (a character-bigram prefilter picks the candidate chunks and the densest
//      window in each), re-ranked by the edit distance of the best matching span  kind 'fuzzy'
//                                      fuzzy-hits.ts, chunk-search.ts, bigram-filter.ts, approximate.ts
//   3b. query understanding (issue #11): the concepts named anywhere in the query (names,
//      acronyms, pinyin, close spellings of a few words or of a CJK segment, most of a long name's
//      words), its content words (stop/question words of en/zh/ja/vi dropped; stems and bounded
//      typos), CJK bigrams and pinyin syllable pairs, scored BM25-like with OR semantics over an
//      inverted index built at load; passages under the confidence floor are not answered, and
//      fuzzy spans of a several-term query need it too             understand.ts, named.ts,
//                                         term-index.ts, term-hits.ts, stop-words.ts, pinyin.ts
//   5. one hit per passage, ranked exact < concept < fuzzy, then by score, then corpus order;
//      no hit: the concepts the query names become the answer (conceptAnswers);
//   6. a snippet with marks per hit; suggestions when there is none.   rank.ts, snippet.ts
//
// Stage 0, the index (SearchIndexData, index-data.ts), is built at build time by
// scripts/build-data.ts and shipped as generated/search-index.json; createSearch() checks it
// against the corpus (rebuilding it when it does not fit), restores the texts and parses it with
// Fuse.parseIndex. Internal tunables: tunables.ts; user-facing caps: lib/core/limits.ts. The Han folding table is injected (scripts/search-fold.ts, opencc-js) or
// learnt from the glossary: lib/core imports no conversion library.
import { corpusLookups } from '../corpus-queries.ts';
import { CONCEPT_CAP, cutSafe, RAW_QUERY_CAP } from '../limits.ts';
import type { ConceptAnswer, CorpusData, SearchResult } from '../types.ts';
import { BigramFilter } from './bigram-filter.ts';
import { ChunkSearch, chunkFuse, indexChunks } from './chunk-search.ts';
import { ConceptNames } from './concept-names.ts';
import { addConceptHits, findConcepts, suggestLabels } from './concepts.ts';
import { addExactHits } from './exact-hits.ts';
import type { Holders } from './exact-hits.ts';
import { fold } from './fold.ts';
import type { FoldTable } from './fold.ts';
import { addFuzzyHits } from './fuzzy-hits.ts';
import { restoreIndex } from './index-data.ts';
import { NarrowerOccurrences } from './narrower.ts';
import type { SearchIndexData } from './index-data.ts';
import type { PreparedPassage } from './prepared-passage.ts';
import { readQuery } from './query.ts';
import { Candidates, emptyResult, toSearchHits } from './rank.ts';
import { addTermHits } from './term-hits.ts';
import { TermIndex } from './term-index.ts';
import type { TermSource } from './term-index.ts';
import { understand } from './understand.ts';
import type { TermAt, UnderstandSources } from './understand.ts';
import {
  ANSWER_SCORE_MAX,
  ANSWERS_MAX,
  CONCEPT_HITS_MAX,
  DIRECT_FUSE_MAX,
  EXPAND_MAX,
  FUZZY_MIN,
} from './tunables.ts';

export interface SearchOptions {
  limit?: number;
}

export interface Search {
  search(query: string, opts?: SearchOptions): SearchResult;
  /** True when the shipped index did not match the corpus and was rebuilt at start-up. */
  readonly indexRebuilt: boolean;
  /** Number of fuzzy chunks (for diagnostics and benchmarks). */
  readonly chunkCount: number;
}

export interface CreateSearchOptions {
  /** Collection size above which the bigram prefilter is used (tests force either path). */
  directFuseMax?: number;
}

export function createSearch(
  data: CorpusData,
  index: SearchIndexData,
  options: CreateSearchOptions = {},
): Search {
  const restored = restoreIndex(data, index);
  const { prepared } = restored;
  const directMax = options.directFuseMax ?? DIRECT_FUSE_MAX;
  const table = indexChunks(restored.index, prepared);
  return assembleSearch({
    data,
    prepared,
    fold: restored.fold,
    concepts: restored.index,
    names: new ConceptNames(restored.index, directMax),
    terms: new TermIndex(prepared, restored.index.pinyin),
    chunks: new ChunkSearch(
      table,
      directMax,
      () => chunkFuse(table.texts, restored.index),
      () => new BigramFilter(table.texts),
    ),
    rebuilt: restored.rebuilt,
  });
}

/** What a Search is made of: one index restored (createSearch) or per-document segments
 * (segmented.ts); the stages and the ranking are the same. */
export interface SearchParts {
  data: CorpusData;
  /** Passages of data.passages, prepared (same order). */
  prepared: readonly PreparedPassage[];
  fold: FoldTable;
  /** The concepts as the index names them, with the pinyin of their names. */
  concepts: Pick<SearchIndexData, 'concepts' | 'pinyin'>;
  names: ConceptNames;
  terms: TermSource;
  chunks: ChunkSearch;
  /** Prefilter of the substring scans (exact hits, all-words hits); without it all passages. */
  holders?: Holders;
  rebuilt: boolean;
}

export function assembleSearch(parts: SearchParts): Search {
  const { data, prepared, fold: t, names, terms, chunks } = parts;
  const lookups = corpusLookups(data);
  const conceptSources = { data, passageIndex: lookups.passageIndex, fold: t };
  const fuzzySources = { prepared, chunks, ...(parts.holders ? { holders: parts.holders } : {}) };
  const occurrenceAt = conceptOccurrences(data, lookups.passageIndex);
  const narrower = new NarrowerOccurrences(parts.concepts.concepts, (id) => occurrenceAt.get(id)?.at);
  const understandSources: UnderstandSources = { terms, names, conceptAt: (id) => narrower.at(id) };
  const conceptRanges = (id: string, pi: number) => {
    const own = occurrenceAt.get(id)?.ranges.get(pi);
    if (own) return own;
    for (const n of narrower.narrower(id)) {
      const r = occurrenceAt.get(n)?.ranges.get(pi);
      if (r) return r;
    }
    return [];
  };

  function run(query: string, opts: SearchOptions | undefined): SearchResult {
    const { query: q0, normalized, truncated, limit } = readQuery(query, opts?.limit);
    const result = emptyResult(q0, normalized, truncated);
    if (!normalized) return result;
    const q = fold(normalized, t).trim();
    if (!q) return result;

    const cands = new Candidates();
    addExactHits(prepared, q, cands, parts.holders);
    const cq = cutSafe(q, CONCEPT_CAP);
    const found = findConcepts(cq, names);
    result.concepts = found.hits;
    result.expandedConceptIds = found.expand;
    addConceptHits(conceptSources, found, cq, cands);
    const u = understand(q, understandSources);
    const scores = addTermHits(u, prepared, terms.cjk, cands, conceptRanges);
    // Fuzzy only if the better tiers leave room.
    if (cands.size < limit && q.length >= FUZZY_MIN) addFuzzyHits(fuzzySources, q, limit, cands);
    // The confidence floor: a fuzzy span of a query of several terms must come with most of them
    // ("belt and road" never answers "ment and sa"); so must one of a query that names a concept
    // (the concept's own passages come as exact and concept hits; a glossary concept no passage
    // holds is answered by its card, not by a fuzzy fragment of its name).
    if (scores.termCount >= 2 || u.conceptIds.length > 0)
      cands.retain((c) => {
        const covered = scores.coverage.get(c.pi) ?? 0;
        return c.kind !== 'fuzzy' || (covered > 0 && covered >= scores.floor);
      });

    result.hits = toSearchHits(cands.ranked(), limit, data, lookups.conceptsByPassage);
    addUnderstoodConcepts(result, u.conceptIds);
    if (result.hits.length === 0) result.conceptAnswers = conceptAnswers(result, u.conceptIds);
    if (result.hits.length === 0) result.suggestions = suggestLabels(cq, names, lookups.conceptById, t);
    return result;
  }

  /** The concepts a query without hits names (whole-query matches first), as cards. */
  function conceptAnswers(result: SearchResult, named: readonly string[]): ConceptAnswer[] {
    const strong = result.concepts.filter((c) => c.score <= ANSWER_SCORE_MAX).map((c) => c.conceptId);
    const out: ConceptAnswer[] = [];
    for (const id of new Set([...strong, ...named])) {
      const c = lookups.conceptById.get(id);
      if (!c || out.length >= ANSWERS_MAX) continue;
      const pinyin = parts.concepts.pinyin?.concepts[id]?.label;
      out.push({
        id,
        category: c.category,
        labels: c.labels,
        ...(pinyin ? { pinyin } : {}),
        definition: c.definition,
        occurrenceCount: data.occurrences[id]?.length ?? 0,
      });
    }
    return out;
  }

  return {
    search(query: string, opts?: SearchOptions): SearchResult {
      try {
        return run(query, opts);
      } catch {
        // Never throw into the UI: an empty result is the honest answer to a query we cannot handle.
        return emptyResult(typeof query === 'string' ? query.slice(0, RAW_QUERY_CAP) : '');
      }
    },
    get indexRebuilt() {
      return parts.rebuilt;
    },
    get chunkCount() {
      return chunks.table.count;
    },
  };
}

/** Per concept: the passages it occurs in, as term positions and as ranges of the original text. */
function conceptOccurrences(
  data: CorpusData,
  passageIndex: ReadonlyMap<string, number>,
): Map<string, { at: Map<number, TermAt>; ranges: Map<number, Array<[number, number]>> }> {
  const out = new Map<string, { at: Map<number, TermAt>; ranges: Map<number, Array<[number, number]>> }>();
  for (const [id, list] of Object.entries(data.occurrences)) {
    const e = { at: new Map<number, TermAt>(), ranges: new Map<number, Array<[number, number]>>() };
    for (const o of list) {
      const pi = passageIndex.get(o.passageId);
      if (pi === undefined) continue;
      if (!e.at.has(pi)) e.at.set(pi, { w: 1, pos: -1, len: 0 });
      let r = e.ranges.get(pi);
      if (!r) e.ranges.set(pi, (r = []));
      r.push([o.start, o.end]);
    }
    out.set(id, e);
  }
  return out;
}

/** Concepts the understanding found anywhere in the query join those the whole query named. */
function addUnderstoodConcepts(result: SearchResult, ids: readonly string[]): void {
  const have = new Set(result.concepts.map((c) => c.conceptId));
  const extra = ids.filter((id) => !have.has(id));
  // After the whole query's own matches, in the order the query names them.
  extra.forEach((conceptId, i) => result.concepts.push({ conceptId, score: 0.5 + i / 1000 }));
  result.concepts = result.concepts.slice(0, CONCEPT_HITS_MAX);
  const expanded = new Set(result.expandedConceptIds);
  const hitConcepts = new Set(result.hits.flatMap((h) => h.conceptIds));
  for (const id of ids) if (hitConcepts.has(id)) expanded.add(id);
  result.expandedConceptIds = [...expanded].slice(0, EXPAND_MAX);
}
