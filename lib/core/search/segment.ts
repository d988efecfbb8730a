// Per-document search segments (issue #11 item 2): everything the search reads of one document
// that costs a pass over its text, computed once when the document is imported and stored with it
// (lib/background/library), so that a library of thousands of documents is searched without
// re-reading its text at start-up. A segmented search (segmented.ts) merges them at query time.
//
// Plain data of strings and typed arrays: IndexedDB stores it as it is (structured clone copies
// typed arrays as bytes), and reading 20 MB of it back is a copy, not a parse. Term postings are
// keyed by a 32-bit hash of the term instead of the term itself (no per-term string or Map to
// rebuild on load); a lookup checks the term against the text at the posting's position, so a hash
// collision never produces a false hit.
import type { Passage } from '../types.ts';
import { foldTableFor, tableHanFold } from './fold.ts';
import type { FoldTable } from './fold.ts';
import { HAN_FOLD_PAIRS } from './han-fold-table.ts';
import { chunkRanges, fnv1a } from './index-data.ts';
import { preparePassage } from './prepared-passage.ts';
import { TermIndex } from './term-index.ts';
import type { Postings } from './term-index.ts';
import { CHUNK_OVERLAP, CHUNK_SIZE } from './tunables.ts';

export const SEGMENT_VERSION = 1;

/** Postings by term hash: terms hash[i] (ascending; equal hashes adjacent) hold the (passage,
 * first position) pairs post[2*start[i] .. 2*start[i+1]). */
export interface HashPostings {
  hash: Uint32Array;
  start: Uint32Array;
  post: Uint32Array;
}

/** Character-bigram prefilter of the fuzzy chunks: bigram keys[i] (a * 65536 + b, ascending) is in
 * the chunks chunks[start[i] .. start[i+1]) (ascending, local chunk indices). */
export interface GramTable {
  keys: Uint32Array;
  start: Uint32Array;
  chunks: Uint32Array;
}

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
  /** Fuzzy chunks: [passage, start, end] per chunk, flat. */
  chunks: Uint32Array;
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
  const hash = new Uint32Array(keys.length);
  const start = new Uint32Array(keys.length + 1);
  let n = 0;
  for (const { k } of keys) n += map.get(k)!.length;
  const post = new Uint32Array(n);
  let at = 0;
  keys.forEach(({ k, h }, i) => {
    hash[i] = h;
    start[i] = at / 2;
    post.set(map.get(k)!, at);
    at += map.get(k)!.length;
  });
  start[keys.length] = at / 2;
  return { hash, start, post };
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
  return { keys: Uint32Array.from(keys), start: Uint32Array.from(start), chunks: Uint32Array.from(chunks) };
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
    chunks: Uint32Array.from(chunks),
    grams: gramTable(chunkTexts),
  };
}

const isU32 = (x: unknown): x is Uint32Array => x instanceof Uint32Array;

function postingsOk(p: unknown, texts: readonly string[]): p is HashPostings {
  if (typeof p !== 'object' || p === null) return false;
  const { hash, start, post } = p as Partial<HashPostings>;
  if (!isU32(hash) || !isU32(start) || !isU32(post)) return false;
  if (start.length !== hash.length + 1 || start[0] !== 0 || start[hash.length]! * 2 !== post.length)
    return false;
  for (let i = 1; i < hash.length; i++)
    if (hash[i]! < hash[i - 1]! || start[i]! < start[i - 1]!) return false;
  for (let i = 0; i < post.length; i += 2) {
    const text = texts[post[i]!];
    if (text === undefined || post[i + 1]! >= text.length) return false;
  }
  return true;
}

function gramsOk(g: unknown, chunkCount: number): g is GramTable {
  if (typeof g !== 'object' || g === null) return false;
  const { keys, start, chunks } = g as Partial<GramTable>;
  if (!isU32(keys) || !isU32(start) || !isU32(chunks)) return false;
  if (start.length !== keys.length + 1 || start[0] !== 0 || start[keys.length] !== chunks.length)
    return false;
  for (let i = 1; i < keys.length; i++)
    if (keys[i]! <= keys[i - 1]! || start[i]! < start[i - 1]!) return false;
  for (let i = 0; i < chunks.length; i++) if (chunks[i]! >= chunkCount) return false;
  return true;
}

/**
 * Why a stored segment cannot be used for these passages ('' when it can): wrong shape, built for
 * other passages or by another build, or inconsistent offsets. Linear in its size (typed arrays);
 * the caller rebuilds a bad segment from the passages, never trusts it.
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
  if (!postingsOk(s.words, texts) || !postingsOk(s.bigrams, texts)) return 'bad postings';
  const chunks = s.chunks;
  if (!isU32(chunks) || chunks.length % 3 !== 0) return 'bad chunks';
  for (let i = 0; i < chunks.length; i += 3) {
    const text = texts[chunks[i]!];
    if (text === undefined || chunks[i + 1]! > chunks[i + 2]! || chunks[i + 2]! > text.length)
      return 'bad chunks';
  }
  if (!gramsOk(s.grams, chunks.length / 3)) return 'bad chunk bigrams';
  return '';
}
