import { t } from '../../lib/i18n.ts';

export function PopupHeader(props: { onLibrary: () => void; onGlossary: () => void; onOptions: () => void }) {
  return (
    <header class="popup-header">
      <h1 class="brand">
        <img src="/icon/32.png" alt="" width={20} height={20} class="brand-icon" />
        {t('extName')}
      </h1>
      <nav class="header-links" aria-label={t('navLabel')}>
        <button type="button" class="link-button" onClick={props.onLibrary}>
          {t('openLibrary')}
        </button>
        <button type="button" class="link-button" data-action="glossary" onClick={props.onGlossary}>
          {t('openGlossary')}
        </button>
        <button type="button" class="link-button" onClick={props.onOptions}>
          {t('openOptions')}
        </button>
      </nav>
    </header>
  );
}
