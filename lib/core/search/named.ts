// Query understanding: the concepts a query names, wherever in it: contained names, acronyms,
// close spellings of a few words or of a CJK segment, most of a long name's words, pinyin.
import { similarity } from './approximate.ts';
import type { ConceptNames, NameMatch } from './concept-names.ts';
import type { TermSource } from './term-index.ts';
import { LATIN_STOP } from './stop-words.ts';
import { spellOutVi } from './vi-abbreviations.ts';
import { CJK_SIMILARITY, NAME_WORDS_SHARE, WINDOW_SIMILARITY } from './tunables.ts';

const HAS_LATIN = /[a-z]/;
const WINDOW_WORDS_MAX = 12;
/** Distinct word windows looked up as possible misspelt names, per query. */
const WINDOWS_MAX = 16;

function isWordAt(q: string, at: number, len: number): boolean {
  const before = at > 0 ? q[at - 1]! : ' ';
  const after = at + len < q.length ? q[at + len]! : ' ';
  return !/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after);
}

export interface QueryWord {
  w: string;
  at: number;
}

/** Concepts named in a query, and the spans of the query that name them ([start, end) in q, or
 * syllable indices for pinyin): the terms inside a span count once, as the concept. */
export interface Named {
  found: Map<string, number>;
  spans: Array<[number, number]>;
  /** The spans naming each concept. */
  spansOf: Map<string, Array<[number, number]>>;
}

function put(n: Named, id: string, score: number, span: [number, number]): void {
  const prev = n.found.get(id);
  if (prev === undefined || score < prev) n.found.set(id, score);
  n.spans.push(span);
  const list = n.spansOf.get(id);
  if (list) list.push(span);
  else n.spansOf.set(id, [span]);
}

/**
 * Concepts named by overlapping parts of the query are alternatives (秀洲区 names the district, and
 * 秀洲区委 its Party committee): one group each, so the query's weight counts the part once.
 */
export function conceptGroups(n: Named): Map<string, number> {
  const ids = [...n.spansOf.keys()];
  const group = new Map(ids.map((id, i) => [id, i]));
  const overlap = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = n.spansOf.get(ids[i]!)!;
      const b = n.spansOf.get(ids[j]!)!;
      if (!a.some((x) => b.some((y) => overlap(x, y)))) continue;
      const from = group.get(ids[j]!)!;
      const to = group.get(ids[i]!)!;
      for (const [k, g] of group) if (g === from) group.set(k, to);
    }
  }
  return group;
}

/** Concepts named in q: contained names, acronyms, close spellings of word windows. */
export function findNamed(
  q: string,
  words: readonly QueryWord[],
  segments: readonly QueryWord[],
  names: ConceptNames,
  known: (word: string) => boolean,
): Named {
  const n: Named = { found: new Map(), spans: [], spansOf: new Map() };
  for (const { ni, at } of names.occurrencesIn(q)) {
    const { name, ci, weak } = names.all[ni]!;
    const latin = HAS_LATIN.test(name);
    if ((latin && name.length < 4) || (latin && !isWordAt(q, at, name.length))) continue;
    // A weak (case-sensitive, quoted-only) alias names a concept only as a word of its own: the
    // user typed the acronym on purpose ("CCP", "ccp").
    if (weak && !(latin && /^[a-z]{2,6}$/.test(name))) continue;
    put(n, names.concepts[ci]!.id, 1 - name.length / Math.max(q.length, name.length), [at, at + name.length]);
  }
  for (const { w, at } of words) {
    if (w.length >= 2 && w.length <= 6)
      for (const id of names.acronym(w)) put(n, id, 0.1, [at, at + w.length]);
  }
  spelledOut(words, names, n);
  // Close spellings of 2-5 consecutive words ("sixe stabilties", "formalsim and burocracy").
  const ws = words.slice(0, WINDOW_WORDS_MAX);
  // One fuzzy lookup per distinct window, at most WINDOWS_MAX (a paste repeats itself).
  const looked = new Map<string, readonly NameMatch[]>();
  for (let k = Math.min(5, ws.length); k >= 2; k--) {
    for (let i = 0; i + k <= ws.length; i++) {
      const win = ws.slice(i, i + k);
      if (LATIN_STOP.has(win[0]!.w) || LATIN_STOP.has(win[k - 1]!.w)) continue;
      // Only a window with a word the corpus does not know can be a misspelt name.
      if (!win.some((x) => !known(x.w) && !LATIN_STOP.has(x.w))) continue;
      const text = win.map((x) => x.w).join(' ');
      let matches = looked.get(text);
      if (!matches) {
        if (looked.size >= WINDOWS_MAX) continue;
        looked.set(text, (matches = names.fuzzy(text).slice(0, 5)));
      }
      for (const m of matches) {
        if (names.concepts[m.ci]!.weak?.includes(m.name)) continue;
        const sim = similarity(text, m.name);
        const last = win[k - 1]!;
        if (sim >= WINDOW_SIMILARITY)
          put(n, names.concepts[m.ci]!.id, 1 - sim, [win[0]!.at, last.at + last.w.length]);
      }
    }
  }
  for (const seg of segments) if (seg.w.length >= 3) namedInSegment(seg, names, n);
  if (words.length >= 3) mostWordsOfName(words, names, n);
  return n;
}

/** Names a query written with Vietnamese abbreviations names once they are spelt out: the whole of
 * a name, or its start ("ke hoach 439" is Kế hoạch số 439-KH/TU). */
function spelledOut(words: readonly QueryWord[], names: ConceptNames, n: Named): void {
  const vi = spellOutVi(words);
  if (!vi) return;
  const text = vi.text.replace(/ so (?=\d)/g, ' ');
  for (const { name, ci, weak } of names.all) {
    if (weak || !HAS_LATIN.test(name)) continue;
    const plain = name.replace(/ so (?=\d)/g, ' ');
    const whole = plain === text || (plain.startsWith(text) && !/[a-z0-9]/.test(plain[text.length]!));
    if (
      whole ||
      (plain.length >= 8 && text.includes(plain) && isWordAt(text, text.indexOf(plain), plain.length))
    )
      put(n, names.concepts[ci]!.id, whole ? 0.1 : 0.2, [vi.from, vi.to]);
  }
}

/** Segments longer than this are pastes, not misspelt names. */
const SEGMENT_FUZZY_MAX = 12;

/** Longest common substring of a and b: its length and start in a. */
function commonRun(a: string, b: string): { len: number; at: number } {
  let best = { len: 0, at: 0 };
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : 0;
      if (cur[j]! > best.len) best = { len: cur[j]!, at: i - cur[j]! };
    }
    [prev, cur] = [cur, prev];
  }
  return best;
}

/** A CJK segment of the query spelt close to a name ("两个唯护"), or holding most of one ("整改印染行业"
 * and 印染行业整治; "审计工作" and 全国审计工作会议). */
function namedInSegment(seg: QueryWord, names: ConceptNames, n: Named): void {
  const span: [number, number] = [seg.at, seg.at + seg.w.length];
  // A part of the query that already is a name is no misspelling of another (第十四个五年规划 is
  // not 第十三个五年规划).
  const named = (s: number, e: number) => n.spans.some(([a, b]) => a <= s && e <= b);
  if (named(span[0], span[1])) return;
  if (seg.w.length >= 4 && seg.w.length <= SEGMENT_FUZZY_MAX) {
    for (const m of names.fuzzy(seg.w).slice(0, 5)) {
      if (HAS_LATIN.test(m.name) || names.concepts[m.ci]!.weak?.includes(m.name)) continue;
      const sim = similarity(seg.w, m.name);
      if (sim >= CJK_SIMILARITY) put(n, names.concepts[m.ci]!.id, 1 - sim, span);
    }
  }
  for (const ni of names.sharingTrigram(seg.w)) {
    const { name, ci } = names.all[ni]!;
    const r = commonRun(seg.w, name);
    if (r.len >= 3 && r.len >= name.length * 0.5 && !named(seg.at + r.at, seg.at + r.at + r.len))
      put(n, names.concepts[ci]!.id, 0.3 + 0.5 * (1 - r.len / name.length), [
        seg.at + r.at,
        seg.at + r.at + r.len,
      ]);
  }
}

const sameWord = (a: string, b: string) =>
  a === b ||
  (a.length >= 5 &&
    b.length >= 5 &&
    a.slice(0, 5) === b.slice(0, 5) &&
    (a.startsWith(b.slice(0, -3)) || b.startsWith(a.slice(0, -3))));

const contentWordsCache = new WeakMap<ConceptNames, Array<string[] | null>>();

/** Content words of each Latin name of three or more (null for the others). */
function contentWords(names: ConceptNames): Array<string[] | null> {
  let cached = contentWordsCache.get(names);
  if (!cached) {
    cached = names.all.map(({ name, weak }) => {
      if (weak || !HAS_LATIN.test(name)) return null;
      const ws = (name.match(/[a-z0-9]+/g) ?? []).filter((w) => !LATIN_STOP.has(w));
      return ws.length >= 3 ? ws : null;
    });
    contentWordsCache.set(names, cached);
  }
  return cached;
}

/** Most of a long name's words in the query, in any order and form ("how is the printing and
 * dyeing industry being rectified" names "rectification of the printing and dyeing industry"). */
function mostWordsOfName(words: readonly QueryWord[], names: ConceptNames, n: Named): void {
  const cw = contentWords(names);
  // The query's words by their first five letters: sameWord needs them equal (or the words equal).
  const byHead = new Map<string, QueryWord[]>();
  for (const q of words) {
    const k = q.w.slice(0, 5);
    const list = byHead.get(k);
    if (list) list.push(q);
    else byHead.set(k, [q]);
  }
  cw.forEach((nameWords, i) => {
    if (!nameWords) return;
    const spans: Array<[number, number]> = [];
    for (const nw of nameWords) {
      const m = byHead.get(nw.slice(0, 5))?.find((q) => sameWord(q.w, nw));
      if (m) spans.push([m.at, m.at + m.w.length]);
    }
    const ratio = spans.length / nameWords.length;
    if (ratio < NAME_WORDS_SHARE) return;
    const id = names.concepts[names.all[i]!.ci]!.id;
    for (const span of spans) put(n, id, 0.3 + (1 - ratio), span);
  });
}

/** Concepts a pinyin query names: any run of its words, or its initials ("sgys"). Spans are in
 * syllables (of `syl`, when the words split into syllables). */
export function findPinyinNamed(words: readonly string[], syl: string[][] | null, terms: TermSource): Named {
  const n: Named = { found: new Map(), spans: [], spansOf: new Map() };
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
