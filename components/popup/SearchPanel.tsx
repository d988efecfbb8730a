import type { Ref } from 'preact';
import type { ConceptSummary, Lang, SearchHit, SearchResult } from '../../lib/core/types.ts';
import { labelIn, t } from '../../lib/i18n.ts';
import { ErrorRetry } from '../ErrorRetry.tsx';
import { type DocInfo, ResultList } from './ResultList.tsx';
import { SearchBox } from './SearchBox.tsx';
import { ConceptAnswers } from './ConceptAnswers.tsx';
import { NoResults, SuggestedConcepts } from './Suggestions.tsx';
import type { HitGroup } from '../../lib/core/hit-groups.ts';

/** Search box, status lines, suggestions / "did you mean" and the grouped results. */
export function SearchPanel(props: {
  query: string;
  inputRef: Ref<HTMLInputElement>;
  showing: SearchResult | undefined;
  answered: string;
  pending: boolean;
  error: string | undefined;
  groups: HitGroup[];
  count: number;
  activeId: string | undefined;
  /** The search box's value was cut to its maximum length. */
  inputCut?: boolean;
  docs: Map<string, DocInfo>;
  concepts: Map<string, ConceptSummary> | undefined;
  suggested: ConceptSummary[];
  labelLang: Lang;
  onInput: (q: string, cut: boolean) => void;
  onKeyDown: (e: KeyboardEvent) => void;
  onOpen: (hit: SearchHit) => void;
  onHover: (hit: SearchHit) => void;
  onPick: (text: string) => void;
  /** Opens a concept's view (from a concept given as the answer). */
  onOpenConcept: (conceptId: string) => void;
  /** Asks again after a failed search. */
  onRetry?: () => void;
}) {
  const { showing, labelLang } = props;
  const q = props.query.trim();
  const nameOf = (id: string) => {
    const c = props.concepts?.get(id);
    return c ? labelIn(c.labels, labelLang) : id;
  };
  let main = null;
  if (q === '')
    main = <SuggestedConcepts concepts={props.suggested} labelLang={labelLang} onPick={props.onPick} />;
  else if (props.error) main = <ErrorRetry message={t('searchFailed')} onRetry={props.onRetry} />;
  else if (showing && props.count === 0 && props.answered === q) {
    const answers = showing.conceptAnswers ?? [];
    main = (
      <>
        <NoResults
          query={q}
          known={answers.length > 0}
          suggestions={showing.suggestions}
          onPick={props.onPick}
        />
        <ConceptAnswers answers={answers} labelLang={labelLang} onOpen={props.onOpenConcept} />
      </>
    );
  }
  return (
    <>
      <div role="search" class="search-area">
        <SearchBox
          value={props.query}
          inputRef={props.inputRef}
          activeId={props.activeId}
          cut={props.inputCut}
          onInput={props.onInput}
          onKeyDown={props.onKeyDown}
        />
      </div>
      <section class="results-area" aria-label={t('resultsLabel')}>
        <p class="visually-hidden" role="status" aria-live="polite">
          {showing ? t('resultCount', [props.count, props.groups.length]) : ''}
        </p>
        {showing?.truncated && !props.inputCut ? <p class="muted small">{t('queryTruncated')}</p> : null}
        {showing && showing.expandedConceptIds.length > 0 && props.count > 0 ? (
          <p class="muted small expanded" data-expanded={showing.expandedConceptIds.join(' ')}>
            {t('expandedWith', showing.expandedConceptIds.map(nameOf).join(', '))}
          </p>
        ) : null}
        {main}
        <ResultList
          groups={props.groups}
          answered={props.answered}
          busy={props.pending}
          activeId={props.activeId}
          docs={props.docs}
          concepts={props.concepts}
          labelLang={labelLang}
          expanded={showing?.expandedConceptIds ?? []}
          onOpen={props.onOpen}
          onHover={props.onHover}
        />
      </section>
    </>
  );
}
