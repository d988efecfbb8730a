// Corpus search: the one search function used by the popup (through the background) and by the
// CLI. Pure TypeScript: no DOM, no browser API.
//
// Pipeline per query:
//   1. cap (RAW_QUERY_CAP raw, EXACT_CAP normalised) and normalise (normalizeQuery, then strip
//      invisible/bidi/control characters and lone surrogates); fold Han characters (simplified /
//      traditional / Japanese shinjitai), Latin diacritics (Vietnamese) and hyphens to one
//      canonical form, length-preserving, on both the query and the passages;
//   2. exact substring hits over the folded, normalised passages              kind 'exact'
//   3. concepts the query names (exact / contained / close spelling of a label, alias or generated
//      variant in any language); their corpus occurrences are hits            kind 'concept'
//   4. fuzzy hits: all words of a multi-word query present; fuse.js bitap over overlapping
//      passage chunks (a character-bigram prefilter picks the candidate chunks and the densest
//      window in each), re-ranked by the edit distance of the best matching span  kind 'fuzzy'
//   5. one hit per passage, ranked exact < concept < fuzzy, then by score, then corpus order.
//
// The index (SearchIndexData) is built at build time by scripts/build-data.ts and shipped as
// generated/search-index.json; createSearch() restores the texts and parses it with
// Fuse.parseIndex. The Han folding table is injected (scripts/search-fold.ts, opencc-js) or
// learnt from the glossary: lib/core imports no conversion library.
import Fuse from 'fuse.js';
import type { FuseIndex, IFuseOptions } from 'fuse.js';
import { normalizeForMatch, normalizeQuery, toOriginalSpan } from './normalize.ts';
import { HAN_FOLD_PAIRS } from './search-han-fold.ts';
import type {
  Concept,
  ConceptDetails,
  ConceptHit,
  ConceptSummary,
  CorpusData,
  CorpusDocument,
  Passage,
  SearchHit,
  SearchResult,
} from './types.ts';

// ---------------------------------------------------------------------------------------------
// Tunables

export const SEARCH_INDEX_VERSION = 1;
/** Chunk length (UTF-16 units of the normalised passage text) for the fuzzy index. */
export const CHUNK_SIZE = 200;
/** Overlap between consecutive chunks; >= FUZZY_CAP so any fuzzy pattern fits in one chunk. */
export const CHUNK_OVERLAP = 64;
/** Raw query characters looked at; the rest of a longer query is ignored (truncated: true). */
export const RAW_QUERY_CAP = 1024;
/** Normalised query length used for exact substring search. */
export const EXACT_CAP = 256;
/** Normalised query length used for fuzzy search (fuse.js bitap splits patterns > 32). */
export const FUZZY_CAP = 64;
/** Normalised query length used for concept expansion and suggestions. */
export const CONCEPT_CAP = 64;
/** Fuzzy matching is skipped for queries shorter than this (too noisy). */
export const FUZZY_MIN = 4;
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 200;
/** Snippet length around the first mark (characters of the passage). */
export const SNIPPET_LEN = 120;
/** Collections (chunks, concept names) up to this size are searched with the parsed fuse.js index
 * directly; larger ones go through the bigram prefilter first. fuse.js bitap with ignoreLocation
 * costs ~30 us per 200-char chunk per query, so the prefilter is what keeps search bounded. */
export const DIRECT_FUSE_MAX = 64;
/** Candidate chunks / concept names handed to fuse.js after the prefilter. */
export const PREFILTER_CHUNKS = 64;
export const PREFILTER_NAMES = 32;
/** Upper bound on fuse.js bitap steps per query (candidates shrink as the pattern grows). */
export const FUZZY_BUDGET = 16_000;

const FUZZY_THRESHOLD = 0.4;
const SUGGEST_THRESHOLD = 0.7;
/** Minimum normalised edit similarity for a fuzzy concept match to expand the query. */
const EXPAND_SIMILARITY = 0.75;

// ---------------------------------------------------------------------------------------------
// Public types

type FuseIndexJson = ReturnType<FuseIndex<unknown>['toJSON']>;

/**
 * A fuse.js index as Fuse.createIndex(...).toJSON() writes it, minus the record texts (`v`): those
 * are the chunk texts and concept names, which the index (or the corpus) already holds; they are
 * put back before Fuse.parseIndex. Halves generated/search-index.json.
 */
export interface CompactFuseIndex {
  keys: FuseIndexJson['keys'];
  records: Array<{ i: number; n?: number; $?: Record<string, Array<{ i: number; n: number }>> }>;
}

export interface SearchIndexConcept {
  id: string;
  /** Normalised, folded names: labels, hand-written aliases and generated variants. */
  names: string[];
  /** Names that must not expand a query on their own (quotedOnly / caseSensitive aliases). */
  weak?: string[];
}

/** generated/search-index.json. JSON-able and deterministic for the same CorpusData. */
export interface SearchIndexData {
  version: typeof SEARCH_INDEX_VERSION;
  /** Fingerprint of the corpus the index was built from (ids and lengths). */
  corpusKey: string;
  /** Hash of the normalised, folded passage texts the chunks were cut from. */
  textKey: string;
  chunkSize: number;
  chunkOverlap: number;
  /** Han folding table: pairs of UTF-16 units "from,to" concatenated (from simplified/traditional/
   * shinjitai variants of every Han character in the corpus and glossary to one canonical form). */
  fold: string;
  /** Per chunk: [passage index in data.passages, start, end] in the passage's normalised text. */
  chunks: Array<[number, number, number]>;
  /** fuse.js index over the chunk strings (normalised + folded), compact. */
  chunkIndex: CompactFuseIndex;
  concepts: SearchIndexConcept[];
  /** fuse.js index over `concepts` (key: names), compact. */
  conceptIndex: CompactFuseIndex;
}

export interface SearchOptions {
  limit?: number;
}

export interface Search {
  search(query: string, opts?: SearchOptions): SearchResult;
  /** True when the shipped index did not match the corpus and was rebuilt at start-up. */
  readonly indexRebuilt: boolean;
  /** Number of fuzzy chunks (for diagnostics and benchmarks). */
  readonly chunkCount: number;
}

export interface CreateSearchOptions {
  /** Collection size above which the bigram prefilter is used (tests force either path). */
  directFuseMax?: number;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

// Control characters are exactly what this strips from queries.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HAN = /\p{Script=Han}/u;
const HAS_LATIN = /[A-Za-z]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Removes what a user cannot see or mean in a query; never throws. */
export function cleanQuery(s: string): string {
  return s
    .replace(LONE_SURROGATE, '')
    .replace(INVISIBLE, '')
    .replace(/\uFFFD/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The query as searched: capped, cleaned, normalizeQuery'd (NFKC, width, case, dashes). */
export function normalizeSearchQuery(raw: string): string {
  return cleanQuery(normalizeQuery(cleanQuery(raw)));
}

/** Cuts s to at most n UTF-16 units without splitting a surrogate pair. */
function cut(s: string, n: number): string {
  if (s.length <= n) return s;
  let end = n;
  if (end > 0 && isHighSurrogate(s.charCodeAt(end - 1)) && isLowSurrogate(s.charCodeAt(end))) end--;
  return s.slice(0, end);
}

function fnv1a(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function corpusKeyOf(data: CorpusData): string {
  let h = 0x811c9dc5;
  for (const p of data.passages) h = fnv1a(`${p.id}:${p.text.length};`, h);
  for (const c of data.concepts) h = fnv1a(`${c.id}:${(data.variants[c.id] ?? []).length};`, h);
  return `${data.passages.length}-${data.concepts.length}-${h.toString(16)}`;
}

/** Edit distance with adjacent transpositions (optimal string alignment); callers cap the inputs. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
        v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length]!;
}

/**
 * Best approximate occurrence of `pattern` anywhere in `text` (Sellers' algorithm, edit distance
 * with free start and end in the text): the distance and the [start, end) of the matched span.
 */
export function bestSubstringMatch(
  pattern: string,
  text: string,
): { dist: number; start: number; end: number } {
  const m = pattern.length;
  const n = text.length;
  if (m === 0) return { dist: 0, start: 0, end: 0 };
  // column over the pattern; D[i] = distance of pattern[0..i) ending at the current text position
  let D = new Int32Array(m + 1);
  let S = new Int32Array(m + 1); // start position in text of the alignment in D[i]
  let D2 = new Int32Array(m + 1);
  let S2 = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    D[i] = i;
    S[i] = 0;
  }
  let best = { dist: m, start: 0, end: 0 };
  for (let j = 1; j <= n; j++) {
    const c = text.charCodeAt(j - 1);
    D2[0] = 0;
    S2[0] = j;
    for (let i = 1; i <= m; i++) {
      const sub = D[i - 1]! + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      const del = D[i]! + 1; // text char not in the pattern
      const ins = D2[i - 1]! + 1; // pattern char not in the text
      if (sub <= del && sub <= ins) {
        D2[i] = sub;
        S2[i] = S[i - 1]!;
      } else if (ins <= del) {
        D2[i] = ins;
        S2[i] = S2[i - 1]!;
      } else {
        D2[i] = del;
        S2[i] = S[i]!;
      }
    }
    const d = D2[m]!;
    if (d < best.dist || (d === best.dist && j - S2[m]! < best.end - best.start))
      best = { dist: d, start: S2[m]!, end: j };
    [D, D2] = [D2, D];
    [S, S2] = [S2, S];
  }
  return best;
}

function similarity(a: string, b: string): number {
  const m = Math.max(a.length, b.length);
  return m === 0 ? 1 : 1 - editDistance(a, b) / m;
}

// ---------------------------------------------------------------------------------------------
// Folding: one canonical form per character, same UTF-16 length (offsets stay valid).

type FoldTable = Uint16Array;

function latinBase(code: number): number {
  const c = String.fromCharCode(code);
  if (c === 'đ' || c === 'Đ') return 'd'.charCodeAt(0);
  const d = c.normalize('NFD');
  if (d.length > 1 && /^[A-Za-z]\p{M}+$/u.test(d)) return d.toLowerCase().charCodeAt(0);
  return code;
}

const foldTableCache = new Map<string, FoldTable>();

function foldTableFor(foldPairs: string): FoldTable {
  const cached = foldTableCache.get(foldPairs);
  if (cached) return cached;
  const t = new Uint16Array(65536);
  for (let i = 0; i < 65536; i++) t[i] = i;
  // Latin-1 Supplement, Latin Extended-A/B, Latin Extended Additional (Vietnamese).
  for (const [from, to] of [
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ] as const) {
    for (let i = from; i <= to; i++) t[i] = latinBase(i);
  }
  // "Five-Year" / "Five Year": hyphens (normalizeForMatch folds all dashes to '-') match spaces.
  t[0x2d] = 0x20;
  for (let i = 0; i + 1 < foldPairs.length; i += 2) t[foldPairs.charCodeAt(i)] = foldPairs.charCodeAt(i + 1);
  foldTableCache.set(foldPairs, t);
  return t;
}

function fold(s: string, t: FoldTable): string {
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (t[c] !== c) {
      changed = true;
      break;
    }
  }
  if (!changed) return s;
  const out: string[] = [];
  const CH = 4096;
  for (let i = 0; i < s.length; i += CH) {
    const n = Math.min(CH, s.length - i);
    const codes = new Array<number>(n);
    for (let k = 0; k < n; k++) codes[k] = t[s.charCodeAt(i + k)]!;
    out.push(String.fromCharCode(...codes));
  }
  return out.join('');
}

/** Han folding pairs ("from,to" concatenated, sorted) for the given characters. */
export type HanFold = (chars: readonly string[]) => string;

/** Serialises a from -> canonical map into the index's `fold` string (sorted, deterministic). */
export function foldPairsToString(pairs: ReadonlyMap<string, string>): string {
  return [...pairs.entries()]
    .filter(([f, c]) => f.length === 1 && c.length === 1 && f !== c)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([f, c]) => f + c)
    .join('');
}

/**
 * Default Han folding: the checked-in opencc-js table (lib/core/search-han-fold.ts, generated by
 * scripts/gen-search-han-fold.ts) restricted to what the corpus and glossary need: every
 * character's canonical form and all the forms that fold to it.
 */
export const tableHanFold: HanFold = (chars) => {
  const all = new Map<string, string>();
  for (let i = 0; i + 1 < HAN_FOLD_PAIRS.length; i += 2) all.set(HAN_FOLD_PAIRS[i]!, HAN_FOLD_PAIRS[i + 1]!);
  const canon = new Set<string>();
  for (const c of chars) canon.add(all.get(c) ?? c);
  const out = new Map<string, string>();
  for (const [f, c] of all) if (canon.has(c)) out.set(f, c);
  return foldPairsToString(out);
};

/**
 * Han folding learnt from the glossary alone: character pairs from the glossary's own zh-Hans /
 * zh-Hant spellings of the same term (labels, and aliases at the same position), the simplified
 * character being canonical. Used when an index must be rebuilt at run time without a shipped
 * folding table (keeps the 20 KB table out of the extension bundle).
 */
export function glossaryHanFold(data: CorpusData): HanFold {
  return () => {
    const pairs = new Map<string, string>();
    const single = (x: string) => x.length === 1 && HAN.test(x);
    const learn = (hans: string | undefined, hant: string | undefined) => {
      if (!hans || !hant || hans.length !== hant.length) return;
      for (let i = 0; i < hans.length; i++) {
        const s = hans[i]!;
        const t = hant[i]!;
        if (s === t) continue;
        if (!single(s) || !single(t)) return; // not a character-by-character spelling pair
      }
      for (let i = 0; i < hans.length; i++) {
        const s = hans[i]!;
        const t = hant[i]!;
        if (s !== t && !pairs.has(t)) pairs.set(t, s);
      }
    };
    for (const c of data.concepts) {
      learn(c.labels['zh-Hans'], c.labels['zh-Hant']);
      const a = c.aliases['zh-Hans'] ?? [];
      const b = c.aliases['zh-Hant'] ?? [];
      for (let i = 0; i < Math.min(a.length, b.length); i++) learn(a[i], b[i]);
    }
    return foldPairsToString(pairs);
  };
}

// ---------------------------------------------------------------------------------------------
// Prepared passages (runtime and build time)

interface PreparedPassage {
  passage: Passage;
  /** Normalised + folded text. */
  text: string;
  /** map[i] = offset in passage.text of normalised unit i (normalizeForMatch; length text+1). */
  map: Int32Array;
}

function preparePassage(p: Passage, t: FoldTable): PreparedPassage {
  const n = normalizeForMatch(p.text);
  return { passage: p, text: fold(n.text, t), map: n.map };
}

/** Maps a range of the normalised text back to the original passage text. */
function toOriginal(pp: PreparedPassage, s: number, e: number): [number, number] {
  return toOriginalSpan(pp.map, s, e, pp.passage.text);
}

function normName(s: string, t: FoldTable): string {
  return fold(normalizeSearchQuery(s), t);
}

function conceptNames(c: Concept, variants: string[] | undefined): { names: string[]; weak: Set<string> } {
  const raw: string[] = [];
  for (const v of Object.values(c.labels)) if (typeof v === 'string') raw.push(v);
  for (const list of Object.values(c.aliases)) if (Array.isArray(list)) raw.push(...list);
  if (variants) raw.push(...variants);
  const weakRaw = Object.entries(c.rules ?? {})
    .filter(([, r]) => r.quotedOnly || r.caseSensitive)
    .map(([k]) => k);
  return { names: raw, weak: new Set(weakRaw) };
}

// ---------------------------------------------------------------------------------------------
// Build

function chunkRanges(len: number, text: string): Array<[number, number]> {
  if (len <= CHUNK_SIZE) return len > 0 ? [[0, len]] : [];
  const out: Array<[number, number]> = [];
  const step = CHUNK_SIZE - CHUNK_OVERLAP;
  for (let start = 0; ; start += step) {
    let s = start;
    if (s > 0 && isLowSurrogate(text.charCodeAt(s))) s--;
    let e = Math.min(len, s + CHUNK_SIZE);
    if (e < len && isHighSurrogate(text.charCodeAt(e - 1))) e--;
    out.push([s, e]);
    if (e >= len) break;
  }
  return out;
}

export interface BuildSearchIndexOptions {
  /**
   * Han folding pairs for the characters of the corpus and glossary. Default: tableHanFold (the
   * checked-in opencc-js table); scripts/search-fold.ts `openccHanFold` computes the same live.
   */
  hanFold?: HanFold;
}

/** Builds the search index (build time). JSON-able and deterministic for the same input. */
export function buildSearchIndex(data: CorpusData, options: BuildSearchIndexOptions = {}): SearchIndexData {
  return buildIndexWith(data, options.hanFold ?? tableHanFold);
}

function buildIndexWith(data: CorpusData, hanFold: HanFold): SearchIndexData {
  // Han folding table from every character of the corpus and glossary.
  const chars = new Set<string>();
  for (const p of data.passages) for (const ch of p.text) chars.add(ch);
  for (const c of data.concepts)
    for (const n of conceptNames(c, data.variants[c.id]).names) for (const ch of n) chars.add(ch);
  const foldPairs = hanFold([...chars].sort());
  const t = foldTableFor(foldPairs);

  const chunks: Array<[number, number, number]> = [];
  const chunkTexts: string[] = [];
  const prepared = data.passages.map((p) => preparePassage(p, t));
  prepared.forEach((pp, pi) => {
    for (const [s, e] of chunkRanges(pp.text.length, pp.text)) {
      chunks.push([pi, s, e]);
      chunkTexts.push(pp.text.slice(s, e));
    }
  });

  const concepts: SearchIndexConcept[] = data.concepts.map((c) => {
    const { names, weak } = conceptNames(c, data.variants[c.id]);
    const normed = [...new Set(names.map((n) => normName(n, t)).filter((n) => n.length > 0))].sort();
    const weakNormed = [...new Set([...weak].map((n) => normName(n, t)))]
      .filter((n) => normed.includes(n))
      .sort();
    // A weak alias stays weak only if no label/other alias has the same form.
    const strong = new Set(Object.values(c.labels).map((l) => normName(l ?? '', t)));
    const weakFinal = weakNormed.filter((n) => !strong.has(n));
    return weakFinal.length ? { id: c.id, names: normed, weak: weakFinal } : { id: c.id, names: normed };
  });

  return {
    version: SEARCH_INDEX_VERSION,
    corpusKey: corpusKeyOf(data),
    textKey: textKeyOf(prepared),
    chunkSize: CHUNK_SIZE,
    chunkOverlap: CHUNK_OVERLAP,
    fold: foldPairs,
    chunks,
    chunkIndex: compactIndex(Fuse.createIndex<string>([], chunkTexts).toJSON()),
    concepts,
    conceptIndex: compactIndex(Fuse.createIndex<SearchIndexConcept>(['names'], concepts).toJSON()),
  };
}

/** Cheap shape check of a loaded index (anything else is rebuilt, never trusted). */
function isIndexShaped(x: unknown): x is SearchIndexData {
  if (typeof x !== 'object' || x === null) return false;
  const i = x as Partial<Record<keyof SearchIndexData, unknown>>;
  const fuseShaped = (f: unknown) =>
    typeof f === 'object' &&
    f !== null &&
    Array.isArray((f as CompactFuseIndex).keys) &&
    Array.isArray((f as CompactFuseIndex).records);
  return (
    typeof i.fold === 'string' &&
    typeof i.textKey === 'string' &&
    typeof i.corpusKey === 'string' &&
    Array.isArray(i.chunks) &&
    Array.isArray(i.concepts) &&
    fuseShaped(i.chunkIndex) &&
    fuseShaped(i.conceptIndex)
  );
}

function textKeyOf(prepared: readonly PreparedPassage[]): string {
  let h = 0x811c9dc5;
  for (const pp of prepared) h = fnv1a(`${pp.text}\u0000`, h);
  return h.toString(16);
}

/** Drops the record texts (`v`) of a fuse.js index JSON. */
function compactIndex(json: FuseIndexJson): CompactFuseIndex {
  return {
    keys: json.keys,
    records: json.records.map((r) => {
      const out: CompactFuseIndex['records'][number] = { i: r.i };
      if (r.n !== undefined) out.n = r.n;
      if (r.$) {
        out.$ = {};
        for (const [k, sub] of Object.entries(r.$)) {
          const list = Array.isArray(sub) ? sub : [sub];
          out.$[k] = list.map((x) => ({ i: x.i ?? 0, n: x.n }));
        }
      }
      return out;
    }),
  };
}

/** Puts the texts back: `text(record index, sub-record index)`. */
function hydrateIndex(c: CompactFuseIndex, text: (i: number, sub: number) => string): FuseIndexJson {
  return {
    keys: c.keys,
    records: c.records.map((r) => {
      if (!r.$) return { i: r.i, v: text(r.i, -1), n: r.n ?? 1 };
      const $: Record<number, Array<{ v: string; i: number; n: number }>> = {};
      for (const [k, list] of Object.entries(r.$))
        $[Number(k)] = list.map((x) => ({ v: text(r.i, x.i), i: x.i, n: x.n }));
      return { i: r.i, $ };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Derived lookups shared by search and the background helpers (cached per CorpusData object)

interface Derived {
  passageIndex: Map<string, number>;
  docOrder: Map<string, number>;
  conceptById: Map<string, Concept>;
  conceptsByPassage: Map<string, string[]>;
}

const derivedCache = new WeakMap<CorpusData, Derived>();

function derived(data: CorpusData): Derived {
  let d = derivedCache.get(data);
  if (d) return d;
  const passageIndex = new Map<string, number>();
  data.passages.forEach((p, i) => passageIndex.set(p.id, i));
  const docOrder = new Map<string, number>();
  data.documents.forEach((doc, i) => docOrder.set(doc.id, i));
  const conceptById = new Map<string, Concept>();
  for (const c of data.concepts) conceptById.set(c.id, c);
  const sets = new Map<string, Set<string>>();
  for (const c of data.concepts) {
    for (const o of data.occurrences[c.id] ?? []) {
      let s = sets.get(o.passageId);
      if (!s) sets.set(o.passageId, (s = new Set()));
      s.add(c.id);
    }
  }
  const conceptsByPassage = new Map<string, string[]>();
  for (const [pid, s] of sets) conceptsByPassage.set(pid, [...s].sort());
  d = { passageIndex, docOrder, conceptById, conceptsByPassage };
  derivedCache.set(data, d);
  return d;
}

// ---------------------------------------------------------------------------------------------
// Snippets

/** Excerpt of `text` of about SNIPPET_LEN characters around the first range given (the primary
 * match); all ranges inside the excerpt become its marks, relative to the excerpt. */
export function makeSnippet(
  text: string,
  ranges: ReadonlyArray<readonly [number, number]>,
  len = SNIPPET_LEN,
): { snippet: string; marks: Array<[number, number]> } {
  const valid = ranges.filter(([s, e]) => e > s && s >= 0 && e <= text.length);
  const sorted = mergeRanges(valid);
  if (text.length <= len) return { snippet: text, marks: sorted };
  // The window follows the first range given (the primary match), not the earliest one.
  const first = valid[0] ?? ([0, 0] as const);
  const markLen = Math.min(first[1] - first[0], len);
  let start = Math.max(0, first[0] - Math.floor((len - markLen) / 3));
  let end = Math.min(text.length, start + len);
  start = Math.max(0, end - len);
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const shift = prefix.length - start;
  const marks: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const cs = Math.max(s, start);
    const ce = Math.min(e, end);
    if (ce > cs) marks.push([cs + shift, ce + shift]);
  }
  return { snippet: prefix + text.slice(start, end) + suffix, marks };
}

function mergeRanges(ranges: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const sorted = ranges
    .map(([s, e]) => [s, e] as [number, number])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push(r);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Search

function bigramKeys(pattern: string): Set<number> {
  const keys = new Set<number>();
  for (let i = 0; i + 1 < pattern.length; i++)
    keys.add(pattern.charCodeAt(i) * 65536 + pattern.charCodeAt(i + 1));
  return keys;
}

/** [start, end) of the part of `text` (about 3 pattern lengths) richest in the pattern's bigrams. */
export function densestWindow(text: string, keys: ReadonlySet<number>, m: number): [number, number] {
  const width = Math.max(8, 2 * m);
  if (text.length <= width + m) return [0, text.length];
  const hit = new Uint8Array(text.length);
  for (let i = 0; i + 1 < text.length; i++) {
    if (keys.has(text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1))) hit[i] = 1;
  }
  let sum = 0;
  for (let i = 0; i < width; i++) sum += hit[i]!;
  let best = sum;
  let bestAt = 0;
  for (let i = width; i < text.length; i++) {
    sum += hit[i]! - hit[i - width]!;
    if (sum > best) {
      best = sum;
      bestAt = i - width + 1;
    }
  }
  const pad = Math.ceil(m / 2);
  return [Math.max(0, bestAt - pad), Math.min(text.length, bestAt + width + pad)];
}

/** Character-bigram inverted index over a list of strings: the cheap prefilter before fuse.js. */
export class BigramFilter {
  private readonly lists = new Map<number, Int32Array>();
  private readonly sizes: Int32Array;
  private readonly counts: Int32Array;

  constructor(strings: readonly string[]) {
    const lists = new Map<number, number[]>();
    this.sizes = new Int32Array(strings.length);
    this.counts = new Int32Array(strings.length);
    for (let si = 0; si < strings.length; si++) {
      const s = strings[si]!;
      let distinct = 0;
      for (let i = 0; i + 1 < s.length; i++) {
        const key = s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);
        let l = lists.get(key);
        if (!l) lists.set(key, (l = []));
        if (l[l.length - 1] !== si) {
          l.push(si);
          distinct++;
        }
      }
      this.sizes[si] = Math.max(1, distinct);
    }
    for (const [k, l] of lists) this.lists.set(k, Int32Array.from(l));
  }

  /**
   * Up to `max` string indices sharing the most distinct bigrams with `pattern` (at least a
   * quarter of them). `dice`: rank by 2*shared/(|pattern|+|string|) instead of by shared count
   * (for short strings such as concept names). Work is bounded by the posting lists touched.
   */
  candidates(pattern: string, max: number, dice: boolean): number[] {
    const keys = bigramKeys(pattern);
    if (keys.size === 0) return [];
    const counts = this.counts;
    const touched: number[] = [];
    for (const k of keys) {
      const l = this.lists.get(k);
      if (!l) continue;
      for (let j = 0; j < l.length; j++) {
        const si = l[j]!;
        if (counts[si] === 0) touched.push(si);
        counts[si]!++;
      }
    }
    const minShared = Math.max(1, Math.ceil(keys.size * 0.25));
    let out: number[];
    if (dice) {
      const cand = touched.filter((si) => counts[si]! >= minShared);
      const rank = new Map(cand.map((si) => [si, (2 * counts[si]!) / (keys.size + this.sizes[si]!)]));
      cand.sort((a, b) => rank.get(b)! - rank.get(a)! || a - b);
      out = cand.slice(0, max);
    } else {
      // Bucket by shared count (<= keys.size): linear in the strings touched, no full sort.
      const buckets: number[][] = [];
      for (const si of touched) {
        const c = counts[si]!;
        if (c >= minShared) (buckets[c] ??= []).push(si);
      }
      out = [];
      for (let c = buckets.length - 1; c >= minShared && out.length < max; c--) {
        const b = buckets[c];
        if (!b) continue;
        b.sort((x, y) => x - y);
        for (const si of b) {
          if (out.length >= max) break;
          out.push(si);
        }
      }
    }
    for (const si of touched) counts[si] = 0;
    return out;
  }
}

const KIND_RANK: Record<SearchHit['kind'], number> = { exact: 0, concept: 1, fuzzy: 2 };

interface Candidate {
  pi: number;
  kind: SearchHit['kind'];
  score: number;
  /** Ranges in the original passage text; the first is the primary one. */
  ranges: Array<[number, number]>;
}

function emptyResult(query: string, normalized = '', truncated = false): SearchResult {
  return { query, normalized, truncated, expandedConceptIds: [], concepts: [], hits: [], suggestions: [] };
}

export function createSearch(
  data: CorpusData,
  index: SearchIndexData,
  options: CreateSearchOptions = {},
): Search {
  let idx = index;
  let indexRebuilt = false;
  if (
    !isIndexShaped(idx) ||
    idx.version !== SEARCH_INDEX_VERSION ||
    idx.corpusKey !== corpusKeyOf(data) ||
    idx.chunkSize !== CHUNK_SIZE ||
    idx.chunkOverlap !== CHUNK_OVERLAP
  ) {
    // Rebuild at run time: reuse the shipped Han folding table when there is one.
    const shippedFold = typeof idx?.fold === 'string' ? idx.fold : '';
    idx = buildIndexWith(data, shippedFold ? () => shippedFold : glossaryHanFold(data));
    indexRebuilt = true;
  }
  const t = foldTableFor(idx.fold);
  const d = derived(data);
  const prepared = data.passages.map((p) => preparePassage(p, t));
  if (!indexRebuilt && idx.textKey !== textKeyOf(prepared)) {
    // Same ids and lengths but other text (or another normalisation): the chunks would be wrong.
    idx = buildIndexWith(data, () => idx.fold);
    indexRebuilt = true;
  }
  const directMax = options.directFuseMax ?? DIRECT_FUSE_MAX;

  // Chunk strings are cut from the prepared passages; the index stores only their ranges.
  const chunkTexts: string[] = idx.chunks.map(([pi, s, e]) => prepared[pi]?.text.slice(s, e) ?? '');
  const fuzzyOptions: IFuseOptions<string> = {
    includeScore: true,
    includeMatches: true,
    ignoreLocation: true,
    ignoreFieldNorm: true,
    isCaseSensitive: true,
    threshold: FUZZY_THRESHOLD,
    minMatchCharLength: 2,
    shouldSort: true,
  };
  const conceptOptions: IFuseOptions<SearchIndexConcept> = {
    keys: ['names'],
    includeScore: true,
    includeMatches: true,
    ignoreLocation: true,
    ignoreFieldNorm: true,
    isCaseSensitive: true,
    threshold: SUGGEST_THRESHOLD,
    shouldSort: true,
  };
  const concepts = idx.concepts;
  const chunkFuse = new Fuse<string>(
    chunkTexts,
    fuzzyOptions,
    Fuse.parseIndex<string>(hydrateIndex(idx.chunkIndex, (i) => chunkTexts[i] ?? '')),
  );
  const conceptFuse = new Fuse<SearchIndexConcept>(
    concepts,
    conceptOptions,
    Fuse.parseIndex<SearchIndexConcept>(
      hydrateIndex(idx.conceptIndex, (i, sub) => concepts[i]?.names[sub] ?? ''),
    ),
  );

  // All concept names (flat), exact name -> concept ids.
  const names: Array<{ name: string; ci: number; weak: boolean }> = [];
  const nameToConcepts = new Map<string, string[]>();
  idx.concepts.forEach((c, ci) => {
    const weak = new Set(c.weak ?? []);
    for (const n of c.names) {
      names.push({ name: n, ci, weak: weak.has(n) });
      if (weak.has(n)) continue;
      const list = nameToConcepts.get(n);
      if (list) {
        if (!list.includes(c.id)) list.push(c.id);
      } else nameToConcepts.set(n, [c.id]);
    }
  });
  const nameTexts = names.map((n) => n.name);

  // Bigram prefilters, built on first use.
  let chunkFilter: BigramFilter | null = null;
  let nameFilter: BigramFilter | null = null;

  /** A chunk fuse.js accepted; [ws, we) is the part of the chunk it searched. */
  type FuzzyChunk = { ci: number; score: number; ws: number; we: number };
  function fuzzyChunks(pattern: string, max: number): FuzzyChunk[] {
    const out: FuzzyChunk[] = [];
    if (chunkTexts.length <= directMax) {
      for (const r of chunkFuse.search(pattern, { limit: max })) {
        out.push({ ci: r.refIndex, score: r.score ?? 1, ws: 0, we: chunkTexts[r.refIndex]?.length ?? 0 });
      }
      return out;
    }
    chunkFilter ??= new BigramFilter(chunkTexts);
    const keys = bigramKeys(pattern);
    // Bounded work: bitap costs about (0.4 * m) error levels x window length per candidate.
    const m = pattern.length;
    const perCandidate = Math.max(1, FUZZY_THRESHOLD * m * (3 * m + 8));
    const maxCandidates = Math.max(8, Math.min(PREFILTER_CHUNKS, Math.floor(FUZZY_BUDGET / perCandidate)));
    for (const ci of chunkFilter.candidates(pattern, maxCandidates, false)) {
      // fuse.js bitap cost grows with the text: run it on the window of the chunk where the
      // pattern's bigrams are densest (the best match lies there), not on the whole chunk.
      const text = chunkTexts[ci]!;
      const [ws, we] = densestWindow(text, keys, pattern.length);
      const r = Fuse.match(pattern, text.slice(ws, we), fuzzyOptions);
      if (r.isMatch) out.push({ ci, score: r.score === 0 ? Number.EPSILON : r.score, ws, we });
    }
    out.sort((a, b) => a.score - b.score || a.ci - b.ci);
    out.length = Math.min(out.length, max);
    return out;
  }

  /** Concept names close to q (fuse.js score <= SUGGEST_THRESHOLD), best first. */
  function fuzzyNames(q: string): Array<{ ci: number; name: string; score: number }> {
    const out: Array<{ ci: number; name: string; score: number }> = [];
    if (names.length <= directMax) {
      for (const r of conceptFuse.search(q, { limit: 20 })) {
        for (const m of r.matches ?? []) {
          const name = m.value ?? '';
          if (!name) continue;
          const one = Fuse.match(q, name, conceptOptions);
          if (one.isMatch) out.push({ ci: r.refIndex, name, score: one.score });
        }
      }
    } else {
      nameFilter ??= new BigramFilter(nameTexts);
      for (const ni of nameFilter.candidates(q, PREFILTER_NAMES, true)) {
        const n = names[ni]!;
        const r = Fuse.match(q, n.name, conceptOptions);
        if (r.isMatch) out.push({ ci: n.ci, name: n.name, score: r.score });
      }
    }
    return out.sort((a, b) => a.score - b.score || a.ci - b.ci || (a.name < b.name ? -1 : 1));
  }

  function findConcepts(q: string): { hits: ConceptHit[]; expand: string[] } {
    const scores = new Map<string, number>();
    const expand = new Set<string>();
    const put = (id: string, score: number, doExpand: boolean) => {
      const prev = scores.get(id);
      if (prev === undefined || score < prev) scores.set(id, score);
      if (doExpand) expand.add(id);
    };
    const minLen = (n: string) => (HAS_LATIN.test(n) ? 4 : 2);
    // 1. exact name
    const exact = nameToConcepts.get(q) ?? [];
    for (const id of exact) put(id, 0, true);
    // 2. the query contains a name (e.g. "两个维护是什么", "Tan Zuojun speech")
    if (q.length >= 2) {
      for (const { name, ci, weak } of names) {
        if (weak || name.length < minLen(name) || name.length >= q.length || name.length < q.length * 0.4)
          continue;
        if (q.includes(name)) put(idx.concepts[ci]!.id, 0.1 * (1 - name.length / q.length), true);
      }
    }
    // 3. close spelling, or the name contains most of the query (fuse.js, then edit similarity)
    if (q.length >= 2) {
      for (const { ci, name, score } of fuzzyNames(q)) {
        const sim = similarity(q, name);
        let s = 1 - sim;
        const contained = name.includes(q) && q.length >= 3 && q.length >= name.length * 0.6;
        if (contained) s = Math.min(s, 0.2 * (1 - q.length / name.length) + 0.05);
        const weak = idx.concepts[ci]!.weak?.includes(name) ?? false;
        // A query that names a concept exactly is no misspelling: close names of other concepts
        // (第十四个五年规划 / 第十三个五年规划) are reported, not expanded.
        const doExpand = !weak && !exact.length && q.length >= 3 && (sim >= EXPAND_SIMILARITY || contained);
        put(idx.concepts[ci]!.id, Math.min(1, Math.max(0, (s + score) / 2)), doExpand);
      }
    }
    const hits = [...scores.entries()]
      .map(([conceptId, score]) => ({ conceptId, score: Math.round(score * 1e4) / 1e4 }))
      .sort((a, b) => a.score - b.score || (a.conceptId < b.conceptId ? -1 : 1));
    // Expand at most 5 concepts, best first.
    const expandIds = hits
      .filter((h) => expand.has(h.conceptId))
      .slice(0, 5)
      .map((h) => h.conceptId);
    return { hits: hits.slice(0, 10), expand: expandIds };
  }

  function suggest(q: string): string[] {
    if (q.length < 2) return [];
    const out: Array<{ label: string; score: number }> = [];
    const seen = new Set<number>();
    for (const { ci, name, score } of fuzzyNames(q)) {
      if (seen.has(ci) || seen.size >= 10) continue;
      seen.add(ci);
      const concept = d.conceptById.get(idx.concepts[ci]!.id);
      if (!concept) continue;
      // The label closest to the query (in the query's script, usually).
      let best: { label: string; score: number } | null = null;
      for (const label of Object.values(concept.labels)) {
        if (!label) continue;
        const s = 1 - similarity(q, normName(label, t));
        if (!best || s < best.score) best = { label, score: s };
      }
      // Only spellings that really are close (fuse.js alone is too loose at this threshold).
      const close = Math.min(best?.score ?? 1, 1 - similarity(q, cut(name, CONCEPT_CAP)));
      if (best && close <= 0.5) out.push({ label: best.label, score: Math.min(best.score, score) });
    }
    out.sort((a, b) => a.score - b.score);
    return [...new Set(out.map((o) => o.label))].slice(0, 5);
  }

  function run(query: string, opts: SearchOptions | undefined): SearchResult {
    const q0 = typeof query === 'string' ? query : '';
    let limit = DEFAULT_LIMIT;
    const l = opts?.limit;
    if (typeof l === 'number' && Number.isFinite(l) && l >= 1) limit = Math.min(MAX_LIMIT, Math.floor(l));
    let truncated = q0.length > RAW_QUERY_CAP;
    let normalized = normalizeSearchQuery(cut(q0, RAW_QUERY_CAP));
    if (normalized.length > EXACT_CAP) {
      normalized = cut(normalized, EXACT_CAP).trimEnd();
      truncated = true;
    }
    const result = emptyResult(q0, normalized, truncated);
    if (!normalized) return result;
    const q = fold(normalized, t).trim();
    if (!q) return result;

    const cands = new Map<number, Candidate>();
    const add = (c: Candidate) => {
      const prev = cands.get(c.pi);
      if (!prev) {
        cands.set(c.pi, c);
        return;
      }
      const better =
        KIND_RANK[c.kind] < KIND_RANK[prev.kind] ||
        (KIND_RANK[c.kind] === KIND_RANK[prev.kind] && c.score < prev.score);
      if (better) cands.set(c.pi, { ...c, ranges: [...c.ranges, ...prev.ranges] });
      else prev.ranges.push(...c.ranges);
    };

    // 1. exact substring over normalised, folded passages
    for (let pi = 0; pi < prepared.length; pi++) {
      const pp = prepared[pi]!;
      let at = pp.text.indexOf(q);
      if (at < 0) continue;
      const ranges: Array<[number, number]> = [];
      let count = 0;
      while (at >= 0 && count < 50) {
        if (count < 3) ranges.push(toOriginal(pp, at, at + q.length)); // marks: the first few
        count++;
        at = pp.text.indexOf(q, at + Math.max(1, q.length));
      }
      add({ pi, kind: 'exact', score: 0.05 / count, ranges });
    }

    // 2. concepts named by the query -> their occurrences
    const cq = cut(q, CONCEPT_CAP);
    const { hits: conceptHits, expand } = findConcepts(cq);
    result.concepts = conceptHits;
    result.expandedConceptIds = expand;
    const conceptScore = new Map(conceptHits.map((h) => [h.conceptId, h.score]));
    const surfaceSim = new Map<string, number>();
    for (const id of expand) {
      const byPassage = new Map<number, Array<[number, number]>>();
      for (const o of data.occurrences[id] ?? []) {
        const pi = d.passageIndex.get(o.passageId);
        if (pi === undefined) continue;
        let r = byPassage.get(pi);
        if (!r) byPassage.set(pi, (r = []));
        r.push([o.start, o.end]);
      }
      const cs = conceptScore.get(id) ?? 0.5;
      for (const [pi, ranges] of byPassage) {
        // Within the tier, passages whose wording of the concept looks like the query come first
        // ("tan zuojn" -> the English passages before 譚作鈞).
        const text = data.passages[pi]!.text;
        let sim = 0;
        for (const [s, e] of ranges.slice(0, 4)) {
          const surface = text.slice(s, e);
          let v = surfaceSim.get(surface);
          if (v === undefined)
            surfaceSim.set(surface, (v = similarity(cq, cut(normName(surface, t), CONCEPT_CAP))));
          sim = Math.max(sim, v);
        }
        add({ pi, kind: 'concept', score: 0.1 + 0.08 * Math.min(1, cs) + 0.019 * (1 - sim), ranges });
      }
    }

    // 3. fuzzy, only if the better tiers leave room
    if (cands.size < limit && q.length >= FUZZY_MIN) {
      const pattern = cut(q, FUZZY_CAP);
      // All words present (multi-word Latin queries whose words are apart in the text).
      // Longest (rarest) word first, so most passages fail on the first indexOf.
      const words = [...new Set(pattern.split(' ').filter((w) => w.length >= 2))]
        .slice(0, 8)
        .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
      if (words.length >= 2) {
        for (let pi = 0; pi < prepared.length; pi++) {
          if (cands.has(pi)) continue;
          const pp = prepared[pi]!;
          const ranges: Array<[number, number]> = [];
          let all = true;
          for (const w of words) {
            const at = pp.text.indexOf(w);
            if (at < 0) {
              all = false;
              break;
            }
            ranges.push(toOriginal(pp, at, at + w.length));
          }
          if (all) add({ pi, kind: 'fuzzy', score: 0.2, ranges });
        }
      }
      for (const f of fuzzyChunks(pattern, Math.max(limit * 3, 30))) {
        const chunk = idx.chunks[f.ci];
        if (!chunk) continue;
        const [pi, cs] = chunk;
        const pp = prepared[pi];
        if (!pp) continue;
        // fuse.js accepted the chunk; the edit distance of the best matching span ranks it and
        // gives one contiguous mark (fuse.js indices are scattered characters).
        const text = chunkTexts[f.ci]!;
        const b = bestSubstringMatch(pattern, text.slice(f.ws, f.we));
        const errRate = b.dist / pattern.length;
        if (errRate > FUZZY_THRESHOLD) continue;
        const ranges: Array<[number, number]> = [toOriginal(pp, cs + f.ws + b.start, cs + f.ws + b.end)];
        // A span that starts a word beats one that starts mid-word ("stabili|ze" vs "respon|sibilities").
        const before = cs + f.ws + b.start > 0 ? pp.text.charCodeAt(cs + f.ws + b.start - 1) : 32;
        const wordStart = !LETTER_OR_DIGIT.test(String.fromCharCode(before)) ? 0.02 : 0;
        const score = Math.max(0, 0.75 * errRate + 0.25 * Math.min(1, Math.max(0, f.score)) - wordStart);
        add({ pi, kind: 'fuzzy', score: 0.2 + 0.8 * score, ranges });
      }
    }

    const ranked = [...cands.values()].sort(
      (a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.score - b.score || a.pi - b.pi,
    );
    result.hits = ranked.slice(0, limit).map((c) => {
      const p = data.passages[c.pi]!;
      // Primary range first (the best tier's), the rest merged in for the marks.
      const primary = c.ranges[0];
      const { snippet, marks } = makeSnippet(
        p.text,
        primary ? [primary, ...c.ranges.slice(1)] : [],
        SNIPPET_LEN,
      );
      const hit: SearchHit = {
        passageId: p.id,
        docId: p.docId,
        score: Math.round(c.score * 1e4) / 1e4,
        kind: c.kind,
        snippet,
        marks,
        conceptIds: d.conceptsByPassage.get(p.id) ?? [],
      };
      return hit;
    });
    if (result.hits.length === 0) result.suggestions = suggest(cq);
    return result;
  }

  return {
    search(query: string, opts?: SearchOptions): SearchResult {
      try {
        return run(query, opts);
      } catch {
        // Never throw into the UI: an empty result is the honest answer to a query we cannot handle.
        return emptyResult(typeof query === 'string' ? query.slice(0, RAW_QUERY_CAP) : '');
      }
    },
    get indexRebuilt() {
      return indexRebuilt;
    },
    get chunkCount() {
      return chunkTexts.length;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Pure helpers for the background (types match lib/messaging.ts BackgroundProtocol)

export function getConceptDetails(data: CorpusData, id: string): ConceptDetails | null {
  const d = derived(data);
  const concept = d.conceptById.get(id);
  if (!concept) return null;
  const byPassage = new Map<string, { docId: string; ranges: Array<[number, number]> }>();
  for (const o of data.occurrences[id] ?? []) {
    let e = byPassage.get(o.passageId);
    if (!e) byPassage.set(o.passageId, (e = { docId: o.docId, ranges: [] }));
    e.ranges.push([o.start, o.end]);
  }
  const entries = [...byPassage.entries()].sort((a, b) => {
    const da = d.docOrder.get(a[1].docId) ?? Number.MAX_SAFE_INTEGER;
    const db = d.docOrder.get(b[1].docId) ?? Number.MAX_SAFE_INTEGER;
    const pa = d.passageIndex.get(a[0]) ?? Number.MAX_SAFE_INTEGER;
    const pb = d.passageIndex.get(b[0]) ?? Number.MAX_SAFE_INTEGER;
    return da - db || pa - pb;
  });
  const occurrences: ConceptDetails['occurrences'] = [];
  for (const [passageId, { docId, ranges }] of entries) {
    const pi = d.passageIndex.get(passageId);
    const p = pi === undefined ? undefined : data.passages[pi];
    if (!p) continue;
    const { snippet, marks } = makeSnippet(p.text, ranges);
    occurrences.push({ docId, passageId, snippet, marks });
  }
  return { concept, occurrences };
}

export function getConceptSummaries(data: CorpusData, ids?: string[]): ConceptSummary[] {
  const d = derived(data);
  const list = ids ? ids.map((id) => d.conceptById.get(id)).filter((c): c is Concept => !!c) : data.concepts;
  return list.map((c) => ({
    id: c.id,
    category: c.category,
    labels: c.labels,
    occurrenceCount: data.occurrences[c.id]?.length ?? 0,
  }));
}

export type DocumentListEntry = Omit<CorpusDocument, 'text' | 'passageIds' | 'removed'> & {
  conceptCount: number;
  passageCount: number;
};

export function listDocuments(data: CorpusData): DocumentListEntry[] {
  const d = derived(data);
  return data.documents.map((doc) => {
    const { text: _text, passageIds, removed: _removed, ...meta } = doc;
    void _text;
    void _removed;
    const concepts = new Set<string>();
    for (const pid of passageIds) for (const c of d.conceptsByPassage.get(pid) ?? []) concepts.add(c);
    return { ...meta, conceptCount: concepts.size, passageCount: passageIds.length };
  });
}

export function getDocument(
  data: CorpusData,
  docId: string,
): { document: CorpusDocument; passages: Passage[]; conceptsByPassage: Record<string, string[]> } | null {
  const d = derived(data);
  const document = data.documents.find((doc) => doc.id === docId);
  if (!document) return null;
  const passages = data.passages.filter((p) => p.docId === docId).sort((a, b) => a.index - b.index);
  const conceptsByPassage: Record<string, string[]> = {};
  for (const p of passages) conceptsByPassage[p.id] = d.conceptsByPassage.get(p.id) ?? [];
  return { document, passages, conceptsByPassage };
}
