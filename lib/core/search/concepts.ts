// Stage 3: concepts the query names, their occurrences as hits (kind 'concept'), suggestions.
import { CONCEPT_CAP, cutSafe } from '../limits.ts';
import type { Concept, ConceptHit, CorpusData } from '../types.ts';
import { similarity } from './approximate.ts';
import type { ConceptNames } from './concept-names.ts';
import { foldedName } from './fold.ts';
import type { FoldTable } from './fold.ts';
import type { Candidates } from './rank.ts';
import {
  CONCEPT_HITS_MAX,
  EXPAND_MAX,
  EXPAND_SIMILARITY,
  SUGGEST_CANDIDATES,
  SUGGESTIONS_MAX,
} from './tunables.ts';

const HAS_LATIN = /[A-Za-z]/;

export interface FoundConcepts {
  /** Every concept the query names or nearly names, best first. */
  hits: ConceptHit[];
  /** The ones whose occurrences the search adds, best first. */
  expand: string[];
}

export function findConcepts(q: string, names: ConceptNames): FoundConcepts {
  const scores = new Map<string, number>();
  const expand = new Set<string>();
  const put = (id: string, score: number, doExpand: boolean) => {
    const prev = scores.get(id);
    if (prev === undefined || score < prev) scores.set(id, score);
    if (doExpand) expand.add(id);
  };
  const minLen = (n: string) => (HAS_LATIN.test(n) ? 4 : 2);
  // 1. exact name
  const exact = names.exact(q);
  for (const id of exact) put(id, 0, true);
  // 2. the query contains a name (e.g. "两个维护是什么", "Tan Zuojun speech")
  if (q.length >= 2) {
    for (const { name, ci, weak } of names.all) {
      if (weak || name.length < minLen(name) || name.length >= q.length || name.length < q.length * 0.4)
        continue;
      if (q.includes(name)) put(names.concepts[ci]!.id, 0.1 * (1 - name.length / q.length), true);
    }
  }
  // 3. close spelling, or the name contains most of the query (fuse.js, then edit similarity)
  if (q.length >= 2) {
    for (const { ci, name, score } of names.fuzzy(q)) {
      const sim = similarity(q, name);
      let s = 1 - sim;
      const contained = name.includes(q) && q.length >= 3 && q.length >= name.length * 0.6;
      if (contained) s = Math.min(s, 0.2 * (1 - q.length / name.length) + 0.05);
      const weak = names.concepts[ci]!.weak?.includes(name) ?? false;
      // A query that names a concept exactly is no misspelling: close names of other concepts
      // (第十四个五年规划 / 第十三个五年规划) are reported, not expanded.
      const doExpand = !weak && !exact.length && q.length >= 3 && (sim >= EXPAND_SIMILARITY || contained);
      put(names.concepts[ci]!.id, Math.min(1, Math.max(0, (s + score) / 2)), doExpand);
    }
  }
  const hits = [...scores.entries()]
    .map(([conceptId, score]) => ({ conceptId, score: Math.round(score * 1e4) / 1e4 }))
    .sort((a, b) => a.score - b.score || (a.conceptId < b.conceptId ? -1 : 1));
  const expandIds = hits
    .filter((h) => expand.has(h.conceptId))
    .slice(0, EXPAND_MAX)
    .map((h) => h.conceptId);
  return { hits: hits.slice(0, CONCEPT_HITS_MAX), expand: expandIds };
}

/** What the concept tier reads besides the query. */
export interface ConceptSources {
  data: CorpusData;
  passageIndex: ReadonlyMap<string, number>;
  fold: FoldTable;
}

/** The occurrences of the expanded concepts as hits; `cq` is the query as findConcepts saw it. */
export function addConceptHits(
  src: ConceptSources,
  found: FoundConcepts,
  cq: string,
  cands: Candidates,
): void {
  const conceptScore = new Map(found.hits.map((h) => [h.conceptId, h.score]));
  const surfaceSim = new Map<string, number>();
  for (const id of found.expand) {
    const byPassage = new Map<number, Array<[number, number]>>();
    for (const o of src.data.occurrences[id] ?? []) {
      const pi = src.passageIndex.get(o.passageId);
      if (pi === undefined) continue;
      let r = byPassage.get(pi);
      if (!r) byPassage.set(pi, (r = []));
      r.push([o.start, o.end]);
    }
    const cs = conceptScore.get(id) ?? 0.5;
    for (const [pi, ranges] of byPassage) {
      // Within the tier, passages whose wording of the concept looks like the query come first
      // ("tan zuojn" -> the English passages before 譚作鈞).
      const text = src.data.passages[pi]!.text;
      let sim = 0;
      for (const [s, e] of ranges.slice(0, 4)) {
        const surface = text.slice(s, e);
        let v = surfaceSim.get(surface);
        if (v === undefined)
          surfaceSim.set(surface, (v = similarity(cq, cutSafe(foldedName(surface, src.fold), CONCEPT_CAP))));
        sim = Math.max(sim, v);
      }
      cands.add({ pi, kind: 'concept', score: 0.1 + 0.08 * Math.min(1, cs) + 0.019 * (1 - sim), ranges });
    }
  }
}

/** Labels of concepts spelt close to q, for a query without hits. */
export function suggestLabels(
  q: string,
  names: ConceptNames,
  conceptById: ReadonlyMap<string, Concept>,
  t: FoldTable,
): string[] {
  if (q.length < 2) return [];
  const out: Array<{ label: string; score: number }> = [];
  const seen = new Set<number>();
  for (const { ci, name, score } of names.fuzzy(q)) {
    if (seen.has(ci) || seen.size >= SUGGEST_CANDIDATES) continue;
    seen.add(ci);
    const concept = conceptById.get(names.concepts[ci]!.id);
    if (!concept) continue;
    // The label closest to the query (in the query's script, usually).
    let best: { label: string; score: number } | null = null;
    for (const label of Object.values(concept.labels)) {
      if (!label) continue;
      const s = 1 - similarity(q, foldedName(label, t));
      if (!best || s < best.score) best = { label, score: s };
    }
    // Only spellings that really are close (fuse.js alone is too loose at this threshold).
    const close = Math.min(best?.score ?? 1, 1 - similarity(q, cutSafe(name, CONCEPT_CAP)));
    if (best && close <= 0.5) out.push({ label: best.label, score: Math.min(best.score, score) });
  }
  out.sort((a, b) => a.score - b.score);
  return [...new Set(out.map((o) => o.label))].slice(0, SUGGESTIONS_MAX);
}
