// Stage 4: fuse.js bitap over passage chunks, directly or on the bigram prefilter's picks.
import Fuse from 'fuse.js';
import type { IFuseOptions } from 'fuse.js';
import { bigramKeys, densestWindow } from './bigram-filter.ts';
import { hydrateIndex } from './index-data.ts';
import type { SearchIndexData } from './index-data.ts';
import type { PreparedPassage } from './prepared-passage.ts';
import { FUZZY_BUDGET, FUZZY_THRESHOLD, PREFILTER_CHUNKS } from './tunables.ts';

const FUZZY_OPTIONS: IFuseOptions<string> = {
  includeScore: true,
  includeMatches: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  isCaseSensitive: true,
  threshold: FUZZY_THRESHOLD,
  minMatchCharLength: 2,
  shouldSort: true,
};

/** A chunk fuse.js accepted; [ws, we) is the part of the chunk it searched. */
export interface FuzzyChunk {
  ci: number;
  score: number;
  ws: number;
  we: number;
}

/** The chunks a ChunkSearch reads: one index's (index-data.ts) or per-document segments'. */
export interface ChunkTable {
  readonly count: number;
  /** [passage index, start, end] of a chunk in its prepared passage's text. */
  at(ci: number): readonly [number, number, number] | undefined;
  text(ci: number): string;
}

/** The bigram prefilter over the chunks (BigramFilter, or one merged from segments). */
export interface ChunkFilter {
  candidates(pattern: string, max: number, dice: false): number[];
}

/** The chunks of one search index, their texts cut from the prepared passages. */
export function indexChunks(
  index: SearchIndexData,
  prepared: readonly PreparedPassage[],
): ChunkTable & {
  texts: string[];
} {
  const texts = index.chunks.map(([pi, s, e]) => prepared[pi]?.text.slice(s, e) ?? '');
  return { texts, count: texts.length, at: (ci) => index.chunks[ci], text: (ci) => texts[ci] ?? '' };
}

/** fuse.js over chunk texts, with their parsed index when there is one. */
export function chunkFuse(texts: readonly string[], index?: SearchIndexData): Fuse<string> {
  const parsed = index
    ? Fuse.parseIndex<string>(hydrateIndex(index.chunkIndex, (i) => texts[i] ?? ''))
    : Fuse.createIndex<string>([], texts);
  return new Fuse<string>(texts, FUZZY_OPTIONS, parsed);
}

export class ChunkSearch {
  readonly table: ChunkTable;
  /** Built on first use: a large collection never needs it, a small one builds it in no time. */
  private fuse: Fuse<string> | null = null;
  private readonly makeFuse: () => Fuse<string>;
  /** Built on first use: a small corpus never needs it. */
  private filter: ChunkFilter | null = null;
  private readonly makeFilter: () => ChunkFilter;
  private readonly directMax: number;

  constructor(
    table: ChunkTable,
    directMax: number,
    makeFuse: () => Fuse<string>,
    makeFilter: () => ChunkFilter,
  ) {
    this.table = table;
    this.directMax = directMax;
    this.makeFuse = makeFuse;
    this.makeFilter = makeFilter;
  }

  /** Up to `max` chunks fuse.js accepts for `pattern`, best first. */
  search(pattern: string, max: number): FuzzyChunk[] {
    const out: FuzzyChunk[] = [];
    if (this.table.count <= this.directMax) {
      this.fuse ??= this.makeFuse();
      for (const r of this.fuse.search(pattern, { limit: max })) {
        out.push({ ci: r.refIndex, score: r.score ?? 1, ws: 0, we: this.table.text(r.refIndex).length });
      }
      return out;
    }
    this.filter ??= this.makeFilter();
    const keys = bigramKeys(pattern);
    // Bounded work: bitap costs about (0.4 * m) error levels x window length per candidate.
    const m = pattern.length;
    const perCandidate = Math.max(1, FUZZY_THRESHOLD * m * (3 * m + 8));
    const maxCandidates = Math.max(8, Math.min(PREFILTER_CHUNKS, Math.floor(FUZZY_BUDGET / perCandidate)));
    for (const ci of this.filter.candidates(pattern, maxCandidates, false)) {
      // fuse.js bitap cost grows with the text: run it on the window of the chunk where the
      // pattern's bigrams are densest (the best match lies there), not on the whole chunk.
      const text = this.table.text(ci);
      const [ws, we] = densestWindow(text, keys, pattern.length);
      const r = Fuse.match(pattern, text.slice(ws, we), FUZZY_OPTIONS);
      if (r.isMatch) out.push({ ci, score: r.score === 0 ? Number.EPSILON : r.score, ws, we });
    }
    out.sort((a, b) => a.score - b.score || a.ci - b.ci);
    out.length = Math.min(out.length, max);
    return out;
  }
}
