// The library over IndexedDB (fake-indexeddb): atomic imports, per-entry validation, edits and
// deletions, search and concept details through the combined source with the bundled corpus.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import corpusJson from '../../../generated/corpus.json';
import searchIndexJson from '../../../generated/search-index.json';
import { bundledMatcherData } from '../../matcher-data.ts';
import type { DocumentImport, TermListImport } from '../../core/library/schema.ts';
import type { SearchIndexData } from '../../core/search/index-data.ts';
import { matcherFileFromWire, readMatcherFile } from '../../core/term-matcher-file.ts';
import { createMatcher, findTermMatches } from '../../core/term-matcher.ts';
import type { CorpusData, Passage } from '../../core/types.ts';
import { createBundledSource } from '../sources/bundled-source.ts';
import { combineSources } from '../sources/combined-source.ts';
import { LibraryDb } from './db.ts';
import { deriveNew } from './derived.ts';
import { Library } from './library.ts';
import { LibraryStore } from './store.ts';
import { compileLists } from './user-corpus.ts';
import { UserSource } from './user-source.ts';

const data = corpusJson as unknown as CorpusData;
const matcher = createMatcher(bundledMatcherData);
const bundled = { data: () => data, matcher: () => matcher };

/** The derived rows an import stores with a document (no term lists). */
const rowsFor = (docId: string, passages: Passage[]) =>
  deriveNew(docId, passages, {}, { bundledKey: 'k', lists: compileLists([], bundled), listsKey: 'l' }).rows;

let dbCount = 0;
function setup(opts: { db?: LibraryDb; skipped?: string[] } = {}) {
  const db = opts.db ?? new LibraryDb(`test-library-${++dbCount}`);
  const store = new LibraryStore(db, (table, key, problem) =>
    opts.skipped?.push(`${table}:${String(key)}:${problem}`),
  );
  let n = 0;
  const broadcasts: number[] = [];
  const library = new Library({
    store,
    bundled,
    broadcast: (v) => void broadcasts.push(v),
    randomId: () => `id${String(++n).padStart(4, '0')}`,
    now: () => new Date(Date.UTC(2026, 11, 6, 12, 0, n)),
  });
  const user = new UserSource(library);
  const corpus = combineSources([
    createBundledSource(() => ({ data, index: searchIndexJson as unknown as SearchIndexData })),
    user,
  ]);
  return { db, store, library, user, corpus, broadcasts };
}

const doc = (
  title: string,
  text: string,
  lang: DocumentImport['meta']['lang'] = 'zh-Hans',
): DocumentImport => ({
  meta: { title, lang, date: '2024-03-05', translation: false, tags: [], format: 'txt' },
  text,
});
const REPORT =
  '一、总体要求\n\n坚决做到两个维护，在习近平总书记领导下扎实推进共同富裕。\n\n二、重点任务\n\n发展新质生产力。';
const termList = (terms: string[], colour = 2): TermListImport => ({
  name: 'My terms',
  colour,
  format: 'csv',
  terms: terms.map((term) => ({ term, aliases: [] })),
});

describe('importing a document', () => {
  it('stores the document with its passages and answers from it', async () => {
    const { db, library, corpus } = setup();
    const r = await library.importDocument(doc('工作报告', REPORT));
    expect(r).toEqual({ ok: true, id: 'user-id0001', passageCount: 4, conceptCount: expect.any(Number) });
    expect(await db.passages.where('docId').equals('user-id0001').count()).toBe(4);
    const view = await corpus.getDocument('user-id0001');
    expect(view?.passages.map((p) => p.id)).toEqual([
      'user-id0001/p00',
      'user-id0001/p01',
      'user-id0001/p02',
      'user-id0001/p03',
    ]);
    expect(view?.document).toMatchObject({ origin: 'user', title: '工作报告' });
    expect(view?.conceptsByPassage['user-id0001/p01']).toEqual(expect.arrayContaining(['two-safeguards']));
    const listed = await corpus.listDocuments();
    expect(listed.map((d) => d.id)).toEqual(['000', '001', '002', '003', '004', 'user-id0001']);
  });

  it('is searched together with the bundled corpus', async () => {
    const { library, corpus } = setup();
    await library.importDocument(doc('工作报告', REPORT));
    const r = await corpus.search('两个维护', { limit: 20 });
    const ids = r.hits.map((h) => h.passageId);
    expect(ids).toContain('user-id0001/p01');
    expect(ids.some((id) => !id.startsWith('user-'))).toBe(true);
    expect(r.expandedConceptIds).toContain('two-safeguards');
  });

  it('counts a bundled concept in the user documents too', async () => {
    const { library, corpus } = setup();
    const before = (await corpus.conceptSummaries(['two-safeguards']))[0]!.occurrenceCount;
    await library.importDocument(doc('工作报告', REPORT));
    expect((await corpus.conceptSummaries(['two-safeguards']))[0]!.occurrenceCount).toBe(before + 1);
    const details = await corpus.conceptDetails('two-safeguards');
    expect(details?.concept.labels.en).toBe('Two Safeguards');
    expect(details?.occurrences.map((o) => o.passageId)).toContain('user-id0001/p01');
  });

  it('survives a restart: a new library over the same database sees it', async () => {
    const { db, library } = setup();
    await library.importDocument(doc('工作报告', REPORT));
    const again = setup({ db });
    expect((await again.corpus.getDocument('user-id0001'))?.passages.length).toBe(4);
  });
});

describe('atomic writes', () => {
  it('a failure mid-transaction stores neither the document nor any passage', async () => {
    const { db, store } = setup();
    const record = {
      id: 'user-atomic1',
      meta: doc('x', 'y').meta,
      text: 'a\n\nb',
      addedAt: '2026-12-06T00:00:00Z',
    };
    const good = {
      id: 'user-atomic1/p00',
      docId: 'user-atomic1',
      index: 0,
      text: 'a',
      start: 0,
      end: 1,
      section: [],
    };
    // the second passage cannot be stored (a function does not clone): the write fails after the first
    const bad = { ...good, id: 'user-atomic1/p01', index: 1, section: [() => 1] as unknown as string[] };
    await expect(store.putDocument(record, [good, bad], rowsFor(record.id, [good]))).rejects.toThrow();
    expect(await db.documents.count()).toBe(0);
    expect(await db.passages.count()).toBe(0);
    expect(await db.segments.count()).toBe(0);
    expect(await db.userOcc.count()).toBe(0);
    expect(await store.version()).toBe(0);
  });

  it('a failed replacement leaves the earlier document and passages as they were', async () => {
    const { db, store, library } = setup();
    await library.importDocument(doc('工作报告', REPORT));
    const record = (await store.document('user-id0001'))!;
    const bad = {
      id: 'user-id0001/p00',
      docId: 'user-id0001',
      index: 0,
      text: 'new',
      start: 0,
      end: 3,
      section: [() => 1] as unknown as string[],
    };
    const before = await db.segments.get('user-id0001');
    await expect(
      store.putDocument({ ...record, text: 'new' }, [bad], rowsFor(record.id, [{ ...bad, section: [] }])),
    ).rejects.toThrow();
    expect((await store.document('user-id0001'))?.text).toBe(REPORT);
    expect(await db.passages.where('docId').equals('user-id0001').count()).toBe(4);
    expect((await db.segments.get('user-id0001'))?.search.key).toBe(before?.search.key);
  });
});

describe('reading validates every entry', () => {
  it('skips and logs a bad entry, keeps the others', async () => {
    const skipped: string[] = [];
    const { db, library } = setup({ skipped });
    await library.importDocument(doc('工作报告', REPORT));
    await db.documents.put({ id: 'user-broken1', meta: { title: '' }, text: 5 } as never);
    await db.termLists.put({ id: 'Lbroken1', name: 'x' } as never);
    const fresh = setup({ db, skipped });
    const listed = await fresh.corpus.listDocuments();
    expect(listed.filter((d) => d.id.startsWith('user-')).map((d) => d.id)).toEqual(['user-id0001']);
    expect(skipped.map((s) => s.split(':').slice(0, 2).join(':'))).toEqual([
      'documents:user-broken1',
      'termLists:Lbroken1',
    ]);
  });

  it('makes a document’s passages again from its text when one of them is bad', async () => {
    const skipped: string[] = [];
    const { db, library } = setup({ skipped });
    await library.importDocument(doc('工作报告', REPORT));
    await db.passages.put({ id: 'user-id0001/p02', docId: 'user-id0001', index: 'two' } as never);
    const fresh = setup({ db, skipped });
    const view = await fresh.corpus.getDocument('user-id0001');
    expect(view?.passages.map((p) => p.text)).toEqual(REPORT.split('\n\n'));
    expect(skipped).toEqual([expect.stringMatching(/^passages:user-id0001\/p02:/)]);
  });
});

describe('editing and deleting', () => {
  it('renames and re-tags a document', async () => {
    const { library, corpus } = setup();
    await library.importDocument(doc('工作报告', REPORT));
    expect(await library.updateDocument('user-id0001', { title: '政府工作报告', tags: ['2024'] })).toEqual({
      ok: true,
    });
    const d = (await corpus.listDocuments()).find((x) => x.id === 'user-id0001');
    expect(d).toMatchObject({ title: '政府工作报告', tags: ['2024'] });
    expect((await library.updateDocument('user-id0001', { title: '  ' })).ok).toBe(false);
    expect((await library.updateDocument('user-nothing1', { title: 'x' })).ok).toBe(false);
  });

  it('deletes a document with its passages: gone from the database, search and lists', async () => {
    const { db, library, corpus } = setup();
    await library.importDocument(doc('工作报告', REPORT));
    expect((await corpus.search('新质生产力')).hits.map((h) => h.docId)).toContain('user-id0001');
    expect(await library.deleteDocument('user-id0001')).toEqual({ ok: true });
    expect(await db.passages.count()).toBe(0);
    expect(await db.documents.count()).toBe(0);
    expect((await corpus.search('新质生产力')).hits.map((h) => h.docId)).not.toContain('user-id0001');
    expect(await corpus.getDocument('user-id0001')).toBeNull();
    expect((await library.deleteDocument('user-id0001')).ok).toBe(false);
  });
});

describe('term lists', () => {
  it('user concept details: the list, the definition, occurrences in bundled and user documents', async () => {
    const { library, corpus } = setup();
    await library.importDocument(doc('工作报告', REPORT));
    const r = await library.importTermList({
      ...termList(['习近平']),
      terms: [{ term: '习近平', aliases: [], definition: 'General Secretary since 2012.' }],
    });
    expect(r).toMatchObject({ ok: true, id: 'Lid0002' });
    const d = await corpus.conceptDetails('u.Lid0002.0');
    expect(d?.list).toEqual({ id: 'Lid0002', name: 'My terms', colour: 2 });
    expect(d?.concept.definition.en).toBe('General Secretary since 2012.');
    const passages = d?.occurrences.map((o) => o.passageId) ?? [];
    expect(passages).toEqual(expect.arrayContaining(['000/p03', '001/p02', 'user-id0001/p01']));
    const [summary] = await corpus.conceptSummaries(['u.Lid0002.0']);
    expect(summary?.list?.id).toBe('Lid0002');
    expect(summary?.occurrenceCount).toBeGreaterThanOrEqual(passages.length);
  });

  it('bumps the version, rebuilds the matcher and broadcasts on every change of the lists', async () => {
    const { library, broadcasts } = setup();
    expect((await library.userMatcher()).matcher).toBeNull();
    const r = await library.importTermList(termList(['新质生产力']));
    const id = r.ok ? r.id : '';
    const first = await library.userMatcher();
    // a matcher file (matcher.bin's format), base64 as Chrome's messages carry it
    expect(typeof first.matcher).toBe('string');
    const { matcher } = readMatcherFile(matcherFileFromWire(first.matcher));
    expect(matcher.ids).toEqual([`u.${id}.0`]);
    expect(findTermMatches(matcher, '发展新质生产力')).toEqual([
      { start: 2, end: 7, conceptId: `u.${id}.0` },
    ]);
    expect(first.colours).toEqual({ [id]: 2 });
    expect(broadcasts).toEqual([first.version]);
    expect(await library.userMatcher()).toBe(first); // cached
    await library.updateTermList(id, { colour: 5 });
    const second = await library.userMatcher();
    expect(second.version).toBeGreaterThan(first.version);
    expect(second.colours).toEqual({ [id]: 5 });
    await library.deleteTermList(id);
    const third = await library.userMatcher();
    expect(third.matcher).toBeNull();
    expect(broadcasts).toEqual([first.version, second.version, third.version]);
  });

  it('finds a new list’s terms in documents imported before it', async () => {
    const { library, corpus } = setup();
    await library.importDocument(doc('工作报告', REPORT));
    const r = await library.importTermList(termList(['新质生产力']));
    expect(r).toMatchObject({ ok: true, passageCount: 1, conceptCount: 1 });
    const view = await corpus.getDocument('user-id0001');
    expect(view?.conceptsByPassage['user-id0001/p03']).toContain('u.Lid0002.0');
  });

  it('restores lists replacing the library, or merging into it', async () => {
    const { db, library } = setup();
    await library.importDocument(doc('工作报告', REPORT));
    await library.importTermList(termList(['新质生产力']));
    const list = (await library.snapshot()).lists.lists[0]!;
    const other = { ...list, id: 'Lother1', name: 'Other' };
    await library.restoreLists([other], false);
    expect((await library.snapshot()).lists.lists.map((l) => l.id).sort()).toEqual(['Lid0002', 'Lother1']);
    await library.restoreLists([other], true);
    expect((await library.snapshot()).lists.lists.map((l) => l.id)).toEqual(['Lother1']);
    expect(await db.documents.count()).toBe(0);
    expect(await db.passages.count()).toBe(0);
  });
});

vi.setConfig({ testTimeout: 60_000 });
