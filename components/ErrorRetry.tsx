import { t } from '../lib/i18n.ts';

/** A failure the user can act on: what went wrong and, when it may pass, a Retry button. */
export function ErrorRetry({ message, onRetry }: { message: string; onRetry?: (() => void) | undefined }) {
  return (
    <div class="error-retry" role="alert">
      <p class="error">{message}</p>
      {onRetry ? (
        <button type="button" class="button" onClick={onRetry}>
          {t('retry')}
        </button>
      ) : null}
    </div>
  );
}
