import type { PageConcept } from '../../lib/messaging.ts';
import { t } from '../../lib/i18n.ts';
import { occurrences } from '../labels.ts';
import { listClass } from '../../lib/core/library/list-colour-css.ts';

/** "On this page": concepts the content script found, with counts. Click reveals the next one. */
export function PageConcepts(props: {
  concepts: PageConcept[] | null | undefined;
  capped: boolean;
  enabled: boolean;
  onReveal: (conceptId: string) => void;
  /** The concept's name in the UI language (falls back to the label the page reported). */
  labelFor: (c: PageConcept) => string;
}) {
  const { concepts } = props;
  let body;
  if (concepts === undefined) body = <p class="muted">{t('loading')}</p>;
  else if (concepts === null) body = <p class="muted">{t('pageUnavailable')}</p>;
  else if (!props.enabled) body = <p class="muted">{t('pageDisabled')}</p>;
  else if (concepts.length === 0) body = <p class="muted">{t('pageNone')}</p>;
  else
    body = (
      <>
        <ul class="page-concepts">
          {concepts.map((c) => (
            <li key={c.conceptId}>
              <button
                type="button"
                // a user term in its list's colour, a bundled concept in its category's
                class={`page-concept ${c.list ? listClass(c.list.colour) : `cat-${c.category}`}`}
                data-concept={c.conceptId}
                onClick={() => props.onReveal(c.conceptId)}
                title={t('revealTitle')}
              >
                <span class="label">{props.labelFor(c)}</span>
                {c.list?.name ? (
                  <span class="list-name" title={t('libUserList')}>
                    {c.list.name}
                  </span>
                ) : null}
                <span class="count" aria-hidden="true">
                  {c.count}
                </span>
                <span class="visually-hidden">{occurrences(c.count)}</span>
              </button>
            </li>
          ))}
        </ul>
        {props.capped ? <p class="muted small">{t('pageCapped')}</p> : null}
      </>
    );
  return (
    <section class="on-this-page" aria-labelledby="otp-h">
      <h2 id="otp-h">{t('onThisPage')}</h2>
      {body}
    </section>
  );
}
