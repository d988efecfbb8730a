import { describe, expect, it } from 'vitest';
import { flattenGroups, groupHitsByDocument, moveActive, optionId } from './hit-groups.ts';
import type { SearchHit } from './types.ts';

const hit = (passageId: string, score: number): SearchHit => ({
  passageId,
  docId: passageId.split('/')[0]!,
  score,
  kind: 'exact',
  snippet: passageId,
  marks: [],
  conceptIds: [],
});

describe('groupHitsByDocument', () => {
  it('groups by document in order of each document’s first (best) hit', () => {
    const hits = [
      hit('003/p01', 0),
      hit('000/p05', 0.1),
      hit('003/p07', 0.2),
      hit('001/p02', 0.3),
      hit('000/p01', 0.4),
    ];
    const groups = groupHitsByDocument(hits);
    expect(groups.map((g) => g.docId)).toEqual(['003', '000', '001']);
    expect(groups[0]!.hits.map((h) => h.passageId)).toEqual(['003/p01', '003/p07']);
    expect(groups[1]!.hits.map((h) => h.passageId)).toEqual(['000/p05', '000/p01']);
  });

  it('keeps every hit exactly once', () => {
    const hits = [hit('000/p01', 0), hit('002/p01', 1), hit('000/p02', 2)];
    const flat = flattenGroups(groupHitsByDocument(hits));
    expect(flat.map((h) => h.passageId).sort()).toEqual(hits.map((h) => h.passageId).sort());
    expect(flat.map((h) => h.passageId)).toEqual(['000/p01', '000/p02', '002/p01']);
  });

  it('handles no hits', () => {
    expect(groupHitsByDocument([])).toEqual([]);
  });
});

describe('moveActive', () => {
  it('starts at the first or last result', () => {
    expect(moveActive(-1, 1, 3)).toBe(0);
    expect(moveActive(-1, -1, 3)).toBe(2);
  });
  it('wraps around', () => {
    expect(moveActive(2, 1, 3)).toBe(0);
    expect(moveActive(0, -1, 3)).toBe(2);
  });
  it('returns -1 without results', () => {
    expect(moveActive(0, 1, 0)).toBe(-1);
  });
});

describe('optionId', () => {
  it('makes a valid DOM id from a passage id', () => {
    expect(optionId('003/p12')).toBe('hit-003-p12');
  });
});
