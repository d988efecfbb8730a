// Reads and writes of the library database. Writes that belong together share one transaction
// (a document and its passages; a term list and the library version), so IndexedDB keeps all of
// them or none; reads validate every entry and skip (and log) the bad ones.
import type { TermListRecord, UserDocumentRecord } from '../../core/library/schema.ts';
import type { Passage } from '../../core/types.ts';
import {
  LibraryDb,
  logSkipped,
  RECORD_SCHEMAS,
  validEntries,
  type SegmentRow,
  type SkipLogger,
  type UserOccRow,
} from './db.ts';

const VERSION_KEY = 'version';

export class LibraryStore {
  readonly db: LibraryDb;
  /** Where skipped or remade entries are reported. */
  readonly log: SkipLogger;

  constructor(db: LibraryDb = new LibraryDb(), log: SkipLogger = logSkipped) {
    this.db = db;
    this.log = log;
  }

  async documents(): Promise<UserDocumentRecord[]> {
    return validEntries('documents', await this.db.documents.toArray(), RECORD_SCHEMAS.documents, this.log);
  }

  async document(id: string): Promise<UserDocumentRecord | null> {
    const row = await this.db.documents.get(id);
    if (row === undefined) return null;
    return validEntries('documents', [row], RECORD_SCHEMAS.documents, this.log)[0] ?? null;
  }

  async passages(): Promise<Passage[]> {
    return validEntries('passages', await this.db.passages.toArray(), RECORD_SCHEMAS.passages, this.log);
  }

  async segments(): Promise<SegmentRow[]> {
    return validEntries('segments', await this.db.segments.toArray(), RECORD_SCHEMAS.segments, this.log);
  }

  async userOccs(): Promise<UserOccRow[]> {
    return validEntries('userOcc', await this.db.userOcc.toArray(), RECORD_SCHEMAS.userOcc, this.log);
  }

  /** Segments and occurrences made again at load (missing, stale or bad ones). */
  async putDerived(segments: readonly SegmentRow[], occ: readonly UserOccRow[]): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.documents, db.segments, db.userOcc, async () => {
      // only for documents still there (a deletion may have come first)
      const ids = new Set((await db.documents.toCollection().primaryKeys()) as string[]);
      await db.segments.bulkPut(segments.filter((r) => ids.has(r.docId)));
      await db.userOcc.bulkPut(occ.filter((r) => ids.has(r.docId)));
    });
  }

  async termLists(): Promise<TermListRecord[]> {
    return validEntries('termLists', await this.db.termLists.toArray(), RECORD_SCHEMAS.termLists, this.log);
  }

  async version(): Promise<number> {
    const v = (await this.db.meta.get(VERSION_KEY))?.value;
    return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : 0;
  }

  /** The next version, written in the caller's transaction (meta must be in its scope). */
  private async bump(): Promise<number> {
    const next = (await this.version()) + 1;
    await this.db.meta.put({ key: VERSION_KEY, value: next });
    return next;
  }

  /** A document, its passages, segment and occurrences, replacing any earlier passages of that
   * id: all or nothing. */
  async putDocument(
    record: UserDocumentRecord,
    passages: readonly Passage[],
    derived: { segment: SegmentRow; userOcc: UserOccRow },
  ): Promise<number> {
    const { db } = this;
    return db.transaction('rw', [db.documents, db.passages, db.segments, db.userOcc, db.meta], async () => {
      await db.passages.where('docId').equals(record.id).delete();
      await db.documents.put(record);
      await db.passages.bulkPut([...passages]);
      await db.segments.put(derived.segment);
      await db.userOcc.put(derived.userOcc);
      return this.bump();
    });
  }

  /** The record's metadata changed (its passages do not). */
  async putRecord(record: UserDocumentRecord): Promise<number> {
    const { db } = this;
    return db.transaction('rw', db.documents, db.meta, async () => {
      await db.documents.put(record);
      return this.bump();
    });
  }

  /** Removes a document with its passages; false when there was none. */
  async deleteDocument(id: string): Promise<{ found: boolean; version: number }> {
    const { db } = this;
    return db.transaction('rw', [db.documents, db.passages, db.segments, db.userOcc, db.meta], async () => {
      const found = (await db.documents.get(id)) !== undefined;
      await db.passages.where('docId').equals(id).delete();
      await db.documents.delete(id);
      await db.segments.delete(id);
      await db.userOcc.delete(id);
      return { found, version: found ? await this.bump() : await this.version() };
    });
  }

  /** The lists' occurrences in every document, after the lists changed (a later load recomputes
   * any that a crash kept from being written: their listsKey no longer matches). */
  async putUserOccs(rows: readonly UserOccRow[]): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.documents, db.userOcc, async () => {
      const ids = new Set((await db.documents.toCollection().primaryKeys()) as string[]);
      await db.userOcc.bulkPut(rows.filter((r) => ids.has(r.docId)));
    });
  }

  async putTermList(list: TermListRecord): Promise<number> {
    const { db } = this;
    return db.transaction('rw', db.termLists, db.meta, async () => {
      await db.termLists.put(list);
      return this.bump();
    });
  }

  async deleteTermList(id: string): Promise<{ found: boolean; version: number }> {
    const { db } = this;
    return db.transaction('rw', db.termLists, db.meta, async () => {
      const found = (await db.termLists.get(id)) !== undefined;
      await db.termLists.delete(id);
      return { found, version: found ? await this.bump() : await this.version() };
    });
  }

  /**
   * A backup's term lists: with `replace`, the library is emptied first (documents, passages and
   * lists; the backup's documents follow one by one), in the same transaction.
   */
  async restoreLists(lists: readonly TermListRecord[], replace: boolean): Promise<number> {
    const { db } = this;
    const tables = [db.documents, db.passages, db.segments, db.userOcc, db.termLists, db.meta];
    return db.transaction('rw', tables, async () => {
      if (replace) {
        await db.documents.clear();
        await db.passages.clear();
        await db.segments.clear();
        await db.userOcc.clear();
        await db.termLists.clear();
      }
      await db.termLists.bulkPut([...lists]);
      return this.bump();
    });
  }
}
