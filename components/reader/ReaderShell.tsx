import type { ComponentChildren } from 'preact';
import { t } from '../../lib/i18n.ts';

/** Skip link, header with the library link, and the main region. */
export function ReaderShell({
  atLibrary,
  atGlossary = false,
  atSearch = false,
  children,
}: {
  atLibrary: boolean;
  atGlossary?: boolean;
  atSearch?: boolean;
  children: ComponentChildren;
}) {
  return (
    <>
      <a
        class="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('skipToContent')}
      </a>
      <header class="reader-header">
        <p class="brand">
          <img src="/icon/32.png" alt="" width={20} height={20} />
          <a href="#">{t('extName')}</a>
        </p>
        <nav aria-label={t('navLabel')}>
          <a href="#" aria-current={atLibrary ? 'page' : undefined}>
            {t('libraryHeading')}
          </a>{' '}
          <a href="#glossary" aria-current={atGlossary ? 'page' : undefined}>
            {t('glossaryHeading')}
          </a>{' '}
          <a href="#search" aria-current={atSearch ? 'page' : undefined}>
            {t('readerSearchHeading')}
          </a>
        </nav>
      </header>
      <main id="main" tabIndex={-1} class="reader-main">
        {children}
      </main>
    </>
  );
}
