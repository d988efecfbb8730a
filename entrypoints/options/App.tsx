import { DisabledSites } from '../../components/options/DisabledSites.tsx';
import { SettingsControls } from '../../components/SettingsControls.tsx';
import { useSettings } from '../../hooks/use-settings.ts';
import { t } from '../../lib/i18n.ts';

export function App() {
  const { settings, setEnabled, setSiteEnabled, setCategoryShown } = useSettings();
  return (
    <main class="options">
      <h1>{t('optionsHeading')}</h1>
      {settings ? (
        <>
          <section aria-labelledby="hl-h">
            <h2 id="hl-h">{t('highlightingHeading')}</h2>
            <SettingsControls
              idPrefix="opt"
              settings={settings}
              onEnabled={(on) => void setEnabled(on)}
              onCategory={(c, on) => void setCategoryShown(c, on)}
            />
          </section>
          <DisabledSites sites={settings.disabledSites} onRemove={(h) => void setSiteEnabled(h, true)} />
        </>
      ) : (
        <p class="muted" role="status">
          {t('loading')}
        </p>
      )}
    </main>
  );
}
