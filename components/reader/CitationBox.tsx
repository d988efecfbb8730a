import type { Citations } from '../../lib/core/library/citation-formats.ts';
import { t, type MessageKey } from '../../lib/i18n.ts';

export type CitationFormat = 'text' | 'markdown' | 'bibtex' | 'csl';

const FORMATS: ReadonlyArray<[CitationFormat, MessageKey]> = [
  ['text', 'citationPlain'],
  ['markdown', 'citationMarkdown'],
  ['bibtex', 'citationBibtex'],
  ['csl', 'citationCsl'],
];

/** The citation in one format, as it is copied. CSL-JSON is an array of items, as tools import it. */
export function citationIn(c: Citations, format: CitationFormat): string {
  if (format === 'text') return c.plain;
  if (format === 'markdown') return c.markdown;
  if (format === 'bibtex') return c.bibtex;
  return JSON.stringify([c.csl], null, 2);
}

/** The formatted citation of a passage (visible, selectable), its format and the copy button. */
export function CitationBox(props: {
  id: string;
  citation: Citations;
  format: CitationFormat;
  copied: CitationFormat | 'failed' | undefined;
  onFormat: (format: CitationFormat) => void;
  onCopy: (text: string) => void;
  onClose: () => void;
}) {
  const text = citationIn(props.citation, props.format);
  return (
    <div class="citation-box" id={props.id} role="group" aria-label={t('citationLabel')}>
      <p class="citation-row">
        <label class="citation-kind" for={`${props.id}-format`}>
          {t('citationFormat')}
        </label>
        <select
          id={`${props.id}-format`}
          class="citation-format"
          value={props.format}
          onChange={(e) => props.onFormat(e.currentTarget.value as CitationFormat)}
        >
          {FORMATS.map(([f, key]) => (
            <option key={f} value={f}>
              {t(key)}
            </option>
          ))}
        </select>
        <button type="button" class="button" onClick={() => props.onCopy(text)}>
          {t('copy')}
        </button>
      </p>
      <output class="citation-text" data-kind={props.format} for={`${props.id}-format`}>
        {text}
      </output>
      <p class="citation-status" role="status">
        {props.copied === 'failed' ? t('copyFailed') : props.copied ? t('copied') : ''}
      </p>
      <button type="button" class="link-button small" onClick={props.onClose}>
        {t('close')}
      </button>
    </div>
  );
}
