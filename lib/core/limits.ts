// Every cap of the product, written once (10ten keeps its caps in one limits module the same way).
// A number here that bounds user input is the contract between the UI, the messages and the core;
// change it here and nowhere else.

/** Raw query characters the search reads; one more than this tells it the query was cut. */
export const RAW_QUERY_CAP = 1024;
/** Characters a UI sends for a query: one over RAW_QUERY_CAP, so the search can say "truncated". */
export const QUERY_SEND_CAP = RAW_QUERY_CAP + 1;
/** Characters the popup's search box holds (the search reads no more). */
export const QUERY_INPUT_MAX = RAW_QUERY_CAP;
/** Characters of a query passed on in a URL (popup.html?q=, "Search the corpus" from a card). */
export const URL_QUERY_CAP = 500;
/** Normalised query length used for exact substring search. */
export const EXACT_CAP = 256;
/** Normalised query length used for fuzzy search (fuse.js bitap splits patterns > 32). */
export const FUZZY_CAP = 64;
/** Normalised query length used for concept expansion and suggestions. */
export const CONCEPT_CAP = 64;
/** Results per search: default and most a caller may ask for. */
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 200;
/** Longest string any message field may carry (a pasted page is far below this). */
export const MESSAGE_STRING_MAX = 2_000_000;
/** Longest reader hash a message may carry (reader.html#…). */
export const HASH_MAX = 2000;
/** Longest id (concept, document, passage) accepted anywhere. */
export const ID_MAX = 120;
/** Most [conceptId, count] pairs one frame may report. */
export const REPORT_CONCEPTS_MAX = 10_000;
/** Longest hostname a setting may name (DNS names are at most 253 characters). */
export const HOSTNAME_MAX = 253;
/**
 * How far (UTF-16 units, within one text block) the evidence for a needsContext alias may be:
 * another accepted policy term at most this far before or after it (lib/core/match-context.ts).
 * About two sentences of news prose.
 */
export const CONTEXT_WINDOW = 300;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

// The one place that knows UTF-16 pairs: every cut and span edge goes through these three.

/** `start`, or one less when it would begin a span on the second half of a pair. */
export function pairSafeStart(text: string, start: number): number {
  return start > 0 && isLowSurrogate(text.charCodeAt(start)) ? start - 1 : start;
}

/** `end`, or one less when it would end a span after the first half of a pair. */
export function pairSafeEnd(text: string, end: number): number {
  return end > 0 && end < text.length && isHighSurrogate(text.charCodeAt(end - 1)) ? end - 1 : end;
}

/** Cuts s to at most n UTF-16 units without splitting a surrogate pair. The one cut everywhere. */
export function cutSafe(s: string, n: number): string {
  if (s.length <= n) return s;
  return s.slice(0, pairSafeEnd(s, Math.max(0, n)));
}

// ---------------------------------------------------------------------------------------------
// The user's library (issue #12). A file over IMPORT_FILE_MAX_BYTES is refused before it is read.

/** Largest file the Library section reads (bytes): a 200 MB file is refused by name and size. */
export const IMPORT_FILE_MAX_BYTES = 50 * 1024 * 1024;
/** Most characters of text one imported document may hold (≈ 3,000 pages; one message carries it). */
export const IMPORT_TEXT_MAX = 10_000_000;
/** Most terms in one term list. */
export const TERM_LIST_MAX_TERMS = 20_000;
/** Most aliases of one user term. */
export const TERM_ALIASES_MAX = 64;
/** Longest term or alias of a user list (characters). */
export const TERM_TEXT_MAX = 200;
/** Longest user definition (characters). */
export const USER_DEFINITION_MAX = 4_000;
/** Longest title, publisher, byline, site name or list name (characters). */
export const LIBRARY_LABEL_MAX = 500;
/** Longest source URL a document or term keeps. */
export const LIBRARY_URL_MAX = 2_048;
/** Most tags on one document, and the longest tag. */
export const TAGS_MAX = 32;
export const TAG_MAX = 64;
/** Most term lists the library holds (each has one of the list colours). */
export const TERM_LISTS_MAX = 64;
/**
 * Longest passage of a user's document (characters): a longer paragraph (a PDF page without
 * paragraph breaks, a text without a newline) is cut at sentence ends, so snippets, the reader's
 * anchors and the search work on passages of the size the bundled corpus has.
 */
export const USER_PASSAGE_MAX = 3_000;

// ---------------------------------------------------------------------------------------------
// The sync storage area's quotas (the same in Chrome and Firefox: Chrome's extension
// storage API reference and MDN "storage.sync"). Sizes count a key's length plus its value's JSON.
// Settings go to sync one key per value or list entry; what sync refuses stays in storage.local
// (lib/settings.ts), so these bound what syncs, never what the user may set.

/** Most bytes the whole sync area may hold. */
export const SYNC_QUOTA_BYTES = 102_400;
/** Most bytes of one sync item (key + JSON value). */
export const SYNC_QUOTA_BYTES_PER_ITEM = 8_192;
/** Most items in the sync area. */
export const SYNC_MAX_ITEMS = 512;
/** Chrome's write-rate limits for sync (set/remove calls, whatever their size); Firefox has none. */
export const SYNC_MAX_WRITES_PER_MINUTE = 120;
export const SYNC_MAX_WRITES_PER_HOUR = 1_800;
