// Settings (lib/settings.ts) as Preact state, plus the setters the UI needs. Each setter writes one
// storage key (no read first), so two pages changing settings at once keep both changes; the
// state follows storage (watchSettingsState), whichever page wrote, and says where the settings are
// kept: browser sync, or (for what sync refused or while it is down) this browser only.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Category } from '../lib/core/types.ts';
import * as store from '../lib/settings.ts';
import type { LensSettings, SettingsPlace, SettingsState } from '../lib/settings.ts';

export interface SettingsApi {
  /** undefined while loading (or when loading failed: see `loadError`). */
  settings: LensSettings | undefined;
  /** undefined until read. */
  place: SettingsPlace | undefined;
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
  const [state, setState] = useState<SettingsState>();
  const [loadError, setLoadError] = useState<string>();
  const [saveError, setSaveError] = useState<{ message: string }>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setLoadError(undefined);
    store.readSettingsState().then(
      (s) => live && setState(s),
      (e: unknown) => live && setLoadError(String(e)),
    );
    const off = store.watchSettingsState((s) => {
      if (!live) return;
      setLoadError(undefined);
      setState(s);
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
  const place = useMemo(
    () => (state ? { syncAvailable: state.syncAvailable, localOnly: state.localOnly } : undefined),
    [state?.syncAvailable, state?.localOnly],
  );
  return {
    settings: state?.settings,
    place,
    loadError,
    saveError,
    retry: useCallback(() => setAttempt((n) => n + 1), []),
    setEnabled: (on) => save(store.setEnabled(on)),
    setSiteEnabled: (hostname, on) => save(store.setSiteEnabled(hostname, on)),
    setCategoryShown: (category, shown) => save(store.setCategoryShown(category, shown)),
  };
}
