import {
  type CardDoc,
  type ConceptDetails,
  type ConceptSummary,
  LANGS,
  type Lang,
} from '../../lib/core/types.ts';
import { labelIn, langName, t } from '../../lib/i18n.ts';
import { DocDate } from '../DocDate.tsx';
import { MarkedText } from '../MarkedText.tsx';
import { groupBy } from '../../lib/core/group-by.ts';
import { definitionIn } from '../../lib/core/definitions.ts';
import { categoryName, isUserDoc, occurrences } from '../labels.ts';
import { listClass } from '../../lib/core/library/list-colour-css.ts';
import { htmlLang } from './DocumentView.tsx';
import { passageNumberFromId as passageNo } from '../passage.ts';

/** A document as the occurrence lists show it (the hover card's document type). */
export type OccurrenceDoc = CardDoc;

type Occ = ConceptDetails['occurrences'][number];

/** Pure: occurrences grouped by document, documents ordered by date (oldest first), then id. */
export function groupOccurrences(
  occurrences: readonly Occ[],
  docs: ReadonlyMap<string, OccurrenceDoc>,
): Array<{ docId: string; doc: OccurrenceDoc | undefined; occurrences: Occ[] }> {
  return groupBy(occurrences, (o) => o.docId)
    .map(([docId, occs]) => ({ docId, doc: docs.get(docId), occurrences: occs }))
    .sort(
      (a, b) =>
        (a.doc?.date ?? '9999').localeCompare(b.doc?.date ?? '9999') || a.docId.localeCompare(b.docId),
    );
}

export function ConceptView(props: {
  details: ConceptDetails;
  summaries: Map<string, ConceptSummary> | undefined;
  docs: ReadonlyMap<string, OccurrenceDoc>;
  labelLang: Lang;
}) {
  const c = props.details.concept;
  const { list } = props.details;
  const definition = definitionIn(c.definition, props.labelLang);
  const groups = groupOccurrences(props.details.occurrences, props.docs);
  const nameOf = (id: string) => {
    const s = props.summaries?.get(id);
    return s ? labelIn(s.labels, props.labelLang) : id;
  };
  return (
    <article class="concept-view" aria-labelledby="concept-h" data-concept={c.id}>
      {list ? (
        // a user term (issue #12): the list it comes from, in the list's colour
        <p class={`concept-cat ${listClass(list.colour)}`} data-list={list.id}>
          <span class="cat-dot" aria-hidden="true" />
          {t('libUserList')}: {list.name}
        </p>
      ) : (
        <p class={`concept-cat cat-${c.category}`}>
          <span class="cat-dot" aria-hidden="true" />
          {categoryName(c.category)}
        </p>
      )}
      <h1 id="concept-h">{labelIn(c.labels, props.labelLang)}</h1>
      <section aria-labelledby="names-h">
        <h2 id="names-h">{t('conceptNames')}</h2>
        <table class="names-table">
          <tbody>
            {LANGS.filter((l) => c.labels[l]).map((l) => (
              <tr key={l}>
                <th scope="row">{langName(l)}</th>
                <td lang={htmlLang(l)}>
                  {c.labels[l]}
                  {c.aliases[l]?.length ? (
                    <span class="muted aliases">
                      {' '}
                      · {c.aliases[l]!.filter((a) => a !== c.labels[l]).join(' · ')}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="def-h">
        <h2 id="def-h">{t('conceptDefinition')}</h2>
        {definition.text ? <p lang={htmlLang(definition.lang)}>{definition.text}</p> : null}
        {c.origin ? (
          <p class="muted" lang="en">
            {t('conceptOrigin')}: {c.origin}
          </p>
        ) : null}
      </section>
      {c.members?.length ? (
        <section aria-labelledby="members-h">
          <h2 id="members-h">{t('conceptMembers')}</h2>
          <ol class="members">
            {c.members.map((m, i) => {
              const label = labelIn(m.labels, props.labelLang);
              const orig = m.labels['zh-Hans'] ?? m.labels.vi;
              return (
                <li key={i}>
                  {m.conceptId ? <a href={`#concept/${m.conceptId}`}>{label}</a> : label}
                  {orig && orig !== label ? <span class="muted"> ({orig})</span> : null}
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}
      {c.sources?.length ? (
        <section aria-labelledby="sources-h">
          <h2 id="sources-h">{t('conceptSources')}</h2>
          <ul class="sources">
            {c.sources.map((url) => (
              <li key={url}>
                {/* Opened by the user's click in a new tab; the extension itself fetches nothing. */}
                <a href={url} target="_blank" rel="noopener noreferrer" title={url}>
                  {sourceLabel(url)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {c.related.length ? (
        <section aria-labelledby="related-h">
          <h2 id="related-h">{t('conceptRelated')}</h2>
          <ul class="chip-list">
            {c.related.map((id) => (
              <li key={id}>
                <a
                  href={`#concept/${id}`}
                  class={`chip-button cat-${props.summaries?.get(id)?.category ?? 'none'}`}
                >
                  {nameOf(id)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="occ-h">
        <h2 id="occ-h">{t('conceptOccurrences', props.details.occurrences.length)}</h2>
        {groups.length === 0 ? <p class="muted">{t('conceptNoOccurrences')}</p> : null}
        {groups.map((g) => (
          <section class="occ-group" key={g.docId} aria-labelledby={`occ-doc-${g.docId}`} data-doc={g.docId}>
            <h3 id={`occ-doc-${g.docId}`}>
              <a href={`#${g.docId}`} lang={g.doc ? htmlLang(g.doc.lang) : undefined}>
                {g.doc?.title ?? g.docId}
              </a>{' '}
              <span class="muted small">
                {isUserDoc(g.docId, g.doc) ? <span class="mine">{t('libUserDocument')} · </span> : null}
                {g.doc ? <DocDate value={g.doc.date} /> : null} · {occurrences(g.occurrences.length)}
              </span>
            </h3>
            <ul class="occ-list">
              {g.occurrences.map((o, i) => (
                <li key={`${o.passageId}-${i}`}>
                  <a
                    href={`#${o.passageId}`}
                    class="occ-link"
                    lang={g.doc ? htmlLang(g.doc.lang) : undefined}
                  >
                    <span class="occ-num">¶{passageNo(o.passageId)}</span>{' '}
                    <MarkedText text={o.snippet} marks={o.marks} />
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
    </article>
  );
}

/** A source as a reader scans it: the site and the start of the path, the full URL as title. */
export function sourceLabel(url: string): string {
  try {
    const u = new URL(url);
    const path = decodeURIComponent(u.pathname).replace(/\/$/, '');
    const host = u.hostname.replace(/^www\./, '');
    return path.length > 1 ? `${host}${path.length > 40 ? `${path.slice(0, 39)}…` : path}` : host;
  } catch {
    return url;
  }
}
