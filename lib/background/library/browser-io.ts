// The library's ties to the browser: the "lists changed" broadcast to every frame of every tab,
// the article extraction in a tab (scripting.executeScript of the unlisted script), and the
// settings part of a backup. Injected into the library and its handlers (tests pass fakes).
import { browser } from 'wxt/browser';
import { restoreSettings, storedSettingsItems } from '../../settings.ts';
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

/**
 * Settings as storage holds them (storage.sync, and storage.local for what sync refused), restored
 * through lib/settings.ts, entry by entry, in one write.
 */
export const settingsIo: SettingsIo = { read: storedSettingsItems, restore: restoreSettings };
