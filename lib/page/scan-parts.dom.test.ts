// @vitest-environment jsdom
// The scanner's named pieces on their own: the segment->DOM mapping, root merging, the cap pick
// and the counts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countHits, pickUnderCap } from './hit-store.ts';
import { locate } from './page-text.ts';
import { coveringRoots } from './scanner.ts';
import type { Hit, Piece, Segment } from './types.ts';

/** The mapping as the scanner used to compute pieces: every segment, linearly. */
function piecesByScan(segments: readonly Segment[], start: number, end: number): Piece[] {
  const out: Piece[] = [];
  for (const s of segments) {
    if (s.end <= start) continue;
    if (s.start >= end) break;
    out.push({
      node: s.node,
      start: Math.max(start, s.start) - s.start,
      end: Math.min(end, s.end) - s.start,
    });
  }
  return out;
}

const segmentsOf = (parts: Array<[string, boolean]>): Segment[] => {
  let at = 0;
  return parts.map(([text, gap], i) => {
    const s: Segment = { node: document.createTextNode(text), start: at, end: at + text.length };
    if (gap && i > 0) s.gap = true;
    at += text.length;
    return s;
  });
};

describe('locate', () => {
  it('gives the pieces a linear scan gives, and ranges that join pieces between gaps', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 4 }), fc.boolean()), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.nat(),
        fc.nat(),
        (parts, a, b) => {
          const segments = segmentsOf(parts);
          const len = segments[segments.length - 1]!.end;
          const start = a % len;
          const end = start + 1 + (b % (len - start));
          const { pieces, ranges } = locate(segments, start, end);
          expect(pieces).toEqual(piecesByScan(segments, start, end));
          const gaps = segments.filter((s) => s.gap && s.start > start && s.start < end).length;
          expect(ranges).toHaveLength(gaps + 1);
          expect(ranges[0]).toMatchObject({ startContainer: pieces[0]!.node, startOffset: pieces[0]!.start });
          expect(ranges.at(-1)).toMatchObject({
            endContainer: pieces.at(-1)!.node,
            endOffset: pieces.at(-1)!.end,
          });
        },
      ),
    );
  });
});

describe('coveringRoots', () => {
  it('keeps roots no other listed root contains, once each, in order', () => {
    document.body.replaceChildren();
    const a = document.body.appendChild(document.createElement('div'));
    const b = a.appendChild(document.createElement('p'));
    const c = document.body.appendChild(document.createElement('p'));
    expect(coveringRoots([b, a, b, c], document)).toEqual([a, c]);
    expect(coveringRoots([b, c], document)).toEqual([b, c]);
  });

  it('does not look across shadow roots, and gives the document past 300 roots', () => {
    document.body.replaceChildren();
    const host = document.body.appendChild(document.createElement('div'));
    const shadow = host.attachShadow({ mode: 'open' });
    const inner = shadow.appendChild(document.createElement('p'));
    expect(coveringRoots([host, inner], document)).toEqual([host, inner]);
    const many = Array.from({ length: 301 }, () => document.body.appendChild(document.createElement('p')));
    expect(coveringRoots(many, document)).toEqual([document]);
  });
});

describe('cap pick and counts', () => {
  const hit = (conceptId: string, ranges: number): Hit =>
    ({ conceptId, category: 'plan', ranges: Array.from({ length: ranges }) }) as unknown as Hit;

  it('takes groups in order, stopping a group at its first hit that does not fit', () => {
    const [x, y, z, w] = [hit('x', 2), hit('y', 2), hit('z', 1), hit('w', 1)];
    const { want, ranges } = pickUnderCap([[x, y, z], [w]], 3);
    expect([...want]).toEqual([x, w]);
    expect(ranges).toBe(3);
  });

  it('counts shown categories only, nothing while off', () => {
    const hits = [hit('x', 1), hit('x', 1), { ...hit('y', 1), category: 'person' } as Hit];
    expect(countHits([hits], new Set(['plan']))).toMatchObject({ distinct: 1, total: 2 });
    expect(countHits([hits], null)).toMatchObject({ distinct: 0, total: 0 });
  });
});
