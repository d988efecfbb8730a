// User settings: one storage item per setting, versioned in its key (`v1.enabled`). Defaults live
// here in code; storage holds only what the user changed (setting a value back to its default
// removes the key). Values are validated on read, so junk in storage falls back to the default.
// Written over browser.storage.local directly (not @wxt-dev/storage) to keep the content script,
// which runs in every tab, small.
import { browser } from 'wxt/browser';
import { CATEGORIES, type Category } from './core/types.ts';

export interface SettingItem<T> {
  key: string;
  fallback: T;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Calls `cb` with the new value when it changes; returns the unsubscribe function. */
  watch(cb: (value: T) => void): () => void;
}

function defineSetting<T>(
  name: string,
  version: number,
  fallback: T,
  valid: (v: unknown) => v is T,
): SettingItem<T> {
  const key = `v${version}.${name}`;
  const read = (v: unknown): T => (valid(v) ? v : fallback);
  return {
    key,
    fallback,
    async getValue() {
      const got = await browser.storage.local.get(key);
      return read(got[key]);
    },
    async setValue(value) {
      if (JSON.stringify(value) === JSON.stringify(fallback)) await browser.storage.local.remove(key);
      else await browser.storage.local.set({ [key]: value });
    },
    watch(cb) {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && key in changes) cb(read(changes[key]?.newValue));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isHostList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length <= 10_000 && v.every((h) => typeof h === 'string' && h.length <= 253);
const isCategoryList = (v: unknown): v is Category[] =>
  Array.isArray(v) && v.every((c) => (CATEGORIES as readonly unknown[]).includes(c));

/** Highlighting on/off for every site. */
export const enabledSetting = defineSetting('enabled', 1, true, isBool);
/** Hostnames where the user turned highlighting off. */
export const disabledSitesSetting = defineSetting<string[]>('disabledSites', 1, [], isHostList);
/** Categories the user hid. Empty = all categories shown. */
export const hiddenCategoriesSetting = defineSetting<Category[]>('hiddenCategories', 1, [], isCategoryList);

export interface LensSettings {
  enabled: boolean;
  disabledSites: string[];
  hiddenCategories: Category[];
}

export async function readSettings(): Promise<LensSettings> {
  const [enabled, disabledSites, hiddenCategories] = await Promise.all([
    enabledSetting.getValue(),
    disabledSitesSetting.getValue(),
    hiddenCategoriesSetting.getValue(),
  ]);
  return { enabled, disabledSites, hiddenCategories };
}

/** Calls `cb` whenever any setting changes; returns the unsubscribe function. */
export function watchSettings(cb: (s: LensSettings) => void): () => void {
  const fire = () => void readSettings().then(cb);
  const offs = [
    enabledSetting.watch(fire),
    disabledSitesSetting.watch(fire),
    hiddenCategoriesSetting.watch(fire),
  ];
  return () => offs.forEach((off) => off());
}

/** Is highlighting active for this hostname? Pure, shared by popup and content script. */
export function isActiveFor(s: LensSettings, hostname: string): boolean {
  return s.enabled && !s.disabledSites.includes(hostname);
}
