// Query understanding: what a query asks for, as weighted terms. Concepts the query names anywhere
// in it (labels, aliases, acronyms, pinyin, close spellings of a few words), its content words
// (stop and question words of en/zh/ja/vi dropped; each word stands for its other forms and, from
// five letters, its close misspellings), the character bigrams of its CJK text (Japanese kana are
// grammar and dropped) and, when every word is pinyin, the syllable pairs of the Han text.
import { similarity } from './approximate.ts';
import type { ConceptNames } from './concept-names.ts';
import { pinyinWords, querySyllables } from './pinyin.ts';
import { HAN_STOP, LATIN_STOP } from './stop-words.ts';
import type { TermIndex } from './term-index.ts';
import { CONCEPT_TERM_WEIGHT, WINDOW_SIMILARITY } from './tunables.ts';

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
}

export interface Understood {
  /** Alternative readings of the query (as words; as pinyin), each a list of terms. */
  readings: Term[][];
  /** Concepts the query names, best first. */
  conceptIds: string[];
}

/** What the understanding reads besides the query. */
export interface UnderstandSources {
  terms: TermIndex;
  names: ConceptNames;
  /** Passages holding a concept (occurrences), as term positions. */
  conceptAt(id: string): ReadonlyMap<number, TermAt>;
}

const LATIN_WORD = /[a-z0-9]+/g;
const CJK_RUN = /[\p{Script=Han}\p{Script=Katakana}\u30FC]+/gu;
const HAS_LATIN = /[a-z]/;
const HAS_CJK = /[\p{Script=Han}\p{Script=Katakana}]/u;
/** Words looked at in a query (a long paste keeps its first ones). */
const WORDS_MAX = 40;
const WINDOW_WORDS_MAX = 12;

function isWordAt(q: string, at: number, len: number): boolean {
  const before = at > 0 ? q[at - 1]! : ' ';
  const after = at + len < q.length ? q[at + len]! : ' ';
  return !/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after);
}

interface QueryWord {
  w: string;
  at: number;
}

/** Concepts named in a query, and the spans of the query that name them ([start, end) in q, or
 * syllable indices for pinyin): the terms inside a span count once, as the concept. */
interface Named {
  found: Map<string, number>;
  spans: Array<[number, number]>;
}

function put(n: Named, id: string, score: number, span: [number, number]): void {
  const prev = n.found.get(id);
  if (prev === undefined || score < prev) n.found.set(id, score);
  n.spans.push(span);
}

/** Concepts named in q: contained names, acronyms, close spellings of word windows. */
function findNamed(q: string, words: readonly QueryWord[], src: UnderstandSources): Named {
  const n: Named = { found: new Map(), spans: [] };
  const { names } = src;
  for (const { name, ci, weak } of names.all) {
    const latin = HAS_LATIN.test(name);
    if (name.length < (latin ? 4 : 2)) continue;
    const at = q.indexOf(name);
    if (at < 0 || (latin && !isWordAt(q, at, name.length))) continue;
    // A weak (case-sensitive, quoted-only) alias names a concept only as a word of its own: the
    // user typed the acronym on purpose ("CCP", "ccp").
    if (weak && !(latin && /^[a-z]{2,6}$/.test(name))) continue;
    put(n, names.concepts[ci]!.id, 1 - name.length / Math.max(q.length, name.length), [at, at + name.length]);
  }
  for (const { w, at } of words) {
    if (w.length >= 2 && w.length <= 6)
      for (const id of names.acronym(w)) put(n, id, 0.1, [at, at + w.length]);
  }
  // Close spellings of 2-4 consecutive words ("sixe stabilties", "formalsim and burocracy").
  const ws = words.slice(0, WINDOW_WORDS_MAX);
  for (let k = Math.min(4, ws.length); k >= 2; k--) {
    for (let i = 0; i + k <= ws.length; i++) {
      const win = ws.slice(i, i + k);
      if (LATIN_STOP.has(win[0]!.w) || LATIN_STOP.has(win[k - 1]!.w)) continue;
      const text = win.map((x) => x.w).join(' ');
      for (const m of names.fuzzy(text).slice(0, 5)) {
        if (names.concepts[m.ci]!.weak?.includes(m.name)) continue;
        const sim = similarity(text, m.name);
        const last = win[k - 1]!;
        if (sim >= WINDOW_SIMILARITY)
          put(n, names.concepts[m.ci]!.id, 1 - sim, [win[0]!.at, last.at + last.w.length]);
      }
    }
  }
  return n;
}

/** Concepts a pinyin query names: any run of its words, or its initials ("sgys"). Spans are in
 * syllables (of `syl`, when the words split into syllables). */
function findPinyinNamed(words: readonly string[], syl: string[][] | null, terms: TermIndex): Named {
  const n: Named = { found: new Map(), spans: [] };
  const ws = words.slice(0, WINDOW_WORDS_MAX);
  const sylStart: number[] = [];
  let count = 0;
  for (let i = 0; i <= ws.length; i++) {
    sylStart.push(count);
    count += syl?.[i]?.length ?? 0;
  }
  for (let i = 0; i < ws.length; i++) {
    for (let j = ws.length; j > i; j--) {
      for (const id of terms.conceptPinyin.get(ws.slice(i, j).join('')) ?? [])
        put(n, id, 0.05, [sylStart[i]!, sylStart[j]!]);
    }
  }
  if (ws.length === 1 && ws[0]!.length >= 3 && !terms.words.has(ws[0]!)) {
    const ids = terms.conceptInitials.get(ws[0]!);
    if (ids?.length === 1) put(n, ids[0]!, 0.1, [0, count]);
  }
  return n;
}

const inside = (spans: ReadonlyArray<[number, number]>, s: number, e: number) =>
  spans.some(([a, b]) => a <= s && e <= b);

function wordTerms(words: readonly QueryWord[], spans: Named['spans'], terms: TermIndex): Term[] {
  const out: Term[] = [];
  const seen = new Set<string>();
  for (const { w, at: qa } of words) {
    if (LATIN_STOP.has(w) || w.length < 2 || seen.has(w) || inside(spans, qa, qa + w.length)) continue;
    seen.add(w);
    const at = new Map<number, TermAt>();
    for (const m of terms.wordMatches(w)) {
      for (const [pi, pos] of terms.words.get(m.word) ?? []) {
        const prev = at.get(pi);
        if (!prev || prev.w < m.weight) at.set(pi, { w: m.weight, pos, len: m.word.length });
      }
    }
    out.push({ key: w, kind: 'word', weight: 1, at });
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

function bigramTerms(segments: readonly QueryWord[], spans: Named['spans'], terms: TermIndex): Term[] {
  const seen = new Set<string>();
  const out: Term[] = [];
  for (const { w: s, at: qa } of segments) {
    for (let i = 0; i + 1 < s.length; i++) {
      const key = s.slice(i, i + 2);
      if (seen.has(key) || inside(spans, qa + i, qa + i + 2)) continue;
      seen.add(key);
      const at = new Map<number, TermAt>();
      for (const [pi, pos] of terms.bigrams.get(key) ?? []) at.set(pi, { w: 1, pos, len: 2 });
      out.push({ key, kind: 'bigram', weight: 1, at });
    }
  }
  return out;
}

function pinyinTerms(syllables: readonly string[], spans: Named['spans'], terms: TermIndex): Term[] {
  const out: Term[] = [];
  const seen = new Set<string>();
  for (let i = 0; i + 1 < syllables.length; i++) {
    const key = `${syllables[i]} ${syllables[i + 1]}`;
    if (seen.has(key) || inside(spans, i, i + 2)) continue;
    seen.add(key);
    const at = new Map<number, TermAt>();
    for (const [pi, pos] of terms.pinyinPairs.get(key) ?? []) at.set(pi, { w: 1, pos, len: 2 });
    out.push({ key, kind: 'pinyin', weight: 1, at });
  }
  return out;
}

const conceptTerm = (id: string, src: UnderstandSources): Term => ({
  key: id,
  kind: 'concept',
  weight: CONCEPT_TERM_WEIGHT,
  at: src.conceptAt(id),
});

const ranked = (n: Named) =>
  [...n.found.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);

/** Reads a folded, normalised query. */
export function understand(q: string, src: UnderstandSources): Understood {
  const words = [...q.matchAll(LATIN_WORD)].slice(0, WORDS_MAX).map((m) => ({ w: m[0], at: m.index }));
  const named = findNamed(q, words, src);
  const segments = HAS_CJK.test(q) ? cjkSegments(q) : [];
  const namedIds = ranked(named);
  const readings = [
    [
      ...namedIds.map((id) => conceptTerm(id, src)),
      ...wordTerms(words, named.spans, src.terms),
      ...bigramTerms(segments, named.spans, src.terms),
    ],
  ];
  const pyWords = pinyinWords(q);
  let pyIds: string[] = [];
  if (pyWords) {
    const syl = querySyllables(pyWords, src.terms.syllables);
    const py = findPinyinNamed(pyWords, syl, src.terms);
    pyIds = ranked(py);
    const terms = syl ? pinyinTerms(syl.flat(), py.spans, src.terms) : [];
    if (pyIds.length || terms.some((t) => t.at.size > 0)) {
      // Concepts named either way count; pinyin syllables replace the words.
      const ids = [...new Set([...pyIds, ...namedIds])];
      readings.push([...ids.map((id) => conceptTerm(id, src)), ...terms]);
    }
  }
  return { readings, conceptIds: [...new Set([...namedIds, ...pyIds])] };
}
