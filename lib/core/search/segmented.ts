// A search over per-document segments (segment.ts): the user's library, where documents come and
// go one at a time. Assembling it from stored segments costs a few array copies per document, no
// pass over the text; the query stages are those of createSearch (assembleSearch), reading the
// segments through the TermSource / ChunkTable / ChunkFilter seams, so the answers are the ones a
// search index built over the same passages gives (segmented.test.ts compares the two).
import { normalizeForMatch } from '../normalize.ts';
import type { CorpusData, Passage } from '../types.ts';
import { bigramKeys, byShared } from './bigram-filter.ts';
import { ChunkSearch, chunkFuse } from './chunk-search.ts';
import type { ChunkFilter, ChunkTable } from './chunk-search.ts';
import { ConceptNames } from './concept-names.ts';
import { assembleSearch } from './create-search.ts';
import type { Search } from './create-search.ts';
import { foldTableFor, tableHanFold } from './fold.ts';
import type { FoldTable } from './fold.ts';
import { buildConceptIndex, conceptChars, fnv1a } from './index-data.ts';
import type { SearchIndexData } from './index-data.ts';
import type { PreparedPassage } from './prepared-passage.ts';
import { TableCursor } from './segment-pack.ts';
import { segmentFold } from './segment.ts';
import type { HashPostings, SearchSegment } from './segment.ts';
import { matchWords } from './term-index.ts';
import type { Postings, TermLookup, TermSource, WordMatch } from './term-index.ts';
import { DIRECT_FUSE_MAX } from './tunables.ts';

/** Index of the last base <= i (bases ascending, bases[0] = 0). */
function baseOf(bases: Uint32Array, i: number): number {
  let lo = 0;
  let hi = bases.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bases[mid]! <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const ALNUM = /[a-z0-9]/;
/** Cached lookups per table (queries repeat their terms keystroke after keystroke). */
const CACHE_MAX = 4096;

/** One kind of term (words or bigrams) over all segments, by hash, checked against the text. */
class SegmentedLookup implements TermLookup {
  private readonly cache = new Map<string, Postings | null>();
  private readonly segs: readonly SearchSegment[];
  private readonly bases: Uint32Array;
  private readonly table: (s: SearchSegment) => HashPostings;
  private readonly isWord: boolean;

  constructor(
    segs: readonly SearchSegment[],
    bases: Uint32Array,
    table: (s: SearchSegment) => HashPostings,
    isWord: boolean,
  ) {
    this.segs = segs;
    this.bases = bases;
    this.table = table;
    this.isWord = isWord;
  }

  get(key: string): Postings | undefined {
    let out = this.cache.get(key);
    if (out === undefined) {
      out = this.lookup(key);
      if (this.cache.size >= CACHE_MAX) this.cache.clear();
      this.cache.set(key, out);
    }
    return out ?? undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  private lookup(key: string): Postings | null {
    const h = fnv1a(key);
    const out: Postings = [];
    const cur = new TableCursor();
    this.segs.forEach((seg, si) => {
      if (!cur.seek(this.table(seg), h)) return;
      const base = this.bases[si]!;
      do {
        if (cur.key !== h) break;
        const r = cur.values;
        let pi = 0;
        for (let j = 0; j < cur.count; j++) {
          pi += r.next();
          const pos = r.next();
          const text = seg.texts[pi];
          if (text !== undefined && this.holds(text, key, pos)) out.push(base + pi, pos);
        }
      } while (cur.next());
    });
    return out.length ? out : null;
  }

  /** The term is really at `pos` (not another term of the same hash). */
  private holds(text: string, key: string, pos: number): boolean {
    if (!text.startsWith(key, pos)) return false;
    if (!this.isWord) return true;
    return !ALNUM.test(text[pos + key.length] ?? ' ') && !ALNUM.test(text[pos - 1] ?? ' ');
  }
}

const EMPTY_LOOKUP: TermLookup = { get: () => undefined, has: () => false };

/** The term index of a segmented search (no pinyin: segments carry none, like a user index). */
export class SegmentedTerms implements TermSource {
  readonly words: TermLookup;
  readonly bigrams: TermLookup;
  readonly pinyinPairs = EMPTY_LOOKUP;
  readonly syllables: ReadonlySet<string> = new Set();
  readonly conceptPinyin: ReadonlyMap<string, string[]> = new Map();
  readonly conceptInitials: ReadonlyMap<string, string[]> = new Map();
  readonly cjk: Uint8Array;
  /** The corpus words by first letter, in order of first occurrence; built on first use. */
  private byFirst: Map<string, string[]> | null = null;
  private vocab: Set<string> | null = null;
  private readonly segs: readonly SearchSegment[];

  constructor(segs: readonly SearchSegment[], bases: Uint32Array, passageCount: number) {
    this.segs = segs;
    this.words = new SegmentedLookup(segs, bases, (s) => s.words, true);
    this.bigrams = new SegmentedLookup(segs, bases, (s) => s.bigrams, false);
    this.cjk = new Uint8Array(passageCount);
    segs.forEach((s, si) => this.cjk.set(s.cjk, bases[si]));
  }

  latinOnly(w: string): boolean {
    if (!/[a-z]/.test(w)) return false;
    const p = this.words.get(w);
    if (p) for (let i = 0; i < p.length; i += 2) if (this.cjk[p[i]!]) return false;
    return true;
  }

  wordMatches(w: string): WordMatch[] {
    if (!this.byFirst || !this.vocab) {
      const vocab = new Set<string>();
      const byFirst = new Map<string, string[]>();
      for (const s of this.segs) {
        if (!s.vocab) continue;
        for (const v of s.vocab.split(' ')) {
          if (vocab.has(v)) continue;
          vocab.add(v);
          const list = byFirst.get(v[0]!);
          if (list) list.push(v);
          else byFirst.set(v[0]!, [v]);
        }
      }
      this.vocab = vocab;
      this.byFirst = byFirst;
    }
    const vocab = this.vocab;
    return matchWords(w, (v) => vocab.has(v), this.byFirst.get(w[0] ?? '') ?? []);
  }
}

/** Cached chunk lists of the bigram prefilter (a query shares most bigrams with the previous
 * keystroke's): at most this many chunk ids in all. */
const GRAM_CACHE_MAX = 2_000_000;

/** The fuzzy chunks of all segments, and their bigram prefilter merged at query time. */
class SegmentedChunks implements ChunkTable, ChunkFilter {
  readonly count: number;
  private readonly chunkBases: Uint32Array;
  /** Per chunk (global index), its passage (global index). */
  private readonly passageOf: Uint32Array;
  private counts: Int32Array | null = null;
  private readonly lists = new Map<number, Uint32Array>();
  private cached = 0;
  private readonly segs: readonly SearchSegment[];

  constructor(segs: readonly SearchSegment[], bases: Uint32Array) {
    this.segs = segs;
    this.chunkBases = new Uint32Array(segs.length + 1);
    segs.forEach((s, si) => (this.chunkBases[si + 1] = this.chunkBases[si]! + s.chunks.length / 3));
    this.count = this.chunkBases[segs.length]!;
    this.passageOf = new Uint32Array(this.count);
    segs.forEach((s, si) => {
      const at = this.chunkBases[si]!;
      for (let k = 0; 3 * k < s.chunks.length; k++) this.passageOf[at + k] = bases[si]! + s.chunks[3 * k]!;
    });
  }

  at(ci: number): [number, number, number] | undefined {
    if (ci < 0 || ci >= this.count) return undefined;
    const si = baseOf(this.chunkBases, ci);
    const c = this.segs[si]!.chunks;
    const k = 3 * (ci - this.chunkBases[si]!);
    return [this.passageOf[ci]!, c[k + 1]!, c[k + 2]!];
  }

  text(ci: number): string {
    const si = ci >= 0 && ci < this.count ? baseOf(this.chunkBases, ci) : -1;
    const seg = this.segs[si];
    if (!seg) return '';
    const k = 3 * (ci - this.chunkBases[si]!);
    return seg.texts[seg.chunks[k]!]!.slice(seg.chunks[k + 1], seg.chunks[k + 2]);
  }

  /** The chunks (global indices, ascending) holding bigram `key`, from every segment's table. */
  private chunksWith(key: number): Uint32Array {
    let list = this.lists.get(key);
    if (list) return list;
    const out: number[] = [];
    const cur = new TableCursor();
    this.segs.forEach((seg, si) => {
      if (!cur.seek(seg.grams, key)) return;
      const base = this.chunkBases[si]!;
      const n = this.chunkBases[si + 1]! - base;
      const r = cur.values;
      let ci = 0;
      for (let j = 0; j < cur.count; j++) {
        ci += r.next();
        if (ci < n) out.push(base + ci);
      }
    });
    list = Uint32Array.from(out);
    if (this.cached + list.length > GRAM_CACHE_MAX) {
      this.lists.clear();
      this.cached = 0;
    }
    this.lists.set(key, list);
    this.cached += list.length;
    return list;
  }

  /**
   * Passages that may hold `s` (ascending): those with a chunk holding its rarest bigram. Every
   * two adjacent characters of a passage lie in one chunk (chunks overlap), so no passage holding
   * `s` is left out. Null for a single character (every passage may hold it).
   */
  holders(s: string): number[] | null {
    const keys = [...bigramKeys(s)].slice(0, 8);
    if (keys.length === 0) return null;
    let best: Uint32Array | null = null;
    for (const k of keys) {
      const list = this.chunksWith(k);
      if (!best || list.length < best.length) best = list;
    }
    const out: number[] = [];
    for (const ci of best!) {
      const pi = this.passageOf[ci]!;
      if (out[out.length - 1] !== pi) out.push(pi);
    }
    return out;
  }

  /** BigramFilter.candidates (dice false) over the segments' gram tables. */
  candidates(pattern: string, max: number): number[] {
    const keys = bigramKeys(pattern);
    if (keys.size === 0) return [];
    const counts = (this.counts ??= new Int32Array(this.count));
    const touched: number[] = [];
    for (const k of keys) {
      for (const ci of this.chunksWith(k)) {
        if (counts[ci] === 0) touched.push(ci);
        counts[ci]!++;
      }
    }
    const minShared = Math.max(1, Math.ceil(keys.size * 0.25));
    const out = byShared(touched, counts, minShared, max);
    for (const ci of touched) counts[ci] = 0;
    return out;
  }
}

/** A passage with its stored folded text; the offset map to the original text is made only for
 * the passages a result marks. */
function lazyPrepared(passage: Passage, text: string): PreparedPassage {
  let map: Int32Array | null = null;
  return {
    passage,
    text,
    get map() {
      return (map ??= normalizeForMatch(passage.text).map);
    },
  };
}

/** The concepts' names and fuse.js index for a segmented search (rebuilt only when the concepts
 * change: the user's term lists; the documents do not enter it). */
export function segmentConceptIndex(data: Pick<CorpusData, 'concepts' | 'variants'>): SegmentConcepts {
  return { ...buildConceptIndex(data, segmentFold().table), chars: [...conceptChars(data)] };
}

export type SegmentConcepts = Pick<SearchIndexData, 'concepts' | 'conceptIndex'> & {
  /** The characters of the names (for the Han folding of queries). */
  chars: readonly string[];
};

/** The folding table an index over the same passages and concepts would have (tableHanFold of
 * their characters): a query character neither holds stays as typed, which matters to the stop
 * words ("什么" stays a stop word when no text writes its other forms). */
function queryFold(segments: readonly SearchSegment[], concepts: SegmentConcepts): FoldTable {
  // marks, not a Set: a library holds thousands of characters in every one of thousands of segments
  const seen = new Uint8Array(65536);
  for (const s of segments) for (let i = 0; i < s.han.length; i++) seen[s.han.charCodeAt(i)] = 1;
  const chars = concepts.chars.filter((c) => c.length !== 1 || !seen[c.charCodeAt(0)]);
  for (let c = 0; c < 65536; c++) if (seen[c]) chars.push(String.fromCharCode(c));
  return foldTableFor(tableHanFold(chars.sort()));
}

export interface SegmentedSearchInput {
  /** The corpus: data.passages are the segments' passages, segment after segment. */
  data: CorpusData;
  segments: readonly SearchSegment[];
  /** segmentConceptIndex(data), kept while the concepts stay the same. */
  concepts: SegmentConcepts;
  directFuseMax?: number;
}

export function createSegmentedSearch(input: SegmentedSearchInput): Search {
  const { data, segments, concepts } = input;
  const bases = new Uint32Array(segments.length + 1);
  segments.forEach((s, si) => (bases[si + 1] = bases[si]! + s.texts.length));
  const count = bases[segments.length]!;
  if (count !== data.passages.length)
    throw new Error(`segments hold ${count} passages, the corpus ${data.passages.length}`);
  const prepared: PreparedPassage[] = new Array<PreparedPassage>(count);
  segments.forEach((s, si) =>
    s.texts.forEach(
      (t, li) => (prepared[bases[si]! + li] = lazyPrepared(data.passages[bases[si]! + li]!, t)),
    ),
  );
  const directMax = input.directFuseMax ?? DIRECT_FUSE_MAX;
  const chunks = new SegmentedChunks(segments, bases);
  return assembleSearch({
    data,
    prepared,
    fold: queryFold(segments, concepts),
    concepts,
    names: new ConceptNames(concepts, directMax),
    terms: new SegmentedTerms(segments, bases, count),
    chunks: new ChunkSearch(
      chunks,
      directMax,
      () => chunkFuse(Array.from({ length: chunks.count }, (_, ci) => chunks.text(ci))),
      () => chunks,
    ),
    holders: (s) => chunks.holders(s),
    rebuilt: false,
  });
}
