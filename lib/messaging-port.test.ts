// requestFromBackground / listenPort: the popup's search over one long-lived runtime.connect Port,
// wired here through a fake runtime (both ends in one process).
import { describe, expect, it, vi } from 'vitest';
import type { SearchResult } from './core/types.ts';

type Fn = (m: unknown) => void;
interface FakePort {
  name: string;
  postMessage(m: unknown): void;
  disconnect(): void;
  onMessage: { addListener(f: Fn): void };
  onDisconnect: { addListener(f: () => void): void };
  sender?: object;
}
const connectListeners: Array<(p: FakePort) => void> = [];
const sent: unknown[] = [];
let connects = 0;
let live: Array<() => void> = []; // disconnects both ends of every open pair

function pair(name: string): [FakePort, FakePort] {
  const a: Fn[] = [];
  const b: Fn[] = [];
  const da: Array<() => void> = [];
  const db: Array<() => void> = [];
  let open = true;
  const mk = (inbox: Fn[], outbox: Fn[], dIn: Array<() => void>, dOut: Array<() => void>): FakePort => ({
    name,
    sender: { url: 'chrome-extension://abc/popup.html' },
    // Structured like the real thing: a copy arrives asynchronously.
    postMessage: (m) => {
      if (!open) throw new Error('disconnected');
      const copy = JSON.parse(JSON.stringify(m)) as unknown;
      queueMicrotask(() => outbox.forEach((f) => f(copy)));
    },
    disconnect: () => {
      open = false;
      dOut.forEach((f) => f());
    },
    onMessage: { addListener: (f) => inbox.push(f) },
    onDisconnect: { addListener: (f) => dIn.push(f) },
  });
  const client = mk(a, b, da, db);
  const server = mk(b, a, db, da);
  live.push(() => {
    open = false;
    da.forEach((f) => f());
    db.forEach((f) => f());
  });
  return [client, server];
}

const fake = {
  runtime: {
    connect: ({ name }: { name: string }) => {
      connects++;
      const [c, s] = pair(name);
      connectListeners.forEach((l) => l(s));
      return c;
    },
    onConnect: {
      addListener: (l: (p: FakePort) => void) => connectListeners.push(l),
      removeListener: (l: (p: FakePort) => void) => connectListeners.splice(connectListeners.indexOf(l), 1),
    },
    sendMessage: async (m: unknown) => {
      sent.push(m);
      return { via: 'sendMessage' };
    },
  },
};
vi.mock('wxt/browser', () => ({ browser: fake }));

const { listenPort, requestFromBackground } = await import('./messaging.ts');

const emptyResult = (query: string): SearchResult => ({
  query,
  normalized: query,
  truncated: false,
  expandedConceptIds: [],
  concepts: [],
  hits: [],
  suggestions: [],
});

describe('the background Port', () => {
  it('answers requests over one Port, validates them, and falls back when it drops', async () => {
    const seen: string[] = [];
    const off = listenPort(['searchCorpus'], {
      searchCorpus: async ({ query }) => {
        seen.push(query);
        if (query === 'boom') throw new Error('no search');
        return emptyResult(query);
      },
    });
    const [a, b] = await Promise.all([
      requestFromBackground('searchCorpus', { query: 'two', limit: 40 }),
      requestFromBackground('searchCorpus', { query: 'six', limit: 40 }),
    ]);
    expect([a.query, b.query]).toEqual(['two', 'six']);
    expect(connects).toBe(1);
    await expect(requestFromBackground('searchCorpus', { query: 'boom' })).rejects.toThrow(/no search/);
    // Junk is dropped by the validator (never reaches the handler).
    await expect(
      Promise.race([
        requestFromBackground('searchCorpus', { query: 42 as unknown as string }),
        new Promise((ok) => setTimeout(() => ok('no answer'), 20)),
      ]),
    ).resolves.toBe('no answer');
    expect(seen).toEqual(['two', 'six', 'boom']);

    // The worker stops with a request out: it is asked again through sendMessage; the next
    // request opens a new Port.
    off();
    const p = requestFromBackground('searchCorpus', { query: 'lost' });
    await Promise.resolve();
    live.forEach((f) => f());
    live = [];
    await expect(p).resolves.toEqual({ via: 'sendMessage' });
    expect(sent).toContainEqual({ type: 'searchCorpus', payload: { query: 'lost' } });
    listenPort(['searchCorpus'], {
      searchCorpus: ({ query }) => emptyResult(query),
    });
    expect((await requestFromBackground('searchCorpus', { query: 'again' })).query).toBe('again');
    expect(connects).toBe(2);
  });
});
