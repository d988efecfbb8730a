// The card's stylesheet: its own CSS plus the category colours generated from the category table
// (lib/core/categories.ts), scoped to the card's frame. Both hosts (the page's shadow root,
// lib/page/card-ui.ts, and the reader's, components/reader/ReaderConceptCard.tsx) inject this.
import { categoryColourCss } from '../../lib/core/categories.ts';
import css from './hover-card.css?inline';

export const CARD_CSS = categoryColourCss('.frame') + css;
