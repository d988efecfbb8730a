import type { Citation } from '../../lib/core/citation.ts';
import { t } from '../../lib/i18n.ts';

/** The formatted citation of a passage (visible, selectable) with copy buttons. */
export function CitationBox(props: {
  id: string;
  citation: Citation;
  copied: 'text' | 'markdown' | 'failed' | undefined;
  onCopy: (kind: 'text' | 'markdown') => void;
  onClose: () => void;
}) {
  return (
    <div class="citation-box" id={props.id} role="group" aria-label={t('citationLabel')}>
      <p class="citation-row">
        <span class="citation-kind">{t('citationPlain')}</span>
        <output class="citation-text" data-kind="text">
          {props.citation.text}
        </output>
        <button type="button" class="button" onClick={() => props.onCopy('text')}>
          {t('copy')}
        </button>
      </p>
      <p class="citation-row">
        <span class="citation-kind">{t('citationMarkdown')}</span>
        <output class="citation-text" data-kind="markdown">
          {props.citation.markdown}
        </output>
        <button type="button" class="button" onClick={() => props.onCopy('markdown')}>
          {t('copy')}
        </button>
      </p>
      <p class="citation-status" role="status">
        {props.copied === 'failed' ? t('copyFailed') : props.copied ? t('copied') : ''}
      </p>
      <button type="button" class="link-button small" onClick={props.onClose}>
        {t('close')}
      </button>
    </div>
  );
}
