// Pure helpers for marked text: split a string into plain and marked segments.

export interface Segment {
  text: string;
  marked: boolean;
  /** Optional payload (e.g. a concept id) carried by a marked range. */
  tag?: string | undefined;
}

export interface Range {
  start: number;
  end: number;
  tag?: string | undefined;
}

/**
 * Splits `text` at the given ranges. Ranges are clamped to the text, sorted, and overlaps
 * are resolved by keeping the earlier (then longer) range. Never drops or duplicates text.
 */
export function segment(text: string, ranges: readonly Range[]): Segment[] {
  const sorted = ranges
    .map((r) => ({
      start: Math.max(0, Math.min(r.start, text.length)),
      end: Math.max(0, Math.min(r.end, text.length)),
      tag: r.tag,
    }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let pos = 0;
  for (const r of sorted) {
    if (r.start < pos) continue; // overlaps a kept range
    if (r.start > pos) out.push({ text: text.slice(pos, r.start), marked: false });
    out.push({ text: text.slice(r.start, r.end), marked: true, tag: r.tag });
    pos = r.end;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), marked: false });
  return out;
}

/** `[start, end]` pairs (SearchHit.marks) to ranges. */
export function pairsToRanges(marks: ReadonlyArray<readonly [number, number]>): Range[] {
  return marks.map(([start, end]) => ({ start, end }));
}
