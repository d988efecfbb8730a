// Pure: rows for the parallel view. Each row holds the passages of the left document and
// the passages of the right document aligned to them (passage.aligned, either direction).
import type { Passage } from '../../lib/core/types.ts';

export interface ParallelRow {
  left: Passage[];
  right: Passage[];
}

export function alignPassages(left: readonly Passage[], right: readonly Passage[]): ParallelRow[] {
  const rightById = new Map(right.map((p) => [p.id, p]));
  const leftIds = new Set(left.map((p) => p.id));
  // right passage id -> left passage ids it is aligned with (from either side's `aligned`)
  const partner = new Map<string, string>();
  for (const l of left)
    for (const r of l.aligned ?? []) if (rightById.has(r) && !partner.has(r)) partner.set(r, l.id);
  for (const r of right)
    for (const l of r.aligned ?? []) if (leftIds.has(l) && !partner.has(r.id)) partner.set(r.id, l);

  const rows: ParallelRow[] = [];
  const rowOfLeft = new Map<string, ParallelRow>();
  for (const l of left) {
    const row = { left: [l], right: [] as Passage[] };
    rows.push(row);
    rowOfLeft.set(l.id, row);
  }
  // Place right passages in their own order; unaligned ones go after the row of the
  // previous aligned right passage (or at the top), so neither side is reordered.
  let lastRowIndex = -1;
  const inserts: Array<{ after: number; p: Passage }> = [];
  for (const r of right) {
    const lid = partner.get(r.id);
    const row = lid ? rowOfLeft.get(lid) : undefined;
    if (row) {
      const idx = rows.indexOf(row);
      if (idx >= lastRowIndex) {
        row.right.push(r);
        lastRowIndex = idx;
        continue;
      }
    }
    inserts.push({ after: lastRowIndex, p: r });
  }
  // Insert unaligned right passages as rows of their own (merge consecutive ones).
  for (let i = inserts.length - 1; i >= 0; i--) {
    const ins = inserts[i]!;
    rows.splice(ins.after + 1, 0, { left: [], right: [ins.p] });
  }
  return mergeOrphans(rows);
}

function mergeOrphans(rows: ParallelRow[]): ParallelRow[] {
  const out: ParallelRow[] = [];
  for (const r of rows) {
    const prev = out[out.length - 1];
    if (prev && r.left.length === 0 && prev.left.length === 0) prev.right.push(...r.right);
    else out.push({ left: [...r.left], right: [...r.right] });
  }
  // restore right order inside merged orphan rows
  for (const r of out) r.right.sort((a, b) => a.index - b.index);
  return out;
}
