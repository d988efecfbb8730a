import type { ConceptSummary, Lang, SearchHit } from '../../lib/core/types.ts';
import { labelIn, langName, t } from '../../lib/i18n.ts';
import { DocDate } from '../DocDate.tsx';
import { MarkedText } from '../MarkedText.tsx';
import { type HitGroup, optionId } from '../../lib/core/hit-groups.ts';
import { passageNumberFromId as passageNo } from '../passage.ts';

export interface DocInfo {
  title: string;
  date: string;
  lang: Lang;
  /** 'user': one of the user's own documents (the results say which is which). */
  origin?: 'user';
}

export function ResultList(props: {
  groups: HitGroup[];
  /** The query these results answer (data attribute for tests and benchmarks). */
  answered: string;
  busy: boolean;
  activeId: string | undefined;
  docs: Map<string, DocInfo>;
  concepts: Map<string, ConceptSummary> | undefined;
  labelLang: Lang;
  /** Concepts the query named: their chips come first. */
  expanded: readonly string[];
  onOpen: (hit: SearchHit) => void;
  onHover: (hit: SearchHit) => void;
}) {
  return (
    <div
      role="listbox"
      id="results"
      class="results"
      aria-label={t('resultsLabel')}
      aria-busy={props.busy}
      data-answered={props.answered}
    >
      {props.groups.map((g) => {
        const doc = props.docs.get(g.docId);
        const headId = `doc-${g.docId}`;
        return (
          <div role="group" aria-labelledby={headId} class="result-group" key={g.docId}>
            <div id={headId} class="doc-head">
              {doc?.origin === 'user' ? (
                <span class="doc-origin mine" data-origin="user">
                  {t('libMine')}
                </span>
              ) : null}
              <span class="doc-title">{doc?.title ?? g.docId}</span>
              <span class="doc-meta">
                {doc ? (
                  <>
                    <DocDate value={doc.date} /> · {langName(doc.lang)}
                  </>
                ) : null}
              </span>
            </div>
            {g.hits.map((h) => {
              const id = optionId(h.passageId);
              const active = id === props.activeId;
              return (
                <div
                  role="option"
                  id={id}
                  key={h.passageId}
                  class={`result${active ? ' active' : ''}`}
                  aria-selected={active}
                  data-passage={h.passageId}
                  onClick={() => props.onOpen(h)}
                  onMouseMove={(e) => {
                    // Browsers synthesise mousemove (no movement) when content scrolls under a
                    // still pointer: only a pointer that really moved takes over the selection.
                    if (!active && (e.movementX !== 0 || e.movementY !== 0)) props.onHover(h);
                  }}
                >
                  <span class="snippet">
                    <MarkedText text={h.snippet} marks={h.marks} />
                  </span>
                  {h.conceptIds.length ? (
                    <span class="chips">
                      {orderChips(h.conceptIds, props.expanded)
                        .slice(0, MAX_CHIPS)
                        .map((cid) => {
                          const c = props.concepts?.get(cid);
                          return (
                            <span class={`chip cat-${c?.category ?? 'none'}`} key={cid} data-concept={cid}>
                              {c ? labelIn(c.labels, props.labelLang) : cid}
                            </span>
                          );
                        })}
                      {h.conceptIds.length > MAX_CHIPS ? (
                        <span class="chip more">+{h.conceptIds.length - MAX_CHIPS}</span>
                      ) : null}
                    </span>
                  ) : null}
                  <span class="visually-hidden"> {t('passageNumber', passageNo(h.passageId))}</span>
                </div>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}

const MAX_CHIPS = 4;

/** Pure: the concepts the query named first, then the rest in their given order. */
export function orderChips(ids: readonly string[], first: readonly string[]): string[] {
  const pri = ids.filter((id) => first.includes(id));
  return [...pri, ...ids.filter((id) => !first.includes(id))];
}
