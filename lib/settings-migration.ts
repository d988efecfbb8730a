// The background's upkeep of the settings (lib/settings.ts): moves v1's arrays to v2's per-entry
// keys, and settings kept in storage.local (older versions kept them all there; sync refused some)
// to storage.sync as far as its quotas allow. Only the background runs it, one run at a time.
import { browser } from 'wxt/browser';
import { SYNC_MAX_ITEMS, SYNC_QUOTA_BYTES, SYNC_QUOTA_BYTES_PER_ITEM } from './core/limits.ts';
import { SETS, legacyMembers, storageAreas, validEntries, type StorageArea } from './settings.ts';

/** Bytes of one item as the sync quotas count them: key length + the value's JSON. */
export const syncBytes = (key: string, value: unknown): number => key.length + JSON.stringify(value).length;

/** The global switch and the categories before the sites, then in key order: what moves first. */
const rank = (key: string) => (key.startsWith('v2.disabledSite:') ? 1 : 0);

/** Pure: the entries of `add` that fit in sync beside `held`, within every quota, in `rank` order. */
export function fitInSync(
  held: Record<string, unknown>,
  add: Record<string, unknown>,
): Record<string, unknown> {
  let count = Object.keys(held).length;
  let bytes = Object.entries(held).reduce((n, [k, v]) => n + syncBytes(k, v), 0);
  const out: Record<string, unknown> = {};
  const keys = Object.keys(add).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const key of keys) {
    const size = syncBytes(key, add[key]);
    if (size > SYNC_QUOTA_BYTES_PER_ITEM || count + 1 > SYNC_MAX_ITEMS || bytes + size > SYNC_QUOTA_BYTES)
      continue;
    out[key] = add[key];
    count++;
    bytes += size;
  }
  return out;
}

interface Plan {
  /** v2 keys a v1 array replaces (not in it), per area. */
  staleSync: string[];
  staleLocal: string[];
  /** What to write to sync, and what stays or goes to local (sync down or full). */
  toSync: Record<string, unknown>;
  legacyWant: Record<string, unknown>;
  /** Valid entries local holds that are to end up in sync. */
  localValid: Record<string, unknown>;
  syncValid: Record<string, unknown>;
  legacyKeys: string[];
}

/** Pure: what a run does, from both areas' items (`sync` undefined when it cannot be read). */
export function planMigration(
  local: Record<string, unknown>,
  sync: Record<string, unknown> | undefined,
): Plan {
  const areas = sync ? [local, sync] : [local];
  const stale = new Set<string>();
  const legacyWant: Record<string, unknown> = {};
  const legacyKeys: string[] = [];
  for (const s of SETS) {
    const holders = areas.filter((items) => Object.hasOwn(items, s.legacyKey));
    if (holders.length === 0) continue;
    legacyKeys.push(s.legacyKey);
    // A v1 array is the whole list: its valid entries become keys, the set's other keys go.
    for (const items of holders)
      for (const m of legacyMembers(s, items[s.legacyKey])) legacyWant[s.prefix + m] = true;
    for (const items of areas)
      for (const key of Object.keys(items))
        if (key.startsWith(s.prefix) && !Object.hasOwn(legacyWant, key)) stale.add(key);
  }
  const keep = (items: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(validEntries(items)).filter(([k]) => !stale.has(k)));
  const localValid = keep(local);
  const syncValid = sync ? keep(sync) : {};
  const heldAfter = Object.fromEntries(Object.entries(sync ?? {}).filter(([k]) => !stale.has(k)));
  const missing = Object.fromEntries(
    Object.entries({ ...localValid, ...legacyWant }).filter(([k]) => !Object.hasOwn(syncValid, k)),
  );
  return {
    staleSync: sync ? Object.keys(sync).filter((k) => stale.has(k)) : [],
    staleLocal: Object.keys(local).filter((k) => stale.has(k)),
    toSync: sync ? fitInSync(heldAfter, missing) : {},
    legacyWant,
    localValid,
    syncValid,
    legacyKeys,
  };
}

/** v1 arrays a run removed that were not the ones it converted (see `startSettingsMigration`). */
export type Orphans = Partial<Record<'local' | 'sync', Record<string, unknown>>>;

/** What the background's listener hands a run, and learns from it. */
export interface RunContext {
  /** v1 arrays removed unconverted, per area: converted as if still stored (unless a newer one is). */
  orphans?: Orphans;
  /** Filled by the run: the values it is about to remove, per area and v1 key (JSON). */
  removing?: Map<string, string>;
}

const removingKey = (area: string, key: string) => `${area}\u0000${key}`;

/** The v1 arrays of both areas as they are now (`undefined` for sync when it cannot be read). */
async function readLegacy(
  local: StorageArea,
  sync: StorageArea | undefined,
  keys: string[],
): Promise<[Record<string, unknown>, Record<string, unknown> | undefined]> {
  const s = sync ? await sync.get(keys).catch(() => undefined) : undefined;
  return [await local.get(keys), s];
}

const sameLegacy = (items: Record<string, unknown> | undefined, now: Record<string, unknown> | undefined) =>
  SETS.every((s) => JSON.stringify(items?.[s.legacyKey]) === JSON.stringify(now?.[s.legacyKey]));

/** Adds the orphaned v1 arrays to an area's items, unless the area holds a newer one. */
function withOrphans(items: Record<string, unknown>, orphans: Record<string, unknown> | undefined) {
  const out = { ...items };
  for (const [k, v] of Object.entries(orphans ?? {})) if (!Object.hasOwn(out, k)) out[k] = v;
  return out;
}

/** How often a run reads again when the v1 arrays keep changing under it; after that it writes
 * from its last read and leaves the newer array to the run that array's write queued. */
const REPLANS = 5;

/**
 * One run. Idempotent and safe to interrupt: entries are copied to sync before they leave local,
 * and a v1 array goes last (until then readers take it as the whole list, as before the run).
 * A v1 array rewritten while the run plans (an older version on another device, a restore) is
 * read again just before the writes, so the run never writes an entry the new array dropped.
 */
export async function migrateSettings({ orphans = {}, removing }: RunContext = {}): Promise<void> {
  const { local, sync } = storageAreas();
  const legacyKeys = SETS.map((s) => s.legacyKey);
  let localItems: Record<string, unknown> = {};
  let syncItems: Record<string, unknown> | undefined;
  let plan: Plan | undefined;
  for (let i = 0; i < REPLANS; i++) {
    localItems = withOrphans(await local.get(null), orphans.local);
    const read = sync ? await sync.get(null).catch(() => undefined) : undefined;
    syncItems = read && withOrphans(read, orphans.sync);
    plan = planMigration(localItems, syncItems);
    if (plan.legacyKeys.length === 0) break;
    const [l, s] = await readLegacy(local, sync, legacyKeys);
    if (
      sameLegacy(localItems, withOrphans(l, orphans.local)) &&
      sameLegacy(syncItems, s && withOrphans(s, orphans.sync))
    )
      break;
  }
  if (!plan) return;
  await applyPlan(plan, local, sync);
  if (plan.legacyKeys.length > 0) {
    await dropLegacy(local, 'local', localItems, plan.legacyKeys, removing);
    if (sync && syncItems) await dropLegacy(sync, 'sync', syncItems, plan.legacyKeys, removing);
  }
}

async function applyPlan(plan: Plan, local: StorageArea, sync: StorageArea | undefined): Promise<void> {
  if (plan.staleSync.length > 0) await sync?.remove(plan.staleSync);
  if (plan.staleLocal.length > 0) await local.remove(plan.staleLocal);
  let synced: Record<string, unknown> = {};
  if (sync && Object.keys(plan.toSync).length > 0) {
    try {
      await sync.set(plan.toSync);
      synced = plan.toSync;
    } catch (e) {
      console.warn('[policy-lens] settings stay in this browser: browser sync refused them', e);
    }
  }
  const inSync = (k: string) => Object.hasOwn(synced, k) || Object.hasOwn(plan.syncValid, k);
  // A v1 entry sync could not take is kept in local, where readers find it.
  const toLocal = Object.fromEntries(
    Object.entries(plan.legacyWant).filter(([k]) => !inSync(k) && !Object.hasOwn(plan.localValid, k)),
  );
  if (Object.keys(toLocal).length > 0) await local.set(toLocal);
  const moved = Object.keys(plan.localValid).filter(inSync);
  if (moved.length > 0) {
    // An entry a page removed while it was being copied is removed from sync again.
    const still = await local.get(moved);
    const undone = moved.filter((k) => !Object.hasOwn(still, k) && Object.hasOwn(synced, k));
    if (undone.length > 0) await sync?.remove(undone);
    await local.remove(moved.filter((k) => Object.hasOwn(still, k)));
  }
}

/**
 * Removes the v1 arrays this run converted. One written again meanwhile (a restore, a test) is
 * left for the run its write queued, rather than dropped unconverted. Storage has no
 * compare-and-remove: one written between the check and the removal is caught by the listener
 * (`removing`), which hands it to the next run.
 */
async function dropLegacy(
  area: StorageArea,
  name: 'local' | 'sync',
  seen: Record<string, unknown>,
  legacyKeys: string[],
  removing: Map<string, string> | undefined,
): Promise<void> {
  const mine = legacyKeys.filter((k) => Object.hasOwn(seen, k));
  if (mine.length === 0) return;
  const now = await area.get(mine);
  const same = mine.filter(
    (k) => Object.hasOwn(now, k) && JSON.stringify(now[k]) === JSON.stringify(seen[k]),
  );
  if (same.length === 0) return;
  for (const k of same) removing?.set(removingKey(name, k), JSON.stringify(seen[k]));
  await area.remove(same);
}

/** A change that calls for a run: a v1 array written (a restored old profile, a test) in either
 * area, or a setting written to local (sync refused it: it moves as soon as sync takes it). */
function needsRun(changes: Record<string, { newValue?: unknown }>, area: string): boolean {
  if (area !== 'local' && area !== 'sync') return false;
  return Object.entries(changes).some(
    ([key, c]) =>
      c.newValue !== undefined &&
      (SETS.some((s) => s.legacyKey === key) ||
        (area === 'local' && Object.hasOwn(validEntries({ [key]: c.newValue }), key))),
  );
}

/**
 * A v1 array the migration removed that is not the one it converted: written between its check
 * and its removal, so never converted. Recorded in `orphans` for the next run.
 */
function caughtOrphan(
  changes: Record<string, { oldValue?: unknown; newValue?: unknown }>,
  area: string,
  orphans: Orphans,
  removing: Map<string, string>,
): boolean {
  if (area !== 'local' && area !== 'sync') return false;
  let found = false;
  for (const [key, c] of Object.entries(changes)) {
    const mark = removingKey(area, key);
    const expected = removing.get(mark);
    if (c.newValue !== undefined || expected === undefined) continue;
    removing.delete(mark);
    if (JSON.stringify(c.oldValue) === expected) continue;
    (orphans[area] ??= {})[key] = c.oldValue;
    found = true;
  }
  return found;
}

/**
 * Runs the migration now (each start of the background) and whenever `needsRun`, one run at a
 * time; changes during a run queue one more. Only the background calls this, so no two contexts
 * migrate at once. Returns the unsubscribe function.
 */
export function startSettingsMigration(): () => void {
  let chain = Promise.resolve();
  let queued = false;
  let orphans: Orphans = {};
  const removing = new Map<string, string>();
  const run = () => {
    if (queued) return;
    queued = true;
    chain = chain
      .then(() => {
        queued = false;
        const mine = orphans;
        orphans = {};
        return migrateSettings({ orphans: mine, removing });
      })
      .catch((e: unknown) => console.warn('[policy-lens] settings migration failed', e));
  };
  const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    if (caughtOrphan(changes, area, orphans, removing) || needsRun(changes, area)) run();
  };
  browser.storage.onChanged.addListener(listener);
  run();
  return () => browser.storage.onChanged.removeListener(listener);
}
