// Settings (lib/settings.ts storage items) as Preact state, plus the setters the UI needs.
import { useEffect, useState } from 'preact/hooks';
import type { Category } from '../lib/core/types.ts';
import {
  type LensSettings,
  disabledSitesSetting,
  enabledSetting,
  hiddenCategoriesSetting,
  readSettings,
  watchSettings,
} from '../lib/settings.ts';

export interface SettingsApi {
  settings: LensSettings | undefined;
  setEnabled(on: boolean): Promise<void>;
  setSiteEnabled(hostname: string, on: boolean): Promise<void>;
  setCategoryShown(category: Category, shown: boolean): Promise<void>;
}

export function useSettings(): SettingsApi {
  const [settings, setSettings] = useState<LensSettings>();
  useEffect(() => {
    let live = true;
    void readSettings().then((s) => live && setSettings(s));
    const off = watchSettings((s) => live && setSettings(s));
    return () => {
      live = false;
      off();
    };
  }, []);
  return {
    settings,
    async setEnabled(on) {
      await enabledSetting.setValue(on);
    },
    async setSiteEnabled(hostname, on) {
      const list = await disabledSitesSetting.getValue();
      const next = on
        ? list.filter((h) => h !== hostname)
        : list.includes(hostname)
          ? list
          : [...list, hostname].sort();
      await disabledSitesSetting.setValue(next);
    },
    async setCategoryShown(category, shown) {
      const list = await hiddenCategoriesSetting.getValue();
      const next = shown
        ? list.filter((c) => c !== category)
        : list.includes(category)
          ? list
          : [...list, category];
      await hiddenCategoriesSetting.setValue(next);
    },
  };
}
