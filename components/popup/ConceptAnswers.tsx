import type { ConceptAnswer, Lang } from '../../lib/core/types.ts';
import { labelIn, t } from '../../lib/i18n.ts';
import { categoryName, occurrences } from '../labels.ts';
import { definitionIn } from '../../lib/core/definitions.ts';

const htmlLang = (l: string) => (l === 'zh-Hans' ? 'zh-CN' : l === 'zh-Hant' ? 'zh-TW' : l);

/**
 * No passage answers, but the glossary knows what was asked: the concept itself, as a card (its
 * names, pinyin, definition, and whether the library holds it yet).
 */
export function ConceptAnswers(props: {
  answers: readonly ConceptAnswer[];
  labelLang: Lang;
  onOpen: (conceptId: string) => void;
}) {
  if (props.answers.length === 0) return null;
  return (
    <section class="concept-answers" aria-labelledby="concept-answers-h">
      <h2 id="concept-answers-h">{t('conceptAnswerHeading')}</h2>
      <ul class="concept-answer-list">
        {props.answers.map((a) => {
          const label = labelIn(a.labels, props.labelLang);
          const others = (['en', 'zh-Hans', 'ja', 'vi'] as const).filter(
            (l) => a.labels[l] && a.labels[l] !== label,
          );
          const def = definitionIn(a.definition, props.labelLang);
          return (
            <li key={a.id} class={`concept-answer cat-${a.category}`} data-concept={a.id}>
              <p class="concept-cat">
                <span class="cat-dot" aria-hidden="true" />
                {categoryName(a.category)}
              </p>
              <h3>{label}</h3>
              <p class="concept-answer-names">
                {others.map((l, i) => (
                  <span key={l} lang={htmlLang(l)}>
                    {i > 0 ? ' · ' : ''}
                    {a.labels[l]}
                  </span>
                ))}
                {a.pinyin ? (
                  <span class="pinyin" lang="zh-Latn-pinyin">
                    {' '}
                    ({a.pinyin})
                  </span>
                ) : null}
              </p>
              {def.text ? (
                <p class="definition" lang={htmlLang(def.lang)}>
                  {def.text}
                </p>
              ) : null}
              <p class="muted small in-library">
                {a.occurrenceCount === 0 ? t('notInLibrary') : occurrences(a.occurrenceCount)}
              </p>
              <button type="button" class="link-button" onClick={() => props.onOpen(a.id)}>
                {t('openConcept')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
