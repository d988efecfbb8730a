// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { placeCard } from './place.ts';

const vp = { width: 1000, height: 800 };
const size = { width: 360, height: 300 };
const at = (left: number, top: number, w = 60, h = 20) => ({ left, top, right: left + w, bottom: top + h });

describe('placeCard', () => {
  it('goes below the term when it fits', () => {
    expect(placeCard(at(100, 100), size, vp)).toMatchObject({ left: 100, top: 126, side: 'below' });
  });
  it('flips above near the bottom edge', () => {
    const p = placeCard(at(100, 700), size, vp);
    expect(p.side).toBe('above');
    expect(p.top).toBe(700 - 6 - 300);
  });
  it('flips left at the right edge and stays on screen', () => {
    const p = placeCard(at(950, 100, 40), size, vp);
    expect(p.left + size.width).toBeLessThanOrEqual(vp.width - 8);
    expect(p.left).toBeGreaterThanOrEqual(8);
  });
  it('uses the larger side and limits the height when neither fits', () => {
    const p = placeCard(at(100, 500), { width: 360, height: 900 }, vp);
    expect(p.side).toBe('above');
    expect(p.maxHeight).toBe(500 - 6 - 8);
    expect(p.top).toBeGreaterThanOrEqual(8);
  });
});
