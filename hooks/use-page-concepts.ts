// "On this page": the concepts the content script found in the current tab.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type PageConcept, sendToTab } from '../lib/messaging.ts';

export interface PageConceptsState {
  /** undefined while loading; null when the tab has no content script (e.g. chrome:// pages). */
  concepts: PageConcept[] | null | undefined;
  capped: boolean;
  /** Whether the lens is active on that page (per the content script). */
  enabled: boolean;
  hostname: string | undefined;
  tabId: number | undefined;
  reveal(conceptId: string): Promise<boolean>;
  refresh(): void;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'file:'
      ? u.hostname
      : undefined;
  } catch {
    return undefined;
  }
}

/** The tab the popup is about: the active tab, or the opener when the popup runs in a tab. */
async function targetTab(): Promise<{ id: number; url?: string } | undefined> {
  if (__E2E_HOOKS__) {
    const forced = Number(new URLSearchParams(location.search).get('tab'));
    if (Number.isInteger(forced) && forced > 0) {
      const t = await browser.tabs.get(forced).catch(() => undefined);
      return { id: forced, ...(t?.url ? { url: t.url } : {}) };
    }
  }
  const self = await browser.tabs.getCurrent().catch(() => undefined);
  if (self?.id !== undefined) {
    // Running as a tab (context menu search): the page that opened us.
    if (self.openerTabId === undefined) return undefined;
    const t = await browser.tabs.get(self.openerTabId).catch(() => undefined);
    return t?.id !== undefined ? { id: t.id, ...(t.url ? { url: t.url } : {}) } : undefined;
  }
  const [t] = await browser.tabs.query({ active: true, currentWindow: true });
  return t?.id !== undefined ? { id: t.id, ...(t.url ? { url: t.url } : {}) } : undefined;
}

export function usePageConcepts(): PageConceptsState {
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<Omit<PageConceptsState, 'reveal' | 'refresh'>>({
    concepts: undefined,
    capped: false,
    enabled: true,
    hostname: undefined,
    tabId: undefined,
  });
  useEffect(() => {
    let live = true;
    void (async () => {
      const tab = await targetTab().catch(() => undefined);
      if (!tab) {
        if (live)
          setState({ concepts: null, capped: false, enabled: false, hostname: undefined, tabId: undefined });
        return;
      }
      const res = await sendToTab(tab.id, 'getPageConcepts', {}).catch(() => undefined);
      if (!live) return;
      setState({
        concepts: res
          ? [...res.concepts].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
          : null,
        capped: res?.capped ?? false,
        enabled: res?.enabled ?? false,
        hostname: hostOf(tab.url) ?? res?.hostname,
        tabId: tab.id,
      });
    })();
    return () => {
      live = false;
    };
  }, [tick]);
  const reveal = useCallback(
    async (conceptId: string) => {
      if (state.tabId === undefined) return false;
      const res = await sendToTab(state.tabId, 'revealConcept', { conceptId }).catch(() => undefined);
      return res?.found ?? false;
    },
    [state.tabId],
  );
  const refresh = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reveal, refresh };
}
