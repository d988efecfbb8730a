// The card's stylesheet: its own CSS plus the category and user list colours generated from their
// tables (lib/core/categories.ts, lib/core/library/list-colours.ts), scoped to the card's frame. Both hosts (the page's shadow root,
// lib/page/card-ui.ts, and the reader's, components/reader/ReaderConceptCard.tsx) inject this.
import { categoryColourCss } from '../../lib/core/categories.ts';
import { listColourCss } from '../../lib/core/library/list-colour-css.ts';
import css from './hover-card.css?inline';

export const CARD_CSS = listColourCss('.frame') + categoryColourCss('.frame') + css;
