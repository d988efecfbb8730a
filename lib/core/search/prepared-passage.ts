// Stage 1 (passages): normalised + folded passage text, with the map back to the text shown.
import { normalizeForMatch, toOriginalSpan } from '../normalize.ts';
import type { Passage } from '../types.ts';
import { fold } from './fold.ts';
import type { FoldTable } from './fold.ts';

export interface PreparedPassage {
  passage: Passage;
  /** Normalised + folded text. */
  text: string;
  /** map[i] = offset in passage.text of normalised unit i (normalizeForMatch; length text+1). */
  map: Int32Array;
}

export function preparePassage(p: Passage, t: FoldTable): PreparedPassage {
  const n = normalizeForMatch(p.text);
  return { passage: p, text: fold(n.text, t), map: n.map };
}

/** Maps a range of the normalised text back to the original passage text. */
export function toOriginal(pp: PreparedPassage, s: number, e: number): [number, number] {
  return toOriginalSpan(pp.map, s, e, pp.passage.text);
}
