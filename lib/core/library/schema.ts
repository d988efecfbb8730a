// The user's library (issue #12): one schema per contract. What a UI sends to import a document or
// a term list, what the store keeps, and what a backup file holds are validated with these (the
// background validates every message; a restore validates every entry, and rejects the file whole
// with the entry's position when one fails).
import * as v from 'valibot';
import { CATEGORIES, LANGS } from '../types.ts';
import {
  IMPORT_TEXT_MAX,
  LIBRARY_LABEL_MAX,
  LIBRARY_URL_MAX,
  TAG_MAX,
  TAGS_MAX,
  TERM_ALIASES_MAX,
  TERM_LIST_MAX_TERMS,
  TERM_TEXT_MAX,
  USER_DEFINITION_MAX,
} from '../limits.ts';
import { LIST_COLOURS } from './list-colours.ts';

/** Ids of the user's documents start with this (bundled ids are "000".."004"). */
export const USER_DOC_PREFIX = 'user-';
/** Ids of user concepts: `u.<listId>.<n>` (n: the term's index in its list). */
export const USER_CONCEPT_PREFIX = 'u.';

const NOT_BLANK = /\S/;
const label = v.pipe(v.string(), v.trim(), v.maxLength(LIBRARY_LABEL_MAX));
const required = v.pipe(label, v.regex(NOT_BLANK, 'must not be blank'));
const isoDate = v.pipe(v.string(), v.regex(/^(\d{4}-\d{2}-\d{2})?$/, 'must be yyyy-mm-dd or empty'));
const httpUrl = v.pipe(
  v.string(),
  v.maxLength(LIBRARY_URL_MAX),
  v.regex(/^https?:\/\/\S+$/, 'must be an http(s) URL'),
);
export const DocId = v.pipe(v.string(), v.regex(/^user-[a-z0-9]{4,40}$/));
export const ListId = v.pipe(v.string(), v.regex(/^L[a-z0-9]{4,40}$/));

/** How a document came in. */
export const DOC_FORMATS = ['txt', 'md', 'html', 'pdf', 'docx', 'paste', 'page'] as const;
export type DocFormat = (typeof DOC_FORMATS)[number];

/** A document's metadata: taken from the file where present, editable after import. */
export const UserDocMetaSchema = v.object({
  title: required,
  lang: v.picklist(LANGS),
  /** Publication date, yyyy-mm-dd, or '' when unknown. */
  date: isoDate,
  /** The original's URL (a saved page's address, a file's source). */
  url: v.optional(httpUrl),
  /** Issuing body or publisher ("State Council", "Xinhua"). */
  publisher: v.optional(label),
  byline: v.optional(label),
  /** Site name of a saved page. */
  site: v.optional(label),
  /** When a saved page was read (yyyy-mm-dd): citations give it as the access date. */
  accessed: v.optional(isoDate),
  /** The text is a translation (citations say so); of which language, when known. */
  translation: v.boolean(),
  originalLang: v.optional(v.picklist(LANGS)),
  tags: v.pipe(
    v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(TAG_MAX))),
    v.maxLength(TAGS_MAX),
  ),
  format: v.picklist(DOC_FORMATS),
  /** The file it was read from. */
  fileName: v.optional(label),
  /** PDF: offset in `text` where each page starts (page n+1 starts at pageStarts[n]). */
  pageStarts: v.optional(v.array(v.pipe(v.number(), v.integer(), v.minValue(0)))),
});
export type UserDocMeta = v.InferOutput<typeof UserDocMetaSchema>;

/** What the Library section (or "Add this page") sends the background to import one document. */
export const DocumentImportSchema = v.object({
  meta: UserDocMetaSchema,
  /** Plain text, paragraphs separated by blank lines. */
  text: v.pipe(v.string(), v.maxLength(IMPORT_TEXT_MAX), v.regex(NOT_BLANK, 'the document holds no text')),
});
export type DocumentImport = v.InferOutput<typeof DocumentImportSchema>;

/** A stored document: the import plus its id and when it was added. */
export const UserDocumentRecordSchema = v.object({
  id: DocId,
  meta: UserDocMetaSchema,
  text: DocumentImportSchema.entries.text,
  /** ISO timestamp. */
  addedAt: v.string(),
});
export type UserDocumentRecord = v.InferOutput<typeof UserDocumentRecordSchema>;

/** Editable after import: any of these, the rest stays. */
export const UserDocPatchSchema = v.partial(
  v.pick(UserDocMetaSchema, [
    'title',
    'lang',
    'date',
    'url',
    'publisher',
    'tags',
    'translation',
    'originalLang',
  ]),
);
export type UserDocPatch = v.InferOutput<typeof UserDocPatchSchema>;

const termText = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(TERM_TEXT_MAX));

/** One term of a user list (a CSV row, a TBX termEntry, a glossary concept). */
export const UserTermSchema = v.object({
  term: termText,
  aliases: v.pipe(v.array(termText), v.maxLength(TERM_ALIASES_MAX)),
  definition: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(USER_DEFINITION_MAX))),
  lang: v.optional(v.picklist(LANGS)),
  category: v.optional(v.picklist(CATEGORIES)),
  source: v.optional(httpUrl),
});
export type UserTerm = v.InferOutput<typeof UserTermSchema>;

export const TERM_LIST_FORMATS = ['csv', 'tsv', 'tbx', 'yaml', 'json'] as const;
export type TermListFormat = (typeof TERM_LIST_FORMATS)[number];

/** What the Library section sends to import a term list (parsed and checked on the page first). */
export const TermListImportSchema = v.object({
  name: required,
  /** Index into LIST_COLOURS. */
  colour: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LIST_COLOURS.length - 1)),
  format: v.picklist(TERM_LIST_FORMATS),
  fileName: v.optional(label),
  terms: v.pipe(
    v.array(UserTermSchema),
    v.minLength(1, 'the list holds no term'),
    v.maxLength(TERM_LIST_MAX_TERMS),
  ),
});
export type TermListImport = v.InferOutput<typeof TermListImportSchema>;

export const TermListRecordSchema = v.object({
  ...TermListImportSchema.entries,
  id: ListId,
  createdAt: v.string(),
});
export type TermListRecord = v.InferOutput<typeof TermListRecordSchema>;

export const TermListPatchSchema = v.partial(v.pick(TermListImportSchema, ['name', 'colour']));
export type TermListPatch = v.InferOutput<typeof TermListPatchSchema>;

/** "Export library": one file with everything; "Import backup" restores it exactly. */
export const BACKUP_FORMAT = 'policy-lens-library';
export const LibraryBackupSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(1),
  exportedAt: v.string(),
  documents: v.array(UserDocumentRecordSchema),
  termLists: v.array(TermListRecordSchema),
  /** The settings as storage holds them (lib/settings.ts validates them entry by entry). */
  settings: v.record(v.string(), v.unknown()),
});
export type LibraryBackup = v.InferOutput<typeof LibraryBackupSchema>;

/** A row of the Library section's document list. */
export interface UserDocSummary {
  id: string;
  meta: UserDocMeta;
  addedAt: string;
  chars: number;
  passageCount: number;
  /** Distinct concepts (bundled and user) that occur in it. */
  conceptCount: number;
}

/** A row of the Library section's term-list list. */
export interface TermListSummary {
  id: string;
  name: string;
  colour: number;
  format: TermListFormat;
  fileName?: string;
  createdAt: string;
  termCount: number;
  /** Occurrences of its terms in all documents (bundled and user). */
  occurrenceCount: number;
}

/** The answer to an import: what was added, or why nothing was (the store is left as it was). */
export type ImportAnswer =
  { ok: true; id: string; passageCount: number; conceptCount: number } | { ok: false; error: string };

/** The concept id of a list's n-th term. */
export function userConceptId(listId: string, n: number): string {
  return `${USER_CONCEPT_PREFIX}${listId}.${n}`;
}

/** The list id of a user concept id, or null for a bundled concept. */
export function listOfConcept(conceptId: string): string | null {
  if (!conceptId.startsWith(USER_CONCEPT_PREFIX)) return null;
  const rest = conceptId.slice(USER_CONCEPT_PREFIX.length);
  const dot = rest.indexOf('.');
  return dot > 0 ? rest.slice(0, dot) : null;
}

export function isUserDocId(id: string): boolean {
  return id.startsWith(USER_DOC_PREFIX);
}
