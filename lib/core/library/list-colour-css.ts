// The user lists' colours as CSS for the extension's own views (the hover card's shadow root, the
// popup, the reader), like categoryColourCss (lib/core/categories.ts) for the categories: under
// `scope`, one custom property per colour (light, and dark for a dark scheme), and a class
// `.list-<i>` that sets `--cat`, the variable the chips and dots already draw with. Generated from
// LIST_COLOURS: no colour is written twice.
import { LIST_COLOURS, type ListColour } from './list-colours.ts';

/** The class that gives an element list colour `i`. */
export const listClass = (i: number): string => `list-${i}`;

export function listColourCss(scope: string, table: readonly ListColour[] = LIST_COLOURS): string {
  const vars = (pick: 'light' | 'dark') => table.map((c, i) => `--pl-list-${i}:${c[pick]};`).join('');
  const classes = table.map((_, i) => `.${listClass(i)}{--cat:var(--pl-list-${i})}`).join('');
  return `${scope}{${vars('light')}}@media (prefers-color-scheme:dark){${scope}{${vars('dark')}}}${classes}`;
}
