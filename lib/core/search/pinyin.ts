// Query understanding: pinyin. The build (scripts/search-pinyin.ts, pinyin-pro) writes the
// readings of every Han character of the corpus and glossary and the pinyin of every Chinese
// concept name into the search index; lib/core only reads them (no pinyin library at run time).
// A query is pinyin when every word splits into known syllables, with or without tone marks
// (folded away like Vietnamese diacritics), tone numbers or spaces.

/** What the index carries (absent in an index built without the pinyin step). */
export interface SearchIndexPinyin {
  /** "字reading,reading;" per Han character (folded form), sorted: readings seen in context. */
  chars: string;
  /** Per concept id: the tone-marked pinyin of its Chinese label, and the toneless, space-separated
   * syllables of each of its Chinese names. */
  concepts: Record<string, { label: string; names: string[] }>;
}

export function parsePinyinChars(s: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const entry of s.split(';')) {
    if (entry.length < 2) continue;
    const cp = entry.codePointAt(0)!;
    const ch = String.fromCodePoint(cp);
    out.set(ch, entry.slice(ch.length).split(',').filter(Boolean));
  }
  return out;
}

const SYLLABLE_MAX = 6;

/** Splits a run of letters into syllables of `known` (fewest syllables); null if it cannot. */
export function segmentPinyin(s: string, known: ReadonlySet<string>): string[] | null {
  const n = s.length;
  const best = new Array<number>(n + 1).fill(Infinity);
  const from = new Array<number>(n + 1).fill(-1);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    if (best[i] === Infinity) continue;
    for (let l = 1; l <= SYLLABLE_MAX && i + l <= n; l++) {
      if (!known.has(s.slice(i, i + l))) continue;
      if (best[i]! + 1 < best[i + l]!) {
        best[i + l] = best[i]! + 1;
        from[i + l] = i;
      }
    }
  }
  if (best[n] === Infinity) return null;
  const out: string[] = [];
  for (let i = n; i > 0; i = from[i]!) out.push(s.slice(from[i]!, i));
  return out.reverse();
}

/** The words of a query that may be pinyin (tone numbers dropped), or null when it is not Latin. */
export function pinyinWords(q: string): string[] | null {
  if (!/^[a-z0-9' ]+$/.test(q) || !/[a-z]/.test(q)) return null;
  const words = q
    .replace(/([a-z])[1-5](?=[a-z' ]|$)/g, '$1')
    .split(/[ ']+/)
    .filter(Boolean);
  return words.every((w) => /^[a-z]+$/.test(w)) ? words : null;
}

/** Splits the query's words into syllables; null unless every word is pinyin. */
export function querySyllables(words: readonly string[], known: ReadonlySet<string>): string[][] | null {
  const out: string[][] = [];
  for (const w of words) {
    const s = segmentPinyin(w, known);
    if (!s) return null;
    out.push(s);
  }
  return out;
}
