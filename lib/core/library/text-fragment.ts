// Links to a passage of a web page with a text directive (`#:~:text=`, WICG "URL Fragment Text
// Directives"): the browser scrolls to and marks the passage. A short passage is quoted whole; a
// long one as `textStart,textEnd`, its first and last few words, cut where a word ends (at a
// space, or at punctuation in Chinese and Japanese, which have no spaces) because browsers match
// the terms on word boundaries.

/** Passages up to this many characters are quoted whole. */
const WHOLE_MAX = 80;
/** Words of a long Latin-script passage in textStart and in textEnd. */
const EDGE_WORDS = 4;
/** Characters of a long CJK passage in textStart / textEnd when no punctuation is near. */
const EDGE_CHARS = 20;
/** Furthest a CJK textStart / textEnd looks for punctuation to cut at. */
const EDGE_MAX = 40;

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;
/** Punctuation a CJK term may be cut before (start) or after (end): always a word boundary. */
const CJK_STOP = /[，。、；：！？,.;:!?）」』”》〉)]/;

/**
 * A text directive term percent-encoded: what encodeURIComponent encodes (including `&` and `,`,
 * the directive's own delimiters) plus `-`, which would mark a prefix or suffix.
 */
export function encodeTextDirective(s: string): string {
  return encodeURIComponent(s).replace(/-/g, '%2D');
}

function latinEdges(text: string): [string, string] | null {
  const words = text.split(' ');
  if (words.length <= EDGE_WORDS * 2) return null;
  return [words.slice(0, EDGE_WORDS).join(' '), words.slice(-EDGE_WORDS).join(' ')];
}

/** Shortest CJK textStart / textEnd cut at punctuation (a shorter one may match too early). */
const EDGE_MIN = 6;

function cjkEdges(text: string): [string, string] {
  // textStart: up to the first punctuation within reach, else a fixed number of characters.
  const head = text.slice(0, EDGE_MAX);
  const cut = head.slice(EDGE_MIN).search(CJK_STOP);
  const start = cut === -1 ? text.slice(0, EDGE_CHARS) : head.slice(0, EDGE_MIN + cut);
  // textEnd: from just after the last punctuation within reach, else a fixed number of characters.
  const tailFrom = text.length - EDGE_MAX;
  const tail = text.slice(tailFrom, text.length - EDGE_MIN);
  let stop = -1;
  for (let i = tail.length - 1; i >= 0 && stop === -1; i--) if (CJK_STOP.test(tail[i]!)) stop = i;
  const end = stop === -1 ? text.slice(-EDGE_CHARS) : text.slice(tailFrom + stop + 1);
  return [start.trim(), end.trim()];
}

/** The text directive (`text=…`) of a passage, or '' when it has no text. */
export function textDirective(passageText: string): string {
  const text = passageText.replace(/\s+/g, ' ').trim();
  if (text === '') return '';
  if (text.length <= WHOLE_MAX) return `text=${encodeTextDirective(text)}`;
  const edges =
    CJK.test(text) && text.split(' ').length < text.length / 8 ? cjkEdges(text) : latinEdges(text);
  if (!edges) return `text=${encodeTextDirective(text)}`;
  return `text=${encodeTextDirective(edges[0])},${encodeTextDirective(edges[1])}`;
}

/** File types browsers show without HTML: a text directive does nothing there. */
const NOT_A_PAGE = /\.(pdf|docx?|xlsx?|pptx?|zip|png|jpe?g|gif)$/i;

/**
 * The URL of a passage on the original page: `url#:~:text=…` (after the page's own fragment, if
 * any). A PDF or other file is linked as it is.
 */
export function passageLink(url: string, passageText: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return url;
  }
  const directive = textDirective(passageText);
  if (directive === '' || NOT_A_PAGE.test(path)) return url;
  const base = url.replace(/:~:.*$/, '');
  return `${base}${base.includes('#') ? '' : '#'}:~:${directive}`;
}
