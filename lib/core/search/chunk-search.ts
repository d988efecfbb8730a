// Stage 4: fuse.js bitap over passage chunks, directly or on the bigram prefilter's picks.
import Fuse from 'fuse.js';
import type { IFuseOptions } from 'fuse.js';
import { BigramFilter, bigramKeys, densestWindow } from './bigram-filter.ts';
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

export class ChunkSearch {
  /** Chunk strings, cut from the prepared passages (the index stores only their ranges). */
  readonly texts: string[];
  private readonly fuse: Fuse<string>;
  /** Built on first use: a small corpus never needs it. */
  private filter: BigramFilter | null = null;
  private readonly directMax: number;

  constructor(index: SearchIndexData, prepared: readonly PreparedPassage[], directMax: number) {
    this.directMax = directMax;
    const texts = index.chunks.map(([pi, s, e]) => prepared[pi]?.text.slice(s, e) ?? '');
    this.texts = texts;
    this.fuse = new Fuse<string>(
      texts,
      FUZZY_OPTIONS,
      Fuse.parseIndex<string>(hydrateIndex(index.chunkIndex, (i) => texts[i] ?? '')),
    );
  }

  /** Up to `max` chunks fuse.js accepts for `pattern`, best first. */
  search(pattern: string, max: number): FuzzyChunk[] {
    const out: FuzzyChunk[] = [];
    if (this.texts.length <= this.directMax) {
      for (const r of this.fuse.search(pattern, { limit: max })) {
        out.push({ ci: r.refIndex, score: r.score ?? 1, ws: 0, we: this.texts[r.refIndex]?.length ?? 0 });
      }
      return out;
    }
    this.filter ??= new BigramFilter(this.texts);
    const keys = bigramKeys(pattern);
    // Bounded work: bitap costs about (0.4 * m) error levels x window length per candidate.
    const m = pattern.length;
    const perCandidate = Math.max(1, FUZZY_THRESHOLD * m * (3 * m + 8));
    const maxCandidates = Math.max(8, Math.min(PREFILTER_CHUNKS, Math.floor(FUZZY_BUDGET / perCandidate)));
    for (const ci of this.filter.candidates(pattern, maxCandidates, false)) {
      // fuse.js bitap cost grows with the text: run it on the window of the chunk where the
      // pattern's bigrams are densest (the best match lies there), not on the whole chunk.
      const text = this.texts[ci]!;
      const [ws, we] = densestWindow(text, keys, pattern.length);
      const r = Fuse.match(pattern, text.slice(ws, we), FUZZY_OPTIONS);
      if (r.isMatch) out.push({ ci, score: r.score === 0 ? Number.EPSILON : r.score, ws, we });
    }
    out.sort((a, b) => a.score - b.score || a.ci - b.ci);
    out.length = Math.min(out.length, max);
    return out;
  }
}
