import { Component } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
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

/** What a row shares with the whole list (one object per list render, compared field by field). */
interface RowContext {
  docs: Map<string, DocInfo>;
  concepts: Map<string, ConceptSummary> | undefined;
  labelLang: Lang;
  /** Concepts the query named: their chips come first. */
  expanded: readonly string[];
  /** Stable for the list's lifetime: calls the list's latest onOpen / onHover. */
  onOpen: (hit: SearchHit) => void;
  onHover: (hit: SearchHit) => void;
}

const samePairs = (
  a: ReadonlyArray<readonly [number, number]>,
  b: ReadonlyArray<readonly [number, number]>,
) => a === b || (a.length === b.length && a.every((m, i) => m[0] === b[i]![0] && m[1] === b[i]![1]));
const sameList = (a: readonly string[], b: readonly string[]) =>
  a === b || (a.length === b.length && a.every((x, i) => x === b[i]));

/**
 * A row is re-rendered only when what it shows changed. The popup renders on every keystroke (the
 * box's value, aria-busy) and every answer, and successive answers of a query being typed mostly
 * hold the same passages with the same snippet: diffing 40 unchanged rows each time was most of
 * the popup's script time per keystroke (docs/benchmarks.md, "Popup and search latency").
 */
function sameRow(a: RowProps, b: RowProps): boolean {
  const x = a.hit;
  const y = b.hit;
  return (
    a.active === b.active &&
    a.ctx.docs === b.ctx.docs &&
    a.ctx.concepts === b.ctx.concepts &&
    a.ctx.labelLang === b.ctx.labelLang &&
    sameList(a.ctx.expanded, b.ctx.expanded) &&
    (x === y ||
      (x.passageId === y.passageId &&
        x.snippet === y.snippet &&
        samePairs(x.marks, y.marks) &&
        sameList(x.conceptIds, y.conceptIds)))
  );
}

interface RowProps {
  hit: SearchHit;
  active: boolean;
  ctx: RowContext;
}

/** A class for shouldComponentUpdate (preact/compat's memo would patch Preact's options globally). */
class ResultRow extends Component<RowProps> {
  override shouldComponentUpdate(next: RowProps): boolean {
    return !sameRow(this.props, next);
  }

  override render() {
    return resultRow(this.props);
  }
}

function resultRow({ hit: h, active, ctx }: RowProps) {
  return (
    <div
      role="option"
      id={optionId(h.passageId)}
      class={`result${active ? ' active' : ''}`}
      aria-selected={active}
      data-passage={h.passageId}
      onClick={() => ctx.onOpen(h)}
      onMouseMove={(e) => {
        // Browsers synthesise mousemove (no movement) when content scrolls under a
        // still pointer: only a pointer that really moved takes over the selection.
        if (!active && (e.movementX !== 0 || e.movementY !== 0)) ctx.onHover(h);
      }}
    >
      <span class="snippet">
        <MarkedText text={h.snippet} marks={h.marks} />
      </span>
      {h.conceptIds.length ? (
        <span class="chips">
          {orderChips(h.conceptIds, ctx.expanded)
            .slice(0, MAX_CHIPS)
            .map((cid) => {
              const c = ctx.concepts?.get(cid);
              return (
                <span class={`chip cat-${c?.category ?? 'none'}`} key={cid} data-concept={cid}>
                  {c ? labelIn(c.labels, ctx.labelLang) : cid}
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
}

export function ResultList(
  props: RowContext & {
    groups: HitGroup[];
    /** The query these results answer (data attribute for tests and benchmarks). */
    answered: string;
    busy: boolean;
    activeId: string | undefined;
  },
) {
  // The parents pass new handler closures on every render: the rows get stable ones that call the
  // latest, so a handler's identity never re-renders a row.
  const latest = useRef(props);
  latest.current = props;
  const handlers = useMemo(
    () => ({
      onOpen: (h: SearchHit) => latest.current.onOpen(h),
      onHover: (h: SearchHit) => latest.current.onHover(h),
    }),
    [],
  );
  const ctx: RowContext = {
    docs: props.docs,
    concepts: props.concepts,
    labelLang: props.labelLang,
    expanded: props.expanded,
    ...handlers,
  };
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
            {g.hits.map((h) => (
              <ResultRow
                key={h.passageId}
                hit={h}
                active={optionId(h.passageId) === props.activeId}
                ctx={ctx}
              />
            ))}
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
