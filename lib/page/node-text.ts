// Stage 1 (page text), reading Text nodes without copying more than needed: the browser's
// plain-text viewer holds a 20 MB file in one Text node, and each read of its `data` hands V8 the
// whole 13.5 M-unit string. Long blocks are read a window at a time (block-hits.ts).
import type { BlockContainer, Segment, TextBlock } from './types.ts';

/**
 * Blocks longer than this are matched a window at a time from their Text nodes (block-hits.ts):
 * the walker does not join their text, and no step reads a whole long node's data.
 */
export const LONG_BLOCK = 1 << 14;

/** Some non-space text in `node`, read a chunk at a time (a long node's data is never read whole). */
export function hasInk(node: Text): boolean {
  const n = node.length;
  if (n <= 4096) return /\S/.test(node.data);
  for (let at = 0; at < n; at += 4096) if (/\S/.test(node.substringData(at, 4096))) return true;
  return false;
}

/** Node data over [a, b): the whole string when that is all of it, else a copy of just that part. */
export function nodeText(node: Text, a: number, b: number): string {
  return a === 0 && b === node.length ? node.data : node.substringData(a, b - a);
}

/** The text of `segments` over block offsets [start, end): slices of their Text nodes, joined. */
export function segmentText(segments: readonly Segment[], start: number, end: number): string {
  let out = '';
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < segments.length; i++) {
    const s = segments[i]!;
    if (s.start >= end) break;
    out += nodeText(s.node, Math.max(start, s.start) - s.start, Math.min(end, s.end) - s.start);
  }
  return out;
}

/**
 * A block; `text` of a long one (over LONG_BLOCK units) is joined from its nodes only if asked
 * for (tests): the scanner reads long blocks a window at a time and never asks.
 */
export function textBlock(
  container: BlockContainer,
  segments: Segment[],
  length: number,
  text: string,
): TextBlock {
  if (length <= LONG_BLOCK) return { container, segments, length, text };
  return {
    container,
    segments,
    length,
    get text() {
      return segmentText(segments, 0, length);
    },
  };
}
