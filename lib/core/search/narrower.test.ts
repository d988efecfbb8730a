import { describe, expect, it } from 'vitest';
import { NarrowerOccurrences } from './narrower.ts';
import type { TermAt } from './understand.ts';

const at = (...pis: number[]) => new Map<number, TermAt>(pis.map((pi) => [pi, { w: 1, pos: -1, len: 0 }]));

describe('narrower concepts', () => {
  const concepts = [
    { id: 'cpv', names: ['communist party of vietnam', 'dcsvn'] },
    { id: 'cpv-cc', names: ['central committee of the communist party of vietnam'] },
    { id: 'district', names: ['秀洲区'] },
    { id: 'district-committee', names: ['中共嘉兴市秀洲区委员会'] },
    { id: 'doi-moi', names: ['doi moi'] },
    {
      id: 'long-title',
      names: ['mot so van de ve tiep tuc doi moi, sap xep to chuc bo may cua he thong chinh tri tinh gon'],
    },
    { id: 'party', names: ['party'] },
    { id: 'partying', names: ['partying hard'] },
  ];
  const own = new Map([
    ['cpv-cc', at(4, 5)],
    ['district', at(1)],
    ['district-committee', at(0, 1)],
    ['long-title', at(7)],
    ['partying', at(9)],
  ]);
  const n = new NarrowerOccurrences(concepts, (id) => own.get(id));

  it('a concept no passage names counts the passages of those whose names hold its name', () => {
    expect([...n.at('cpv').keys()].sort()).toEqual([4, 5]);
    expect(n.at('cpv').get(4)!.w).toBeLessThan(1);
  });

  it('keeps its own passages at full weight and adds the narrower ones', () => {
    const m = n.at('district');
    expect(m.get(1)!.w).toBe(1);
    expect(m.get(0)!.w).toBeLessThan(1);
  });

  it('ignores a name lost in a long title, and a Latin name inside another word', () => {
    expect(n.at('doi-moi').size).toBe(0);
    expect(n.narrower('party')).toEqual([]);
  });
});
