import { type MockInstance, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SYNC_MAX_ITEMS, SYNC_QUOTA_BYTES } from './core/limits.ts';

// Settings in browser.storage.sync with storage.local as the fallback, and the background's
// migration between them: a fake of both areas with sync's quotas, its write-rate limit and an
// unavailable sync emulated (lib/storage.testing.ts).
const storage = await vi.hoisted(async () => (await import('./storage.testing.ts')).fakeStorage());
vi.mock('wxt/browser', () => ({ browser: { storage: storage.api } }));

const settings = await import('./settings.ts');
const migration = await import('./settings-migration.ts');
const { syncItemBytes } = await import('./storage.testing.ts');
const { settingKeys: keys } = settings;

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  storage.reset();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'debug').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

const sites = (n: number, len = 12) =>
  Array.from(
    { length: n },
    (_, i) => `${String(i).padStart(4, '0')}.${'s'.repeat(Math.max(1, len - 13))}.example`,
  );
const keysOf = (o: Record<string, unknown>) => Object.keys(o).sort();

describe('settings in sync, local as the fallback', () => {
  it('reads the union of both areas; turning an entry off removes it from both', async () => {
    storage.reset({ [keys.disabledSite('local.example')]: true, [keys.hiddenCategory('person')]: true });
    storage.sync.reset({
      [keys.disabledSite('sync.example')]: true,
      [keys.disabledSite('local.example')]: true,
    });
    expect(await settings.readSettings()).toEqual({
      enabled: true,
      disabledSites: ['local.example', 'sync.example'],
      hiddenCategories: ['person'],
    });
    await settings.setSiteEnabled('local.example', true);
    await settings.setCategoryShown('person', true);
    expect(storage.dump()).toEqual({});
    expect(storage.sync.dump()).toEqual({ [keys.disabledSite('sync.example')]: true });
  });

  it('the global switch is off when either area says so, and on again from both', async () => {
    storage.reset({ [keys.enabled]: false });
    expect((await settings.readSettings()).enabled).toBe(false);
    storage.reset({});
    storage.sync.reset({ [keys.enabled]: false });
    expect((await settings.readSettings()).enabled).toBe(false);
    storage.reset({ [keys.enabled]: false });
    storage.sync.reset({ [keys.enabled]: false });
    await settings.setEnabled(true);
    expect((await settings.readSettings()).enabled).toBe(true);
    expect({ ...storage.dump(), ...storage.sync.dump() }).toEqual({});
  });

  it('sync unavailable: every change is kept in local, read back, and the state says so', async () => {
    storage.faults.syncDown = true;
    await settings.setEnabled(false);
    await settings.setSiteEnabled('a.example', false);
    await settings.setCategoryShown('place', false);
    const want = { enabled: false, disabledSites: ['a.example'], hiddenCategories: ['place'] };
    expect(await settings.readSettings()).toEqual(want);
    expect(storage.dump()).toEqual({
      [keys.enabled]: false,
      [keys.disabledSite('a.example')]: true,
      [keys.hiddenCategory('place')]: true,
    });
    expect(await settings.readSettingsState()).toEqual({
      settings: want,
      syncAvailable: false,
      localOnly: 3,
    });
    // Turning back off works too (sync cannot be read, so it holds nothing readers see).
    await settings.setSiteEnabled('a.example', true);
    expect((await settings.readSettings()).disabledSites).toEqual([]);
  });

  it('no storage.sync at all (an API without it): local alone', async () => {
    const sync = storage.api.sync;
    delete (storage.api as { sync?: unknown }).sync;
    try {
      await settings.setSiteEnabled('a.example', false);
      expect(storage.dump()).toEqual({ [keys.disabledSite('a.example')]: true });
      expect((await settings.readSettingsState()).syncAvailable).toBe(false);
    } finally {
      storage.api.sync = sync;
    }
  });

  it('more sites than sync holds (512 items): the rest are kept in local, none is lost', async () => {
    const all = sites(600);
    for (const h of all) await settings.setSiteEnabled(h, false);
    expect(Object.keys(storage.sync.dump())).toHaveLength(SYNC_MAX_ITEMS);
    expect(Object.keys(storage.dump())).toHaveLength(600 - SYNC_MAX_ITEMS);
    const state = await settings.readSettingsState();
    expect(state.settings.disabledSites).toEqual(all);
    expect(state).toMatchObject({ syncAvailable: true, localOnly: 600 - SYNC_MAX_ITEMS });
    expect(warn.mock.calls.some((c) => String(c[0]).includes('MAX_ITEMS'))).toBe(true);
  });

  it('long hostnames fill sync’s 100 kB before 512 items: the rest are kept in local', async () => {
    const all = sites(450, 250);
    for (const h of all) await settings.setSiteEnabled(h, false);
    const synced = storage.sync.dump();
    const bytes = Object.entries(synced).reduce((n, [k, v]) => n + syncItemBytes(k, v), 0);
    expect(bytes).toBeLessThanOrEqual(SYNC_QUOTA_BYTES);
    expect(Object.keys(synced).length).toBeLessThan(SYNC_MAX_ITEMS);
    expect(Object.keys(synced).length + Object.keys(storage.dump()).length).toBe(450);
    expect((await settings.readSettings()).disabledSites).toEqual(all);
  });

  it('write-rate limit: a change sync refuses is kept in local; a removal it refuses is reported', async () => {
    await settings.setSiteEnabled('a.example', false);
    storage.faults.syncWritesLeft = 0;
    await settings.setSiteEnabled('b.example', false);
    expect(storage.dump()).toEqual({ [keys.disabledSite('b.example')]: true });
    // b is only in local: turning it back on needs no sync write.
    await settings.setSiteEnabled('b.example', true);
    // a is in sync, which refuses the removal: the caller hears it, the setting is as it was.
    await expect(settings.setSiteEnabled('a.example', true)).rejects.toThrow(/MAX_WRITE/);
    expect((await settings.readSettings()).disabledSites).toEqual(['a.example']);
  });

  it('watchers hear changes of either area', async () => {
    const seen: string[][] = [];
    const off = settings.watchSettings((s) => seen.push(s.disabledSites));
    await storage.api.sync.set({ [keys.disabledSite('s.example')]: true });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['s.example']));
    await storage.api.local.set({ [keys.disabledSite('l.example')]: true });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['l.example', 's.example']));
    off();
  });
});

describe('backup restore (the library backup’s settings part)', () => {
  it('round-trips: what is read is restored exactly, in one sync write for hundreds of sites', async () => {
    const all = sites(300);
    storage.sync.reset(
      Object.fromEntries([[keys.enabled, false], ...all.map((h) => [keys.disabledSite(h), true])]),
    );
    storage.reset({ [keys.hiddenCategory('person')]: true });
    const storage0 = storage.sync.dump();
    const backup = await settings.storedSettingsItems();
    const before = await settings.readSettings();
    storage.reset(); // a fresh profile
    storage.faults.syncWritesLeft = 2;
    await settings.restoreSettings(backup, true);
    expect(await settings.readSettings()).toEqual(before);
    expect(storage.faults.syncWritesLeft).toBeGreaterThanOrEqual(0);
    expect(storage.dump()).toEqual({});
    expect(keysOf(storage.sync.dump())).toEqual(
      keysOf({ ...storage0, [keys.hiddenCategory('person')]: true }),
    );
  });

  it('replace drops the user’s other entries; merge keeps them', async () => {
    storage.sync.reset({ [keys.disabledSite('mine.example')]: true, [keys.enabled]: false });
    await settings.restoreSettings({ [keys.disabledSite('theirs.example')]: true, junk: 1 }, false);
    expect(await settings.readSettings()).toEqual({
      enabled: true,
      disabledSites: ['mine.example', 'theirs.example'],
      hiddenCategories: [],
    });
    await settings.restoreSettings({ [keys.disabledSite('theirs.example')]: true }, true);
    expect((await settings.readSettings()).disabledSites).toEqual(['theirs.example']);
  });
});

describe('migration to sync (background)', () => {
  const OLD = {
    'v1.enabled': false,
    'v1.disabledSites': ['b.example', 'a.example', 'w'.repeat(300)],
    'v1.hiddenCategories': ['person', 'bogus', 'ideology'],
  };
  const SAME = {
    enabled: false,
    disabledSites: ['a.example', 'b.example'],
    hiddenCategories: ['person', 'ideology'],
  };
  const MOVED = {
    'v1.enabled': false,
    'v2.disabledSite:a.example': true,
    'v2.disabledSite:b.example': true,
    'v2.hiddenCategory:person': true,
    'v2.hiddenCategory:ideology': true,
  };

  it('v1 arrays in local: every valid entry gets its own key in sync; nothing users see changes', async () => {
    storage.reset(OLD);
    expect(await settings.readSettings()).toEqual(SAME);
    await migration.migrateSettings();
    expect(storage.dump()).toEqual({});
    expect(storage.sync.dump()).toEqual(MOVED);
    expect(await settings.readSettings()).toEqual(SAME);
    // Idempotent.
    await migration.migrateSettings();
    expect(storage.sync.dump()).toEqual(MOVED);
    expect(storage.dump()).toEqual({});
  });

  it('v2 keys in local (the previous version) move to sync, entries already there too', async () => {
    storage.reset({ ...MOVED, 'v2.disabledSite:<bad>': true });
    storage.sync.reset({ 'v2.disabledSite:a.example': true, 'v2.disabledSite:z.example': true });
    await migration.migrateSettings();
    expect(storage.sync.dump()).toEqual({ ...MOVED, 'v2.disabledSite:z.example': true });
    // The invalid entry is neither moved nor counted; it stays where it was, ignored.
    expect(storage.dump()).toEqual({ 'v2.disabledSite:<bad>': true });
    expect((await settings.readSettingsState()).localOnly).toBe(0);
  });

  it('finishes an interrupted run (some keys in sync, arrays still in local)', async () => {
    storage.reset({ ...OLD, 'v2.disabledSite:a.example': true, 'v2.disabledSite:gone.example': true });
    storage.sync.reset({ 'v2.disabledSite:b.example': true, 'v2.disabledSite:old.example': true });
    expect(await settings.readSettings()).toEqual(SAME);
    await migration.migrateSettings();
    expect(await settings.readSettings()).toEqual(SAME);
    expect(storage.sync.dump()).toEqual(MOVED);
    expect(storage.dump()).toEqual({});
  });

  it('sync full: what fits moves (switch and categories first), the rest stays in local', async () => {
    const many = sites(SYNC_MAX_ITEMS);
    storage.reset({
      [keys.enabled]: false,
      [keys.hiddenCategory('place')]: true,
      ...Object.fromEntries(many.map((h) => [keys.disabledSite(h), true])),
    });
    await migration.migrateSettings();
    const synced = storage.sync.dump();
    expect(Object.keys(synced)).toHaveLength(SYNC_MAX_ITEMS);
    expect(synced[keys.enabled]).toBe(false);
    expect(synced[keys.hiddenCategory('place')]).toBe(true);
    expect(Object.keys(storage.dump())).toHaveLength(2);
    expect((await settings.readSettings()).disabledSites).toEqual(many);
  });

  it('sync unavailable: v1 arrays become v2 keys in local; they move once sync is back', async () => {
    storage.reset(OLD);
    storage.faults.syncDown = true;
    await migration.migrateSettings();
    expect(storage.dump()).toEqual(MOVED);
    expect(await settings.readSettings()).toEqual(SAME);
    storage.faults.syncDown = false;
    await migration.migrateSettings();
    expect(storage.dump()).toEqual({});
    expect(storage.sync.dump()).toEqual(MOVED);
  });

  it('sync refuses the write: everything stays readable in local', async () => {
    storage.reset(OLD);
    storage.faults.syncWritesLeft = 0;
    await migration.migrateSettings();
    expect(await settings.readSettings()).toEqual(SAME);
    expect(storage.sync.dump()).toEqual({});
  });

  it('an entry a page turns off while it is being moved stays off', async () => {
    storage.reset({ [keys.disabledSite('a.example')]: true, [keys.disabledSite('b.example')]: true });
    // The page's removal is queued right after the run has read local, before it writes sync.
    const run = migration.migrateSettings();
    await new Promise((r) => setTimeout(r, 0));
    const off = settings.setSiteEnabled('a.example', true);
    await Promise.all([run, off]);
    expect((await settings.readSettings()).disabledSites).toEqual(['b.example']);
    expect(storage.sync.dump()).toEqual({ [keys.disabledSite('b.example')]: true });
  });

  it('runs at start, and again when a v1 array or a local entry is written', async () => {
    storage.reset({ [keys.disabledSite('old.example')]: true });
    const stop = migration.startSettingsMigration();
    await vi.waitFor(() => expect(storage.sync.dump()).toEqual({ [keys.disabledSite('old.example')]: true }));
    await storage.api.local.set({ 'v1.hiddenCategories': ['place'] });
    // Readers see the v1 array as the whole list at once…
    expect((await settings.readSettings()).hiddenCategories).toEqual(['place']);
    // …and the background turns it into keys in sync.
    await vi.waitFor(() =>
      expect(storage.sync.dump()).toEqual({
        [keys.disabledSite('old.example')]: true,
        [keys.hiddenCategory('place')]: true,
      }),
    );
    await storage.api.local.set({ [keys.disabledSite('new.example')]: true });
    await vi.waitFor(() => expect(storage.dump()).toEqual({}));
    expect((await settings.readSettings()).disabledSites).toEqual(['new.example', 'old.example']);
    stop();
  });
});

// A v1 array written again while the background moves the previous one (an older version on
// another device, a restore): storage has no compare-and-set, so the run must notice.
describe('migration racing a rewrite of a v1 array', () => {
  it('a v1 array rewritten while the run plans: the run writes the new array’s entries', async () => {
    storage.sync.reset({ 'v1.hiddenCategories': ['person', 'place'] });
    // Another device's write lands right after the run has read sync, before it writes anything.
    let fired = false;
    storage.hooks.onRan = (area, op, arg) => {
      if (fired || area !== 'sync' || op !== 'get' || arg !== null) return;
      fired = true;
      void storage.api.sync.set({ 'v1.hiddenCategories': ['ideology'] });
    };
    await migration.migrateSettings();
    expect(fired).toBe(true);
    expect(storage.sync.dump()).toEqual({ [keys.hiddenCategory('ideology')]: true });
    expect(storage.dump()).toEqual({});
  });

  it('a v1 array written between the check and the removal of the old one is not lost', async () => {
    storage.sync.reset({ 'v1.hiddenCategories': ['person'] });
    let fired = false;
    storage.hooks.onCall = (area, op, arg) => {
      if (fired || area !== 'sync' || op !== 'remove') return;
      if (!(Array.isArray(arg) && arg.includes('v1.hiddenCategories'))) return;
      fired = true;
      void storage.api.sync.set({ 'v1.hiddenCategories': ['place'] });
    };
    const stop = migration.startSettingsMigration();
    try {
      await vi.waitFor(() => expect(storage.sync.dump()).toEqual({ [keys.hiddenCategory('place')]: true }));
      expect(fired).toBe(true);
      expect((await settings.readSettings()).hiddenCategories).toEqual(['place']);
    } finally {
      stop();
    }
  });

  it('two v1 arrays written back to back, at any point of the run: the last one is applied', async () => {
    const tick = () => new Promise((r) => setTimeout(r, 0));
    for (let gap = 0; gap < 40; gap++) {
      storage.reset();
      const stop = migration.startSettingsMigration();
      try {
        await storage.api.sync.set({ 'v1.hiddenCategories': ['person'], 'v1.disabledSites': ['a.example'] });
        for (let i = 0; i < gap; i++) await tick();
        await storage.api.sync.set({ 'v1.hiddenCategories': ['place'], 'v1.disabledSites': [] });
        await vi.waitFor(() =>
          expect({ gap, sync: storage.sync.dump() }).toEqual({
            gap,
            sync: { [keys.hiddenCategory('place')]: true },
          }),
        );
        expect(storage.dump()).toEqual({});
      } finally {
        stop();
      }
    }
  });
});
