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
  /**
   * Top frame -> background: per-concept counts reported by the tab's other frames (frames with a
   * content script of their own, e.g. cross-origin embeds), summed, for the popup's list.
   */
  getFrameConcepts: { req: Record<string, never>; res: Array<[string, number]> };
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
  'getFrameConcepts',
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
  getFrameConcepts: (p) => isObj(p),
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

// ---------------------------------------------------------------------------------------------
// The same protocol over one long-lived runtime.connect Port (the popup's search: one IPC hop each
// way per request instead of opening and closing a message channel per sendMessage). Requests are
// `{ id, type, payload }`, validated with `isMessage` like any message; answers `{ id, ok, res }`.

/** Name of the background Port (runtime.connect). */
export const BACKGROUND_PORT = 'policy-lens';

interface PortLike {
  name: string;
  postMessage(m: unknown): void;
  disconnect(): void;
  onMessage: { addListener(f: (m: unknown) => void): void };
  onDisconnect: { addListener(f: () => void): void };
  sender?: { tab?: { id?: number }; frameId?: number; url?: string };
}
interface PortAnswer {
  id: number;
  ok: boolean;
  res?: unknown;
  error?: string;
}

let port: PortLike | null = null;
let nextId = 1;
const waiting = new Map<number, { msg: Message; ok: (v: unknown) => void; fail: (e: unknown) => void }>();

function openPort(): PortLike {
  const p = browser.runtime.connect({ name: BACKGROUND_PORT }) as unknown as PortLike;
  p.onMessage.addListener((m) => {
    if (typeof m !== 'object' || m === null) return;
    const a = m as PortAnswer;
    const w = waiting.get(a.id);
    if (!w) return;
    waiting.delete(a.id);
    if (a.ok) w.ok(a.res);
    else w.fail(new Error(a.error ?? 'background error'));
  });
  p.onDisconnect.addListener(() => {
    if (port === p) port = null;
    // The worker stopped (or reloaded) with requests out: ask again the one-message way.
    const out = [...waiting.values()];
    waiting.clear();
    for (const w of out) browser.runtime.sendMessage(w.msg).then(w.ok, w.fail);
  });
  return p;
}

/**
 * Ask the background over the Port (opened on first use, reopened after the worker restarted).
 * Same messages and answers as `sendToBackground`; falls back to it when the Port fails.
 */
/** The messages the background answers over the Port (others: `sendToBackground`). */
export const PORT_MESSAGES = ['searchCorpus'] as const satisfies ReadonlyArray<keyof BackgroundProtocol>;

export async function requestFromBackground<K extends (typeof PORT_MESSAGES)[number]>(
  type: K,
  payload: Req<K>,
): Promise<Res<K>> {
  const msg = { type, payload } as Message;
  try {
    port ??= openPort();
  } catch {
    return sendToBackground(type, payload);
  }
  const id = nextId++;
  const p = port;
  return new Promise<Res<K>>((ok, fail) => {
    waiting.set(id, { msg, ok: ok as (v: unknown) => void, fail });
    try {
      p.postMessage({ id, ...msg });
    } catch {
      waiting.delete(id);
      if (port === p) port = null;
      sendToBackground(type, payload).then(ok, fail);
    }
  });
}

/** Who sent a message, as the handlers see it. */
export interface SenderInfo {
  tabId?: number;
  frameId?: number;
  url?: string;
}

function senderInfo(s: { tab?: { id?: number }; frameId?: number; url?: string } | undefined): SenderInfo {
  return { tabId: s?.tab?.id, frameId: s?.frameId, url: s?.url };
}

/** One handler per allowed message type (used by `listen` and `listenPort`). */
export type HandlersFor<K extends MessageType> = {
  [T in K]: (payload: Req<T>, sender: SenderInfo) => Promise<Res<T>> | Res<T>;
};

/**
 * Answers `BACKGROUND_PORT` requests with `handlers` (the background's side of
 * `requestFromBackground`). Returns the unsubscribe function.
 */
export function listenPort<K extends MessageType>(
  allowed: readonly K[],
  handlers: HandlersFor<K>,
): () => void {
  const onConnect = (raw: unknown) => {
    const p = raw as PortLike;
    if (p.name !== BACKGROUND_PORT) return;
    let open = true;
    p.onDisconnect.addListener(() => (open = false));
    p.onMessage.addListener((m) => {
      if (typeof m !== 'object' || m === null) return;
      const { id, ...msg } = m as { id?: unknown };
      if (typeof id !== 'number' || !isMessage(msg, allowed)) return; // junk: dropped
      const handler = handlers[msg.type] as (p: unknown, s: object) => unknown;
      const s = p.sender;
      const reply = (a: PortAnswer) => {
        if (open) p.postMessage(a);
      };
      Promise.resolve()
        .then(() => handler(msg.payload, senderInfo(s)))
        .then(
          (res) => reply({ id, ok: true, res }),
          (e: unknown) => reply({ id, ok: false, error: String(e) }),
        );
    });
  };
  const ev = (
    browser.runtime as unknown as {
      onConnect?: { addListener(f: typeof onConnect): void; removeListener(f: typeof onConnect): void };
    }
  ).onConnect;
  ev?.addListener(onConnect);
  return () => ev?.removeListener(onConnect);
}

/** Ask the content script in a tab's top frame. */
export async function sendToTab<K extends keyof ContentProtocol>(
  tabId: number,
  type: K,
  payload: Req<K>,
): Promise<Res<K>> {
  return (await browser.tabs.sendMessage(tabId, { type, payload }, { frameId: 0 })) as Res<K>;
}

/**
 * Registers one runtime.onMessage listener that validates and dispatches to `handlers`.
 * Returns the unsubscribe function (hang it off ctx / the page lifetime).
 */
export function listen<K extends MessageType>(allowed: readonly K[], handlers: HandlersFor<K>): () => void {
  const listener = (msg: unknown, sender: { tab?: { id?: number }; frameId?: number; url?: string }) => {
    if (!isMessage(msg, allowed)) return undefined; // not ours: let other listeners answer
    const handler = handlers[msg.type] as (p: unknown, s: object) => unknown;
    // a handler that throws answers with a rejection, like one that rejects
    return Promise.resolve().then(() => handler(msg.payload, senderInfo(sender)));
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
