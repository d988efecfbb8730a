// Background message handlers: every BackgroundProtocol message, registered with `listen`.
import { browser } from 'wxt/browser';
import { cutSafe, URL_QUERY_CAP } from '../core/limits.ts';
import { BACKGROUND_MESSAGES, listen, listenPort, PORT_MESSAGES } from '../messaging.ts';
import type { BackgroundProtocol, HandlersFor, LibraryMessage } from '../messaging.ts';
import { bundledMatcher, type MatcherSource } from './matcher-source.ts';
import type { CorpusSource } from './sources/corpus-source.ts';

/** Toolbar badge colour (the extension's accent). */
export const BADGE_COLOR = '#3b5bdb';

interface BadgeApi {
  setBadgeText(details: { tabId?: number; text: string }): unknown;
  setBadgeBackgroundColor(details: { tabId?: number; color: string }): unknown;
}

/** browser.action (Chrome MV3) or browser.browserAction (Firefox MV2). */
function badgeApi(): BadgeApi | undefined {
  const b = browser as unknown as { action?: BadgeApi; browserAction?: BadgeApi };
  return b.action ?? b.browserAction;
}

/** Badge text for a page: distinct concept count, "+" when the scan was capped, max 4 chars. */
export function badgeText(distinct: number, capped: boolean): string {
  if (distinct <= 0) return '';
  if (distinct > 999) return '999+';
  return capped ? `${distinct}+` : String(distinct);
}

/** Opens an extension page in a new tab next to `nearTabId` (or next to the active tab). */
export async function openExtensionTab(url: string, nearTabId?: number): Promise<void> {
  let near: { id?: number; index: number; windowId?: number } | undefined;
  try {
    if (nearTabId !== undefined && nearTabId >= 0) near = await browser.tabs.get(nearTabId);
    else [near] = await browser.tabs.query({ active: true, currentWindow: true });
  } catch {
    near = undefined; // the tab is gone: open at the end
  }
  await browser.tabs.create({
    url,
    ...(near ? { index: near.index + 1, windowId: near.windowId } : {}),
    ...(near?.id !== undefined ? { openerTabId: near.id } : {}),
  });
}

export function readerUrl(hash: string): string {
  return `${browser.runtime.getURL('/reader.html')}#${hash.replace(/^#/, '')}`;
}

/** The popup's search UI as a tab: popup.html?q=<query> (cut to URL_QUERY_CAP; the popup caps again). */
export function popupSearchUrl(query: string): string {
  const q = cutSafe(query.replace(/\s+/g, ' ').trim(), URL_QUERY_CAP);
  return `${browser.runtime.getURL('/popup.html')}?q=${encodeURIComponent(q)}`;
}

/**
 * What each frame of each tab reported, for the badge: the badge shows the number of distinct
 * concepts over all frames of the tab. In memory only: a restarted service worker starts empty
 * and rebuilds from the next reports.
 */
export class PageReports {
  private readonly tabs = new Map<
    number,
    Map<number, { distinct: number; capped: boolean; counts: Map<string, number> | null }>
  >();

  report(
    tabId: number,
    frameId: number,
    r: { distinct: number; capped: boolean; concepts?: Array<[string, number]> },
  ): void {
    let frames = this.tabs.get(tabId);
    if (!frames) this.tabs.set(tabId, (frames = new Map()));
    const counts = r.concepts ? new Map(r.concepts.filter(([, n]) => n > 0)) : null;
    frames.set(frameId, { distinct: Math.max(0, r.distinct), capped: r.capped, counts });
  }

  /** Summed per-concept counts of the tab's frames other than `exceptFrame`. */
  concepts(tabId: number, exceptFrame: number): Array<[string, number]> {
    const sum = new Map<string, number>();
    for (const [frameId, f] of this.tabs.get(tabId) ?? []) {
      if (frameId === exceptFrame || !f.counts) continue;
      for (const [id, n] of f.counts) sum.set(id, (sum.get(id) ?? 0) + n);
    }
    return [...sum].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  }

  /** Distinct concepts over the tab's frames (frames without a concept list count their `distinct`). */
  summary(tabId: number): { distinct: number; capped: boolean } {
    const frames = this.tabs.get(tabId);
    if (!frames) return { distinct: 0, capped: false };
    const union = new Set<string>();
    let extra = 0;
    let capped = false;
    for (const f of frames.values()) {
      if (f.counts) for (const id of f.counts.keys()) union.add(id);
      else extra = Math.max(extra, f.distinct);
      capped ||= f.capped;
    }
    return { distinct: Math.max(union.size, extra), capped };
  }

  clear(tabId: number): void {
    this.tabs.delete(tabId);
  }
}

/** The library's messages: their handlers live in library/handlers.ts. */
type LibraryOwned = LibraryMessage | 'getUserMatcher';
export type CoreMessage = Exclude<keyof BackgroundProtocol, LibraryOwned>;

/**
 * `corpus` is one source; several are registered by combining them (sources/combined-source.ts).
 * The library's messages are answered by library/handlers.ts (registerHandlers joins them).
 */
export function createHandlers(
  corpus: CorpusSource,
  reports = new PageReports(),
  matcher: MatcherSource = bundledMatcher(),
): HandlersFor<CoreMessage> {
  return {
    searchCorpus: async ({ query, limit }) =>
      await corpus.search(query, limit === undefined ? {} : { limit }),
    getConceptDetails: async ({ conceptId }) => await corpus.conceptDetails(conceptId),
    getConceptSummaries: async ({ ids }) => await corpus.conceptSummaries(ids),
    listDocuments: async () => await corpus.listDocuments(),
    getDocument: async ({ docId }) => await corpus.getDocument(docId),
    getMatcher: () => matcher(),
    reportPageConcepts: async (payload, sender) => {
      const api = badgeApi();
      if (!api || sender.tabId === undefined || sender.tabId < 0) return;
      const tabId = sender.tabId;
      reports.report(tabId, sender.frameId ?? 0, payload);
      const { distinct, capped } = reports.summary(tabId);
      try {
        await Promise.resolve(api.setBadgeText({ tabId, text: badgeText(distinct, capped) }));
        await Promise.resolve(api.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }));
      } catch {
        // The tab closed meanwhile: nothing to badge.
      }
    },
    getFrameConcepts: (_payload, sender) =>
      sender.tabId === undefined || sender.tabId < 0
        ? []
        : reports.concepts(sender.tabId, sender.frameId ?? 0),
    openReader: async ({ hash }, sender) => {
      await openExtensionTab(readerUrl(hash), sender.tabId);
    },
    openSearch: async ({ query }, sender) => {
      await openExtensionTab(popupSearchUrl(query), sender.tabId);
    },
  };
}

/**
 * Registers the background's one runtime.onMessage listener (and forgets a tab's page reports
 * when it navigates or closes). Returns the unsubscribe function. Without `library` (tests of the
 * corpus messages) the library's messages are left to other listeners.
 */
export function registerHandlers(corpus: CorpusSource, library?: HandlersFor<LibraryOwned>): () => void {
  const reports = new PageReports();
  const onUpdated = (tabId: number, change: { status?: string }) => {
    if (change.status === 'loading') reports.clear(tabId);
  };
  const onRemoved = (tabId: number) => reports.clear(tabId);
  const tabs = browser.tabs as unknown as
    | {
        onUpdated?: { addListener(l: typeof onUpdated): void; removeListener(l: typeof onUpdated): void };
        onRemoved?: { addListener(l: typeof onRemoved): void; removeListener(l: typeof onRemoved): void };
      }
    | undefined;
  tabs?.onUpdated?.addListener(onUpdated);
  tabs?.onRemoved?.addListener(onRemoved);
  const core = createHandlers(corpus, reports);
  const off = library
    ? listen(BACKGROUND_MESSAGES, { ...core, ...library })
    : listen(
        BACKGROUND_MESSAGES.filter((m): m is CoreMessage => m in core),
        core,
      );
  const handlers = core;
  // The popup's search asks over a long-lived Port (one IPC hop each way per keystroke).
  const offPort = listenPort(PORT_MESSAGES, handlers);
  return () => {
    off();
    offPort();
    tabs?.onUpdated?.removeListener(onUpdated);
    tabs?.onRemoved?.removeListener(onRemoved);
  };
}
