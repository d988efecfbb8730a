// Names shared by the content-script stages.

/** Tag of the single shadow host we add to a page (the hover card), created lazily. */
export const HOST_TAG = 'policy-lens-card';
/** Prefix of every CSS.highlights name we register: `policy-lens-<category>`. */
export const HIGHLIGHT_PREFIX = 'policy-lens-';
/** Highlight of the term whose card is open (keyboard navigation, revealConcept). */
export const ACTIVE_HIGHLIGHT = 'policy-lens-active';
/** Most ranges painted per frame; beyond it the viewport wins and `capped` is reported. */
export const HIGHLIGHT_CAP = 5000;
/** Longest a scan slice may run before yielding to the page (ms). */
export const SLICE_MS = 8;
