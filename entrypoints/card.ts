// The hover card's code (Preact, the card components, their styles), built as its own script and
// loaded into a frame's content-script world on the first card open (entrypoints/content/index.ts),
// so the content script that every page evaluates does not carry it.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CARD_VIEW_SLOT } from '../lib/page/constants.ts';
import { hoverCard } from './content/card.ts';

export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<string, unknown>)[CARD_VIEW_SLOT] = hoverCard;
});
