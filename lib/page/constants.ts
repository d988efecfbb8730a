// Names shared by the content-script stages.

const letters = (n: number) =>
  Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

/**
 * Tag of the single shadow host we add to a page (the hover card), created lazily. Random per
 * script instance, so a page cannot look the extension up by a fixed element name (it can still
 * see that some unknown element with a closed shadow root sits in its body while a card is open).
 */
export const HOST_TAG = `${letters(4)}-${letters(6)}`;
/** Prefix of every CSS.highlights name we register: `policy-lens-<category>`. */
export const HIGHLIGHT_PREFIX = 'policy-lens-';
/** Highlight of the term whose card is open (keyboard navigation, revealConcept). */
export const ACTIVE_HIGHLIGHT = 'policy-lens-active';
/** Most ranges painted per frame; beyond it the viewport wins and `capped` is reported. */
export const HIGHLIGHT_CAP = 5000;
/** Longest a scan slice may run before yielding to the page (ms). */
export const SLICE_MS = 8;

/**
 * Where the card's script (entrypoints/card.ts, loaded on the first card open) leaves the card's
 * look: a property of the content scripts' own global object, which pages do not share.
 */
export const CARD_VIEW_SLOT = '__policyLensCardView';
