// Background stage: owns the corpus sources and search, answers typed messages, adds the context menu.
import { browser } from 'wxt/browser';
import { openExtensionTab, popupSearchUrl, registerHandlers } from './handlers.ts';
import { bundledSource } from './sources/bundled-source.ts';
import { combineSources } from './sources/combined-source.ts';

export const SEARCH_MENU_ID = 'policy-lens-search-selection';

export function startBackground(): void {
  // The bundled corpus today; a user store and a remote engine join this list later.
  registerHandlers(combineSources([bundledSource()]));

  // Context menu on a selection: opens the popup UI as a tab (action.openPopup is unreliable).
  // Menus are (re)created on every start: removeAll first so the id never collides.
  const menus = browser.contextMenus;
  if (menus) {
    void Promise.resolve(menus.removeAll())
      .then(() =>
        menus.create({
          id: SEARCH_MENU_ID,
          title: browser.i18n.getMessage('contextMenuSearch') || 'Search Policy Lens for “%s”',
          contexts: ['selection'],
        }),
      )
      .catch(() => undefined);
    menus.onClicked.addListener((info, tab) => {
      if (info.menuItemId !== SEARCH_MENU_ID) return;
      const selection = info.selectionText ?? '';
      if (!selection.trim()) return;
      void openExtensionTab(popupSearchUrl(selection), tab?.id).catch(() => undefined);
    });
  }
}
