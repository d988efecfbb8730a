// Category colours for the extension pages (popup, options, reader): the CSS generated from the
// category table (lib/core/categories.ts), added once per page. The hover card gets the same CSS
// in its shadow root (components/hover-card/card-css.ts); the page highlights theirs from
// lib/page/highlighter.ts. Call from each page's main.tsx, before the first render.
import { categoryColourCss } from './core/categories.ts';
import { listColourCss } from './core/library/list-colour-css.ts';

export function applyCategoryColours(doc: Document = document): void {
  const style = doc.createElement('style');
  style.dataset.categoryColours = '';
  // the user term lists' colours too (issue #12): their chips draw with the same `--cat`
  style.textContent = categoryColourCss(':root') + listColourCss(':root');
  doc.head.append(style);
}
