import { describe, expect, it } from 'vitest';
import { spellOutVi } from './vi-abbreviations.ts';

const words = (q: string) => [...q.matchAll(/[a-z0-9]+/g)].map((m) => ({ w: m[0], at: m.index }));

describe('Vietnamese abbreviations spelt out', () => {
  it('reads syllable initials and a number glued to them', () => {
    expect(spellOutVi(words('bch tw'))).toEqual({ text: 'ban chap hanh trung uong', from: 0, to: 6 });
    expect(spellOutVi(words('nq18'))?.text).toBe('nghi quyet 18');
    expect(spellOutVi(words('bcd 35'))?.text).toBe('ban chi dao 35');
    expect(spellOutVi(words('btv tinh uy'))).toEqual({ text: 'ban thuong vu tinh uy', from: 0, to: 3 });
  });

  it('leaves a query without them alone', () => {
    expect(spellOutVi(words('digital villages'))).toBeNull();
    expect(spellOutVi(words('ccp'))).toBeNull();
  });
});
