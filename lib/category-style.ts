// Category colours for the extension pages (popup, options, reader): the CSS generated from the
// category table (lib/core/categories.ts), added once per page. The hover card gets the same CSS
// in its shadow root (components/hover-card/card-css.ts); the page highlights theirs from
// lib/page/highlighter.ts. Call from each page's main.tsx, before the first render.
import { categoryColourCss } from './core/categories.ts';

export function applyCategoryColours(doc: Document = document): void {
  const style = doc.createElement('style');
  style.dataset.categoryColours = '';
  style.textContent = categoryColourCss(':root');
  doc.head.append(style);
}
