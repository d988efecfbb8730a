// User settings. Defaults live here in code; browser.storage.local holds only what the user
// changed, one storage item per value, each declared with its valibot schema below:
//   v1.enabled                    false (the global switch is off; absent = on)
//   v2.disabledSite:<hostname>    true  (highlighting is off on that site)
//   v2.hiddenCategory:<category>  true  (that category is not highlighted)
// A list is one key per entry, so adding or removing an entry writes that key alone: two pages
// changing settings at once never read-modify-write a shared list, and neither undoes the other
// (v1 kept each list as one array, and two options tabs lost an update 8 times in 10).
// Every item is validated on read, entry by entry: a bad entry is dropped (and logged once per
// page load), the others are kept.
// The key's version is the shape's. v1 kept each list as one array (`v1.disabledSites`,
// `v1.hiddenCategories`); the background moves such an array to v2 keys (`startSettingsMigration`:
// at startup and whenever one is written), and while one is stored it is the whole list, as it was
// in v1: readers see the same settings before and after the move, so nothing flickers or is lost.
// Written over browser.storage.local directly (not @wxt-dev/storage) to keep the content script,
// which runs in every tab, small.
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
const SETS = [DISABLED_SITES, HIDDEN_CATEGORIES] as const;

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

function readValue<T>(item: ValueItem<T>, items: Record<string, unknown>): T {
  if (!Object.hasOwn(items, item.key)) return item.fallback;
  const r = v.safeParse(item.schema, items[item.key]);
  if (r.success) return r.output;
  dropInvalid(item.key, r.issues);
  return item.fallback;
}

/** The valid members of a v1 array, each entry checked on its own. */
function legacyMembers<T extends string>(item: SetItem<T>, raw: unknown): T[] {
  if (!Array.isArray(raw)) {
    dropInvalid(item.legacyKey, v.safeParse(v.array(v.unknown()), raw).issues);
    return [];
  }
  const out: T[] = [];
  raw.forEach((entry: unknown, i) => {
    const m = v.safeParse(item.member, entry);
    if (m.success) out.push(m.output);
    else dropInvalid(`${item.legacyKey}[${i}]`, m.issues);
  });
  return out;
}

function readSet<T extends string>(item: SetItem<T>, items: Record<string, unknown>): Set<T> {
  // A v1 array not yet migrated is the whole list (the migration replaces the v2 keys with it).
  if (Object.hasOwn(items, item.legacyKey)) return new Set(legacyMembers(item, items[item.legacyKey]));
  const out = new Set<T>();
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(item.prefix)) continue;
    const member = v.safeParse(item.member, key.slice(item.prefix.length));
    const flag = v.safeParse(MemberFlag, value);
    if (member.success && flag.success) out.add(member.output);
    else dropInvalid(key, member.issues ?? flag.issues);
  }
  return out;
}

/** Pure: the settings that a storage area's items (all of them, or any subset) say. */
export function parseSettings(items: Record<string, unknown>): LensSettings {
  const hidden = readSet(HIDDEN_CATEGORIES, items);
  return {
    enabled: readValue(ENABLED, items),
    disabledSites: [...readSet(DISABLED_SITES, items)].sort(),
    hiddenCategories: CATEGORIES.filter((c) => hidden.has(c)),
  };
}

export async function readSettings(): Promise<LensSettings> {
  // Every key: the per-entry keys cannot be named in advance. Storage holds nothing but settings.
  return parseSettings(await browser.storage.local.get(null));
}

function isSettingsKey(key: string): boolean {
  return key === ENABLED.key || SETS.some((s) => key.startsWith(s.prefix) || key === s.legacyKey);
}

/** Calls `cb` with the full settings whenever any setting changes; returns the unsubscribe function. */
export function watchSettings(cb: (s: LensSettings) => void): () => void {
  let latest = 0;
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !Object.keys(changes).some(isSettingsKey)) return;
    const mine = ++latest;
    // Only the newest read is delivered: a burst of changes never ends on an older state.
    readSettings().then(
      (s) => mine === latest && cb(s),
      (e: unknown) => console.debug('[policy-lens] settings unavailable', e),
    );
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Is highlighting active for this hostname? Pure, shared by popup and content script. */
export function isActiveFor(s: LensSettings, hostname: string): boolean {
  return s.enabled && !s.disabledSites.includes(hostname);
}

// ---------------------------------------------------------------------------------------------
// Writing: each change writes (or removes) exactly one key; nothing is read first.

export async function setEnabled(on: boolean): Promise<void> {
  if (on === ENABLED.fallback) await browser.storage.local.remove(ENABLED.key);
  else await browser.storage.local.set({ [ENABLED.key]: on });
}

/** Adds or removes one member. Rejects (ValiError) when `member` is not a valid one. */
async function setMember<T extends string>(
  item: SetItem<T>,
  member: string,
  present: boolean,
): Promise<void> {
  const key = item.prefix + v.parse(item.member, member);
  if (present) await browser.storage.local.set({ [key]: true });
  else await browser.storage.local.remove(key);
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
// Migration

/**
 * Moves v1's arrays to v2's per-entry keys. A v1 array is the whole list (as readers see it): its
 * valid entries become keys (invalid ones are logged and dropped), the set's other keys go, then
 * the array goes. Idempotent, and safe to interrupt: the array is removed last.
 */
export async function migrateSettings(): Promise<void> {
  const all = await browser.storage.local.get(null);
  const present = SETS.filter((s) => Object.hasOwn(all, s.legacyKey));
  if (present.length === 0) return;
  const add: Record<string, true> = {};
  const drop: string[] = [];
  for (const s of present) {
    const want = new Set(legacyMembers<string>(s, all[s.legacyKey]).map((m) => s.prefix + m));
    for (const key of want) add[key] = true;
    for (const key of Object.keys(all)) if (key.startsWith(s.prefix) && !want.has(key)) drop.push(key);
  }
  if (Object.keys(add).length > 0) await browser.storage.local.set(add);
  await browser.storage.local.remove([...drop, ...present.map((s) => s.legacyKey)]);
}

/**
 * Runs the migration now and whenever a v1 array is written (by an older copy of the extension's
 * data being restored, or a test), one run at a time. Only the background calls this, so no two
 * contexts migrate at once. Returns the unsubscribe function.
 */
export function startSettingsMigration(): () => void {
  let chain = Promise.resolve();
  const run = () => {
    chain = chain
      .then(migrateSettings)
      .catch((e: unknown) => console.warn('[policy-lens] settings migration failed', e));
  };
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETS.some((s) => changes[s.legacyKey]?.newValue !== undefined)) run();
  };
  browser.storage.onChanged.addListener(listener);
  run();
  return () => browser.storage.onChanged.removeListener(listener);
}
