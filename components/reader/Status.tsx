import { t } from '../../lib/i18n.ts';

/** Loading or failed state of a view. */
export function Status({ state }: { state: { loading: boolean; error: string | undefined } }) {
  if (state.error)
    return (
      <p class="error" role="alert">
        {t('loadError')}
      </p>
    );
  return (
    <p class="muted" role="status">
      {t('loading')}
    </p>
  );
}

export function NotFound() {
  return (
    <section>
      <h1>{t('notFound')}</h1>
      <p>
        <a href="#">{t('backToLibrary')}</a>
      </p>
    </section>
  );
}

export function NoParallel({ title, docId }: { title: string; docId: string }) {
  return (
    <section>
      <h1>{title}</h1>
      <p>{t('noParallel')}</p>
      <p>
        <a href={`#${docId}`}>{t('backToDocument')}</a>
      </p>
    </section>
  );
}
