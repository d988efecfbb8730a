// The library's handlers: only the extension's pages are answered; saving a page; the broadcast.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeFixture } from '../../core/search/search.fixture.ts';
import { bundledMatcherData } from '../../matcher-data.ts';
import { createMatcher } from '../../core/term-matcher.ts';
import { LIBRARY_MESSAGES, type Req } from '../../messaging.ts';
import { broadcastLibraryChanged } from './browser-io.ts';
import { LibraryDb } from './db.ts';
import { isExtensionPage, libraryHandlers, type SettingsIo } from './handlers.ts';
import { Library } from './library.ts';
import { articleImport } from './save-page.ts';
import { LibraryStore } from './store.ts';

const BASE = 'chrome-extension://abcdefgh/';
const data = makeFixture();
const matcher = createMatcher(bundledMatcherData);
let n = 0;

function setup(extraction: (tabId: number) => Promise<unknown> = async () => null) {
  const settingsWrites: Array<[Record<string, unknown>, boolean]> = [];
  const settings: SettingsIo = {
    read: async () => ({ 'v2.enabled': false }),
    restore: async (items, replace) => void settingsWrites.push([items, replace]),
  };
  const library = new Library({
    store: new LibraryStore(new LibraryDb(`handlers-test-${++n}`)),
    bundled: { data: () => data, matcher: () => matcher },
  });
  const h = libraryHandlers(library, {
    extensionBase: BASE,
    runExtraction: extraction,
    settings,
    now: () => new Date(2026, 11, 6, 15, 0),
  });
  return { h, library, settingsWrites };
}

const page = { url: `${BASE}options.html`, tabId: 4 };
const contentScript = { url: 'https://example.org/news', tabId: 4, frameId: 0 };
const importReq: Req<'importDocument'> = {
  meta: { title: 'Notes', lang: 'en', date: '', translation: false, tags: [], format: 'paste' },
  text: 'The Two Safeguards were discussed.',
};

describe('who may ask', () => {
  it('tells the extension’s pages from everything else', () => {
    expect(isExtensionPage({ url: `${BASE}popup.html?q=x` }, BASE)).toBe(true);
    expect(isExtensionPage({ url: 'chrome-extension://other/options.html' }, BASE)).toBe(false);
    expect(isExtensionPage({ url: 'https://example.org/' }, BASE)).toBe(false);
    expect(isExtensionPage({}, BASE)).toBe(false);
    expect(isExtensionPage({ url: `${BASE}x` }, '')).toBe(false);
  });

  it('rejects every library message from a content script and changes nothing', async () => {
    const { h, library } = setup();
    const payloads: Record<string, unknown> = {
      importDocument: importReq,
      updateDocument: { docId: 'user-abcd1', patch: { title: 'x' } },
      deleteDocument: { docId: 'user-abcd1' },
      getUserDocument: { docId: 'user-abcd1' },
      importTermList: { name: 'x', colour: 0, format: 'csv', terms: [{ term: 'abcd', aliases: [] }] },
      updateTermList: { listId: 'Labcd1', patch: { name: 'y' } },
      deleteTermList: { listId: 'Labcd1' },
      listLibrary: {},
      exportLibrary: {},
      restoreLibrary: {
        backup: {
          format: 'policy-lens-library',
          version: 1,
          exportedAt: '',
          documents: [],
          termLists: [],
          settings: {},
        },
        replace: true,
      },
      restoreDocument: { record: { id: 'user-abcd1', meta: importReq.meta, text: 'x', addedAt: '' } },
      savePage: { tabId: 4 },
    };
    const handlers = h as unknown as Record<string, (p: unknown, s: object) => Promise<unknown>>;
    for (const type of LIBRARY_MESSAGES) {
      await expect(handlers[type]!(payloads[type], contentScript), type).rejects.toThrow(
        /extension's own pages/,
      );
      await expect(handlers[type]!(payloads[type], {}), type).rejects.toThrow(/extension's own pages/);
    }
    expect((await library.snapshot()).docs).toEqual([]);
    expect((await library.snapshot()).version).toBe(0);
  });

  it('answers the extension’s pages, and the user matcher to every frame', async () => {
    const { h } = setup();
    const r = await h.importDocument(importReq, page);
    expect(r.ok).toBe(true);
    const listed = await h.listLibrary({}, page);
    expect(listed.documents.map((d) => d.meta.title)).toEqual(['Notes']);
    expect(await h.getUserMatcher({}, contentScript)).toEqual({
      version: listed.version,
      matcher: null,
      colours: {},
    });
  });
});

describe('export and restore', () => {
  it('exports lists and settings with the ids of the documents, and restores them', async () => {
    const { h, settingsWrites } = setup();
    const d = await h.importDocument(importReq, page);
    await h.importTermList(
      { name: 'Mine', colour: 1, format: 'csv', terms: [{ term: 'safeguards', aliases: [] }] },
      page,
    );
    const { backup, documentIds } = await h.exportLibrary({}, page);
    expect(documentIds).toEqual([d.ok ? d.id : '']);
    expect(backup).toMatchObject({
      format: 'policy-lens-library',
      version: 1,
      documents: [],
      settings: { 'v2.enabled': false },
    });
    expect(backup.termLists.map((l) => l.name)).toEqual(['Mine']);
    const record = (await h.getUserDocument({ docId: documentIds[0]! }, page))!;

    const fresh = setup();
    expect(await fresh.h.restoreLibrary({ backup, replace: true }, page)).toEqual({ ok: true, termLists: 1 });
    expect((await fresh.h.restoreDocument({ record }, page)).ok).toBe(true);
    expect(await fresh.h.getUserDocument({ docId: record.id }, page)).toEqual(record);
    expect((await fresh.h.listLibrary({}, page)).termLists[0]).toMatchObject({
      name: 'Mine',
      termCount: 1,
      occurrenceCount: 1,
    });
    expect(fresh.settingsWrites).toEqual([[{ 'v2.enabled': false }, true]]);
    expect(settingsWrites).toEqual([]);
  });
});

describe('savePage', () => {
  const article = {
    title: '  A   page ',
    byline: '',
    siteName: 'Site',
    publishedTime: 'Tue, 05 Mar 2024',
    lang: '',
    url: 'https://example.org/a',
    text: '在习近平总书记领导下。',
  };

  it('imports the article the tab gave, accessed today', async () => {
    const { h } = setup(async () => article);
    const r = await h.savePage({ tabId: 9 }, page);
    expect(r.ok).toBe(true);
    const rec = await h.getUserDocument({ docId: r.ok ? r.id : '' }, page);
    expect(rec?.meta).toMatchObject({
      title: 'A page',
      site: 'Site',
      url: 'https://example.org/a',
      accessed: '2026-12-06',
      date: '',
      lang: 'zh-Hans',
      format: 'page',
    });
    expect(rec?.meta.byline).toBeUndefined();
  });

  it('says why nothing was added: a page it may not read, no article, no text', async () => {
    const denied = setup(async () => {
      throw new Error('Cannot access contents of the page');
    });
    expect(await denied.h.savePage({ tabId: 9 }, page)).toEqual({
      ok: false,
      error: 'This page cannot be read: Cannot access contents of the page',
    });
    expect(await setup(async () => null).h.savePage({ tabId: 9 }, page)).toEqual({
      ok: false,
      error: 'No article was found on this page.',
    });
    expect(articleImport({ ...article, text: ' \n ' }, new Date())).toBe(
      'No article text was found on this page.',
    );
    const local = articleImport({ ...article, url: 'file:///home/x.html', title: '' }, new Date());
    expect(typeof local !== 'string' && local.meta).toMatchObject({ title: 'Untitled page' });
    expect(typeof local !== 'string' && local.meta.url).toBeUndefined();
  });
});

describe('broadcastLibraryChanged', () => {
  it('tells every tab, ignoring tabs without our script', async () => {
    const sent: Array<[number, unknown]> = [];
    await broadcastLibraryChanged(7, {
      query: async () => [{ id: 1 }, { id: 2 }, {}, { id: 3 }],
      sendMessage: async (id, msg) => {
        if (id === 2) throw new Error('Could not establish connection. Receiving end does not exist.');
        sent.push([id, msg]);
      },
    });
    expect(sent).toEqual([
      [1, { type: 'libraryChanged', payload: { version: 7 } }],
      [3, { type: 'libraryChanged', payload: { version: 7 } }],
    ]);
  });
});
