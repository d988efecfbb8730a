import { type MockInstance, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// browser.storage with the browser's asynchrony (lib/storage.testing.ts).
const storage = await vi.hoisted(async () => (await import('./storage.testing.ts')).fakeStorage());
vi.mock('wxt/browser', () => ({ browser: { storage: storage.api } }));

const settings = await import('./settings.ts');
const { settingKeys: keys } = settings;

const DEFAULTS = { enabled: true, disabledSites: [], hiddenCategories: [] };
let warn: MockInstance<typeof console.warn>;
const warnings = () => warn.mock.calls.map((c) => String(c[0]));

beforeEach(() => {
  storage.reset();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe('settings', () => {
  it('returns defaults from code when nothing is stored', async () => {
    expect(await settings.readSettings()).toEqual(DEFAULTS);
    expect(storage.dump()).toEqual({});
  });

  it('stores only what the user changed, one versioned key per value or list entry, in sync', async () => {
    await settings.setEnabled(false);
    await settings.setSiteEnabled('a.example', false);
    await settings.setCategoryShown('person', false);
    expect(storage.dump()).toEqual({});
    expect(storage.sync.dump()).toEqual({
      'v1.enabled': false,
      'v2.disabledSite:a.example': true,
      'v2.hiddenCategory:person': true,
    });
    expect(await settings.readSettings()).toEqual({
      enabled: false,
      disabledSites: ['a.example'],
      hiddenCategories: ['person'],
    });
    await settings.setEnabled(true);
    await settings.setSiteEnabled('a.example', true);
    await settings.setCategoryShown('person', true);
    expect(storage.sync.dump()).toEqual({});
  });

  it('lists sites sorted and categories in the table order', async () => {
    for (const h of ['c.example', 'a.example', 'b.example']) await settings.setSiteEnabled(h, false);
    for (const c of ['place', 'formulation'] as const) await settings.setCategoryShown(c, false);
    expect(await settings.readSettings()).toEqual({
      enabled: true,
      disabledSites: ['a.example', 'b.example', 'c.example'],
      hiddenCategories: ['formulation', 'place'],
    });
  });
});

describe('settings: per-entry validation', () => {
  describe('validates each entry on its own: bad ones are dropped and logged, good ones kept', () => {
    it('per-entry keys: unknown category, over-long or odd host, wrong value types', async () => {
      const long = 'x'.repeat(254);
      storage.reset({
        'v1.enabled': 'yes',
        [keys.hiddenCategory('person')]: true,
        [keys.hiddenCategory('secret-category')]: true,
        [keys.hiddenCategory('place')]: 'true',
        [keys.hiddenCategory('event')]: true,
        [keys.disabledSite('a.example')]: true,
        [keys.disabledSite(long)]: true,
        [keys.disabledSite('<img src=x>')]: true,
        [keys.disabledSite('')]: true,
        [keys.disabledSite('b.example')]: 1,
        [keys.disabledSite('c.example')]: false,
        [keys.disabledSite('[::1]')]: true,
        [keys.disabledSite('d.example')]: true,
        'someone-else': { x: 1 },
      });
      expect(await settings.readSettings()).toEqual({
        enabled: true,
        disabledSites: ['[::1]', 'a.example', 'd.example'],
        hiddenCategories: ['person', 'event'],
      });
      const w = warnings();
      for (const key of [
        'v1.enabled',
        keys.hiddenCategory('secret-category'),
        keys.hiddenCategory('place'),
        keys.disabledSite('<img src=x>'),
        keys.disabledSite(''),
        keys.disabledSite('b.example'),
        keys.disabledSite('c.example'),
      ])
        expect(w.some((m) => m.includes(`: ${key} (`))).toBe(true);
      expect(w.some((m) => m.includes(keys.disabledSite('x'.repeat(40))))).toBe(true); // named, cut short
      expect(w).toHaveLength(8);
      expect(w.join('\n')).not.toContain('a.example');
      // Once per page load: reading again logs nothing new.
      await settings.readSettings();
      expect(warnings()).toHaveLength(8);
    });

    it('v1 arrays: each entry checked on its own, the index named', async () => {
      storage.reset({
        'v1.hiddenCategories': ['person', '<script>', 5, 'place'],
        'v1.disabledSites': ['a.example', 'y'.repeat(300), null, 'b.example'],
      });
      expect(await settings.readSettings()).toEqual({
        enabled: true,
        disabledSites: ['a.example', 'b.example'],
        hiddenCategories: ['person', 'place'],
      });
      const w = warnings();
      for (const where of [
        'v1.hiddenCategories[1]',
        'v1.hiddenCategories[2]',
        'v1.disabledSites[1]',
        'v1.disabledSites[2]',
      ])
        expect(w.some((m) => m.includes(`: ${where} (`))).toBe(true);
      expect(w).toHaveLength(4);
    });

    it('a v1 value of the wrong type falls back to the default, named by its key', async () => {
      storage.reset({ 'v1.disabledSites': 'example.org', 'v1.hiddenCategories': { person: true } });
      expect(await settings.readSettings()).toEqual(DEFAULTS);
      expect(warnings().filter((m) => /: v1\.(disabledSites|hiddenCategories) \(/.test(m))).toHaveLength(2);
    });

    it('a change after a bad entry keeps the user’s other choices (no fallback saved over them)', async () => {
      storage.reset({
        [keys.disabledSite('kept.example')]: true,
        [keys.disabledSite('z'.repeat(400))]: true,
        [keys.hiddenCategory('unknown')]: true,
        [keys.hiddenCategory('person')]: true,
      });
      await settings.setSiteEnabled('new.example', false);
      await settings.setCategoryShown('place', false);
      expect(await settings.readSettings()).toEqual({
        enabled: true,
        disabledSites: ['kept.example', 'new.example'],
        hiddenCategories: ['person', 'place'],
      });
    });
  });
});

describe('settings: writes and watchers', () => {
  it('refuses to store an invalid entry (the caller gets the error, storage is unchanged)', async () => {
    await expect(settings.setSiteEnabled('<b>bold</b>', false)).rejects.toThrow();
    await expect(settings.setSiteEnabled('h'.repeat(254), false)).rejects.toThrow();
    await expect(settings.setCategoryShown('nope' as never, false)).rejects.toThrow();
    expect(storage.dump()).toEqual({});
    expect(storage.sync.dump()).toEqual({});
  });

  it('two writers interleaving on one storage area: both changes survive', async () => {
    await settings.setSiteEnabled('a.example', false);
    await settings.setSiteEnabled('b.example', false);
    await Promise.all([
      settings.setSiteEnabled('a.example', true),
      settings.setSiteEnabled('c.example', false),
      settings.setCategoryShown('person', false),
      settings.setCategoryShown('place', false),
    ]);
    expect(await settings.readSettings()).toEqual({
      enabled: true,
      disabledSites: ['b.example', 'c.example'],
      hiddenCategories: ['person', 'place'],
    });
  });

  it('notifies watchers with the full settings and stops after unsubscribe', async () => {
    const seen: unknown[] = [];
    const off = settings.watchSettings((s) => seen.push(s));
    await settings.setSiteEnabled('example.org', false);
    await vi.waitFor(() => expect(seen.length).toBe(1));
    expect(seen[0]).toEqual({ enabled: true, disabledSites: ['example.org'], hiddenCategories: [] });
    off();
    await settings.setEnabled(false);
    await new Promise((r) => setTimeout(r, 20));
    expect(seen.length).toBe(1);
  });

  it('watchers ignore keys that are not settings', async () => {
    const seen: unknown[] = [];
    const off = settings.watchSettings((s) => seen.push(s));
    await storage.api.local.set({ 'other.thing': 1 });
    await storage.api.sync.set({ 'other.thing': 1 });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([]);
    off();
  });

  it('isActiveFor combines the global and the per-site switch', () => {
    const base = { enabled: true, disabledSites: ['a.example'], hiddenCategories: [] };
    expect(settings.isActiveFor(base, 'b.example')).toBe(true);
    expect(settings.isActiveFor(base, 'a.example')).toBe(false);
    expect(settings.isActiveFor({ ...base, enabled: false }, 'b.example')).toBe(false);
  });
});
