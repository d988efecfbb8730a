// Sending and receiving the one message protocol (lib/messaging/protocol.ts declares the messages
// and validates them): runtime.sendMessage / tabs.sendMessage, the background Port, and the
// listeners that validate with `isMessage` before dispatching to a handler.
import { browser } from 'wxt/browser';
import {
  isContentAnswer,
  isMessage,
  type ContentProtocol,
  type BackgroundProtocol,
  type Message,
  type MessageType,
  type Req,
  type Res,
} from './messaging/protocol.ts';

export {
  BACKGROUND_MESSAGES,
  CONTENT_MESSAGES,
  LIBRARY_MESSAGES,
  isMessage,
  type LibraryMessage,
  type UserMatcherAnswer,
  type BackgroundProtocol,
  type ContentProtocol,
  type DocumentAnswer,
  type ListedDocument,
  type Message,
  type MessageType,
  type PageConcept,
  type Protocol,
  type Req,
  type Res,
} from './messaging/protocol.ts';

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
  /** The sending extension's id (runtime.onMessage hears only our own; checked where it matters). */
  id?: string;
}

type RawSender = { tab?: { id?: number }; frameId?: number; url?: string; id?: string };

function senderInfo(s: RawSender | undefined): SenderInfo {
  return { tabId: s?.tab?.id, frameId: s?.frameId, url: s?.url, id: s?.id };
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

/** Ask the content script in a tab's top frame. Rejects when it does not answer as promised. */
export async function sendToTab<K extends keyof ContentProtocol>(
  tabId: number,
  type: K,
  payload: Req<K>,
): Promise<Res<K>> {
  const res: unknown = await browser.tabs.sendMessage(tabId, { type, payload }, { frameId: 0 });
  if (!isContentAnswer(type, res)) throw new Error(`malformed ${type} answer`);
  return res;
}

/**
 * Registers one runtime.onMessage listener that validates and dispatches to `handlers`.
 * Returns the unsubscribe function (hang it off ctx / the page lifetime).
 */
export function listen<K extends MessageType>(allowed: readonly K[], handlers: HandlersFor<K>): () => void {
  const listener = (msg: unknown, sender: RawSender) => {
    if (!isMessage(msg, allowed)) return undefined; // not ours: let other listeners answer
    const handler = handlers[msg.type] as (p: unknown, s: object) => unknown;
    // a handler that throws answers with a rejection, like one that rejects
    return Promise.resolve().then(() => handler(msg.payload, senderInfo(sender)));
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
