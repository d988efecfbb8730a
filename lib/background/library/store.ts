// Reads and writes of the library database. Writes that belong together share one transaction
// (a document and its passages; a term list and the library version), so IndexedDB keeps all of
// them or none; reads validate every entry and skip (and log) the bad ones.
import type { TermListRecord, UserDocumentRecord } from '../../core/library/schema.ts';
import type { Passage } from '../../core/types.ts';
import { LibraryDb, logSkipped, RECORD_SCHEMAS, validEntries, type SkipLogger } from './db.ts';

const VERSION_KEY = 'version';

export class LibraryStore {
  readonly db: LibraryDb;
  private readonly log: SkipLogger;

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

  /** A document and its passages, replacing any earlier passages of that id: all or nothing. */
  async putDocument(record: UserDocumentRecord, passages: readonly Passage[]): Promise<number> {
    const { db } = this;
    return db.transaction('rw', db.documents, db.passages, db.meta, async () => {
      await db.passages.where('docId').equals(record.id).delete();
      await db.documents.put(record);
      await db.passages.bulkPut([...passages]);
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
    return db.transaction('rw', db.documents, db.passages, db.meta, async () => {
      const found = (await db.documents.get(id)) !== undefined;
      await db.passages.where('docId').equals(id).delete();
      await db.documents.delete(id);
      return { found, version: found ? await this.bump() : await this.version() };
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
    return db.transaction('rw', [db.documents, db.passages, db.termLists, db.meta], async () => {
      if (replace) {
        await db.documents.clear();
        await db.passages.clear();
        await db.termLists.clear();
      }
      await db.termLists.bulkPut([...lists]);
      return this.bump();
    });
  }
}
