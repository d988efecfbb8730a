import { t } from '../../lib/i18n.ts';

export function DisabledSites(props: { sites: string[]; onRemove: (hostname: string) => void }) {
  return (
    <section aria-labelledby="sites-h">
      <h2 id="sites-h">{t('disabledSitesHeading')}</h2>
      {props.sites.length === 0 ? (
        <p class="muted">{t('disabledSitesNone')}</p>
      ) : (
        <ul class="site-list">
          {props.sites.map((h) => (
            <li key={h} data-site={h}>
              <span class="site-name">{h}</span>
              <button
                type="button"
                class="button"
                aria-label={t('removeSiteLabel', h)}
                onClick={() => props.onRemove(h)}
              >
                {t('removeSite')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
