// Per-document search segments (issue #11 item 2): everything the search reads of one document
// that costs a pass over its text, computed once when the document is imported and stored with it
// (lib/background/library), so that a library of thousands of documents is searched without
// re-reading its text at start-up. A segmented search (segmented.ts) merges them at query time.
//
// Plain data of strings and typed arrays: IndexedDB stores it as it is (structured clone copies
// typed arrays as bytes), and reading it back is a copy, not a parse; the copy is what a
// service-worker start pays, so the postings are packed (segment-pack.ts: varint-coded
// differences, one byte array per table, about a third of 32-bit arrays). Term postings are keyed
// by a 32-bit hash of the term instead of the term itself (no per-term string or Map to rebuild on
// load); a lookup checks the term against the text at the posting's position, so a hash collision
// never produces a false hit.
import type { Passage } from '../types.ts';
import { foldTableFor, tableHanFold } from './fold.ts';
import type { FoldTable } from './fold.ts';
import { HAN_FOLD_PAIRS } from './han-fold-table.ts';
import { chunkRanges, fnv1a } from './index-data.ts';
import { preparePassage } from './prepared-passage.ts';
import { packTable, tableProblem } from './segment-pack.ts';
import type { PackedTable } from './segment-pack.ts';
import { TermIndex } from './term-index.ts';
import type { Postings } from './term-index.ts';
import { CHUNK_OVERLAP, CHUNK_SIZE } from './tunables.ts';

/** 2: packed postings (segment-pack.ts), 16-bit chunk ranges; a stored version 1 segment is stale
 * and made again from its stored passages. */
export const SEGMENT_VERSION = 2;

/** Postings by term hash (keys ascending; equal hashes adjacent): per record, for each passage
 * holding the term (ascending), the difference of its local index to the previous one's and the
 * term's first position in it. */
export type HashPostings = PackedTable;

/** Character-bigram prefilter of the fuzzy chunks: keys a * 65536 + b; per record, the local
 * indices of the chunks holding the bigram, as differences (ascending). */
export type GramTable = PackedTable;

export interface SearchSegment {
  v: typeof SEGMENT_VERSION;
  /** segmentKey() of the passages it was built from, with this build's folding and chunking. */
  key: string;
  /** Per passage: its normalised, folded text (what every stage searches). */
  texts: string[];
  /** Per passage: written mostly in CJK script (1) or not (0). */
  cjk: Uint8Array;
  /** The characters of the document the Han folding table knows (the search folds queries with
   * the table restricted to the library's characters, as an index over the same text would). */
  han: string;
  /** The Latin words of the document, in order of first occurrence, space-separated. */
  vocab: string;
  words: HashPostings;
  bigrams: HashPostings;
  /** Fuzzy chunks: [passage, start, end] per chunk, flat (16-bit when every value fits). */
  chunks: Uint16Array | Uint32Array;
  grams: GramTable;
}

let fullFold: { pairs: string; table: FoldTable; key: string } | null = null;

/**
 * The Han folding of segmented search: the whole checked-in table. A search index restricts it to
 * the characters of its corpus; a segment cannot know the others' characters, and folds the same:
 * every character of a text or name folds alike in both, and a query character neither holds
 * matches nothing either way.
 */
export function segmentFold(): { pairs: string; table: FoldTable; key: string } {
  if (!fullFold) {
    const units = Array.from({ length: HAN_FOLD_PAIRS.length }, (_, i) => HAN_FOLD_PAIRS[i]!);
    const pairs = tableHanFold(units);
    fullFold = { pairs, table: foldTableFor(pairs), key: fnv1a(pairs).toString(16) };
  }
  return fullFold;
}

let tableChars: Uint8Array | null = null;

/** The characters of a text that the Han folding table maps from or to, sorted, once each. */
function hanCharsOf(passages: readonly Passage[]): string {
  if (!tableChars) {
    tableChars = new Uint8Array(65536);
    for (let i = 0; i < HAN_FOLD_PAIRS.length; i++) tableChars[HAN_FOLD_PAIRS.charCodeAt(i)] = 1;
  }
  const seen = new Uint8Array(65536);
  for (const p of passages)
    for (let i = 0; i < p.text.length; i++) {
      const c = p.text.charCodeAt(i);
      if (tableChars[c]) seen[c] = 1;
    }
  let out = '';
  for (let c = 0; c < 65536; c++) if (seen[c]) out += String.fromCharCode(c);
  return out;
}

/** Identifies the passages a segment describes and how it was built (ids and text lengths: a
 * document's passages are replaced whole, never edited in place). */
export function segmentKey(passages: readonly Passage[]): string {
  let h = 0x811c9dc5;
  for (const p of passages) h = fnv1a(`${p.id}:${p.text.length};`, h);
  const build = `${SEGMENT_VERSION}.${CHUNK_SIZE}.${CHUNK_OVERLAP}.${segmentFold().key}`;
  return `${build}-${passages.length}-${h.toString(16)}`;
}

function hashPostings(map: ReadonlyMap<string, Postings>): HashPostings {
  const keys = [...map.keys()].map((k) => ({ k, h: fnv1a(k) })).sort((a, b) => a.h - b.h);
  return packTable(
    keys.map(({ h }) => h),
    (i) => {
      const p = map.get(keys[i]!.k)!;
      const out = new Array<number>(p.length);
      for (let j = 0; j < p.length; j += 2) {
        out[j] = p[j]! - (j ? p[j - 2]! : 0);
        out[j + 1] = p[j + 1]!;
      }
      return out;
    },
  );
}

/** The narrowest unsigned array holding `values`. */
function narrow(values: readonly number[]): Uint16Array | Uint32Array {
  return values.every((x) => x < 65536) ? Uint16Array.from(values) : Uint32Array.from(values);
}

/** Bigram postings of the chunks, by one sort of (key, chunk) pairs (a Map keyed by numbers above
 * 2^30 is several times slower: they are not small integers). */
function gramTable(texts: readonly string[]): GramTable {
  const SHIFT = 2 ** 21; // chunk index < 2^21, key < 2^32: the pair fits a double exactly
  let n = 0;
  for (const t of texts) n += Math.max(0, t.length - 1);
  const pairs = new Float64Array(n);
  let at = 0;
  texts.forEach((t, ci) => {
    for (let i = 0; i + 1 < t.length; i++)
      pairs[at++] = (t.charCodeAt(i) * 65536 + t.charCodeAt(i + 1)) * SHIFT + ci;
  });
  pairs.sort();
  const keys: number[] = [];
  const start: number[] = [];
  const chunks: number[] = [];
  let prev = -1;
  for (let i = 0; i < pairs.length; i++) {
    if (pairs[i] === prev) continue;
    prev = pairs[i]!;
    const key = Math.floor(prev / SHIFT);
    if (keys[keys.length - 1] !== key) {
      keys.push(key);
      start.push(chunks.length);
    }
    chunks.push(prev - key * SHIFT);
  }
  start.push(chunks.length);
  return packTable(keys, (i) => {
    const out: number[] = [];
    for (let j = start[i]!; j < start[i + 1]!; j++)
      out.push(chunks[j]! - (j > start[i]! ? chunks[j - 1]! : 0));
    return out;
  });
}

/** The segment of one document's passages (in index order). */
export function buildSegment(passages: readonly Passage[]): SearchSegment {
  const { table } = segmentFold();
  const prepared = passages.map((p) => preparePassage(p, table));
  const terms = new TermIndex(prepared, undefined);
  const chunks: number[] = [];
  const chunkTexts: string[] = [];
  prepared.forEach((pp, pi) => {
    for (const [s, e] of chunkRanges(pp.text)) {
      chunks.push(pi, s, e);
      chunkTexts.push(pp.text.slice(s, e));
    }
  });
  if (chunkTexts.length >= 2 ** 21) throw new Error('document too long for one search segment');
  return {
    v: SEGMENT_VERSION,
    key: segmentKey(passages),
    texts: prepared.map((pp) => pp.text),
    cjk: terms.cjk,
    han: hanCharsOf(passages),
    vocab: [...terms.words.keys()].join(' '),
    words: hashPostings(terms.words),
    bigrams: hashPostings(terms.bigrams),
    chunks: narrow(chunks),
    grams: gramTable(chunkTexts),
  };
}

/**
 * Why a stored segment cannot be used for these passages ('' when it can): wrong shape, built for
 * other passages or by another build, or inconsistent chunk ranges or table indexes. Linear in the
 * passages and chunks, not in the postings (their values are checked where they are read:
 * segment-pack.ts); the caller rebuilds a bad segment from the passages, never trusts it.
 */
export function segmentProblem(x: unknown, passages: readonly Passage[]): string {
  if (typeof x !== 'object' || x === null) return 'not an object';
  const s = x as Partial<SearchSegment>;
  if (s.v !== SEGMENT_VERSION) return 'another segment version';
  if (s.key !== segmentKey(passages)) return 'built for other passages or by another build';
  const texts = s.texts;
  if (!Array.isArray(texts) || texts.length !== passages.length || !texts.every((t) => typeof t === 'string'))
    return 'texts do not match the passages';
  if (!(s.cjk instanceof Uint8Array) || s.cjk.length !== texts.length) return 'bad script flags';
  if (typeof s.vocab !== 'string' || typeof s.han !== 'string') return 'bad vocabulary';
  const postings = tableProblem(s.words) || tableProblem(s.bigrams);
  if (postings) return `bad postings (${postings})`;
  const chunks = s.chunks;
  if (!(chunks instanceof Uint16Array || chunks instanceof Uint32Array) || chunks.length % 3 !== 0)
    return 'bad chunks';
  for (let i = 0; i < chunks.length; i += 3) {
    const text = texts[chunks[i]!];
    if (text === undefined || chunks[i + 1]! > chunks[i + 2]! || chunks[i + 2]! > text.length)
      return 'bad chunks';
  }
  const grams = tableProblem(s.grams);
  if (grams) return `bad chunk bigrams (${grams})`;
  return '';
}
