// Stage 2 (scan): the hits of one text block. A block longer than WINDOW units (the browser's
// plain-text viewer shows a 20 MB file as one <pre> holding one Text node) is matched a window at
// a time, one window per scan step, so no step runs long and the block's text is never copied
// whole. Hits keep offsets into Text nodes; their text is read from those nodes, never sliced
// from a block string (a slice would keep the whole block's text alive).
import { CONTEXT_WINDOW } from '../core/limits.ts';
import { LONG_BLOCK, nodeText, segmentText } from './node-text.ts';
import { locate } from './page-text.ts';

export { segmentText } from './node-text.ts';
import type { Hit, PageMatcher, TextBlock } from './types.ts';

/** Units matched per step in a long block (about 1.5 ms of matching at 1×, bench machine). */
export const WINDOW = LONG_BLOCK;
/**
 * Units read on each side of a window: more than the longest term plus the reach of the context
 * rules (CONTEXT_WINDOW), so a match near a window's edge is judged as in the whole block.
 */
export const MARGIN = CONTEXT_WINDOW + 724;

/** Hits for `matches` of `text`, which starts at block offset `offset`. */
function toHits(
  block: TextBlock,
  matches: ReturnType<PageMatcher['find']>,
  offset: number,
  matcher: PageMatcher,
) {
  const hits: Hit[] = [];
  for (const m of matches) {
    // a bundled concept by its category, a user term by its list's colour; neither: not ours
    const category = matcher.categoryOf(m.conceptId);
    const colour = category ? undefined : matcher.colourOf(m.conceptId);
    if (!category && colour === undefined) continue;
    const { pieces, ranges } = locate(block.segments, offset + m.start, offset + m.end);
    if (!ranges.length) continue;
    let text = '';
    for (const p of pieces) text += nodeText(p.node, p.start, p.end);
    hits.push({
      conceptId: m.conceptId,
      ...(category ? { category } : { colour }),
      text,
      container: block.container,
      pieces,
      ranges,
    });
  }
  return hits;
}

/** All hits of a block in one go (blocks up to WINDOW units; tests). */
export function hitsForBlock(block: TextBlock, matcher: PageMatcher): Hit[] {
  if (block.length > WINDOW) {
    const cursor = windowCursor(block);
    const hits: Hit[] = [];
    while (!cursor.done) hits.push(...nextWindow(cursor, matcher));
    return hits;
  }
  return toHits(block, matcher.find(block.text), 0, matcher);
}

/** Where the matching of a long block stands. */
export interface WindowCursor {
  readonly block: TextBlock;
  /** Start of the next window (block offset). */
  pos: number;
  /** End of the last hit taken: a match starting before it overlaps that hit. */
  taken: number;
  done: boolean;
}

export const windowCursor = (block: TextBlock): WindowCursor => ({ block, pos: 0, taken: 0, done: false });

/** The first window of a long block; each next one doubles up to WINDOW. */
export const FIRST_WINDOW = 1 << 10;

/**
 * End of the window that starts at `pos`: 1 K, 1 K, 2 K, 4 K, 8 K units, then WINDOW each. The
 * first steps of a page's first long block run the matcher before V8 has compiled it, and pay its
 * one-off set-up (context rules, character tables): 13–48 ms of CPU for each of the first full
 * windows in node, 1.5–3 ms once warm. Short first windows keep those steps short.
 */
export const windowEnd = (pos: number, length: number): number =>
  Math.min(length, pos + Math.min(WINDOW, Math.max(FIRST_WINDOW, pos)));

/**
 * The hits starting in the cursor's next window [pos, windowEnd(pos)), matched with MARGIN units
 * of context on each side; advances the cursor.
 */
export function nextWindow(cursor: WindowCursor, matcher: PageMatcher): Hit[] {
  const { block, pos } = cursor;
  const length = block.length;
  const end = windowEnd(pos, length);
  const from = Math.max(0, pos - MARGIN);
  const text = segmentText(block.segments, from, Math.min(length, end + MARGIN));
  const own = matcher
    .find(text)
    .filter((m) => from + m.start >= Math.max(pos, cursor.taken) && from + m.start < end);
  for (const m of own) cursor.taken = Math.max(cursor.taken, from + m.end);
  cursor.pos = end;
  cursor.done = end >= length;
  return toHits(block, own, from, matcher);
}
