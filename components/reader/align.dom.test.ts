import { describe, expect, it } from 'vitest';
import type { Passage } from '../../lib/core/types.ts';
import { alignPassages } from './align.ts';

const p = (docId: string, index: number, aligned?: string[]): Passage => ({
  id: `${docId}/p${String(index).padStart(2, '0')}`,
  docId,
  index,
  text: `${docId}-${index}`,
  start: 0,
  end: 0,
  section: [],
  ...(aligned ? { aligned } : {}),
});

const ids = (ps: Passage[]) => ps.map((x) => x.id);

describe('alignPassages', () => {
  it('pairs aligned passages row by row', () => {
    const left = [p('000', 0, ['002/p00']), p('000', 1, ['002/p01'])];
    const right = [p('002', 0), p('002', 1)];
    const rows = alignPassages(left, right);
    expect(rows.map((r) => [ids(r.left), ids(r.right)])).toEqual([
      [['000/p00'], ['002/p00']],
      [['000/p01'], ['002/p01']],
    ]);
  });

  it('uses alignment declared on the right side too, and one-to-many', () => {
    const left = [p('000', 0), p('000', 1)];
    const right = [p('002', 0, ['000/p00']), p('002', 1, ['000/p00']), p('002', 2, ['000/p01'])];
    const rows = alignPassages(left, right);
    expect(rows.map((r) => ids(r.right))).toEqual([['002/p00', '002/p01'], ['002/p02']]);
  });

  it('keeps unaligned passages of both sides, in order, exactly once', () => {
    const left = [p('000', 0, ['002/p01']), p('000', 1), p('000', 2, ['002/p03'])];
    const right = [p('002', 0), p('002', 1), p('002', 2), p('002', 3)];
    const rows = alignPassages(left, right);
    expect(rows.flatMap((r) => ids(r.left))).toEqual(['000/p00', '000/p01', '000/p02']);
    expect(rows.flatMap((r) => ids(r.right))).toEqual(['002/p00', '002/p01', '002/p02', '002/p03']);
    const row3 = rows.find((r) => r.right.some((x) => x.id === '002/p03'))!;
    expect(ids(row3.left)).toEqual(['000/p02']);
  });

  it('does not reorder the right side when alignments cross', () => {
    const left = [p('000', 0, ['002/p01']), p('000', 1, ['002/p00'])];
    const right = [p('002', 0), p('002', 1)];
    const rows = alignPassages(left, right);
    expect(rows.flatMap((r) => ids(r.right))).toEqual(['002/p00', '002/p01']);
  });
});
