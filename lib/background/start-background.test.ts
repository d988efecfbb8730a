import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';

const created: unknown[] = [];
let clicked: ((info: { menuItemId: string; selectionText?: string }, tab?: { id?: number }) => void) | null =
  null;
let messageListeners = 0;
let onMessage: ((msg: unknown, sender: object) => unknown) | null = null;
const injected: unknown[] = [];
/** The toolbar button's per-tab badge and title (what a context-menu save shows). */
const badge = new Map<number, { text?: string; title?: string }>();
const onTab = (tabId: number) => badge.get(tabId) ?? badge.set(tabId, {}).get(tabId)!;
const article = {
  title: 'Work report',
  byline: 'Li Wei',
  siteName: 'Example News',
  publishedTime: '2024-03-05T08:00:00Z',
  lang: 'zh-CN',
  url: 'https://news.example.org/a/1',
  text: '坚决做到两个维护。\n\n扎实推进共同富裕。',
};
const fake = {
  runtime: {
    getURL: (p: string) => `moz-extension://xyz${p}`,
    getManifest: () => ({ action: { default_title: 'Policy Lens' } }),
    onMessage: {
      addListener: (l: typeof onMessage) => {
        messageListeners++;
        onMessage = l;
      },
      removeListener: () => messageListeners--,
    },
  },
  i18n: {
    getMessage: (key: string, subs?: string[]) =>
      key === 'contextMenuSearch'
        ? 'Search Policy Lens for “%s”'
        : key === 'libSavePageMenu'
          ? 'Add this page to my library'
          : key === 'libSavePageAdded'
            ? `Added: ${subs?.[0]} paragraphs, ${subs?.[1]} concepts.`
            : '',
  },
  action: {
    setBadgeText: ({ tabId, text }: { tabId: number; text: string }) => void (onTab(tabId).text = text),
    setBadgeBackgroundColor: () => undefined,
    setTitle: ({ tabId, title }: { tabId: number; title: string }) => void (onTab(tabId).title = title),
  },
  contextMenus: {
    removeAll: async () => undefined,
    create: (d: unknown) => created.push(d),
    onClicked: { addListener: (l: typeof clicked) => (clicked = l) },
  },
  scripting: {
    executeScript: async (d: unknown) => {
      injected.push(d);
      return [{ result: article }];
    },
  },
  tabs: {
    get: async (id: number) => ({ id, index: 1, windowId: 2 }),
    query: async () => [],
    create: async (d: unknown) => created.push(d),
    sendMessage: async () => undefined,
    onUpdated: { addListener: () => undefined, removeListener: () => undefined },
    onRemoved: { addListener: () => undefined, removeListener: () => undefined },
  },
};
vi.mock('wxt/browser', () => ({ browser: fake }));
// The bundled generated corpus is not needed here: the search fixture stands in for it.
vi.mock('./sources/bundled-source.ts', async () => {
  const { makeFixture } = await import('../core/search/search.fixture.ts');
  const data = makeFixture();
  return {
    bundledSource: () => ({ id: 'bundled', kind: 'bundled' }),
    bundledCorpus: () => ({ data, index: null }),
  };
});

const { SAVE_PAGE_MENU_ID, SEARCH_MENU_ID, startBackground } = await import('./start-background.ts');

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('startBackground', () => {
  it('registers the message handlers and the context menus', async () => {
    startBackground();
    expect(messageListeners).toBe(1);
    await tick();
    expect(created).toEqual([
      { id: SEARCH_MENU_ID, title: 'Search Policy Lens for “%s”', contexts: ['selection'] },
      { id: SAVE_PAGE_MENU_ID, title: 'Add this page to my library', contexts: ['page'] },
    ]);
    created.length = 0;
    clicked!({ menuItemId: SEARCH_MENU_ID, selectionText: '  十四五\n规划 ' }, { id: 7 });
    await tick();
    expect(created).toEqual([
      {
        url: `moz-extension://xyz/popup.html?q=${encodeURIComponent('十四五 规划')}`,
        index: 2,
        windowId: 2,
        openerTabId: 7,
      },
    ]);
    created.length = 0;
    clicked!({ menuItemId: 'other', selectionText: 'x' }, { id: 7 });
    await tick();
    expect(created).toEqual([]);
  });

  it('"Add this page" runs the extraction script in that tab and imports the article', async () => {
    clicked!({ menuItemId: SAVE_PAGE_MENU_ID }, { id: 7 });
    for (let i = 0; i < 50 && injected.length === 0; i++) await tick();
    expect(injected).toEqual([{ target: { tabId: 7 }, files: ['/extract-article.js'] }]);
    const options = { url: 'moz-extension://xyz/options.html' };
    let listed: { documents: Array<{ meta: Record<string, unknown> }> } = { documents: [] };
    for (let i = 0; i < 100 && listed.documents.length === 0; i++) {
      listed = (await onMessage!({ type: 'listLibrary', payload: {} }, options)) as typeof listed;
      await tick();
    }
    expect(listed.documents[0]?.meta).toMatchObject({
      title: 'Work report',
      url: 'https://news.example.org/a/1',
      site: 'Example News',
      byline: 'Li Wei',
      date: '2024-03-05',
      lang: 'zh-Hans',
      format: 'page',
      accessed: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    // the popup is closed: the tab's toolbar button says it was added (and only that tab's)
    for (let i = 0; i < 50 && onTab(7).text !== '✓'; i++) await tick();
    expect(onTab(7)).toEqual({ text: '✓', title: 'Added: 2 paragraphs, 2 concepts.' });
    expect(badge.has(8)).toBe(false);
    // a content script (a web page's frame) is refused
    await expect(
      onMessage!({ type: 'listLibrary', payload: {} }, { url: 'https://evil.example/', tab: { id: 3 } }),
    ).rejects.toThrow(/extension's own pages/);
  });
});
