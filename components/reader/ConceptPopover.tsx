import { useEffect, useRef } from 'preact/hooks';
import type { ConceptDetails, Lang } from '../../lib/core/types.ts';
import { labelIn, t } from '../../lib/i18n.ts';
import { categoryName, occurrences } from '../labels.ts';

export interface PopoverAnchor {
  conceptId: string;
  /** Viewport rect of the highlighted term. */
  rect: { left: number; top: number; bottom: number; width: number };
  /** Opened by click/keyboard (stays, takes focus) or by hover (transient). */
  pinned: boolean;
}

/** Small card about a highlighted concept in the reader text. */
export function ConceptPopover(props: {
  anchor: PopoverAnchor;
  details: ConceptDetails | undefined;
  labelLang: Lang;
  onClose: () => void;
  onKeep: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const { anchor, details } = props;
  useEffect(() => {
    if (anchor.pinned) ref.current?.focus();
  }, [anchor.conceptId, anchor.pinned]);
  const c = details?.concept;
  const width = 320;
  const left = Math.max(8, Math.min(anchor.rect.left, window.innerWidth - width - 8));
  const below = anchor.rect.bottom + 6;
  const style = {
    left: `${left + window.scrollX}px`,
    top: `${below + window.scrollY}px`,
    width: `${width}px`,
  };
  const headId = `pop-h-${anchor.conceptId}`;
  return (
    <div
      ref={ref}
      class="concept-popover"
      role="dialog"
      aria-labelledby={headId}
      tabIndex={-1}
      style={style}
      data-concept={anchor.conceptId}
      onMouseEnter={props.onKeep}
      onMouseLeave={() => !anchor.pinned && props.onClose()}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onClose();
        }
      }}
    >
      {c ? (
        <>
          <p class={`popover-cat cat-${c.category}`}>
            <span class="cat-dot" aria-hidden="true" />
            {categoryName(c.category)}
          </p>
          <h2 id={headId} class="popover-title">
            {labelIn(c.labels, props.labelLang)}
          </h2>
          <p class="popover-labels muted">
            {uniq([
              c.labels.en,
              c.labels['zh-Hans'],
              c.labels['zh-Hant'],
              c.labels.ja,
              c.labels.vi ?? '',
            ]).join(' · ')}
          </p>
          <p class="popover-def">{clip(c.definition, 280)}</p>
          <p class="popover-actions">
            <a href={`#concept/${c.id}`} class="button">
              {t('openConcept')}
            </a>
            <span class="muted small">{occurrences(details.occurrences.length)}</span>
          </p>
        </>
      ) : (
        <p id={headId}>{t('loading')}</p>
      )}
      <button type="button" class="popover-close" aria-label={t('close')} onClick={props.onClose}>
        ×
      </button>
    </div>
  );
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs.filter((x) => x !== ''))];
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
