import { t } from '../../lib/i18n.ts';

/** The running job: a progress bar with what it is doing, and Cancel. */
export function LibraryProgress(props: { label: string; fraction: number; onCancel: () => void }) {
  const pct = Math.round(Math.max(0, Math.min(1, props.fraction)) * 100);
  return (
    <div class="lib-progress">
      <div
        class="progress-track"
        role="progressbar"
        aria-label={props.label || t('libWorking')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct}%`}
      >
        <div class="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <span class="progress-label">{props.label || t('libWorking')}</span>
      <button type="button" class="button" onClick={props.onCancel}>
        {t('libCancel')}
      </button>
    </div>
  );
}
