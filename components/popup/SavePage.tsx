import { t } from '../../lib/i18n.ts';

export type SavePageView =
  | { status: 'idle' | 'saving' }
  | { status: 'added'; passageCount: number; conceptCount: number }
  | { status: 'error'; error: string };

/** "Add this page to my library" and what came of it (shown for web pages only). */
export function SavePage(props: { state: SavePageView; onSave: () => void }) {
  const s = props.state;
  return (
    <div class="save-page">
      <button
        type="button"
        class="button"
        data-action="save-page"
        disabled={s.status === 'saving'}
        onClick={props.onSave}
      >
        {t('libSavePage')}
      </button>
      <p class={s.status === 'error' ? 'error' : 'muted'} role="status">
        {s.status === 'saving'
          ? t('libSavingPage')
          : s.status === 'added'
            ? t('libSavePageAdded', [s.passageCount, s.conceptCount])
            : s.status === 'error'
              ? t('libSavePageFailed', s.error)
              : ''}
      </p>
    </div>
  );
}
