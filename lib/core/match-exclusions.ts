// Page time: where a glossary term in the text is not prose — inside a URL, an e-mail address, a
// file name, a slug or snake_case identifier — or is only the head of a longer document number
// (a council's "Nghị quyết 18/2024/NQ-HĐND" is not the Party's "Nghị quyết 18"). Matches there
// are dropped. Runs only on blocks that have matches, so the regexes cost nothing on most text.
import type { TermMatch } from './types.ts';

// Characters that end a URL in running text: white space, brackets and CJK punctuation.
const URL_END = String.raw`\s<>"'「」『』（）【】《》〈〉，。、；！？`;
const SLUG = /(?<![\p{L}\p{N}_-])[\p{Ll}\p{N}]+(?:[-_][\p{Ll}\p{N}]+){2,}(?![\p{L}\p{N}_-])/gu;

/**
 * A slug is written without tone marks or accents (doi-moi-40-years); Vietnamese prose hyphenates
 * a slogan's words with them (quyết-làm-chịu). So a token with a letter beyond ASCII is a slug only
 * when it is long (five words or more) or has a number in it (an IRI path's last part).
 */
function isSlug(token: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(token)) return true;
  const parts = token.split(/[-_]/);
  return parts.length >= 5 || parts.some((p) => /^\p{N}+$/u.test(p));
}

const EXCLUDED: readonly RegExp[] = [
  // scheme or www. URLs (IRIs: CJK paths included)
  new RegExp(String.raw`(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^${URL_END}]+`, 'giu'),
  // bare host names with a path: example.com/…, en.vietnamplus.vn/…
  new RegExp(
    String.raw`(?<![\p{L}\p{N}@.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24}\/[^${URL_END}]*`,
    'giu',
  ),
  // e-mail addresses
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu,
  // file names with a known extension
  /[\p{L}\p{N}_.-]+\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|rtf|txt|csv|json|xml|html?|php|aspx?|jsp|jpe?g|png|gif|webp|svg|bmp|tiff?|mp[34]|mov|avi|zip|rar|7z|gz|tar|js|ts|py)(?![\p{L}\p{N}])/giu,
  // slugs: three or more lower-case words joined by hyphens or underscores (doi-moi-40-years),
  // see isSlug
  SLUG,
  // snake_case identifiers
  /(?<![\p{L}\p{N}_])[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)+(?![\p{L}\p{N}_])/gu,
];

/** Spans [start, end) of `text` that are URLs, e-mail addresses, file names, slugs or identifiers. */
export function excludedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const re of EXCLUDED) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text))
      if (re !== SLUG || isSlug(m[0])) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

/** A number in the match continues as a longer code: 18/2024, 18-2023, 18.2 (not 18-NQ/TW's own match). */
function continuesNumber(text: string, m: TermMatch): boolean {
  const last = text.charCodeAt(m.end - 1);
  if (last < 0x30 || last > 0x39) return false;
  const sep = text[m.end];
  if (sep !== '/' && sep !== '-' && sep !== '.' && sep !== '‐' && sep !== '–') return false;
  return /[\p{L}\p{N}]/u.test(text[m.end + 1] ?? '');
}

/**
 * How far around a match the patterns are run. None of them spans white space, so the nearest
 * white space on each side of a match bounds every excluded span that can touch it; where there
 * is none within REACH units (unspaced CJK), REACH does (a URL running on for longer than that
 * into a term is not one we drop). Running them over a whole block instead cost ~1 µs a unit
 * whenever the block held a match: seconds on a 20 MB text page.
 */
const REACH = 512;

/** [from, to) of `text` around `m` that holds every excluded span touching it, with one unit of context. */
function around(text: string, m: TermMatch): [number, number] {
  const lo = Math.max(0, m.start - REACH);
  let a = m.start;
  while (a > lo && !/\s/.test(text[a - 1]!)) a--;
  const hi = Math.min(text.length, m.end + REACH);
  let b = m.end;
  while (b < hi && !/\s/.test(text[b]!)) b++;
  return [Math.max(0, a - 1), Math.min(text.length, b + 1)];
}

/** `matches` without those inside excluded spans or heading a longer document number. */
export function dropExcluded(text: string, matches: readonly TermMatch[]): TermMatch[] {
  if (matches.length === 0) return [];
  const spans: Array<[number, number]> = [];
  let last: [number, number] | null = null;
  const scan = (r: [number, number]) => {
    const part = text.slice(r[0], r[1]);
    if (/[/@._-]/.test(part)) for (const [s, e] of excludedSpans(part)) spans.push([s + r[0], e + r[0]]);
  };
  // Regions around the matches (in document order), overlapping ones merged.
  for (const m of matches) {
    const r = around(text, m);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else {
      if (last) scan(last);
      last = r;
    }
  }
  if (last) scan(last);
  return matches.filter(
    (m) => !continuesNumber(text, m) && !spans.some(([s, e]) => m.start < e && m.end > s),
  );
}
