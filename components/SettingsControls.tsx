import { CATEGORIES, type Category } from '../lib/core/types.ts';
import { t } from '../lib/i18n.ts';
import type { LensSettings } from '../lib/settings.ts';
import { Switch } from './Switch.tsx';
import { categoryName } from './labels.ts';

/** The global switch, the per-site switch (when a hostname is known) and the category filters. */
export function SettingsControls(props: {
  settings: LensSettings;
  hostname?: string | undefined;
  idPrefix: string;
  onEnabled: (on: boolean) => void;
  onSite?: (hostname: string, on: boolean) => void;
  onCategory: (c: Category, shown: boolean) => void;
  collapsedCategories?: boolean;
}) {
  const { settings, hostname, idPrefix } = props;
  const cats = (
    <fieldset class="categories">
      <legend>{t('categoriesLegend')}</legend>
      <div class="category-grid">
        {CATEGORIES.map((c) => (
          <div class="check-row" key={c}>
            <input
              type="checkbox"
              id={`${idPrefix}-cat-${c}`}
              checked={!settings.hiddenCategories.includes(c)}
              onChange={(e) => props.onCategory(c, (e.currentTarget as HTMLInputElement).checked)}
            />
            <label for={`${idPrefix}-cat-${c}`}>
              <span class={`cat-dot cat-${c}`} aria-hidden="true" />
              {categoryName(c)}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
  return (
    <div class="settings-controls">
      <Switch id={`${idPrefix}-enabled`} checked={settings.enabled} onChange={props.onEnabled}>
        {t('switchGlobal')}
      </Switch>
      {hostname && props.onSite ? (
        <Switch
          id={`${idPrefix}-site`}
          checked={!settings.disabledSites.includes(hostname)}
          disabled={!settings.enabled}
          onChange={(on) => props.onSite?.(hostname, on)}
        >
          {t('switchSite', hostname)}
        </Switch>
      ) : null}
      {props.collapsedCategories ? (
        <details class="categories-details">
          <summary>{t('categoriesSummary', CATEGORIES.length - settings.hiddenCategories.length)}</summary>
          {cats}
        </details>
      ) : (
        cats
      )}
    </div>
  );
}
