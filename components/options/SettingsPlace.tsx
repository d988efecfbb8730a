import { t } from '../../lib/i18n.ts';
import type { SettingsPlace } from '../../lib/settings.ts';

/**
 * Says where the settings are kept when it is not browser sync alone: a status, not an alert
 * (nothing failed, nothing is lost), shown above the settings it is about.
 */
export function SettingsPlaceNotice(props: { place: SettingsPlace | undefined }) {
  const p = props.place;
  if (!p || (p.syncAvailable && p.localOnly === 0)) return null;
  return (
    <p class="muted settings-place" role="status">
      {p.syncAvailable ? t('settingsLocalOnly', p.localOnly) : t('settingsSyncUnavailable')}
    </p>
  );
}
