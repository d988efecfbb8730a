// The hover card's look for the lens (lib/page knows only the CardView port): CardRoot rendered
// with Preact into the card's shadow root, its data from the background (cached per page), its
// actions sent to the background.
import { h, render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { CardRoot } from '../../components/hover-card/CardRoot.tsx';
import { CARD_CSS as cardCss } from '../../components/hover-card/card-css.ts';
import { fetchCardDocs, fetchConceptDetails, forgetCachedData } from '../../hooks/concept-data.ts';
import { sendToBackground } from '../../lib/messaging.ts';
import type { CardView } from '../../lib/page/types.ts';

const openPassage = (passageId: string) =>
  void sendToBackground('openReader', { hash: passageId }).catch(() => undefined);
const search = (query: string) => void sendToBackground('openSearch', { query }).catch(() => undefined);

/** The library version the cached card data belongs to (CardModel.libraryVersion). */
let seenVersion = 0;

export const hoverCard: CardView = {
  css: cardCss,
  shadowRootUi: createShadowRootUi,
  render(frame, card) {
    if (!card) {
      render(null, frame);
      return;
    }
    if (card.libraryVersion !== seenVersion) {
      seenVersion = card.libraryVersion;
      forgetCachedData(); // definitions and occurrences may have changed with the user's library
    }
    render(
      h(CardRoot, {
        conceptId: card.conceptId,
        category: card.category,
        term: card.term,
        pageLang: card.pageLang,
        anchor: card.anchor,
        frame,
        fetchDetails: fetchConceptDetails,
        fetchDocs: fetchCardDocs,
        onOpenPassage: openPassage,
        onSearch: search,
        onClose: card.close,
      }),
      frame,
    );
  },
};
