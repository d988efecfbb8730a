// Shared data model: the contract between the build step (scripts/), the background,
// the content script and the UI. Pure types, no runtime code.
import type { Concept, MatchRule } from './glossary/schema.ts';

/** Languages the glossary knows. BCP 47-ish tags. */
export type Lang = 'en' | 'ja' | 'zh-Hans' | 'zh-Hant' | 'vi';
export const LANGS: readonly Lang[] = ['en', 'ja', 'zh-Hans', 'zh-Hant', 'vi'];

// Categories: one table (lib/core/categories.ts) from which the type and the list derive.
import type { Category } from './categories.ts';
export { CATEGORIES, type Category } from './categories.ts';

// The glossary's concept shape is declared once, as a schema (glossary/schema.ts, which also
// publishes corpus/glossary.schema.json); its types are inferred there.
export type { Concept, MatchRule, Member } from './glossary/schema.ts';

export interface Alias {
  text: string;
  lang: Lang;
  rule?: MatchRule;
}

export interface RemovedSpan {
  /** Why it was removed: breadcrumb, footer, print-link, comment-counter, blank-line, ... */
  kind: string;
  /** The removed text, verbatim. */
  text: string;
  /** 1-based line in the seed file. */
  line: number;
  /** Removed from the start of a kept line (else from its end, or the whole line). */
  atStart?: true;
}

export interface DocumentMeta {
  id: string; // "000".."004"
  title: string;
  titleSupplied: boolean;
  titleEn: string;
  date: string; // ISO yyyy-mm-dd
  /** Publication timestamp as the page states it (e.g. "2021-01-22 16:36"), if any. */
  published?: string;
  place: string; // English place name
  placeLocal?: string;
  body: string; // the body that met / issued
  lang: Lang;
  originalLang: Lang;
  translation: boolean;
  /** The translation is a machine's (citations say so): set only where the source says it. */
  machineTranslation?: boolean;
  source?: string; // publisher info the text itself carries
  seedFile: string;
  /** Other language versions of the same report (doc ids). */
  versions: string[];
  removed: RemovedSpan[];
  /** The page this very text was taken from (citations link to it, with a text fragment). */
  url?: string;
  /** A translation's original-language page, when the translation's own page is not citable. */
  originalUrl?: string;
  /** Set on the user's own documents (lib/core/library/schema.ts has the rest of their metadata). */
  origin?: 'user';
  /** A saved page's access date (yyyy-mm-dd), byline and site name; a user document's tags. */
  accessed?: string;
  byline?: string;
  site?: string;
  tags?: string[];
}

/** What the hover card and the concept view show of a document next to its snippets. */
export type CardDoc = Pick<DocumentMeta, 'id' | 'title' | 'date' | 'lang' | 'origin'>;

export interface Passage {
  id: string; // "<docId>/p<NN>", stable: e.g. "000/p03"
  docId: string;
  index: number; // 0-based within the document
  text: string; // verbatim paragraph text
  /** Offsets of `text` in the document's cleaned text. */
  start: number;
  end: number;
  /** Section path of numbered structures, outermost first, e.g. ["一、…", "(一)…"]. */
  section: string[];
  /** Passage ids of the aligned paragraphs in other language versions. */
  aligned?: string[];
}

export interface CorpusDocument extends DocumentMeta {
  text: string; // cleaned text
  passageIds: string[];
}

/** An occurrence of a concept in the corpus, computed at build time. */
export interface Occurrence {
  passageId: string;
  docId: string;
  /** Offsets within the passage text. */
  start: number;
  end: number;
}

/** A term found in a string by the matcher. Offsets are UTF-16 indices into the original string. */
export interface TermMatch {
  start: number;
  end: number;
  conceptId: string;
}

/** A passage found by the search core. */
export interface SearchHit {
  passageId: string;
  docId: string;
  /** 0 = perfect; higher is worse (fuse.js convention, after our re-ranking). */
  score: number;
  /** 'exact' and 'phrase' hits rank above 'fuzzy' ones. */
  kind: 'exact' | 'concept' | 'fuzzy';
  /** Short excerpt of the passage and the marked ranges inside that excerpt. */
  snippet: string;
  marks: Array<[number, number]>;
  /** Concepts that occur in the passage. */
  conceptIds: string[];
}

/** A concept found by the search core (by label or alias). */
export interface ConceptHit {
  conceptId: string;
  score: number;
}

export interface SearchResult {
  query: string;
  /** Query after normalisation (and capping). */
  normalized: string;
  /** True when the query was longer than the cap and was cut. */
  truncated: boolean;
  /** Concepts the query named; their aliases were added to the search. */
  expandedConceptIds: string[];
  concepts: ConceptHit[];
  hits: SearchHit[];
  /** Close spellings to offer when there are no hits. */
  suggestions: string[];
  /**
   * When no passage answers: the concepts the query names (the glossary knows them even when the
   * library holds no passage yet), best first, as cards (issue #11). Absent or empty otherwise.
   */
  conceptAnswers?: ConceptAnswer[];
}

/** A concept given as the answer to a query no passage answers. */
export interface ConceptAnswer {
  id: string;
  category: Category;
  labels: Concept['labels'];
  /** Pinyin (tone marks) of the Chinese label, when the search index has it. */
  pinyin?: string;
  definition: Concept['definition'];
  occurrenceCount: number;
}

/** Concept with everything the UI shows about it (hover card, concept view). */
/** The user term list a user concept (`u.<listId>.<n>`) belongs to. */
export interface UserListRef {
  id: string;
  name: string;
  /** LIST_COLOURS index (lib/core/library/list-colours.ts). */
  colour: number;
}

export interface ConceptDetails {
  concept: Concept;
  /** Set for a user term: its list (the card shows the list's name and colour, not a category). */
  list?: UserListRef;
  /** Pinyin (tone marks) of the Chinese label, when the search index has it. */
  pinyin?: string;
  occurrences: Array<{
    docId: string;
    passageId: string;
    snippet: string;
    marks: Array<[number, number]>;
    /**
     * Offsets (UTF-16, [start, end)) in the passage text of every occurrence of the concept in
     * this passage, when the background supplies them (the reader highlights with them; without
     * them it maps `marks` back from the snippet, which may show only some of them).
     */
    ranges?: Array<[number, number]>;
    /** Offsets of the (first) occurrence within the passage text, when the background supplies them. */
    start?: number;
    end?: number;
  }>;
}

/** Small per-concept record for lists and chips. */
export interface ConceptSummary {
  id: string;
  /** Set for a user term (see ConceptDetails.list). */
  list?: UserListRef;
  category: Category;
  labels: Concept['labels'];
  occurrenceCount: number;
  /** Pinyin (tone marks) of the Chinese label, when the search index has it. */
  pinyin?: string;
  /** Whose party-state vocabulary it is (the glossary's `country`); unset for a user's term. */
  country?: Country;
}

export type Country = 'CN' | 'VN';

/** generated/corpus.json: everything the background loads. Written by scripts/build-data.ts. */
export interface CorpusData {
  version: 1;
  documents: CorpusDocument[];
  passages: Passage[];
  concepts: Concept[];
  /** Every alias of each concept after variant generation (normalised forms, sorted). */
  variants: Record<string, string[]>;
  /** Corpus occurrences per concept id, in document then offset order. */
  occurrences: Record<string, Occurrence[]>;
}
