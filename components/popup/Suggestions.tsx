import { cutSafe } from '../../lib/core/limits.ts';
import type { ConceptSummary, Lang } from '../../lib/core/types.ts';
import { labelIn, t } from '../../lib/i18n.ts';

/** Empty box: concepts worth searching for. */
export function SuggestedConcepts(props: {
  concepts: ConceptSummary[];
  labelLang: Lang;
  onPick: (text: string) => void;
}) {
  if (props.concepts.length === 0) return null;
  return (
    <section class="suggested" aria-labelledby="suggested-h">
      <h2 id="suggested-h">{t('suggestedHeading')}</h2>
      <ul class="chip-list">
        {props.concepts.map((c) => {
          const label = labelIn(c.labels, props.labelLang);
          return (
            <li key={c.id}>
              <button
                type="button"
                class={`chip-button cat-${c.category}`}
                onClick={() => props.onPick(label)}
              >
                {label}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** No results: "Did you mean …". `known`: the glossary knows what was asked (shown below). */
export function NoResults(props: {
  query: string;
  known?: boolean;
  suggestions: string[];
  onPick: (text: string) => void;
}) {
  return (
    <div class="no-results" role="status">
      <p>{t(props.known ? 'noResults' : 'nothingKnown', shorten(props.query))}</p>
      {props.suggestions.length ? (
        <p class="did-you-mean">
          <span>{t('didYouMean')}</span>{' '}
          {props.suggestions.map((s, i) => (
            <>
              {i > 0 ? ', ' : null}
              <button
                type="button"
                class="link-button"
                key={s}
                data-suggestion={s}
                onClick={() => props.onPick(s)}
              >
                {s}
              </button>
            </>
          ))}
        </p>
      ) : null}
    </div>
  );
}

/** A pasted page must not be echoed back whole (it froze the popup in the 1 MB paste benchmark). */
function shorten(q: string, max = 80): string {
  return q.length > max ? cutSafe(q, max) + '…' : q;
}
