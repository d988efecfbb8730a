import { beforeEach, describe, expect, it, vi } from 'vitest';

// A minimal in-memory browser.storage.local with onChanged, enough for lib/settings.ts.
const store = new Map<string, unknown>();
const listeners = new Set<(changes: Record<string, { newValue?: unknown }>, area: string) => void>();
const emit = (key: string, newValue: unknown) =>
  listeners.forEach((l) => l({ [key]: { newValue } }, 'local'));
vi.mock('wxt/browser', () => ({
  browser: {
    storage: {
      local: {
        get: (key: string) => Promise.resolve(store.has(key) ? { [key]: store.get(key) } : {}),
        set: (obj: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(obj)) {
            store.set(k, v);
            emit(k, v);
          }
          return Promise.resolve();
        },
        remove: (key: string) => {
          store.delete(key);
          emit(key, undefined);
          return Promise.resolve();
        },
      },
      onChanged: {
        addListener: (l: never) => listeners.add(l),
        removeListener: (l: never) => listeners.delete(l),
      },
    },
  },
}));

const settings = await import('./settings.ts');

describe('settings', () => {
  beforeEach(() => store.clear());

  it('returns defaults from code when nothing is stored', async () => {
    expect(await settings.readSettings()).toEqual({ enabled: true, disabledSites: [], hiddenCategories: [] });
    expect(store.size).toBe(0);
  });

  it('stores only what the user changed, under a versioned key', async () => {
    await settings.enabledSetting.setValue(false);
    expect([...store.keys()]).toEqual(['v1.enabled']);
    await settings.enabledSetting.setValue(true);
    expect(store.size).toBe(0);
  });

  it('falls back to the default when storage holds junk', async () => {
    store.set('v1.enabled', 'yes');
    store.set('v1.hiddenCategories', ['person', '<script>']);
    store.set('v1.disabledSites', 'example.org');
    expect(await settings.readSettings()).toEqual({ enabled: true, disabledSites: [], hiddenCategories: [] });
  });

  it('notifies watchers with the full settings and stops after unsubscribe', async () => {
    const seen: unknown[] = [];
    const off = settings.watchSettings((s) => seen.push(s));
    await settings.disabledSitesSetting.setValue(['example.org']);
    await vi.waitFor(() => expect(seen.length).toBe(1));
    expect(seen[0]).toEqual({ enabled: true, disabledSites: ['example.org'], hiddenCategories: [] });
    off();
    await settings.enabledSetting.setValue(false);
    await new Promise((r) => setTimeout(r, 10));
    expect(seen.length).toBe(1);
  });

  it('isActiveFor combines the global and the per-site switch', () => {
    const base = { enabled: true, disabledSites: ['a.example'], hiddenCategories: [] };
    expect(settings.isActiveFor(base, 'b.example')).toBe(true);
    expect(settings.isActiveFor(base, 'a.example')).toBe(false);
    expect(settings.isActiveFor({ ...base, enabled: false }, 'b.example')).toBe(false);
  });
});
