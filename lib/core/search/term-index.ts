// Query understanding, the index side: an inverted index over the prepared (normalised, folded)
// passages, built when the Search is created: Latin words (English, Vietnamese without
// diacritics), CJK character bigrams and pinyin syllable pairs of Han text. Postings keep the first
// position of the term in the passage, for the marks. Cost: one pass over the corpus text.
import { editDistance } from './approximate.ts';
import { parsePinyinChars } from './pinyin.ts';
import type { SearchIndexPinyin } from './pinyin.ts';
import type { PreparedPassage } from './prepared-passage.ts';

/** Flat [passage index, first position in the prepared text, ...], passages ascending (plain
 * arrays: a Map per term made the index 4x slower to build). */
export type Postings = number[];

/** The [passage index, position] pairs of a postings list. */
export function* entries(p: Postings | undefined): Generator<[number, number]> {
  if (!p) return;
  for (let i = 0; i + 1 < p.length; i += 2) yield [p[i]!, p[i + 1]!];
}

const WORD = /[a-z0-9]+/g;
/** BMP Han: Extension A, Unified Ideographs, Compatibility Ideographs (the folding uses some). */
const isHan = (c: number) =>
  (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
/** Han or Katakana (with the prolonged sound mark): the script of CJK content words. */
const isCjk = (c: number) => isHan(c) || (c >= 0x30a0 && c <= 0x30ff);

function post(map: Map<string, Postings>, key: string, pi: number, pos: number): void {
  const p = map.get(key);
  if (!p) map.set(key, [pi, pos]);
  else if (p[p.length - 2] !== pi) p.push(pi, pos);
}

/** True when `short` is `long` with one letter left out. */
function dropsOne(long: string, short: string): boolean {
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  return long.slice(i + 1) === short.slice(i);
}

/** A term's postings by key (a Map, or a lookup over per-document segments: segmented.ts). */
export interface TermLookup {
  get(key: string): Postings | undefined;
  has(key: string): boolean;
}

/** What the query understanding reads of the term index (TermIndex, or SegmentedTerms). */
export interface TermSource {
  readonly words: TermLookup;
  readonly bigrams: TermLookup;
  readonly pinyinPairs: TermLookup;
  readonly syllables: ReadonlySet<string>;
  readonly cjk: Uint8Array;
  readonly conceptPinyin: ReadonlyMap<string, string[]>;
  readonly conceptInitials: ReadonlyMap<string, string[]>;
  latinOnly(w: string): boolean;
  wordMatches(w: string): WordMatch[];
}

export interface WordMatch {
  word: string;
  /** 1 for the word itself, less for another form or a misspelling of it. */
  weight: number;
}

export class TermIndex implements TermSource {
  readonly passageCount: number;
  readonly words = new Map<string, Postings>();
  readonly bigrams = new Map<string, Postings>();
  readonly pinyinPairs = new Map<string, Postings>();
  /** Every pinyin syllable the index knows (to tell pinyin queries from other Latin text). */
  readonly syllables = new Set<string>();
  /** Passages written mostly in CJK script (1) or not (0). */
  readonly cjk: Uint8Array;
  /** Toneless pinyin of a concept name, spaces removed -> concept ids. */
  readonly conceptPinyin = new Map<string, string[]>();
  /** Initials of a concept name's pinyin (3 letters or more) -> concept ids. */
  readonly conceptInitials = new Map<string, string[]>();
  private readonly byFirst = new Map<string, string[]>();

  constructor(prepared: readonly PreparedPassage[], pinyin: SearchIndexPinyin | undefined) {
    this.passageCount = prepared.length;
    this.cjk = new Uint8Array(prepared.length);
    const readings = parsePinyinChars(pinyin?.chars ?? '');
    for (const list of readings.values()) for (const r of list) this.syllables.add(r);
    prepared.forEach((pp, pi) => this.addPassage(pp.text, pi, readings));
    for (const w of this.words.keys()) {
      const list = this.byFirst.get(w[0]!);
      if (list) list.push(w);
      else this.byFirst.set(w[0]!, [w]);
    }
    for (const [id, { names }] of Object.entries(pinyin?.concepts ?? {})) {
      for (const n of names) {
        const syl = n.split(' ').filter(Boolean);
        for (const s of syl) this.syllables.add(s);
        const add = (m: Map<string, string[]>, k: string) => {
          const ids = m.get(k);
          if (!ids) m.set(k, [id]);
          else if (!ids.includes(id)) ids.push(id);
        };
        add(this.conceptPinyin, syl.join(''));
        if (syl.length >= 3) add(this.conceptInitials, syl.map((s) => s[0]).join(''));
      }
    }
  }

  private addPassage(text: string, pi: number, readings: ReadonlyMap<string, string[]>): void {
    let latin = 0;
    for (const m of text.matchAll(WORD)) {
      post(this.words, m[0], pi, m.index);
      latin += m[0].length;
    }
    let cjk = 0;
    for (let i = 0; i < text.length; i++) if (isCjk(text.charCodeAt(i))) cjk++;
    this.cjk[pi] = cjk > latin ? 1 : 0;
    for (let i = 0; i + 1 < text.length; i++) {
      const a = text.charCodeAt(i);
      const b = text.charCodeAt(i + 1);
      if (!isCjk(a) || !isCjk(b)) continue;
      const pair = text.slice(i, i + 2);
      post(this.bigrams, pair, pi, i);
      if (!isHan(a) || !isHan(b)) continue;
      for (const ra of readings.get(pair[0]!) ?? [])
        for (const rb of readings.get(pair[1]!) ?? []) post(this.pinyinPairs, `${ra} ${rb}`, pi, i);
    }
  }

  /** True when only passages in Latin script hold `w` (an English or Vietnamese word, not an
   * acronym or number that CJK text writes too). */
  latinOnly(w: string): boolean {
    if (!/[a-z]/.test(w)) return false;
    for (const [pi] of entries(this.words.get(w))) if (this.cjk[pi]) return false;
    return true;
  }

  /** Corpus words a query word stands for (matchWords). */
  wordMatches(w: string): WordMatch[] {
    return matchWords(w, (v) => this.words.has(v), this.byFirst.get(w[0] ?? '') ?? []);
  }
}

/**
 * Corpus words a query word stands for: itself, other forms sharing its stem ("auditing" /
 * "audit", "villages" / "village"), else close misspellings, bounded by length so that a short
 * word is never read as another short word (1 edit from 5 letters, 2 from 8). `same`: the corpus
 * words with the first letter of `w`.
 */
export function matchWords(w: string, has: (v: string) => boolean, same: readonly string[]): WordMatch[] {
  const out: WordMatch[] = [];
  if (has(w)) out.push({ word: w, weight: 1 });
  // The plural of a word in -y, as people misspell it ("dutys" / "duties").
  const ies = /[^aeiou]ys$/.test(w) ? `${w.slice(0, -2)}ies` : '';
  if (ies && has(ies)) out.push({ word: ies, weight: 0.9 });
  if (w.length >= 4) {
    for (const v of same) {
      if (v === w) continue;
      const [s, l] = v.length < w.length ? [v, w] : [w, v];
      if (s.length >= 4 && l.length - s.length <= 4 && l.startsWith(s)) out.push({ word: v, weight: 0.9 });
    }
  }
  if (out.length || w.length < 4 || /\d/.test(w)) return out;
  // Four letters: only a dropped letter ("audt" / "audit"), never another short word.
  if (w.length === 4) {
    for (const v of same) if (v.length === 5 && dropsOne(v, w)) out.push({ word: v, weight: 0.6 });
    return out;
  }
  const max = w.length >= 8 ? 2 : 1;
  for (const v of same) {
    if (Math.abs(v.length - w.length) > max || v.length < 4) continue;
    const d = editDistance(w, v);
    if (d <= max) out.push({ word: v, weight: 0.8 - 0.1 * d });
  }
  return out;
}
