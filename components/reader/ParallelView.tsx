import type { CorpusDocument, Passage } from '../../lib/core/types.ts';
import { langName, t } from '../../lib/i18n.ts';
import { DocDate } from '../DocDate.tsx';
import { alignPassages } from './align.ts';
import { htmlLang, useScrollToPassage } from './DocumentView.tsx';
import { type ReadingProps, PassageAnchor, useReadingUi } from './reading-ui.tsx';
import { passageDomId } from './route.ts';
import { MissingPassage } from './Status.tsx';

export function ParallelView(
  props: ReadingProps & {
    left: { doc: CorpusDocument; passages: Passage[] };
    right: { doc: CorpusDocument; passages: Passage[] };
    passageId: string | undefined;
  },
) {
  const ui = useReadingUi(props);
  const rows = alignPassages(props.left.passages, props.right.passages);
  useScrollToPassage(props.passageId, props.left.passages); // a stable array (rows is rebuilt per render)
  const L = props.left.doc;
  const R = props.right.doc;
  const id = props.passageId;
  const missing = id && ![props.left, props.right].some((side) => side.passages.some((p) => p.id === id));
  const cell = (doc: CorpusDocument, ps: Passage[]) => (
    <div role="cell" class="parallel-cell" lang={htmlLang(doc.lang)}>
      {ps.map((p) => (
        <div class="passage" id={passageDomId(p.id)} data-passage={p.id} tabIndex={-1} key={p.id}>
          <PassageAnchor passage={p} prefix="?parallel" />
          <p class="passage-text">{ui.text(p)}</p>
          <div class="passage-tools">{ui.citeButton(p)}</div>
          {ui.citeBox(doc, p)}
        </div>
      ))}
    </div>
  );
  return (
    <article class="parallel" aria-labelledby="parallel-h">
      {missing ? <MissingPassage passageId={id} /> : null}
      <h1 id="parallel-h">{t('parallelHeading')}</h1>
      <p>
        <a href={`#${L.id}`}>{t('backToDocument')}</a>
      </p>
      <div class="parallel-grid" role="table" aria-labelledby="parallel-h">
        <div class="parallel-row parallel-head" role="row">
          {[L, R].map((d) => (
            <div role="columnheader" class="parallel-cell" key={d.id}>
              <h2 lang={htmlLang(d.lang)}>
                <a href={`#${d.id}`}>{d.title}</a>
              </h2>
              <p class="muted small">
                <DocDate value={d.date} /> · {langName(d.lang)}
                {d.translation ? ` (${t('translatedFrom', langName(d.originalLang))})` : ''}
              </p>
            </div>
          ))}
        </div>
        {rows.map((r, i) => (
          <div class="parallel-row" role="row" key={i} data-row={i}>
            {cell(L, r.left)}
            {cell(R, r.right)}
          </div>
        ))}
      </div>
      {ui.overlay}
    </article>
  );
}
