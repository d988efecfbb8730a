import { describe, expect, it, vi } from 'vitest';

const created: unknown[] = [];
let clicked: ((info: { menuItemId: string; selectionText?: string }, tab?: { id?: number }) => void) | null =
  null;
let messageListeners = 0;
const fake = {
  runtime: {
    getURL: (p: string) => `moz-extension://xyz${p}`,
    onMessage: { addListener: () => messageListeners++, removeListener: () => messageListeners-- },
  },
  i18n: { getMessage: (key: string) => (key === 'contextMenuSearch' ? 'Search Policy Lens for “%s”' : '') },
  contextMenus: {
    removeAll: async () => undefined,
    create: (d: unknown) => created.push(d),
    onClicked: { addListener: (l: typeof clicked) => (clicked = l) },
  },
  tabs: {
    get: async (id: number) => ({ id, index: 1, windowId: 2 }),
    query: async () => [],
    create: async (d: unknown) => created.push(d),
    onUpdated: { addListener: () => undefined, removeListener: () => undefined },
    onRemoved: { addListener: () => undefined, removeListener: () => undefined },
  },
};
vi.mock('wxt/browser', () => ({ browser: fake }));
// The bundled generated JSON is not needed here.
vi.mock('./sources/bundled-source.ts', () => ({
  bundledSource: () => ({ id: 'bundled', kind: 'bundled' }),
}));

const { SEARCH_MENU_ID, startBackground } = await import('./start-background.ts');

describe('startBackground', () => {
  it('registers the message handlers and the selection context menu', async () => {
    startBackground();
    expect(messageListeners).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(created).toEqual([
      { id: SEARCH_MENU_ID, title: 'Search Policy Lens for “%s”', contexts: ['selection'] },
    ]);
    created.length = 0;
    clicked!({ menuItemId: SEARCH_MENU_ID, selectionText: '  十四五\n规划 ' }, { id: 7 });
    await new Promise((r) => setTimeout(r, 0));
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
    await new Promise((r) => setTimeout(r, 0));
    expect(created).toEqual([]);
  });
});
