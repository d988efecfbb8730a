// Stage 0: the search index (search-index.json): build, compact/hydrate, check and rebuild.
import Fuse from 'fuse.js';
import type { FuseIndex } from 'fuse.js';
import type { Concept, CorpusData } from '../types.ts';
import { foldedName, foldTableFor, glossaryHanFold, tableHanFold } from './fold.ts';
import type { FoldTable, HanFold } from './fold.ts';
import { pairSafeEnd, pairSafeStart } from '../limits.ts';
import type { SearchIndexPinyin } from './pinyin.ts';
import { preparePassage } from './prepared-passage.ts';
import type { PreparedPassage } from './prepared-passage.ts';
import { CHUNK_OVERLAP, CHUNK_SIZE, SEARCH_INDEX_VERSION } from './tunables.ts';

export type FuseIndexJson = ReturnType<FuseIndex<unknown>['toJSON']>;

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
  /** Pinyin of the Han text and of the Chinese concept names (build time, scripts/search-pinyin.ts). */
  pinyin?: SearchIndexPinyin;
}

export interface BuildSearchIndexOptions {
  /**
   * Han folding pairs for the characters of the corpus and glossary. Default: tableHanFold (the
   * checked-in opencc-js table); scripts/search-fold.ts `openccHanFold` computes the same live.
   */
  hanFold?: HanFold;
}

/** FNV-1a, 32 bits: the index's fingerprints and the segments' term hashes (segment.ts). */
export function fnv1a(s: string, h = 0x811c9dc5): number {
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

function textKeyOf(prepared: readonly PreparedPassage[]): string {
  let h = 0x811c9dc5;
  for (const pp of prepared) h = fnv1a(`${pp.text}\u0000`, h);
  return h.toString(16);
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

/** The fuzzy chunks of a prepared passage text: [start, end) ranges, CHUNK_OVERLAP apart. */
export function chunkRanges(text: string): Array<[number, number]> {
  const len = text.length;
  if (len <= CHUNK_SIZE) return len > 0 ? [[0, len]] : [];
  const out: Array<[number, number]> = [];
  const step = CHUNK_SIZE - CHUNK_OVERLAP;
  for (let start = 0; ; start += step) {
    const s = pairSafeStart(text, start);
    const e = pairSafeEnd(text, Math.min(len, s + CHUNK_SIZE));
    out.push([s, e]);
    if (e >= len) break;
  }
  return out;
}

function indexConcept(c: Concept, variants: string[] | undefined, t: FoldTable): SearchIndexConcept {
  const { names, weak } = conceptNames(c, variants);
  const normed = [...new Set(names.map((n) => foldedName(n, t)).filter((n) => n.length > 0))].sort();
  const weakNormed = [...new Set([...weak].map((n) => foldedName(n, t)))]
    .filter((n) => normed.includes(n))
    .sort();
  // A weak alias stays weak only if no label/other alias has the same form.
  const strong = new Set(Object.values(c.labels).map((l) => foldedName(l ?? '', t)));
  const weakFinal = weakNormed.filter((n) => !strong.has(n));
  return weakFinal.length ? { id: c.id, names: normed, weak: weakFinal } : { id: c.id, names: normed };
}

/** Every character of the concepts' names (the Han folding is restricted to these and the corpus's). */
export function conceptChars(data: Pick<CorpusData, 'concepts' | 'variants'>): Set<string> {
  const chars = new Set<string>();
  for (const c of data.concepts)
    for (const n of conceptNames(c, data.variants[c.id]).names) for (const ch of n) chars.add(ch);
  return chars;
}

/** Builds the search index (build time). JSON-able and deterministic for the same input. */
export function buildSearchIndex(data: CorpusData, options: BuildSearchIndexOptions = {}): SearchIndexData {
  return buildIndexWith(data, options.hanFold ?? tableHanFold);
}

function buildIndexWith(data: CorpusData, hanFold: HanFold): SearchIndexData {
  // Han folding table from every character of the corpus and glossary.
  const chars = new Set<string>();
  for (const p of data.passages) for (const ch of p.text) chars.add(ch);
  for (const ch of conceptChars(data)) chars.add(ch);
  const foldPairs = hanFold([...chars].sort());
  const t = foldTableFor(foldPairs);

  const chunks: Array<[number, number, number]> = [];
  const chunkTexts: string[] = [];
  const prepared = data.passages.map((p) => preparePassage(p, t));
  prepared.forEach((pp, pi) => {
    for (const [s, e] of chunkRanges(pp.text)) {
      chunks.push([pi, s, e]);
      chunkTexts.push(pp.text.slice(s, e));
    }
  });
  const { concepts, conceptIndex } = buildConceptIndex(data, t);

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
    conceptIndex,
  };
}

/** The concepts' folded names and their fuse.js index (also what a segmented search is given). */
export function buildConceptIndex(
  data: Pick<CorpusData, 'concepts' | 'variants'>,
  t: FoldTable,
): Pick<SearchIndexData, 'concepts' | 'conceptIndex'> {
  const concepts = data.concepts.map((c) => indexConcept(c, data.variants[c.id], t));
  return {
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

/** An index checked against its corpus, with the passages prepared the way its chunks were cut. */
export interface RestoredIndex {
  index: SearchIndexData;
  fold: FoldTable;
  prepared: PreparedPassage[];
  /** True when the given index did not match the corpus and was rebuilt. */
  rebuilt: boolean;
}

/** Uses `given` when it was built from `data`, else rebuilds it (never returns wrong offsets). */
export function restoreIndex(data: CorpusData, given: SearchIndexData): RestoredIndex {
  let index = given;
  let rebuilt = false;
  if (
    !isIndexShaped(index) ||
    index.version !== SEARCH_INDEX_VERSION ||
    index.corpusKey !== corpusKeyOf(data) ||
    index.chunkSize !== CHUNK_SIZE ||
    index.chunkOverlap !== CHUNK_OVERLAP
  ) {
    // Rebuild at run time: reuse the shipped Han folding table when there is one.
    const shippedFold = typeof index?.fold === 'string' ? index.fold : '';
    index = withPinyinOf(
      given,
      buildIndexWith(data, shippedFold ? () => shippedFold : glossaryHanFold(data)),
    );
    rebuilt = true;
  }
  const t = foldTableFor(index.fold);
  const prepared = data.passages.map((p) => preparePassage(p, t));
  if (!rebuilt && index.textKey !== textKeyOf(prepared)) {
    // Same ids and lengths but other text (or another normalisation): the chunks would be wrong.
    const shippedFold = index.fold;
    index = withPinyinOf(
      given,
      buildIndexWith(data, () => shippedFold),
    );
    rebuilt = true;
  }
  return { index, fold: t, prepared, rebuilt };
}

/** A rebuilt index keeps the shipped pinyin readings: lib/core has no pinyin library to redo them
 * (characters new to the corpus have no reading until the next build). */
function withPinyinOf(given: unknown, built: SearchIndexData): SearchIndexData {
  const p = (given as { pinyin?: unknown } | null)?.pinyin as SearchIndexPinyin | undefined;
  const shaped =
    typeof p === 'object' && p !== null && typeof p.chars === 'string' && typeof p.concepts === 'object';
  return shaped ? { ...built, pinyin: p } : built;
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
export function hydrateIndex(c: CompactFuseIndex, text: (i: number, sub: number) => string): FuseIndexJson {
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
