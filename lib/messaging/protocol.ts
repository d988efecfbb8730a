// The one message protocol, declared once. Every message is `{ type, payload }`; each payload is a
// valibot schema below, the request types are inferred from it, and the receiving end validates
// with `isMessage` before trusting anything (other extensions and pages send junk). Answers of the
// background are typed by the lib/core types it builds them from; answers of a content script
// are schemas too, and the popup validates them (`isContentAnswer`): a content script runs in the
// page's renderer process and is trusted less than the extension's own pages.
import * as v from 'valibot';
import { HASH_MAX, ID_MAX, MESSAGE_STRING_MAX, QUERY_SEND_CAP, REPORT_CONCEPTS_MAX } from '../core/limits.ts';
import {
  CATEGORIES,
  type ConceptDetails,
  type ConceptSummary,
  type CorpusDocument,
  type Passage,
  type SearchResult,
} from '../core/types.ts';
import type { MatcherFileWire } from '../core/term-matcher-file.ts';
import type { PackedMatcher } from '../core/term-matcher-packed.ts';
import {
  DocId,
  DocumentImportSchema,
  LibraryBackupSchema,
  ListId,
  TermListImportSchema,
  TermListPatchSchema,
  UserDocPatchSchema,
  UserDocumentRecordSchema,
  type ImportAnswer,
  type LibraryBackup,
  type TermListSummary,
  type UserDocSummary,
  type UserDocumentRecord,
} from '../core/library/schema.ts';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
/** Concept, document and passage ids ("six-stabilities", "000", "000/p03"), and nothing else. */
const Id = v.pipe(v.string(), v.maxLength(ID_MAX), v.regex(/^[A-Za-z0-9_./-]+$/));
const Count = v.pipe(v.number(), v.integer());
const NoPayload = v.object({});

/**
 * [conceptId, count] pairs of a frame. The length is checked before the pairs (a second schema in
 * a pipe runs only when the first passed): a junk sender's huge list costs one comparison.
 */
const ConceptCounts = v.pipe(
  v.array(v.unknown()),
  v.maxLength(REPORT_CONCEPTS_MAX),
  v.array(v.tuple([Id, Count])),
);

/** Requests the background answers (runtime.sendMessage, and the Port for PORT_MESSAGES). */
const BACKGROUND_REQUESTS = {
  searchCorpus: v.object({
    query: text(MESSAGE_STRING_MAX),
    limit: v.optional(v.pipe(Count, v.minValue(1))),
  }),
  getConceptDetails: v.object({ conceptId: Id }),
  getConceptSummaries: v.object({ ids: v.optional(v.array(Id)) }),
  listDocuments: NoPayload,
  getDocument: v.object({ docId: Id }),
  /** Content script -> background: the term matcher, packed (lib/core/term-matcher-packed.ts). */
  getMatcher: NoPayload,
  /** Content script -> background: what the page holds, for the toolbar badge. */
  reportPageConcepts: v.object({
    distinct: Count,
    total: Count,
    capped: v.boolean(),
    /**
     * Per-concept counts of the reporting frame. Every frame reports its own (sender.frameId
     * tells them apart); the badge is the distinct union over a tab's frames.
     */
    concepts: v.optional(ConceptCounts),
  }),
  /**
   * Top frame -> background: per-concept counts reported by the tab's other frames (frames with a
   * content script of their own, e.g. cross-origin embeds), summed, for the popup's list.
   */
  getFrameConcepts: NoPayload,
  /** Opens an extension page (reader/popup-as-tab) in a new tab; content scripts cannot. */
  openReader: v.object({ hash: text(HASH_MAX) }),
  /** Opens the popup's search as a tab with `popup.html?q=<query>` (hover card "Search the corpus"). */
  openSearch: v.object({ query: text(QUERY_SEND_CAP) }),

  // The user's library (issue #12). Every message below changes or reveals the user's own data:
  // the background answers them only from the extension's own pages (sender URL under the
  // extension's origin, lib/background/library/), never from a content script.
  /** Options page / popup -> background: one document, parsed on the page, ingested and stored. */
  importDocument: DocumentImportSchema,
  updateDocument: v.object({ docId: DocId, patch: UserDocPatchSchema }),
  deleteDocument: v.object({ docId: DocId }),
  /** One stored document as it was imported (export, one message per document). */
  getUserDocument: v.object({ docId: DocId }),
  importTermList: TermListImportSchema,
  updateTermList: v.object({ listId: ListId, patch: TermListPatchSchema }),
  deleteTermList: v.object({ listId: ListId }),
  /** The Library section's lists (documents and term lists) and the library's version. */
  listLibrary: NoPayload,
  /** "Export library": term lists and settings, and the ids of the documents to fetch one by one. */
  exportLibrary: NoPayload,
  /** "Import backup", step 1: term lists and settings (documents: []), replacing or merging. */
  restoreLibrary: v.object({ backup: LibraryBackupSchema, replace: v.boolean() }),
  /** "Import backup", step 2, per document: stored under its own id (replacing one with that id). */
  restoreDocument: v.object({ record: UserDocumentRecordSchema }),
  /** Popup / context menu -> background: extract the article of the active tab and import it. */
  savePage: v.object({ tabId: v.pipe(Count, v.minValue(0)) }),
  /** Content script -> background: the user term lists' matcher, packed (null: no list). */
  getUserMatcher: NoPayload,
};

/** Requests a tab's content script answers (tabs.sendMessage, top frame). */
const CONTENT_REQUESTS = {
  getPageConcepts: NoPayload,
  /** Scroll to the next (or previous) occurrence of a concept and open its card. */
  revealConcept: v.object({ conceptId: Id, direction: v.optional(v.picklist([1, -1])) }),
  /** Background -> every frame: the user's term lists changed; fetch getUserMatcher and rescan. */
  libraryChanged: v.object({ version: Count }),
};

const PageConceptSchema = v.object({
  conceptId: Id,
  /** A user term's is nominal (the popup shows its list instead). */
  category: v.picklist(CATEGORIES),
  label: v.string(),
  count: Count,
  /** Set for a user term (issue #12): its list's name and colour (LIST_COLOURS index). */
  list: v.optional(v.object({ name: v.string(), colour: Count })),
});
export type PageConcept = v.InferOutput<typeof PageConceptSchema>;

/** Answers a tab's content script gives (the popup validates them). */
const CONTENT_ANSWERS = {
  getPageConcepts: v.object({
    concepts: v.array(PageConceptSchema),
    capped: v.boolean(),
    enabled: v.boolean(),
    /** The page's location.hostname (the popup may not see the tab's URL). */
    hostname: v.optional(v.string()),
  }),
  revealConcept: v.object({ found: v.boolean() }),
  libraryChanged: v.object({}),
};

/** A document in the library list: its metadata and how much of the corpus it holds. */
export type ListedDocument = Omit<CorpusDocument, 'text' | 'passageIds' | 'removed'> & {
  conceptCount: number;
  passageCount: number;
};
/** A document for the reader: its passages and the concepts in each. */
export interface DocumentAnswer {
  document: CorpusDocument;
  passages: Passage[];
  conceptsByPassage: Record<string, string[]>;
}

interface BackgroundAnswers {
  searchCorpus: SearchResult;
  getConceptDetails: ConceptDetails | null;
  getConceptSummaries: ConceptSummary[];
  listDocuments: ListedDocument[];
  getDocument: DocumentAnswer | null;
  getMatcher: PackedMatcher;
  reportPageConcepts: void;
  getFrameConcepts: v.InferOutput<typeof ConceptCounts>;
  openReader: void;
  openSearch: void;
  importDocument: ImportAnswer;
  updateDocument: { ok: boolean; error?: string };
  deleteDocument: { ok: boolean; error?: string };
  getUserDocument: UserDocumentRecord | null;
  importTermList: ImportAnswer;
  updateTermList: { ok: boolean; error?: string };
  deleteTermList: { ok: boolean; error?: string };
  listLibrary: { version: number; documents: UserDocSummary[]; termLists: TermListSummary[] };
  exportLibrary: { backup: LibraryBackup; documentIds: string[] };
  restoreLibrary: { ok: true; termLists: number } | { ok: false; error: string };
  restoreDocument: ImportAnswer;
  savePage: ImportAnswer;
  getUserMatcher: UserMatcherAnswer;
}

/**
 * The user term lists' matcher as a frame receives it: ids are user concept ids
 * (`u.<listId>.<n>`), `colours` maps each list id to its LIST_COLOURS index (the highlight it is
 * painted with). `version` grows with every change of the lists; `matcher` is null when there is
 * no list, else a matcher file (the bundled matcher.bin's format) as the browser's messages carry
 * it: base64 (Chrome) or the ArrayBuffer (Firefox), lib/core/term-matcher-file.ts.
 */
export interface UserMatcherAnswer {
  version: number;
  matcher: MatcherFileWire | null;
  colours: Record<string, number>;
}

type ContentAnswers = { [K in keyof typeof CONTENT_ANSWERS]: v.InferOutput<(typeof CONTENT_ANSWERS)[K]> };

type ProtocolOf<
  Requests extends Record<string, v.GenericSchema>,
  Answers extends Record<keyof Requests, unknown>,
> = {
  [K in keyof Requests]: { req: v.InferOutput<Requests[K]>; res: Answers[K] };
};

/** Messages the background answers (runtime.sendMessage). */
export type BackgroundProtocol = ProtocolOf<typeof BACKGROUND_REQUESTS, BackgroundAnswers>;
/** Messages a tab's content script answers (tabs.sendMessage, top frame). */
export type ContentProtocol = ProtocolOf<typeof CONTENT_REQUESTS, ContentAnswers>;

export type Protocol = BackgroundProtocol & ContentProtocol;
export type MessageType = keyof Protocol;
export type Req<K extends MessageType> = Protocol[K]['req'];
export type Res<K extends MessageType> = Protocol[K]['res'];
export interface Message<K extends MessageType = MessageType> {
  type: K;
  payload: Req<K>;
}

export const BACKGROUND_MESSAGES = Object.keys(BACKGROUND_REQUESTS) as ReadonlyArray<
  keyof BackgroundProtocol
>;
/**
 * Messages about the user's library that only the extension's own pages may send (the background
 * refuses them from a content script: a page must not read, change or fill the user's library).
 * getUserMatcher is not one of them: every frame needs the user lists' matcher.
 */
export const LIBRARY_MESSAGES = [
  'importDocument',
  'updateDocument',
  'deleteDocument',
  'getUserDocument',
  'importTermList',
  'updateTermList',
  'deleteTermList',
  'listLibrary',
  'exportLibrary',
  'restoreLibrary',
  'restoreDocument',
  'savePage',
] as const satisfies ReadonlyArray<keyof BackgroundProtocol>;
export type LibraryMessage = (typeof LIBRARY_MESSAGES)[number];

export const CONTENT_MESSAGES = Object.keys(CONTENT_REQUESTS) as ReadonlyArray<keyof ContentProtocol>;

const REQUESTS: { [K in MessageType]: v.GenericSchema<unknown, Req<K>> } = {
  ...BACKGROUND_REQUESTS,
  ...CONTENT_REQUESTS,
};

/** True for a message of one of the `allowed` types whose payload fits its schema. */
export function isMessage<K extends MessageType>(msg: unknown, allowed: readonly K[]): msg is Message<K> {
  if (typeof msg !== 'object' || msg === null) return false;
  const type = (msg as { type?: unknown }).type as K;
  if (typeof type !== 'string' || !allowed.includes(type)) return false;
  return v.is(REQUESTS[type], (msg as { payload?: unknown }).payload);
}

/** True when a content script's answer to `type` has the shape the protocol promises. */
export function isContentAnswer<K extends keyof ContentProtocol>(type: K, res: unknown): res is Res<K> {
  return v.is(CONTENT_ANSWERS[type], res);
}
