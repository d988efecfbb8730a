import { ErrorRetry } from '../../components/ErrorRetry.tsx';
import { DisabledSites } from '../../components/options/DisabledSites.tsx';
import { LibrarySection } from '../../components/options/LibrarySection.tsx';
import { SettingsPlaceNotice } from '../../components/options/SettingsPlace.tsx';
import { SettingsControls } from '../../components/SettingsControls.tsx';
import { useLibrary } from '../../hooks/use-library.ts';
import { useSettings } from '../../hooks/use-settings.ts';
import { t } from '../../lib/i18n.ts';

export function App() {
  const { settings, place, loadError, saveError, retry, setEnabled, setSiteEnabled, setCategoryShown } =
    useSettings();
  const library = useLibrary();
  let body;
  if (settings)
    body = (
      <>
        {saveError ? <ErrorRetry message={t('settingsSaveFailed')} /> : null}
        <SettingsPlaceNotice place={place} />
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
    );
  else if (loadError) body = <ErrorRetry message={t('settingsLoadFailed')} onRetry={retry} />;
  else
    body = (
      <p class="muted" role="status">
        {t('loading')}
      </p>
    );
  return (
    <main class="options">
      <h1>{t('optionsHeading')}</h1>
      {body}
      <LibrarySection lib={library} />
    </main>
  );
}
