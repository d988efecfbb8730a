// Stages 5 and 6: one hit per passage, ranked exact < concept < fuzzy; hits with snippets.
import type { CorpusData, SearchHit, SearchResult } from '../types.ts';
import { makeSnippet, SNIPPET_LEN } from './snippet.ts';

/** Hit kinds in rank order: exact before concept before fuzzy. */
export const KIND_RANK: Record<SearchHit['kind'], number> = { exact: 0, concept: 1, fuzzy: 2 };

export interface Candidate {
  /** Passage index in data.passages. */
  pi: number;
  kind: SearchHit['kind'];
  score: number;
  /** Ranges in the original passage text; the first is the primary one. */
  ranges: Array<[number, number]>;
}

/** Candidate hits of one query, at most one per passage. */
export class Candidates {
  private readonly byPassage = new Map<number, Candidate>();

  get size(): number {
    return this.byPassage.size;
  }

  has(pi: number): boolean {
    return this.byPassage.has(pi);
  }

  /** Keeps the better of two hits on one passage; the other's ranges still become marks. */
  add(c: Candidate): void {
    const prev = this.byPassage.get(c.pi);
    if (!prev) {
      this.byPassage.set(c.pi, c);
      return;
    }
    const better =
      KIND_RANK[c.kind] < KIND_RANK[prev.kind] ||
      (KIND_RANK[c.kind] === KIND_RANK[prev.kind] && c.score < prev.score);
    if (better) this.byPassage.set(c.pi, { ...c, ranges: [...c.ranges, ...prev.ranges] });
    else prev.ranges.push(...c.ranges);
  }

  /** Drops the candidates `keep` rejects. */
  retain(keep: (c: Candidate) => boolean): void {
    for (const [pi, c] of this.byPassage) if (!keep(c)) this.byPassage.delete(pi);
  }

  ranked(): Candidate[] {
    return [...this.byPassage.values()].sort(
      (a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.score - b.score || a.pi - b.pi,
    );
  }
}

/** The best `limit` candidates as hits: snippet around the primary range, every range a mark. */
export function toSearchHits(
  ranked: readonly Candidate[],
  limit: number,
  data: CorpusData,
  conceptsByPassage: ReadonlyMap<string, string[]>,
): SearchHit[] {
  return ranked.slice(0, limit).map((c) => {
    const p = data.passages[c.pi]!;
    // Primary range first (the best tier's), the rest merged in for the marks.
    const primary = c.ranges[0];
    const { snippet, marks } = makeSnippet(
      p.text,
      primary ? [primary, ...c.ranges.slice(1)] : [],
      SNIPPET_LEN,
    );
    return {
      passageId: p.id,
      docId: p.docId,
      score: Math.round(c.score * 1e4) / 1e4,
      kind: c.kind,
      snippet,
      marks,
      conceptIds: conceptsByPassage.get(p.id) ?? [],
    };
  });
}

export function emptyResult(query: string, normalized = '', truncated = false): SearchResult {
  return { query, normalized, truncated, expandedConceptIds: [], concepts: [], hits: [], suggestions: [] };
}
