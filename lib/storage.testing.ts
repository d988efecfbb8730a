// Test double of browser.storage (local area + onChanged) with the browser's asynchrony: every
// get/set/remove is queued and runs one macrotask later, in call order, and its caller hears back
// only after that; values are copied in and out (structured clone), and onChanged fires after a
// write with { oldValue, newValue } per key. Two "pages" sharing one area therefore interleave the
// way two options tabs do: both can read before either writes. Not bundled.

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;
type Listener = (changes: Changes, area: string) => void;

export interface FakeStorage {
  /** What the area holds now (a copy). */
  dump(): Record<string, unknown>;
  /** Replaces the area's content at once, without events (test setup). */
  reset(data?: Record<string, unknown>): void;
  /** The object to put at browser.storage. */
  api: {
    local: {
      get(keys?: string | string[] | Record<string, unknown> | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string | string[]): Promise<void>;
    };
    onChanged: { addListener(l: Listener): void; removeListener(l: Listener): void };
  };
}

export function fakeStorage(): FakeStorage {
  const data = new Map<string, unknown>();
  const listeners = new Set<Listener>();
  let queue = Promise.resolve();
  const later = <T>(op: () => T): Promise<T> => {
    const run = queue.then(() => new Promise<T>((ok) => setTimeout(() => ok(op()), 0)));
    queue = run.then(
      () => undefined,
      () => undefined,
    );
    // the caller hears back a macrotask after the operation ran (the reply crosses processes)
    return run.then((r) => new Promise<T>((ok) => setTimeout(() => ok(r), 0)));
  };
  const emit = (changes: Changes) => {
    if (Object.keys(changes).length === 0) return;
    for (const l of [...listeners]) setTimeout(() => l(structuredClone(changes), 'local'), 0);
  };
  return {
    dump: () => Object.fromEntries([...data].map(([k, v]) => [k, structuredClone(v)])),
    reset(init = {}) {
      data.clear();
      for (const [k, v] of Object.entries(init)) data.set(k, structuredClone(v));
    },
    api: {
      local: {
        get: (keys) =>
          later(() => {
            const names =
              keys === null || keys === undefined
                ? [...data.keys()]
                : typeof keys === 'string'
                  ? [keys]
                  : Array.isArray(keys)
                    ? keys
                    : Object.keys(keys);
            const out: Record<string, unknown> = {};
            for (const k of names) if (data.has(k)) out[k] = structuredClone(data.get(k));
            return out;
          }),
        set: (items) => {
          const copy = structuredClone(items);
          return later(() => {
            const changes: Changes = {};
            for (const [k, v] of Object.entries(copy)) {
              changes[k] = { oldValue: data.get(k), newValue: v };
              data.set(k, v);
            }
            emit(changes);
          });
        },
        remove: (keys) =>
          later(() => {
            const changes: Changes = {};
            for (const k of typeof keys === 'string' ? [keys] : keys) {
              if (!data.has(k)) continue;
              changes[k] = { oldValue: data.get(k) };
              data.delete(k);
            }
            emit(changes);
          }),
      },
      onChanged: {
        addListener: (l) => void listeners.add(l),
        removeListener: (l) => void listeners.delete(l),
      },
    },
  };
}
