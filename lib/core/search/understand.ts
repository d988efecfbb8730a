// Query understanding: what a query asks for, as weighted terms. Concepts the query names anywhere
// in it (labels, aliases, acronyms, pinyin, close spellings of a few words), its content words
// (stop and question words of en/zh/ja/vi dropped; each word stands for its other forms and, from
// five letters, its close misspellings), the character bigrams of its CJK text (Japanese kana are
// grammar and dropped) and, when every word is pinyin, the syllable pairs of the Han text.
import type { ConceptNames } from './concept-names.ts';
import { conceptGroups, findNamed, findPinyinNamed } from './named.ts';
import type { Named, QueryWord } from './named.ts';
import { pinyinWords, querySyllables } from './pinyin.ts';
import { HAN_STOP, LATIN_STOP } from './stop-words.ts';
import { entries } from './term-index.ts';
import type { TermSource } from './term-index.ts';
import { CONCEPT_TERM_WEIGHT } from './tunables.ts';

export type TermKind = 'concept' | 'word' | 'bigram' | 'pinyin';

/** Where a term is in one passage: a position and length in the prepared text (or, for a concept,
 * its occurrence ranges in the original text), and how well it matches (1 = the term itself). */
export interface TermAt {
  w: number;
  pos: number;
  len: number;
}

export interface Term {
  key: string;
  kind: TermKind;
  weight: number;
  at: ReadonlyMap<number, TermAt>;
  /** Terms of one group are alternatives: a passage counts the best of them, the query once. */
  group?: string;
  /** A word only Latin-script passages can hold: a passage in CJK script misses it by language,
   * so it weighs less there (CROSS_SCRIPT_WEIGHT). */
  latinOnly?: boolean;
}

export interface Understood {
  /** Alternative readings of the query (as words; as pinyin), each a list of terms. */
  readings: Term[][];
  /** Concepts the query names, best first. */
  conceptIds: string[];
}

/** What the understanding reads besides the query. */
export interface UnderstandSources {
  terms: TermSource;
  names: ConceptNames;
  /** Passages holding a concept (occurrences), as term positions. */
  conceptAt(id: string): ReadonlyMap<number, TermAt>;
}

const LATIN_WORD = /[a-z0-9]+/g;
const CJK_RUN = /[\p{Script=Han}\p{Script=Katakana}\u30FC]+/gu;
const HAS_CJK = /[\p{Script=Han}\p{Script=Katakana}]/u;
/** Words looked at in a query (a long paste keeps its first ones). */
const WORDS_MAX = 40;

const inside = (spans: ReadonlyArray<[number, number]>, s: number, e: number) =>
  spans.some(([a, b]) => a <= s && e <= b);

function wordTerms(words: readonly QueryWord[], spans: Named['spans'], terms: TermSource): Term[] {
  const out: Term[] = [];
  const seen = new Set<string>();
  for (const { w, at: qa } of words) {
    if (LATIN_STOP.has(w) || w.length < 2 || seen.has(w) || inside(spans, qa, qa + w.length)) continue;
    seen.add(w);
    const at = new Map<number, TermAt>();
    for (const m of terms.wordMatches(w)) {
      for (const [pi, pos] of entries(terms.words.get(m.word))) {
        const prev = at.get(pi);
        if (!prev || prev.w < m.weight) at.set(pi, { w: m.weight, pos, len: m.word.length });
      }
    }
    out.push({ key: w, kind: 'word', weight: 1, at, latinOnly: terms.latinOnly(w) });
  }
  return out;
}

/** The CJK text of the query as segments (text, start in q): kana dropped, stop phrases cut out,
 * two characters or more. */
export function cjkSegments(q: string): QueryWord[] {
  const out: QueryWord[] = [];
  for (const m of q.matchAll(CJK_RUN)) {
    let parts: QueryWord[] = [{ w: m[0], at: m.index }];
    for (const stop of HAN_STOP) {
      parts = parts.flatMap(({ w, at }) => {
        const pieces: QueryWord[] = [];
        let from = 0;
        for (let i = w.indexOf(stop); i >= 0; i = w.indexOf(stop, from)) {
          pieces.push({ w: w.slice(from, i), at: at + from });
          from = i + stop.length;
        }
        pieces.push({ w: w.slice(from), at: at + from });
        return pieces;
      });
    }
    out.push(...parts.filter((p) => p.w.length >= 2));
  }
  return out;
}

function bigramTerms(segments: readonly QueryWord[], spans: Named['spans'], terms: TermSource): Term[] {
  const seen = new Set<string>();
  const out: Term[] = [];
  for (const { w: s, at: qa } of segments) {
    for (let i = 0; i + 1 < s.length; i++) {
      const key = s.slice(i, i + 2);
      if (seen.has(key) || inside(spans, qa + i, qa + i + 2)) continue;
      seen.add(key);
      const at = new Map<number, TermAt>();
      for (const [pi, pos] of entries(terms.bigrams.get(key))) at.set(pi, { w: 1, pos, len: 2 });
      out.push({ key, kind: 'bigram', weight: 1, at });
    }
  }
  return out;
}

function pinyinTerms(syllables: readonly string[], spans: Named['spans'], terms: TermSource): Term[] {
  const out: Term[] = [];
  const seen = new Set<string>();
  for (let i = 0; i + 1 < syllables.length; i++) {
    const key = `${syllables[i]} ${syllables[i + 1]}`;
    if (seen.has(key) || inside(spans, i, i + 2)) continue;
    seen.add(key);
    const at = new Map<number, TermAt>();
    for (const [pi, pos] of entries(terms.pinyinPairs.get(key))) at.set(pi, { w: 1, pos, len: 2 });
    out.push({ key, kind: 'pinyin', weight: 1, at });
  }
  return out;
}

function conceptTerms(
  ids: readonly string[],
  groups: ReadonlyMap<string, number>,
  tag: string,
  src: UnderstandSources,
): Term[] {
  // A named concept no passage holds (most of the national vocabulary) ranks nothing and would
  // only raise the confidence floor for the other terms: it is answered by its card instead.
  return ids
    .map((id) => ({
      key: id,
      kind: 'concept' as const,
      weight: CONCEPT_TERM_WEIGHT,
      at: src.conceptAt(id),
      group: `${tag}${groups.get(id) ?? id}`,
    }))
    .filter((t) => t.at.size > 0);
}

/** Scores closer than this are a tie, broken by the longer part of the query named ("quang nin
 * provincal party commitee" names Quang Ninh's committee before any "provincial party committee"). */
const SCORE_TIE = 0.05;

const longest = (n: Named, id: string) => Math.max(0, ...(n.spansOf.get(id) ?? []).map(([s, e]) => e - s));

const ranked = (n: Named) =>
  [...n.found.entries()]
    .sort(
      (a, b) =>
        (Math.abs(a[1] - b[1]) >= SCORE_TIE ? a[1] - b[1] : longest(n, b[0]) - longest(n, a[0])) ||
        a[1] - b[1] ||
        (a[0] < b[0] ? -1 : 1),
    )
    .map(([id]) => id);

/** Reads a folded, normalised query. */
export function understand(q: string, src: UnderstandSources): Understood {
  const words = [...q.matchAll(LATIN_WORD)].slice(0, WORDS_MAX).map((m) => ({ w: m[0], at: m.index }));
  const segments = HAS_CJK.test(q) ? cjkSegments(q) : [];
  const named = findNamed(q, words, segments, src.names, (w) => src.terms.words.has(w));
  const namedIds = ranked(named);
  const readings = [
    [
      ...conceptTerms(namedIds, conceptGroups(named), 'q', src),
      ...wordTerms(words, named.spans, src.terms),
      ...bigramTerms(segments, named.spans, src.terms),
    ],
  ];
  const pyWords = pinyinWords(q);
  let pyIds: string[] = [];
  if (pyWords) {
    const syl = querySyllables(pyWords, src.terms.syllables);
    const py = findPinyinNamed(pyWords, syl, src.terms);
    // A query is read as pinyin only when all of it is ("dalian" in an English question is a word).
    pyIds = syl || pyWords.length === 1 ? ranked(py) : [];
    const terms = syl ? pinyinTerms(syl.flat(), py.spans, src.terms) : [];
    if (pyIds.length || terms.some((t) => t.at.size > 0)) {
      // Concepts named either way count; pinyin syllables replace the words.
      const fromPinyin = conceptTerms(pyIds, conceptGroups(py), 'p', src);
      const fromText = conceptTerms(
        namedIds.filter((id) => !pyIds.includes(id)),
        conceptGroups(named),
        'q',
        src,
      );
      readings.push([...fromPinyin, ...fromText, ...terms]);
    }
  }
  return { readings, conceptIds: [...new Set([...namedIds, ...pyIds])] };
}
