// Background stage: owns the corpus sources and search, answers typed messages, adds the context menu.
import { browser } from 'wxt/browser';
import { openExtensionTab, popupSearchUrl, registerHandlers } from './handlers.ts';
import { broadcastLibraryChanged, extractInTab, settingsIo } from './library/browser-io.ts';
import { libraryHandlers, saveTab } from './library/handlers.ts';
import { saveFeedback } from './save-feedback.ts';
import { Library } from './library/library.ts';
import { LibraryStore } from './library/store.ts';
import { UserSource } from './library/user-source.ts';
import { bundledRuntimeMatcher } from './matcher-source.ts';
import { bundledCorpus, bundledSource } from './sources/bundled-source.ts';
import { combineSources } from './sources/combined-source.ts';

export const SEARCH_MENU_ID = 'policy-lens-search-selection';
export const SAVE_PAGE_MENU_ID = 'policy-lens-save-page';

/** The user's library over IndexedDB; nothing is opened until a request needs it. */
function createLibrary(): Library {
  const matcher = bundledRuntimeMatcher();
  return new Library({
    store: new LibraryStore(),
    bundled: { data: () => bundledCorpus().data, matcher },
    broadcast: (version) => broadcastLibraryChanged(version),
  });
}

export function startBackground(): void {
  const library = createLibrary();
  // The bundled corpus first (its concept descriptions win a merge), then the user's library.
  const corpus = combineSources([bundledSource(), new UserSource(library)]);
  const options = {
    extensionBase: browser.runtime.getURL('/'),
    runExtraction: extractInTab,
    settings: settingsIo,
  };
  registerHandlers(corpus, libraryHandlers(library, options));

  // Context menus: on a selection, open the popup UI as a tab (action.openPopup is unreliable);
  // on a page, add it to the library (the click grants activeTab for the extraction).
  // Menus are (re)created on every start: removeAll first so the ids never collide.
  const menus = browser.contextMenus;
  const msg = (key: Parameters<typeof browser.i18n.getMessage>[0], subs?: string[]) =>
    browser.i18n.getMessage(key, subs);
  // The popup is closed when the menu is used: the toolbar button of the tab says how it went.
  const feedback = saveFeedback(browser.action, {
    defaultTitle: browser.runtime.getManifest().action?.default_title ?? 'Policy Lens',
    saving: msg('libSavePageBusy'),
    saved: (a) => msg('libSavePageAdded', [String(a.passageCount), String(a.conceptCount)]),
    failed: (reason) => msg('libSavePageFailed', [reason]),
  });
  if (menus) {
    void Promise.resolve(menus.removeAll())
      .then(() => {
        menus.create({
          id: SEARCH_MENU_ID,
          title: browser.i18n.getMessage('contextMenuSearch') || 'Search Policy Lens for “%s”',
          contexts: ['selection'],
        });
        menus.create({
          id: SAVE_PAGE_MENU_ID,
          title: browser.i18n.getMessage('libSavePageMenu') || 'Add this page to my library',
          contexts: ['page'],
        });
      })
      .catch(() => undefined);
    menus.onClicked.addListener((info, tab) => {
      if (info.menuItemId === SAVE_PAGE_MENU_ID) {
        const tabId = tab?.id;
        if (tabId === undefined || tabId < 0) return;
        void (async () => {
          await feedback.busy(tabId);
          const r = await saveTab(library, options, tabId);
          if (!r.ok) console.warn(`policy-lens: the page was not added to the library: ${r.error}`);
          await feedback.done(tabId, r);
        })();
        return;
      }
      if (info.menuItemId !== SEARCH_MENU_ID) return;
      const selection = info.selectionText ?? '';
      if (!selection.trim()) return;
      void openExtensionTab(popupSearchUrl(selection), tab?.id).catch(() => undefined);
    });
  }
}
