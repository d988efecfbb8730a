// Test double of browser.storage (local and sync areas + onChanged) with the browser's asynchrony:
// every get/set/remove is queued and runs one macrotask later, in call order (one queue for both
// areas, as one browser process serves them), and its caller hears back only after that; values
// are copied in and out (structured clone), and onChanged fires after a write with
// { oldValue, newValue } per key and the area's name. Two "pages" sharing one area therefore
// interleave the way two options tabs do: both can read before either writes.
// The sync area enforces the browser's quotas (lib/core/limits.ts: items, bytes, bytes per item,
// measured as Chrome and Firefox do: key length + JSON of the value), rejecting the whole write
// with Chrome's message, and can be switched off (`faults.syncDown`: Firefox with sync disabled)
// or given a write budget (`faults.syncWritesLeft`: Chrome's per-minute write limit). Tests can
// step in (`hooks`) when a call is made, before it is queued, or right after an operation ran,
// before anything queued behind it: where another context's write lands in a race. Not bundled.
import { SYNC_MAX_ITEMS, SYNC_QUOTA_BYTES, SYNC_QUOTA_BYTES_PER_ITEM } from './core/limits.ts';

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;
type Listener = (changes: Changes, area: string) => void;
type AreaName = 'local' | 'sync';
type Op = 'get' | 'set' | 'remove';
/** A test's hook: the area, the operation and its argument (keys or items). */
export type StorageHook = (area: AreaName, op: Op, arg: unknown) => void;

export interface FakeArea {
  get(keys?: string | string[] | Record<string, unknown> | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface FakeStorage {
  /** What the local area holds now (a copy). */
  dump(): Record<string, unknown>;
  /** Replaces the local area's content at once and empties sync, without events (test setup). */
  reset(data?: Record<string, unknown>): void;
  /** The sync area's content, and its setup. */
  sync: { dump(): Record<string, unknown>; reset(data?: Record<string, unknown>): void };
  /** Faults of the sync area, changed by tests at will. */
  faults: { syncDown: boolean; syncWritesLeft: number };
  /** Called when a call is made (`onCall`) and right after its operation ran (`onRan`). */
  hooks: { onCall?: StorageHook; onRan?: StorageHook };
  /** The object to put at browser.storage. */
  api: {
    local: FakeArea;
    sync: FakeArea;
    onChanged: { addListener(l: Listener): void; removeListener(l: Listener): void };
  };
}

/** Bytes of one item as the sync quotas count them. */
export const syncItemBytes = (key: string, value: unknown): number =>
  key.length + JSON.stringify(value).length;

function quotaError(data: Map<string, unknown>, items: Record<string, unknown>): Error | undefined {
  const next = new Map(data);
  for (const [k, v] of Object.entries(items)) {
    if (syncItemBytes(k, v) > SYNC_QUOTA_BYTES_PER_ITEM)
      return new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    next.set(k, v);
  }
  if (next.size > SYNC_MAX_ITEMS) return new Error('MAX_ITEMS quota exceeded');
  let bytes = 0;
  for (const [k, v] of next) bytes += syncItemBytes(k, v);
  return bytes > SYNC_QUOTA_BYTES ? new Error('QUOTA_BYTES quota exceeded') : undefined;
}

export function fakeStorage(): FakeStorage {
  const areas: Record<AreaName, Map<string, unknown>> = { local: new Map(), sync: new Map() };
  const listeners = new Set<Listener>();
  const faults = { syncDown: false, syncWritesLeft: Infinity };
  const hooks: FakeStorage['hooks'] = {};
  let queue = Promise.resolve();
  const later = <T>(name: AreaName, kind: Op, arg: unknown, op: () => T): Promise<T> => {
    hooks.onCall?.(name, kind, arg);
    const run = queue.then(
      () =>
        new Promise<T>((ok, no) =>
          setTimeout(() => {
            try {
              ok(op());
            } catch (e) {
              no(e);
            } finally {
              hooks.onRan?.(name, kind, arg);
            }
          }, 0),
        ),
    );
    queue = run.then(
      () => undefined,
      () => undefined,
    );
    // the caller hears back a macrotask after the operation ran (the reply crosses processes)
    return run.then(
      (r) => new Promise<T>((ok) => setTimeout(() => ok(r), 0)),
      (e: unknown) => new Promise<T>((_, no) => setTimeout(() => no(e), 0)),
    );
  };
  const emit = (changes: Changes, name: AreaName) => {
    if (Object.keys(changes).length === 0) return;
    for (const l of [...listeners]) setTimeout(() => l(structuredClone(changes), name), 0);
  };
  /** Throws what the browser would for this call, before anything changes. */
  const check = (name: AreaName, write: boolean, items?: Record<string, unknown>) => {
    if (name !== 'sync') return;
    if (faults.syncDown) throw new Error('storage.sync is not available');
    if (!write) return;
    if (faults.syncWritesLeft <= 0) throw new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    const err = items && quotaError(areas.sync, items);
    if (err) throw err;
    faults.syncWritesLeft--;
  };
  const area = (name: AreaName): FakeArea => {
    const data = areas[name];
    return {
      get: (keys) =>
        later(name, 'get', keys, () => {
          check(name, false);
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
        return later(name, 'set', items, () => {
          check(name, true, copy);
          const changes: Changes = {};
          for (const [k, v] of Object.entries(copy)) {
            changes[k] = { oldValue: data.get(k), newValue: v };
            data.set(k, v);
          }
          emit(changes, name);
        });
      },
      remove: (keys) =>
        later(name, 'remove', keys, () => {
          check(name, true);
          const changes: Changes = {};
          for (const k of typeof keys === 'string' ? [keys] : keys) {
            if (!data.has(k)) continue;
            changes[k] = { oldValue: data.get(k) };
            data.delete(k);
          }
          emit(changes, name);
        }),
    };
  };
  const dumpOf = (name: AreaName) => () =>
    Object.fromEntries([...areas[name]].map(([k, v]) => [k, structuredClone(v)]));
  const fill = (name: AreaName, init: Record<string, unknown>) => {
    areas[name].clear();
    for (const [k, v] of Object.entries(init)) areas[name].set(k, structuredClone(v));
  };
  return {
    dump: dumpOf('local'),
    reset(init = {}) {
      fill('local', init);
      fill('sync', {});
      faults.syncDown = false;
      faults.syncWritesLeft = Infinity;
      delete hooks.onCall;
      delete hooks.onRan;
    },
    sync: { dump: dumpOf('sync'), reset: (init = {}) => fill('sync', init) },
    faults,
    hooks,
    api: {
      local: area('local'),
      sync: area('sync'),
      onChanged: {
        addListener: (l) => void listeners.add(l),
        removeListener: (l) => void listeners.delete(l),
      },
    },
  };
}
