import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n.ts';

/** Delete, asked twice: the first press asks, "Delete" then deletes, "Keep" takes it back. */
export function ConfirmDelete(props: { what: string; onConfirm: () => void }) {
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) yes.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <button
        type="button"
        class="button"
        aria-label={t('libDeleteLabel', props.what)}
        onClick={() => setAsking(true)}
      >
        {t('libDelete')}
      </button>
    );
  return (
    <span class="lib-confirm" role="group" aria-label={t('libDeleteAsk', props.what)}>
      <span>{t('libDeleteAsk', props.what)}</span>{' '}
      <button
        type="button"
        class="button danger"
        ref={yes}
        onClick={() => {
          setAsking(false);
          props.onConfirm();
        }}
      >
        {t('libDeleteConfirm')}
      </button>{' '}
      <button type="button" class="button" onClick={() => setAsking(false)}>
        {t('libDeleteKeep')}
      </button>
    </span>
  );
}
