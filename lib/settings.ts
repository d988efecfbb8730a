// User settings. Defaults live here in code; storage holds only what the user changed, one
// storage item per value, each declared with its valibot schema below:
//   v1.enabled                    false (the global switch is off; absent = on)
//   v2.disabledSite:<hostname>    true  (highlighting is off on that site)
//   v2.hiddenCategory:<category>  true  (that category is not highlighted)
// Where: browser.storage.sync, so the settings follow the user to their other browsers (the
// library, in IndexedDB, does not). What sync cannot take (unavailable: Firefox with sync switched
// off; a quota: 512 items, 100 kB, Chrome's 120 writes a minute) is written to browser.storage.local
// under the same key instead, and the settings are the union of both areas: a flag set in either
// counts, and turning it back off removes it from both. Nothing is lost and no write reads first;
// the options page says how many settings are kept on this device only. Overflowing to local
// rather than capping the lists: a cap would refuse a site the user wants off for a limit of the
// sync service, and the local fallback is needed anyway for sync that is down. The background
// moves local entries to sync when they fit (lib/settings-migration.ts).
// A list is one key per entry, so adding or removing an entry writes that key alone: two pages
// changing settings at once never read-modify-write a shared list, and neither undoes the other
// (v1 kept each list as one array, and two options tabs lost an update 8 times in 10).
// Every item is validated on read, entry by entry: a bad entry is dropped (and logged once per
// page load), the others are kept.
// The key's version is the shape's. v1 kept each list as one array in storage.local
// (`v1.disabledSites`, `v1.hiddenCategories`); the background moves such an array to v2 keys, and
// while one is stored it is the whole list, as it was in v1: readers see the same settings before
// and after the move, so nothing flickers or is lost.
// Written over browser.storage directly (not @wxt-dev/storage) to keep the content script, which
// runs in every tab, small: it reads the settings once (`readSettings`: one get of each area, in
// parallel; both hold only settings) and again only when one changes.
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { HOSTNAME_MAX, cutSafe } from './core/limits.ts';
import { CATEGORIES, type Category } from './core/types.ts';

/** A hostname as `location.hostname` gives it: ASCII (IDNA), an IPv4 or a bracketed IPv6 address. */
const HostnameSchema = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(HOSTNAME_MAX),
  v.regex(/^[A-Za-z0-9._:[\]-]+$/),
);
export type Hostname = v.InferOutput<typeof HostnameSchema>;
const CategorySchema = v.picklist(CATEGORIES);
const EnabledSchema = v.boolean();

/** One stored value: its key and schema, and the default that absence means. */
interface ValueItem<T> {
  key: string;
  schema: v.GenericSchema<unknown, T>;
  fallback: T;
}
/** A set stored one key per member (`<prefix><member>` → true); v1 stored it as an array. */
interface SetItem<T extends string> {
  prefix: string;
  member: v.GenericSchema<unknown, T>;
  legacyKey: string;
}
const MemberFlag = v.literal(true);

const ENABLED: ValueItem<v.InferOutput<typeof EnabledSchema>> = {
  key: 'v1.enabled',
  schema: EnabledSchema,
  fallback: true,
};
const DISABLED_SITES: SetItem<Hostname> = {
  prefix: 'v2.disabledSite:',
  member: HostnameSchema,
  legacyKey: 'v1.disabledSites',
};
const HIDDEN_CATEGORIES: SetItem<v.InferOutput<typeof CategorySchema>> = {
  prefix: 'v2.hiddenCategory:',
  member: CategorySchema,
  legacyKey: 'v1.hiddenCategories',
};
/** The sets, each with its v1 array's key (the migration's view of them). */
export const SETS = [DISABLED_SITES, HIDDEN_CATEGORIES] as const;

export interface LensSettings {
  /** Highlighting on/off for every site. */
  enabled: boolean;
  /** Hostnames where the user turned highlighting off, sorted. */
  disabledSites: Hostname[];
  /** Categories the user hid, in CATEGORIES order. Empty = all categories shown. */
  hiddenCategories: Category[];
}

/** The storage key of a disabled site / a hidden category (for tests and migrations). */
export const settingKeys = {
  enabled: ENABLED.key,
  disabledSite: (hostname: string) => DISABLED_SITES.prefix + hostname,
  hiddenCategory: (category: string) => HIDDEN_CATEGORIES.prefix + category,
};

// ---------------------------------------------------------------------------------------------
// Reading

/** Invalid entries already logged in this page (each is logged once per load, not per read). */
const warned = new Set<string>();
const WARN_MAX = 20;

function dropInvalid(where: string, issues: readonly v.BaseIssue<unknown>[] | undefined): void {
  const at = cutSafe(where, 100);
  if (warned.has(at) || warned.size > WARN_MAX) return;
  warned.add(at);
  if (warned.size > WARN_MAX) {
    console.warn('[policy-lens] more invalid stored settings were ignored (not logged)');
    return;
  }
  const why = cutSafe(issues?.[0]?.message ?? 'invalid', 200);
  console.warn(`[policy-lens] ignored an invalid stored setting: ${at} (${why})`);
}

/** The area's value, or `undefined` when it does not set it validly (absent or dropped). */
function readValue<T>(item: ValueItem<T>, items: Record<string, unknown>): T | undefined {
  if (!Object.hasOwn(items, item.key)) return undefined;
  const r = v.safeParse(item.schema, items[item.key]);
  if (r.success) return r.output;
  dropInvalid(item.key, r.issues);
  return undefined;
}

/** The valid members of a v1 array, each entry checked on its own. */
export function legacyMembers(item: SetItem<string>, raw: unknown): string[] {
  if (!Array.isArray(raw)) {
    dropInvalid(item.legacyKey, v.safeParse(v.array(v.unknown()), raw).issues);
    return [];
  }
  const out: string[] = [];
  raw.forEach((entry: unknown, i) => {
    const m = v.safeParse(item.member, entry);
    if (m.success) out.push(m.output);
    else dropInvalid(`${item.legacyKey}[${i}]`, m.issues);
  });
  return out;
}

/** The valid members one area holds as v2 keys. */
function keyMembers<T extends string>(item: SetItem<T>, items: Record<string, unknown>): T[] {
  const out: T[] = [];
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(item.prefix)) continue;
    const member = v.safeParse(item.member, key.slice(item.prefix.length));
    const flag = v.safeParse(MemberFlag, value);
    if (member.success && flag.success) out.push(member.output);
    else dropInvalid(key, member.issues ?? flag.issues);
  }
  return out;
}

function readSet<T extends string>(item: SetItem<T>, areas: readonly Record<string, unknown>[]): Set<T> {
  // A v1 array not yet migrated is the whole list (the migration replaces the v2 keys with it).
  const legacy = areas.filter((items) => Object.hasOwn(items, item.legacyKey));
  if (legacy.length > 0)
    return new Set(legacy.flatMap((items) => legacyMembers(item, items[item.legacyKey]) as T[]));
  return new Set(areas.flatMap((items) => keyMembers(item, items)));
}

/**
 * Pure: the settings that storage areas' items (all of them, or any subset) say together: a value
 * changed in any area counts, a list is the union of the areas' entries.
 */
export function parseSettings(...areas: Record<string, unknown>[]): LensSettings {
  const hidden = readSet(HIDDEN_CATEGORIES, areas);
  const changed = areas
    .map((items) => readValue(ENABLED, items))
    .find((e) => e !== undefined && e !== ENABLED.fallback);
  return {
    enabled: changed ?? ENABLED.fallback,
    disabledSites: [...readSet(DISABLED_SITES, areas)].sort(),
    hiddenCategories: CATEGORIES.filter((c) => hidden.has(c)),
  };
}

/** The valid v2 entries (and `v1.enabled`) of one area, as stored: what the migration may move. */
export function validEntries(items: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const enabled = readValue(ENABLED, items);
  if (enabled !== undefined && enabled !== ENABLED.fallback) out[ENABLED.key] = enabled;
  for (const s of SETS) for (const m of keyMembers<string>(s, items)) out[s.prefix + m] = true;
  return out;
}

/** The stored form of some settings: what writing them from scratch would store. */
export function settingsItems(s: LensSettings): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (s.enabled !== ENABLED.fallback) out[ENABLED.key] = s.enabled;
  for (const h of s.disabledSites) out[DISABLED_SITES.prefix + h] = true;
  for (const c of s.hiddenCategories) out[HIDDEN_CATEGORIES.prefix + c] = true;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Storage areas

/** The subset of a browser.storage area used here. */
export interface StorageArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** The areas; `sync` is undefined where the browser has none (it may also exist and throw). */
export function storageAreas(): { local: StorageArea; sync: StorageArea | undefined } {
  const s = browser.storage as unknown as { local: StorageArea; sync?: StorageArea };
  return { local: s.local, sync: s.sync };
}

let syncDownLogged = false;
/** Sync could not be read: the settings come from local alone (logged once per page load). */
function syncUnreadable(e: unknown): undefined {
  if (!syncDownLogged) console.debug('[policy-lens] storage.sync unavailable; settings from this device', e);
  syncDownLogged = true;
  return undefined;
}

/** Both areas' items; `sync` undefined when it cannot be read. Local failing fails the read. */
async function readAreas(): Promise<{
  sync: Record<string, unknown> | undefined;
  local: Record<string, unknown>;
}> {
  const { local, sync } = storageAreas();
  // Every key: the per-entry keys cannot be named in advance. Both areas hold nothing but settings.
  const [s, l] = await Promise.all([
    sync ? sync.get(null).catch(syncUnreadable) : Promise.resolve(undefined),
    local.get(null),
  ]);
  return { sync: s, local: l };
}

export async function readSettings(): Promise<LensSettings> {
  const { sync, local } = await readAreas();
  return parseSettings(sync ?? {}, local);
}

/** The settings and where they are kept, for the pages that tell the user. */
export interface SettingsState {
  settings: LensSettings;
  /** storage.sync could be read. */
  syncAvailable: boolean;
  /** Settings (values or list entries) kept in this browser only: sync refused them or is down. */
  localOnly: number;
}

/** Where the settings are kept, for a notice: all in browser sync, or some in this browser only. */
export type SettingsPlace = Omit<SettingsState, 'settings'>;

export async function readSettingsState(): Promise<SettingsState> {
  const { sync, local } = await readAreas();
  const synced = sync ? validEntries(sync) : {};
  return {
    settings: parseSettings(sync ?? {}, local),
    syncAvailable: sync !== undefined,
    localOnly: Object.keys(validEntries(local)).filter((k) => !Object.hasOwn(synced, k)).length,
  };
}

/** A key this module reads: a value, a set entry or a v1 array. */
export function isSettingsKey(key: string): boolean {
  return key === ENABLED.key || SETS.some((s) => key.startsWith(s.prefix) || key === s.legacyKey);
}

function watch<T>(read: () => Promise<T>, cb: (s: T) => void): () => void {
  let latest = 0;
  const listener = (changes: Record<string, unknown>, area: string) => {
    if ((area !== 'local' && area !== 'sync') || !Object.keys(changes).some(isSettingsKey)) return;
    const mine = ++latest;
    // Only the newest read is delivered: a burst of changes never ends on an older state.
    read().then(
      (s) => mine === latest && cb(s),
      (e: unknown) => console.debug('[policy-lens] settings unavailable', e),
    );
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Calls `cb` with the full settings whenever any setting changes; returns the unsubscribe function. */
export function watchSettings(cb: (s: LensSettings) => void): () => void {
  return watch(readSettings, cb);
}

/** As watchSettings, with where the settings are kept. */
export function watchSettingsState(cb: (s: SettingsState) => void): () => void {
  return watch(readSettingsState, cb);
}

/** Is highlighting active for this hostname? Pure, shared by popup and content script. */
export function isActiveFor(s: LensSettings, hostname: string): boolean {
  return s.enabled && !s.disabledSites.includes(hostname);
}

// ---------------------------------------------------------------------------------------------
// Writing: each change writes (or removes) exactly its key; nothing is read first.

/** Writes to sync; what sync refuses (down, a quota) goes to local, where readers find it too. */
async function put(items: Record<string, unknown>): Promise<void> {
  const { local, sync } = storageAreas();
  if (sync) {
    try {
      await sync.set(items);
      return;
    } catch (e) {
      console.warn(
        `[policy-lens] browser sync refused a setting, kept in this browser: ${cutSafe(String(e), 200)}`,
      );
    }
  }
  await local.set(items);
}

/**
 * Removes keys from both areas. A key sync fails to remove still counts where sync can be read:
 * then the change did not happen and the caller hears so.
 */
async function drop(keys: string[]): Promise<void> {
  const { local, sync } = storageAreas();
  const [s, l] = await Promise.allSettled([sync?.remove(keys), local.remove(keys)]);
  if (l.status === 'rejected') throw l.reason;
  if (s.status === 'rejected' && sync) {
    const left = await sync.get(keys).catch(() => ({}));
    if (Object.keys(left).length > 0) throw s.reason;
  }
}

export async function setEnabled(on: boolean): Promise<void> {
  if (on === ENABLED.fallback) await drop([ENABLED.key]);
  else await put({ [ENABLED.key]: on });
}

/** Adds or removes one member. Rejects (ValiError) when `member` is not a valid one. */
async function setMember<T extends string>(
  item: SetItem<T>,
  member: string,
  present: boolean,
): Promise<void> {
  const key = item.prefix + v.parse(item.member, member);
  if (present) await put({ [key]: true });
  else await drop([key]);
}

/** Turns highlighting on or off for one hostname. */
export function setSiteEnabled(hostname: string, on: boolean): Promise<void> {
  return setMember(DISABLED_SITES, hostname, !on);
}

/** Shows or hides one category. */
export function setCategoryShown(category: Category, shown: boolean): Promise<void> {
  return setMember(HIDDEN_CATEGORIES, category, !shown);
}

// ---------------------------------------------------------------------------------------------
// Backups (lib/background/library): the settings part of "Export library" and its restore.

/** The settings in their stored form, whichever area holds them (invalid entries left out). */
export async function storedSettingsItems(): Promise<Record<string, unknown>> {
  return settingsItems(await readSettings());
}

/**
 * Restores a backup's settings (validated entry by entry). `replace`: the backup's lists become
 * the lists; otherwise its entries are added to the user's. The global switch is the backup's
 * either way. One removal and one write for the lot: a restore of hundreds of sites stays within
 * sync's write-rate limits, and what does not fit in sync is kept in this browser.
 */
export async function restoreSettings(items: Record<string, unknown>, replace: boolean): Promise<void> {
  const want = settingsItems(parseSettings(items));
  const stale = replace ? Object.keys(settingsItems(await readSettings())) : [];
  if (!Object.hasOwn(want, ENABLED.key)) stale.push(ENABLED.key);
  const remove = [...new Set(stale)].filter((k) => !Object.hasOwn(want, k));
  if (remove.length > 0) await drop(remove);
  if (Object.keys(want).length > 0) await put(want);
}
