// Settings (lib/settings.ts) as Preact state, plus the setters the UI needs. Each setter writes one
// storage key (no read first), so two pages changing settings at once keep both changes; the
// state follows storage (watchSettings), whichever page wrote.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Category } from '../lib/core/types.ts';
import * as store from '../lib/settings.ts';
import type { LensSettings } from '../lib/settings.ts';

export interface SettingsApi {
  /** undefined while loading (or when loading failed: see `loadError`). */
  settings: LensSettings | undefined;
  /** The settings could not be read; `retry` reads them again. */
  loadError: string | undefined;
  /**
   * The last change could not be saved (storage unavailable, or an invalid hostname): a new
   * object per failure, so views memoised on it re-render and put flipped controls back.
   */
  saveError: { message: string } | undefined;
  retry(): void;
  setEnabled(on: boolean): Promise<void>;
  setSiteEnabled(hostname: string, on: boolean): Promise<void>;
  setCategoryShown(category: Category, shown: boolean): Promise<void>;
}

export function useSettings(): SettingsApi {
  const [settings, setSettings] = useState<LensSettings>();
  const [loadError, setLoadError] = useState<string>();
  const [saveError, setSaveError] = useState<{ message: string }>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setLoadError(undefined);
    store.readSettings().then(
      (s) => live && setSettings(s),
      (e: unknown) => live && setLoadError(String(e)),
    );
    const off = store.watchSettings((s) => {
      if (!live) return;
      setLoadError(undefined);
      setSettings(s);
    });
    return () => {
      live = false;
      off();
    };
  }, [attempt]);
  // A failed write leaves storage as it was, and the page shows that and why: every failure
  // re-renders, which puts a control the user flipped back to the saved value.
  const save = useCallback(async (write: Promise<void>) => {
    try {
      await write;
      setSaveError(undefined);
    } catch (e) {
      setSaveError({ message: String(e) });
    }
  }, []);
  return {
    settings,
    loadError,
    saveError,
    retry: useCallback(() => setAttempt((n) => n + 1), []),
    setEnabled: (on) => save(store.setEnabled(on)),
    setSiteEnabled: (hostname, on) => save(store.setSiteEnabled(hostname, on)),
    setCategoryShown: (category, shown) => save(store.setCategoryShown(category, shown)),
  };
}
