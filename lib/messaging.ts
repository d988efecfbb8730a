// The one typed message protocol. Every message is `{ type, payload }`; the receiving end
// validates with `isMessage` before trusting anything (other extensions and pages send junk).
import { browser } from 'wxt/browser';
import type {
  Category,
  ConceptDetails,
  ConceptSummary,
  CorpusDocument,
  Passage,
  SearchResult,
} from './core/types.ts';

/** Messages the background answers (runtime.sendMessage). */
export interface BackgroundProtocol {
  searchCorpus: { req: { query: string; limit?: number }; res: SearchResult };
  getConceptDetails: { req: { conceptId: string }; res: ConceptDetails | null };
  getConceptSummaries: { req: { ids?: string[] }; res: ConceptSummary[] };
  listDocuments: {
    req: Record<string, never>;
    res: Array<
      Omit<CorpusDocument, 'text' | 'passageIds' | 'removed'> & { conceptCount: number; passageCount: number }
    >;
  };
  getDocument: {
    req: { docId: string };
    res: {
      document: CorpusDocument;
      passages: Passage[];
      conceptsByPassage: Record<string, string[]>;
    } | null;
  };
  /** Content script -> background: what the page holds, for the toolbar badge. */
  reportPageConcepts: {
    req: {
      distinct: number;
      total: number;
      capped: boolean;
      /**
       * Per-concept counts of the reporting frame: [conceptId, count]. Every frame reports its own
       * (sender.frameId tells them apart); the badge is the distinct union over a tab's frames.
       */
      concepts?: Array<[string, number]>;
    };
    res: void;
  };
  /** Opens an extension page (reader/popup-as-tab) in a new tab; content scripts cannot. */
  openReader: { req: { hash: string }; res: void };
  /** Opens the popup's search as a tab with `popup.html?q=<query>` (hover card "Search the corpus"). */
  openSearch: { req: { query: string }; res: void };
}

export interface PageConcept {
  conceptId: string;
  category: Category;
  label: string;
  count: number;
}

/** Messages a tab's content script answers (tabs.sendMessage, top frame). */
export interface ContentProtocol {
  getPageConcepts: {
    req: Record<string, never>;
    /** `hostname`: the page's location.hostname (the popup may not see the tab's URL). */
    res: { concepts: PageConcept[]; capped: boolean; enabled: boolean; hostname?: string };
  };
  /** Scroll to the next (or previous) occurrence of a concept and open its card. */
  revealConcept: { req: { conceptId: string; direction?: 1 | -1 }; res: { found: boolean } };
}

export type Protocol = BackgroundProtocol & ContentProtocol;
export type MessageType = keyof Protocol;
export type Req<K extends MessageType> = Protocol[K]['req'];
export type Res<K extends MessageType> = Protocol[K]['res'];
export interface Message<K extends MessageType = MessageType> {
  type: K;
  payload: Req<K>;
}

export const BACKGROUND_MESSAGES = [
  'searchCorpus',
  'getConceptDetails',
  'getConceptSummaries',
  'listDocuments',
  'getDocument',
  'reportPageConcepts',
  'openReader',
  'openSearch',
] as const satisfies ReadonlyArray<keyof BackgroundProtocol>;

export const CONTENT_MESSAGES = ['getPageConcepts', 'revealConcept'] as const satisfies ReadonlyArray<
  keyof ContentProtocol
>;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isStr = (v: unknown, max = 2_000_000): v is string => typeof v === 'string' && v.length <= max;
const isId = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9_./-]{1,120}$/.test(v);

/** Per-message payload validators. Unknown or malformed messages are dropped. */
const validators: { [K in MessageType]: (p: unknown) => boolean } = {
  searchCorpus: (p) =>
    isObj(p) &&
    isStr(p.query) &&
    (p.limit === undefined || (Number.isInteger(p.limit) && (p.limit as number) > 0)),
  getConceptDetails: (p) => isObj(p) && isId(p.conceptId),
  getConceptSummaries: (p) =>
    isObj(p) && (p.ids === undefined || (Array.isArray(p.ids) && p.ids.every(isId))),
  listDocuments: (p) => isObj(p),
  getDocument: (p) => isObj(p) && isId(p.docId),
  reportPageConcepts: (p) =>
    isObj(p) &&
    Number.isInteger(p.distinct) &&
    Number.isInteger(p.total) &&
    typeof p.capped === 'boolean' &&
    (p.concepts === undefined ||
      (Array.isArray(p.concepts) &&
        p.concepts.length <= 10_000 &&
        p.concepts.every((c) => Array.isArray(c) && isId(c[0]) && Number.isInteger(c[1])))),
  openReader: (p) => isObj(p) && isStr(p.hash, 2000),
  openSearch: (p) => isObj(p) && isStr(p.query, 1000),
  getPageConcepts: (p) => isObj(p),
  revealConcept: (p) =>
    isObj(p) && isId(p.conceptId) && (p.direction === undefined || p.direction === 1 || p.direction === -1),
};

export function isMessage<K extends MessageType>(msg: unknown, allowed: readonly K[]): msg is Message<K> {
  if (!isObj(msg) || typeof msg.type !== 'string') return false;
  const type = msg.type as K;
  if (!allowed.includes(type)) return false;
  return validators[type](msg.payload);
}

/** Ask the background. Rejects when the background is unreachable (e.g. extension reloaded). */
export async function sendToBackground<K extends keyof BackgroundProtocol>(
  type: K,
  payload: Req<K>,
): Promise<Res<K>> {
  return (await browser.runtime.sendMessage({ type, payload })) as Res<K>;
}

/** Ask the content script in a tab's top frame. */
export async function sendToTab<K extends keyof ContentProtocol>(
  tabId: number,
  type: K,
  payload: Req<K>,
): Promise<Res<K>> {
  return (await browser.tabs.sendMessage(tabId, { type, payload }, { frameId: 0 })) as Res<K>;
}

export type Handlers<P> = {
  [K in keyof P]: (
    payload: P[K] extends { req: infer R } ? R : never,
    sender: { tabId?: number; frameId?: number; url?: string },
  ) => Promise<P[K] extends { res: infer S } ? S : never> | (P[K] extends { res: infer S } ? S : never);
};

/**
 * Registers one runtime.onMessage listener that validates and dispatches to `handlers`.
 * Returns the unsubscribe function (hang it off ctx / the page lifetime).
 */
export function listen<K extends MessageType>(
  allowed: readonly K[],
  handlers: {
    [T in K]: (
      payload: Req<T>,
      sender: { tabId?: number; frameId?: number; url?: string },
    ) => Promise<Res<T>> | Res<T>;
  },
): () => void {
  const listener = (msg: unknown, sender: { tab?: { id?: number }; frameId?: number; url?: string }) => {
    if (!isMessage(msg, allowed)) return undefined; // not ours: let other listeners answer
    const handler = handlers[msg.type] as (p: unknown, s: object) => unknown;
    return Promise.resolve(
      handler(msg.payload, { tabId: sender.tab?.id, frameId: sender.frameId, url: sender.url }),
    );
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
