// The library service: imports, edits and deletions of documents and term lists, kept in the
// database (store.ts) and in memory (user-corpus.ts), the library version, the packed user
// matcher every frame asks for, and the "lists changed" broadcast. The handlers and the user
// source sit on top of it. No browser API here: the broadcast and settings are injected.
import * as v from 'valibot';
import { ingestUserDocument } from '../../core/library/ingest-user.ts';
import {
  TermListRecordSchema,
  UserDocumentRecordSchema,
  type DocumentImport,
  type ImportAnswer,
  type TermListImport,
  type TermListPatch,
  type TermListRecord,
  type UserDocPatch,
  type UserDocumentRecord,
} from '../../core/library/schema.ts';
import { TERM_LISTS_MAX } from '../../core/limits.ts';
import { matcherFile, matcherFileToWire } from '../../core/term-matcher-file.ts';
import type { Passage } from '../../core/types.ts';
import type { UserMatcherAnswer } from '../../messaging.ts';
import type { SegmentRow, UserOccRow } from './db.ts';
import { bundledKeyOf, deriveNew, listsKeyOf, loadDerived, type DerivedContext } from './derived.ts';
import type { LibraryStore } from './store.ts';
import {
  buildViews,
  compileLists,
  userCorpusDocument,
  userOccurrences,
  type BundledAccess,
  type UserDocEntry,
  type UserLists,
  type UserViews,
} from './user-corpus.ts';

export interface LibraryDeps {
  store: LibraryStore;
  bundled: BundledAccess;
  /** Tells every frame the lists changed (start-background: tabs.sendMessage to every tab). */
  broadcast?: (version: number) => Promise<void> | void;
  now?: () => Date;
  /** Random id part (a-z0-9); tests pass a counter. */
  randomId?: () => string;
}

interface State {
  docs: Map<string, UserDocEntry>;
  lists: UserLists;
  /** listsKeyOf(lists.lists): what the stored user occurrences were matched with. */
  listsKey: string;
  version: number;
}

/** Ids: 12 characters of a-z0-9 (62 bits). */
function defaultRandomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return [...bytes].map((b) => (b % 36).toString(36)).join('');
}

const problem = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class Library {
  private state: Promise<State> | null = null;
  private views: UserViews | null = null;
  private packed: { version: number; answer: UserMatcherAnswer } | null = null;
  /** Mutations run one after the other (each reads the state the previous one left). */
  private queue: Promise<unknown> = Promise.resolve();
  /** Listeners of any change (the user source drops its search index). */
  private readonly changed = new Set<() => void>();

  private readonly deps: LibraryDeps;

  constructor(deps: LibraryDeps) {
    this.deps = deps;
  }

  get store(): LibraryStore {
    return this.deps.store;
  }

  onChange(f: () => void): () => void {
    this.changed.add(f);
    return () => this.changed.delete(f);
  }

  private load(): Promise<State> {
    this.state ??= this.loadState().catch((e: unknown) => {
      this.state = null; // a failed open is retried by the next request
      throw e;
    });
    return this.state;
  }

  private bundledKey_: string | null = null;

  /** The glossary the bundled occurrences are matched with (derived.ts). */
  private get bundledKey(): string {
    return (this.bundledKey_ ??= bundledKeyOf(this.deps.bundled.data()));
  }

  /**
   * One bulk read: records, passages, segments, occurrences and lists. Nothing is matched or
   * indexed again unless a stored row is missing, stale or bad (then it is made again, logged
   * when bad, and written back): a start does not re-read the documents' text.
   */
  private async loadState(): Promise<State> {
    const { store, bundled } = this.deps;
    const [records, passages, segments, occs, lists, version] = await Promise.all([
      store.documents(),
      store.passages(),
      store.segments(),
      store.userOccs(),
      store.termLists(),
      store.version(),
    ]);
    const compiled = compileLists(lists, bundled);
    const byDoc = new Map<string, Passage[]>();
    for (const p of passages) {
      let list = byDoc.get(p.docId);
      if (!list) byDoc.set(p.docId, (list = []));
      list.push(p);
    }
    const segById = new Map(segments.map((r) => [r.docId, r]));
    const occById = new Map(occs.map((r) => [r.docId, r]));
    const ctx: DerivedContext = {
      matcher: bundled.matcher(),
      bundledKey: this.bundledKey,
      lists: compiled,
      listsKey: listsKeyOf(compiled.lists),
      log: store.log,
    };
    const docs = new Map<string, UserDocEntry>();
    const writeSeg: SegmentRow[] = [];
    const writeOcc: UserOccRow[] = [];
    for (const record of records) {
      const stored = (byDoc.get(record.id) ?? []).sort((a, b) => a.index - b.index);
      const e = this.entry(record, stored, segById.get(record.id), occById.get(record.id), ctx);
      docs.set(record.id, e.entry);
      if (e.write.segment) writeSeg.push(e.write.segment);
      if (e.write.userOcc) writeOcc.push(e.write.userOcc);
    }
    if (writeSeg.length || writeOcc.length) {
      try {
        await store.putDerived(writeSeg, writeOcc);
      } catch (e) {
        // in memory they are right; the next start makes them again
        store.log('segments', `${writeSeg.length} segments`, `not written back: ${problem(e)}`);
      }
    }
    return { docs, lists: compiled, listsKey: ctx.listsKey, version };
  }

  /**
   * A document in memory. Its stored passages are used when they are whole (indexes 0..n-1), with
   * its stored segment and occurrences when they fit; otherwise (an entry skipped as invalid) the
   * passages are made again from the record's text, and everything derived from them.
   */
  private entry(
    record: UserDocumentRecord,
    stored: Passage[],
    seg: SegmentRow | undefined,
    occ: UserOccRow | undefined,
    ctx: DerivedContext,
  ): { entry: UserDocEntry; write: { segment?: SegmentRow; userOcc?: UserOccRow } } {
    const whole = stored.length > 0 && stored.every((p, i) => p.index === i);
    if (whole) {
      const { derived, write } = loadDerived(record.id, stored, seg, occ, ctx);
      const document = userCorpusDocument(record, stored);
      return { entry: { record, document, passages: stored, ...derived }, write };
    }
    const r = ingestUserDocument(record, ctx.matcher);
    const { derived, rows } = deriveNew(record.id, r.passages, r.occurrences, ctx);
    const document = userCorpusDocument(record, r.passages);
    return { entry: { record, document, passages: r.passages, ...derived }, write: rows };
  }

  private touch(state: State, version: number): void {
    state.version = version;
    this.views = null;
    for (const f of this.changed) f();
  }

  private exclusive<T>(f: (s: State) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => f(await this.load()));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The in-memory views (built on first use after a change). */
  async currentViews(): Promise<UserViews> {
    const s = await this.load();
    return (this.views ??= buildViews(s.docs.values(), s.lists, this.deps.bundled.data()));
  }

  async snapshot(): Promise<{ docs: UserDocEntry[]; lists: UserLists; version: number }> {
    const s = await this.load();
    return { docs: [...s.docs.values()], lists: s.lists, version: s.version };
  }

  private newId(prefix: string): string {
    return prefix + (this.deps.randomId ?? defaultRandomId)();
  }

  // ------------------------------------------------------------------------------------------
  // Documents

  importDocument(doc: DocumentImport): Promise<ImportAnswer> {
    const now = (this.deps.now ?? (() => new Date()))();
    const record = { id: this.newId('user-'), meta: doc.meta, text: doc.text, addedAt: now.toISOString() };
    return this.storeDocument(record);
  }

  /** Stores a record under its own id (an import, or a restored document replacing its namesake). */
  storeDocument(input: UserDocumentRecord): Promise<ImportAnswer> {
    const parsed = v.safeParse(UserDocumentRecordSchema, input);
    if (!parsed.success) return Promise.resolve({ ok: false, error: parsed.issues[0].message });
    const record = parsed.output;
    return this.exclusive(async (s) => {
      const r = ingestUserDocument(record, this.deps.bundled.matcher());
      try {
        const ctx = { bundledKey: this.bundledKey, lists: s.lists, listsKey: s.listsKey };
        const { derived, rows } = deriveNew(record.id, r.passages, r.occurrences, ctx);
        const version = await this.store.putDocument(record, r.passages, rows);
        const userOcc = derived.userOcc;
        const document = userCorpusDocument(record, r.passages);
        s.docs.set(record.id, { record, document, passages: r.passages, ...derived });
        this.touch(s, version);
        const concepts = new Set([...Object.keys(r.occurrences), ...Object.keys(userOcc)]);
        return { ok: true, id: record.id, passageCount: r.passages.length, conceptCount: concepts.size };
      } catch (e) {
        return { ok: false, error: `The document could not be stored: ${problem(e)}` };
      }
    });
  }

  updateDocument(docId: string, patch: UserDocPatch): Promise<{ ok: boolean; error?: string }> {
    return this.exclusive(async (s) => {
      const entry = s.docs.get(docId);
      if (!entry) return { ok: false, error: 'No such document in the library.' };
      const merged = { ...entry.record, meta: { ...entry.record.meta, ...patch } };
      const parsed = v.safeParse(UserDocumentRecordSchema, merged);
      if (!parsed.success) return { ok: false, error: parsed.issues[0].message };
      const record = parsed.output;
      const version = await this.store.putRecord(record);
      s.docs.set(docId, { ...entry, record, document: userCorpusDocument(record, entry.passages) });
      this.touch(s, version);
      return { ok: true };
    });
  }

  deleteDocument(docId: string): Promise<{ ok: boolean; error?: string }> {
    return this.exclusive(async (s) => {
      const { found, version } = await this.store.deleteDocument(docId);
      if (!found && !s.docs.has(docId)) return { ok: false, error: 'No such document in the library.' };
      s.docs.delete(docId);
      this.touch(s, version);
      return { ok: true };
    });
  }

  async getRecord(docId: string): Promise<UserDocumentRecord | null> {
    return (await this.load()).docs.get(docId)?.record ?? null;
  }

  // ------------------------------------------------------------------------------------------
  // Term lists

  /** Lists changed: recompile, rematch every document, drop the packed matcher, tell the frames. */
  private async listsChanged(s: State, lists: TermListRecord[], version: number): Promise<void> {
    s.lists = compileLists(lists, this.deps.bundled);
    s.listsKey = listsKeyOf(s.lists.lists);
    const rows: UserOccRow[] = [];
    for (const [id, e] of s.docs) {
      const occ = userOccurrences(s.lists, e.passages);
      s.docs.set(id, { ...e, userOcc: occ });
      rows.push({ docId: id, listsKey: s.listsKey, occ });
    }
    this.packed = null;
    this.touch(s, version);
    try {
      await this.store.putUserOccs(rows);
    } catch (e) {
      // the lists are stored; a start matches the documents again (their listsKey is stale)
      this.store.log('userOcc', `${rows.length} documents`, `not written: ${problem(e)}`);
    }
    try {
      await this.deps.broadcast?.(version);
    } catch {
      // a tab that cannot be told refetches on its next load
    }
  }

  importTermList(input: TermListImport): Promise<ImportAnswer> {
    return this.exclusive(async (s) => {
      if (s.lists.lists.length >= TERM_LISTS_MAX)
        return { ok: false, error: `The library holds ${TERM_LISTS_MAX} term lists already.` };
      const now = (this.deps.now ?? (() => new Date()))();
      const parsed = v.safeParse(TermListRecordSchema, {
        ...input,
        id: this.newId('L'),
        createdAt: now.toISOString(),
      });
      if (!parsed.success) return { ok: false, error: parsed.issues[0].message };
      const list = parsed.output;
      const version = await this.store.putTermList(list);
      await this.listsChanged(s, [...s.lists.lists, list], version);
      return { ok: true, id: list.id, ...this.listReach(s, list.id) };
    });
  }

  /** Passages (bundled and user) where a list's terms occur, and how many of its terms occur. */
  private listReach(s: State, listId: string): { passageCount: number; conceptCount: number } {
    const prefix = `u.${listId}.`;
    const passages = new Set<string>();
    const concepts = new Set<string>();
    const add = (occ: Record<string, Array<{ passageId: string }>>) => {
      for (const [id, list] of Object.entries(occ)) {
        if (!id.startsWith(prefix) || list.length === 0) continue;
        concepts.add(id);
        for (const o of list) passages.add(o.passageId);
      }
    };
    add(s.lists.bundledOcc);
    for (const e of s.docs.values()) add(e.userOcc);
    return { passageCount: passages.size, conceptCount: concepts.size };
  }

  updateTermList(listId: string, patch: TermListPatch): Promise<{ ok: boolean; error?: string }> {
    return this.exclusive(async (s) => {
      const old = s.lists.lists.find((l) => l.id === listId);
      if (!old) return { ok: false, error: 'No such term list in the library.' };
      const parsed = v.safeParse(TermListRecordSchema, { ...old, ...patch });
      if (!parsed.success) return { ok: false, error: parsed.issues[0].message };
      const version = await this.store.putTermList(parsed.output);
      const lists = s.lists.lists.map((l) => (l.id === listId ? parsed.output : l));
      await this.listsChanged(s, lists, version);
      return { ok: true };
    });
  }

  deleteTermList(listId: string): Promise<{ ok: boolean; error?: string }> {
    return this.exclusive(async (s) => {
      const { found, version } = await this.store.deleteTermList(listId);
      const known = s.lists.lists.some((l) => l.id === listId);
      if (!found && !known) return { ok: false, error: 'No such term list in the library.' };
      await this.listsChanged(
        s,
        s.lists.lists.filter((l) => l.id !== listId),
        version,
      );
      return { ok: true };
    });
  }

  /** A backup's lists (step 1 of a restore); with `replace` the library is emptied first. */
  restoreLists(lists: readonly TermListRecord[], replace: boolean): Promise<number> {
    return this.exclusive(async (s) => {
      const version = await this.store.restoreLists(lists, replace);
      if (replace) s.docs.clear();
      const byId = new Map((replace ? [] : s.lists.lists).map((l) => [l.id, l]));
      for (const l of lists) byId.set(l.id, l);
      await this.listsChanged(s, [...byId.values()], version);
      return lists.length;
    });
  }

  /**
   * The user lists' matcher as every frame receives it, made once per version: a matcher file,
   * the format of the bundled matcher.bin (lib/core/term-matcher-file.ts), in the cheapest form
   * the browser's messages carry (base64 in Chrome, the bytes in Firefox).
   */
  async userMatcher(): Promise<UserMatcherAnswer> {
    const s = await this.load();
    if (this.packed?.version === s.version) return this.packed.answer;
    const compiled = s.lists.build.compiled;
    const matcher =
      compiled && s.lists.matcher
        ? matcherFileToWire(
            matcherFile(s.lists.matcher, { hanFold: compiled.hanFold }),
            import.meta.env.FIREFOX === true,
          )
        : null;
    const colours = Object.fromEntries(s.lists.lists.map((l) => [l.id, l.colour]));
    const answer = { version: s.version, matcher, colours };
    this.packed = { version: s.version, answer };
    return answer;
  }
}
