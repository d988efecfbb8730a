import { describe, expect, it } from 'vitest';
import { shownRanges } from './reading-ui.tsx';
import { rovingTarget } from './roving.ts';

function passage(id: string, terms: number): HTMLElement {
  const p = document.createElement('div');
  p.dataset.passage = id;
  const title = document.createElement('h3');
  const body = document.createElement('p');
  for (let i = 0; i < terms; i++) {
    const t = document.createElement('span');
    t.className = 'term';
    t.id = `${id}-t${i}`;
    (i === 0 ? title : body).append(t, ' text ');
  }
  p.append(title, body);
  return p;
}

describe('rovingTarget', () => {
  document.body.append(passage('a', 3), passage('b', 2));
  const el = (id: string) => document.getElementById(id)!;

  it('moves to the next and previous term of the same passage, across its title and body', () => {
    expect(rovingTarget(el('a-t0'), 'ArrowRight')?.id).toBe('a-t1');
    expect(rovingTarget(el('a-t1'), 'ArrowRight')?.id).toBe('a-t2');
    expect(rovingTarget(el('a-t1'), 'ArrowLeft')?.id).toBe('a-t0');
  });

  it('stops at either end (never into the next passage)', () => {
    expect(rovingTarget(el('a-t2'), 'ArrowRight')).toBeNull();
    expect(rovingTarget(el('b-t0'), 'ArrowLeft')).toBeNull();
  });

  it('Home and End go to the first and last term', () => {
    expect(rovingTarget(el('a-t2'), 'Home')?.id).toBe('a-t0');
    expect(rovingTarget(el('a-t0'), 'End')?.id).toBe('a-t2');
    expect(rovingTarget(el('b-t1'), 'Home')?.id).toBe('b-t0');
  });

  it('leaves every other key alone (↑/↓ still scroll the page)', () => {
    for (const key of ['ArrowUp', 'ArrowDown', 'Tab', 'a', 'Enter'])
      expect(rovingTarget(el('a-t1'), key)).toBeNull();
  });
});

describe('shownRanges', () => {
  it('keeps the ranges segment() shows: sorted, overlaps resolved, untagged dropped', () => {
    const ranges = [
      { start: 8, end: 12, tag: 'c' },
      { start: 0, end: 5, tag: 'a' },
      { start: 3, end: 7, tag: 'b' }, // overlaps a: not shown
      { start: 13, end: 14 },
    ];
    expect(shownRanges('0123456789abcdef', ranges)).toEqual([
      { start: 0, end: 5, tag: 'a' },
      { start: 8, end: 12, tag: 'c' },
    ]);
  });
});
