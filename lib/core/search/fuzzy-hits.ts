// Stage 4: fuzzy hits (kind 'fuzzy'): all words present, or a close span in a chunk.
import { cutSafe, FUZZY_CAP } from '../limits.ts';
import { bestSubstringMatch } from './approximate.ts';
import type { ChunkSearch } from './chunk-search.ts';
import { toOriginal } from './prepared-passage.ts';
import type { PreparedPassage } from './prepared-passage.ts';
import type { Holders } from './exact-hits.ts';
import type { Candidates } from './rank.ts';
import { FUZZY_THRESHOLD } from './tunables.ts';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export interface FuzzySources {
  prepared: readonly PreparedPassage[];
  chunks: ChunkSearch;
  holders?: Holders;
}

export function addFuzzyHits(src: FuzzySources, q: string, limit: number, cands: Candidates): void {
  const pattern = cutSafe(q, FUZZY_CAP);
  addAllWordsHits(src.prepared, pattern, cands, src.holders);
  for (const f of src.chunks.search(pattern, Math.max(limit * 3, 30))) {
    const chunk = src.chunks.table.at(f.ci);
    if (!chunk) continue;
    const [pi, cs] = chunk;
    const pp = src.prepared[pi];
    if (!pp) continue;
    // fuse.js accepted the chunk; the edit distance of the best matching span ranks it and
    // gives one contiguous mark (fuse.js indices are scattered characters).
    const text = src.chunks.table.text(f.ci);
    const b = bestSubstringMatch(pattern, text.slice(f.ws, f.we));
    const errRate = b.dist / pattern.length;
    if (errRate > FUZZY_THRESHOLD) continue;
    const start = cs + f.ws + b.start;
    const ranges: Array<[number, number]> = [toOriginal(pp, start, cs + f.ws + b.end)];
    // A span that starts a word beats one that starts mid-word ("stabili|ze" vs "respon|sibilities").
    const before = start > 0 ? pp.text.charCodeAt(start - 1) : 32;
    const wordStart = !LETTER_OR_DIGIT.test(String.fromCharCode(before)) ? 0.02 : 0;
    const score = Math.max(0, 0.75 * errRate + 0.25 * Math.min(1, Math.max(0, f.score)) - wordStart);
    cands.add({ pi, kind: 'fuzzy', score: 0.2 + 0.8 * score, ranges });
  }
}

/** Multi-word Latin queries whose words are apart in the text: every word present. */
function addAllWordsHits(
  prepared: readonly PreparedPassage[],
  pattern: string,
  cands: Candidates,
  holders: Holders | undefined,
): void {
  // Longest (rarest) word first, so most passages fail on the first indexOf.
  const words = [...new Set(pattern.split(' ').filter((w) => w.length >= 2))]
    .slice(0, 8)
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (words.length < 2) return;
  const only = holders?.(words[0]!) ?? null;
  const n = only ? only.length : prepared.length;
  for (let k = 0; k < n; k++) {
    const pi = only ? only[k]! : k;
    if (cands.has(pi)) continue;
    const pp = prepared[pi]!;
    const ranges: Array<[number, number]> = [];
    let all = true;
    for (const w of words) {
      const at = pp.text.indexOf(w);
      if (at < 0) {
        all = false;
        break;
      }
      ranges.push(toOriginal(pp, at, at + w.length));
    }
    if (all) cands.add({ pi, kind: 'fuzzy', score: 0.2, ranges });
  }
}
