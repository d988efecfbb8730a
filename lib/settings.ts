// User settings: one storage item per setting, versioned. Defaults live here in code;
// storage holds only what the user changed (we write on change only).
import { storage } from 'wxt/utils/storage';
import type { Category } from './core/types.ts';

/** Highlighting on/off for every site. */
export const enabledSetting = storage.defineItem<boolean>('local:enabled', {
  fallback: true,
  version: 1,
});

/** Hostnames where the user turned highlighting off. */
export const disabledSitesSetting = storage.defineItem<string[]>('local:disabledSites', {
  fallback: [],
  version: 1,
});

/** Categories the user hid. Empty = all categories shown. */
export const hiddenCategoriesSetting = storage.defineItem<Category[]>('local:hiddenCategories', {
  fallback: [],
  version: 1,
});

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
  const offs = [enabledSetting.watch(fire), disabledSitesSetting.watch(fire), hiddenCategoriesSetting.watch(fire)];
  return () => offs.forEach((off) => off());
}

/** Is highlighting active for this hostname? Pure, shared by popup and content script. */
export function isActiveFor(s: LensSettings, hostname: string): boolean {
  return s.enabled && !s.disabledSites.includes(hostname);
}
