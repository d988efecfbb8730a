// The hover card shown next to a highlighted term on any web page. Presentational: props in, JSX
// out; every action is a callback. Text is rendered as text, never parsed as HTML.
import { useState } from 'preact/hooks';
import {
  LANGS,
  type CardDoc,
  type Category,
  type ConceptDetails,
  type Lang,
  type UserListRef,
} from '../lib/core/types.ts';
import { langName, t, uiLabelLang } from '../lib/i18n.ts';
import { definitionIn } from '../lib/core/definitions.ts';
import { langOrder } from '../lib/core/lang.ts';
import { DocDate } from './DocDate.tsx';
import { MarkedText } from './MarkedText.tsx';
import { categoryName, inCorpus, isUserDoc } from './labels.ts';
import { listClass } from '../lib/core/library/list-colour-css.ts';
import { groupBy } from '../lib/core/group-by.ts';

export interface HoverCardProps {
  conceptId: string;
  /** Absent for a user term: its list (name, colour) comes with `details`. */
  category?: Category | undefined;
  /** The term as it reads on the page. */
  term: string;
  /** undefined while loading, null when the background does not know the concept. */
  details: ConceptDetails | null | undefined;
  /** The background could not be reached. */
  failed?: boolean;
  docs: Readonly<Record<string, CardDoc>>;
  /** Language whose name comes first (the page's / the matched text's). */
  nameLang: Lang;
  /** Snippets shown per document before "n more". */
  perDoc?: number;
  /** tabIndex -1, so a host can focus it (the reader's pinned card; never on web pages). */
  focusable?: boolean | undefined;
  onOpenPassage(passageId: string): void;
  onSearch(query: string): void;
  onClose(): void;
}

/** A bundled concept's category, or a user term's list (name, colour; issue #12). */
function KindChip(props: { category: Category | undefined; list: UserListRef | undefined }) {
  const { list, category } = props;
  if (list)
    return (
      <span class={`cat list ${listClass(list.colour)}`} title={t('libUserList')} data-list={list.id}>
        <span class="visually-hidden">{t('libUserList')}: </span>
        {list.name}
      </span>
    );
  // a user term whose details are still loading has no category to show
  return category ? <span class={`cat cat-${category}`}>{categoryName(category)}</span> : null;
}

/** The concept's names, the page's language first, and the pinyin of the Chinese name. */
function Names(props: {
  labels: ConceptDetails['concept']['labels'];
  langs: Lang[];
  pinyin?: string | undefined;
}) {
  return (
    <dl class="names" aria-label={t('conceptNames')}>
      {props.langs.map((l) =>
        props.labels[l] ? (
          <div class="name" key={l}>
            <dt>{langName(l)}</dt>
            <dd lang={l}>{props.labels[l]}</dd>
          </div>
        ) : null,
      )}
      {props.pinyin && (
        // the reading of the Chinese name (build time, pinyin-pro): how to say it and search it
        <div class="name pinyin" key="pinyin">
          <dt>{t('pinyin')}</dt>
          <dd lang="zh-Latn-pinyin">{props.pinyin}</dd>
        </div>
      )}
    </dl>
  );
}

/** Actions that open a tab run on the user's own click or key press, never on a script's .click(). */
const byUser = (action: () => void) => (e: Event) => {
  if (e.isTrusted) action();
};

export function HoverCard(props: HoverCardProps) {
  const { details } = props;
  const concept = details?.concept;
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const perDoc = props.perDoc ?? 3;
  const title = concept ? (concept.labels[props.nameLang] ?? concept.labels.en) : props.term;
  const titleId = `policy-lens-card-title-${props.conceptId}`;
  const groups = details ? groupBy(details.occurrences, (o) => o.docId) : [];
  const langs = langOrder(props.nameLang, LANGS);

  return (
    <section
      class="card"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      data-concept={props.conceptId}
      tabIndex={props.focusable ? -1 : undefined}
    >
      <header class="head">
        <h2 id={titleId} class="title" lang={concept ? props.nameLang : undefined}>
          {title}
        </h2>
        <KindChip category={props.category} list={details?.list} />
        <button
          type="button"
          class="close"
          aria-label={t('close')}
          title={t('close')}
          onClick={props.onClose}
        >
          ×
        </button>
      </header>

      {details === undefined && !props.failed && <p class="status">{t('loading')}</p>}
      {(props.failed || details === null) && <p class="status">{t('cardUnavailable')}</p>}

      {concept && (
        <>
          <Names labels={concept.labels} langs={langs} pinyin={details.pinyin} />
          {(() => {
            // The reader's UI language, not the page's: the card explains in the reader's tongue.
            const d = definitionIn(concept.definition, uiLabelLang());
            // a user term may come without a definition
            return !d.text ? null : (
              <p class="definition" lang={d.lang}>
                {d.text}
              </p>
            );
          })()}
          {concept.origin && (
            <p class="origin">
              <span class="label">{t('conceptOrigin')}: </span>
              {concept.origin}
            </p>
          )}
          {concept.members && concept.members.length > 0 && (
            <div class="members">
              <h3>{t('conceptMembers')}</h3>
              <ol>
                {concept.members.map((m, i) => (
                  <li key={i} lang={m.labels[props.nameLang] ? props.nameLang : 'en'}>
                    {m.labels[props.nameLang] ?? m.labels.en ?? Object.values(m.labels)[0]}
                  </li>
                ))}
              </ol>
            </div>
          )}
          <div class="corpus">
            <h3>
              {groups.length
                ? inCorpus(details!.occurrences.length, groups.length)
                : t('conceptNoOccurrences')}
            </h3>
            {groups.map(([docId, occ]) => {
              const doc = props.docs[docId];
              const docTitle = doc?.title ?? docId;
              const open = expanded.has(docId);
              const shown = open ? occ : occ.slice(0, perDoc);
              return (
                <div class="doc" key={docId} data-doc={docId}>
                  <div class="doc-head">
                    <span class="doc-title" lang={doc?.lang}>
                      {docTitle}
                    </span>
                    {doc && (
                      <span class="doc-meta">
                        {isUserDoc(docId, doc) && <span class="mine">{t('libUserDocument')} · </span>}
                        <DocDate value={doc.date} /> · {langName(doc.lang)}
                      </span>
                    )}
                  </div>
                  <ul class="snippets">
                    {shown.map((o) => (
                      <li key={o.passageId + ':' + (o.start ?? '')}>
                        <button
                          type="button"
                          class="snippet"
                          data-passage={o.passageId}
                          title={t('cardOpenPassage', docTitle)}
                          lang={doc?.lang}
                          onClick={byUser(() => props.onOpenPassage(o.passageId))}
                        >
                          <MarkedText text={o.snippet} marks={o.marks} />
                        </button>
                      </li>
                    ))}
                  </ul>
                  {!open && occ.length > perDoc && (
                    <button
                      type="button"
                      class="more"
                      onClick={() => setExpanded(new Set([...expanded, docId]))}
                    >
                      {t('moreCount', occ.length - perDoc)}
                    </button>
                  )}
                </div>
              );
            })}
          </div>
        </>
      )}

      <footer class="foot">
        <button
          type="button"
          class="search"
          data-search={props.term}
          onClick={byUser(() => props.onSearch(props.term))}
        >
          {t('cardSearch')}
        </button>
      </footer>
    </section>
  );
}
