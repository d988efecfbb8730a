import { describe, expect, it } from 'vitest';
import { CATEGORIES, CATEGORY_TABLE, categoryColourCss, categoryRow, isCategory } from './categories.ts';

describe('categories', () => {
  it('lists the table ids in table order', () => {
    expect(CATEGORIES).toEqual(CATEGORY_TABLE.map((r) => r.id));
    expect(CATEGORIES[0]).toBe('formulation');
  });
  it('finds rows and tells categories from other strings', () => {
    expect(categoryRow('person')).toEqual({
      id: 'person',
      light: '#b91c1c',
      dark: '#f87171',
      message: 'catPerson',
    });
    expect(isCategory('plan')).toBe(true);
    expect(isCategory('Plan')).toBe(false);
    expect(isCategory('toString')).toBe(false);
    expect(isCategory(undefined)).toBe(false);
  });
  it('writes the colour CSS for a scope (light, then dark)', () => {
    const css = categoryColourCss(':host', [{ id: 'a', light: '#000001', dark: '#000002', message: 'catA' }]);
    expect(css).toBe(
      ':host{--pl-cat-a:#000001;}@media (prefers-color-scheme:dark){:host{--pl-cat-a:#000002;}}' +
        '.cat-a{--cat:var(--pl-cat-a)}',
    );
  });
});
