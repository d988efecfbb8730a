// The library's IndexedDB database (issue #12), through Dexie: the user's documents as imported,
// their passages (written in the same transaction as the document, so a crash mid-import leaves
// all or nothing), their search segments and occurrences (same transaction), term lists, and small values (the library version). Every entry read is
// validated on its own: a bad one is skipped and logged, the others are used.
import { Dexie, type Table } from 'dexie';
import * as v from 'valibot';
import {
  TermListRecordSchema,
  UserDocumentRecordSchema,
  type TermListRecord,
  type UserDocumentRecord,
} from '../../core/library/schema.ts';
import type { SearchSegment } from '../../core/search/segment.ts';
import type { Passage } from '../../core/types.ts';

export const LIBRARY_DB_NAME = 'policy-lens-library';

/** A stored passage: the pipeline's Passage (alignment is never set for user documents). */
export const StoredPassageSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^user-[a-z0-9]+\/p\d+$/)),
  docId: v.string(),
  index: v.pipe(v.number(), v.integer(), v.minValue(0)),
  text: v.string(),
  start: v.pipe(v.number(), v.integer(), v.minValue(0)),
  end: v.pipe(v.number(), v.integer(), v.minValue(0)),
  section: v.array(v.string()),
});

const OccurrenceSchema = v.object({
  passageId: v.string(),
  docId: v.string(),
  start: v.pipe(v.number(), v.integer(), v.minValue(0)),
  end: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
const OccurrencesSchema = v.record(v.string(), v.array(OccurrenceSchema));

/**
 * What a document costs to match and index, stored with it (issue #11 item 2): the bundled
 * concepts' occurrences in its passages (for the glossary `bundledKey` it was matched with) and its
 * search segment (lib/core/search/segment.ts, checked on read by segmentProblem). Written in the
 * transaction that stores the document, deleted with it.
 */
export const SegmentRowSchema = v.object({
  docId: v.string(),
  bundledKey: v.string(),
  bundledOcc: OccurrencesSchema,
  // the segment's own check (segmentProblem) is linear in its typed arrays; here only its place
  search: v.custom<SearchSegment>((x) => typeof x === 'object' && x !== null, 'no search segment'),
});
export type SegmentRow = v.InferOutput<typeof SegmentRowSchema>;

/** The user term lists' occurrences in a document, for the lists `listsKey` names. */
export const UserOccRowSchema = v.object({
  docId: v.string(),
  listsKey: v.string(),
  occ: OccurrencesSchema,
});
export type UserOccRow = v.InferOutput<typeof UserOccRowSchema>;

export interface MetaEntry {
  key: string;
  value: unknown;
}

export class LibraryDb extends Dexie {
  documents!: Table<UserDocumentRecord, string>;
  passages!: Table<Passage, string>;
  termLists!: Table<TermListRecord, string>;
  meta!: Table<MetaEntry, string>;
  segments!: Table<SegmentRow, string>;
  userOcc!: Table<UserOccRow, string>;

  constructor(name = LIBRARY_DB_NAME) {
    super(name);
    // Version 1. A later schema adds a version(2).stores(...) with an upgrade; never edit this one.
    this.version(1).stores({
      documents: 'id',
      passages: 'id, docId',
      termLists: 'id',
      meta: 'key',
    });
    // Version 2 (issue #11 item 2): per-document segments and user-list occurrences. No upgrade
    // function: a document without a (valid, current) segment gets one built from its stored
    // passages on the next load and written back, which is the same path as a corrupt segment.
    this.version(2).stores({ segments: 'docId', userOcc: 'docId' });
  }
}

/** Where a skipped entry is reported (tests collect them). */
export type SkipLogger = (table: string, key: unknown, problem: string) => void;

export const logSkipped: SkipLogger = (table, key, problem) =>
  console.debug(`policy-lens library: skipped a bad ${table} entry (${String(key)}): ${problem}`);

/** The entries of `rows` that pass `schema`; each failure is logged, never thrown. */
export function validEntries<S extends v.GenericSchema>(
  table: string,
  rows: readonly unknown[],
  schema: S,
  log: SkipLogger = logSkipped,
): Array<v.InferOutput<S>> {
  const out: Array<v.InferOutput<S>> = [];
  for (const row of rows) {
    const r = v.safeParse(schema, row);
    if (r.success) out.push(r.output);
    else {
      const r0 = typeof row === 'object' && row !== null ? (row as { id?: unknown; docId?: unknown }) : null;
      const key = r0 ? (r0.id ?? r0.docId) : row;
      const issue = r.issues[0];
      const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
      log(table, key, `${path ? `${path}: ` : ''}${issue.message}`);
    }
  }
  return out;
}

export const RECORD_SCHEMAS = {
  documents: UserDocumentRecordSchema,
  passages: StoredPassageSchema,
  termLists: TermListRecordSchema,
  segments: SegmentRowSchema,
  userOcc: UserOccRowSchema,
} as const;
