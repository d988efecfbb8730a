// The library's ties to the browser: the "lists changed" broadcast to every frame of every tab,
// the article extraction in a tab (scripting.executeScript of the unlisted script), and the
// settings part of a backup. Injected into the library and its handlers (tests pass fakes).
import { browser } from 'wxt/browser';
import { parseSettings, readSettings, setCategoryShown, setEnabled, setSiteEnabled } from '../../settings.ts';
import type { SettingsIo } from './handlers.ts';
import { EXTRACT_SCRIPT, type RunExtraction } from './save-page.ts';

interface TabsApi {
  query(q: object): Promise<Array<{ id?: number }>>;
  sendMessage(tabId: number, msg: unknown): Promise<unknown>;
}

/**
 * `libraryChanged {version}` to every tab. tabs.sendMessage without a frameId reaches every frame
 * of the tab that listens; a tab without our content script (a browser page, a store page)
 * rejects, which is expected and ignored.
 */
export async function broadcastLibraryChanged(version: number, tabs?: TabsApi): Promise<void> {
  const api = tabs ?? (browser.tabs as unknown as TabsApi);
  const all = await api.query({});
  await Promise.all(
    all.map(async (t) => {
      if (t.id === undefined || t.id < 0) return;
      try {
        await api.sendMessage(t.id, { type: 'libraryChanged', payload: { version } });
      } catch {
        // no content script in this tab
      }
    }),
  );
}

interface ScriptingApi {
  executeScript(d: { target: { tabId: number }; files: string[] }): Promise<Array<{ result?: unknown }>>;
}

/** The article of the tab's top frame (activeTab grants the tab on the user's click). */
export const extractInTab: RunExtraction = async (tabId) => {
  const scripting = (browser as unknown as { scripting?: ScriptingApi }).scripting;
  if (!scripting) throw new Error('scripting is not available');
  const [first] = await scripting.executeScript({ target: { tabId }, files: [EXTRACT_SCRIPT] });
  return first?.result ?? null;
};

/** Settings as storage holds them; restored through lib/settings.ts, entry by entry. */
export const settingsIo: SettingsIo = {
  read: async () => (await browser.storage.local.get(null)) as Record<string, unknown>,
  async restore(items, replace) {
    const want = parseSettings(items);
    const now = await readSettings();
    await setEnabled(want.enabled);
    const sites = new Set(want.disabledSites);
    const hidden = new Set(want.hiddenCategories);
    if (replace) {
      for (const s of now.disabledSites) if (!sites.has(s)) await setSiteEnabled(s, true);
      for (const c of now.hiddenCategories) if (!hidden.has(c)) await setCategoryShown(c, true);
    }
    for (const s of sites) await setSiteEnabled(s, false);
    for (const c of hidden) await setCategoryShown(c, false);
  },
};
