// Pipeline assembly: parsed inputs (documents with their raw text, validated concepts) → the
// corpus data, the compiled term matcher, the search index and the diagnostics of the corpus as a
// whole. Pure: the build step reads the files and injects the Chinese converters; the background
// can run the same code.
import { alignVersions } from '../corpus.ts';
import {
  checkCorpusOccurrences,
  checkVariantCollisions,
  type ConceptOrigin,
  type Diagnostic,
} from '../glossary.ts';
import { foldHan, hanFoldTable, restrictHanFold } from '../match-han-fold.ts';
import { normalizeForMatch, normalizeQuery } from '../normalize.ts';
import { HAN_FOLD_PAIRS } from '../search/han-fold-table.ts';
import { buildSearchIndex, type SearchIndexData } from '../search/index-data.ts';
import { compileMatcher, createMatcher, type CompiledMatcher, type Matcher } from '../term-matcher.ts';
import type { Concept, CorpusData, CorpusDocument, Occurrence, Passage } from '../types.ts';
import { ingestDocument, type DocumentInput } from './ingest.ts';
import { buildMatcherEntries, type GenerateVariants, type VariantConverters } from './matcher-entries.ts';

export interface BuildCorpusInput {
  /** In corpus order (the manifest's). */
  documents: readonly DocumentInput[];
  /** Validated concepts, any order: the corpus lists them by id. */
  concepts: readonly Concept[];
  /** Where each concept is written, for file:line diagnostics (empty: reported at the glossary). */
  origins?: Record<string, ConceptOrigin>;
  convert: VariantConverters;
  /** The variant generator; lib/core/variants.ts unless a test passes another. */
  generate?: GenerateVariants;
  /**
   * Concepts that need not occur in the documents (the national vocabulary: explained on hover,
   * "no passage in the library yet"). Every other concept must occur, as a check on the glossary.
   */
  mayOccurNowhere?: (id: string) => boolean;
}

export interface BuiltCorpus {
  data: CorpusData;
  /** What matcher.json holds (the content script's matcher). */
  compiled: CompiledMatcher;
  matcher: Matcher;
  /** Variant collisions and concepts that occur nowhere, unsorted (the caller adds its own). */
  diagnostics: Diagnostic[];
  /** 1-based raw-text line of each passage, per document. */
  parsed: Array<{ id: string; seedFile: string; passageLines: number[] }>;
  /** The search index of `data`; built on first call (about a second; not needed when the build fails). */
  searchIndex(): SearchIndexData;
}

const byId = (a: Concept, b: Concept) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/** The full folding table (simplified canonical; the search's, from opencc-js). */
const FOLD = hanFoldTable(HAN_FOLD_PAIRS);
/** How the matcher sees a form: normalised and Han-folded (two forms with one key collide). */
const matchKey = (s: string) => foldHan(normalizeForMatch(s).text.trim(), FOLD);

/**
 * The concept as the extension ships it: zh-Hant definition converted from zh-Hans when the
 * glossary has none, and without `forms` (evidence for reviewers and the eval, not for readers).
 */
function shipped(c: Concept, convert: VariantConverters): Concept {
  const { forms: _forms, ...rest } = c;
  const d = c.definition;
  const hant = d['zh-Hant'] ?? (d['zh-Hans'] ? convert.toTraditional(d['zh-Hans']) : undefined);
  return { ...rest, definition: hant ? { ...d, 'zh-Hant': hant } : d };
}

export function buildCorpus(input: BuildCorpusInput): BuiltCorpus {
  const origins = input.origins ?? {};
  const concepts = [...input.concepts].sort(byId).map((c) => shipped(c, input.convert));

  // variants → matcher (concept index i is concepts[i])
  const built = buildMatcherEntries(concepts, input.convert, input.generate);
  const { variants, sources } = built;
  const diagnostics = checkVariantCollisions(concepts, sources, origins, matchKey);
  // Patterns are Han-folded (lib/core/match-han-fold.ts): simplified, traditional and Japanese
  // forms become one pattern; the text is folded with the pairs the patterns need.
  const entries = built.entries.map((e) => ({ ...e, text: foldHan(e.text, FOLD) }));
  const compiled = compileMatcher(entries, {
    ids: concepts.map((c) => c.id),
    categories: concepts.map((c) => c.category),
  });
  compiled.hanFold = restrictHanFold(
    HAN_FOLD_PAIRS,
    entries.map((e) => normalizeQuery(e.text)),
  );
  if (built.needsContext.length) {
    // concept index (not id) before the form: the list ships in the content script
    const index = new Map(concepts.map((c, i) => [c.id, i]));
    const keys = built.needsContext.map((k) => {
      const [id = '', form = ''] = k.split('\u0000');
      return `${index.get(id)} ${foldHan(form, FOLD)}`;
    });
    compiled.needsContext = [...new Set(keys)].sort();
  }
  const shared = Object.entries(built.contextShared);
  if (shared.length) {
    // folded like the patterns; the concepts' countries decide between them on a page
    compiled.contextShared = {};
    for (const [form, indices] of shared) compiled.contextShared[foldHan(form, FOLD)] = indices;
    compiled.countries = concepts
      .map((c) => (c.country === 'cn' ? 'c' : c.country === 'vn' ? 'v' : '-'))
      .join('');
  }
  const matcher = createMatcher(compiled);

  // documents → passages → occurrences, one document at a time (the same step an import runs)
  const documents: CorpusDocument[] = [];
  const passages: Passage[] = [];
  const parsed: BuiltCorpus['parsed'] = [];
  const occurrences: Record<string, Occurrence[]> = {};
  for (const c of concepts) occurrences[c.id] = [];
  for (const doc of input.documents) {
    const r = ingestDocument(doc, matcher);
    documents.push(r.document);
    passages.push(...r.passages);
    parsed.push({ id: doc.entry.id, seedFile: doc.entry.seedFile, passageLines: r.passageLines });
    for (const [id, list] of Object.entries(r.occurrences)) (occurrences[id] ??= []).push(...list);
  }
  alignVersions(documents, passages);
  const mayOccurNowhere = input.mayOccurNowhere ?? (() => false);
  diagnostics.push(
    ...checkCorpusOccurrences(
      concepts.filter((c) => !mayOccurNowhere(c.id)),
      origins,
      (id) => occurrences[id]?.length ?? 0,
    ),
  );

  const data: CorpusData = { version: 1, documents, passages, concepts, variants, occurrences };
  let index: SearchIndexData | null = null;
  return {
    data,
    compiled,
    matcher,
    diagnostics,
    parsed,
    searchIndex: () => (index ??= buildSearchIndex(data)),
  };
}
