import { t } from '../../lib/i18n.ts';
import { ErrorRetry } from '../ErrorRetry.tsx';

/** Loading or failed state of a view (hooks/use-async.ts: a request ends in data or an error). */
export function Status({
  state,
}: {
  state: { loading: boolean; error: string | undefined; retry?: () => void };
}) {
  if (state.error) return <ErrorRetry message={t('loadFailed')} onRetry={state.retry} />;
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

/** The address named a paragraph the document does not have: the document is shown whole. */
export function MissingPassage({ passageId }: { passageId: string }) {
  return (
    <p class="notice" role="status" data-missing-passage={passageId}>
      {t('passageMissing', passageId)}
    </p>
  );
}
