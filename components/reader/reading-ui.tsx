// Local UI state shared by the document and parallel views: the concept card (the same card as
// on web pages) and the open citation box. Pure Preact state; data and side effects come in
// through props.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatCitations } from '../../lib/core/library/citation-formats.ts';
import type { ConceptDetails, ConceptSummary, DocumentMeta, Lang, Passage } from '../../lib/core/types.ts';
import { langName, t } from '../../lib/i18n.ts';
import { langFromTag } from '../../lib/core/lang.ts';
import type { CardData } from '../hover-card/CardRoot.tsx';
import { type Range, segment } from '../marks.ts';
import { CitationBox, type CitationFormat } from './CitationBox.tsx';
import { ReaderConceptCard, type PopoverAnchor } from './ReaderConceptCard.tsx';
import { PassageText } from './PassageText.tsx';
import { passageRanges } from './locate.ts';
import { passageDomId } from './route.ts';

export interface ReadingProps {
  details: Map<string, ConceptDetails> | undefined;
  summaries: Map<string, ConceptSummary> | undefined;
  labelLang: Lang;
  readerUrl: string;
  copy: (text: string) => Promise<boolean>;
  /** The card's "open this passage" (a reader route). */
  openPassage: (passageId: string) => void;
  /** The card's "search the corpus for this". */
  search: (query: string) => void;
  /** The card's data (concept details, document titles). */
  cardData: CardData;
}

export function useReadingUi(props: ReadingProps) {
  const [anchor, setAnchor] = useState<PopoverAnchor>();
  const hoverTimer = useRef<number | undefined>(undefined);
  const returnFocus = useRef<HTMLElement | null>(null);

  const clearTimer = () => {
    if (hoverTimer.current !== undefined) clearTimeout(hoverTimer.current);
    hoverTimer.current = undefined;
  };
  const anchorOf = (id: string, el: HTMLElement, pinned: boolean): PopoverAnchor => ({
    conceptId: id,
    category: props.summaries?.get(id)?.category ?? props.details?.get(id)?.concept.category ?? 'formulation',
    term: el.textContent ?? '',
    // the passage's language breaks ties between same-spelled names (習近平: ja and zh-Hant)
    textLang: langFromTag(el.closest('[lang]')?.getAttribute('lang')),
    el,
    pinned,
  });
  const close = useCallback(() => {
    clearTimer();
    setAnchor(undefined);
    returnFocus.current?.focus();
    returnFocus.current = null;
  }, []);

  useEffect(() => {
    if (!anchor?.pinned) return;
    const onDown = (e: MouseEvent) => {
      const target = e.target as Element | null;
      if (target?.closest('.concept-popover') || target?.closest('.term')) return;
      returnFocus.current = null; // the click put focus where the reader wants it
      setAnchor(undefined);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [anchor?.pinned]);

  // Concept ranges per passage, computed once per set of details (not on every hover/render).
  const rangeCache = useMemo(() => new Map<string, Range[]>(), [props.details]);
  const rangesOf = (p: Passage): Range[] => {
    if (!props.details) return [];
    let r = rangeCache.get(p.id);
    if (!r)
      rangeCache.set(
        p.id,
        (r = shownRanges(p.text, passageRanges(p.id, p.text, [...props.details.values()]))),
      );
    return r;
  };
  const { stops, setStop } = useTabStops(props.details);

  /** The passage text (or its [from, to) slice) with concept highlights. */
  const text = (p: Passage, from = 0, to = p.text.length) => {
    const all = rangesOf(p);
    const ranges = all
      .filter((r) => r.end > from && r.start < to)
      .map((r) => ({ start: Math.max(r.start, from) - from, end: Math.min(r.end, to) - from, tag: r.tag }));
    return (
      <PassageText
        text={p.text.slice(from, to)}
        ranges={ranges}
        openConceptId={anchor?.conceptId}
        categoryOf={(id) => props.details?.get(id)?.concept.category}
        // the slices before this one are [0, from): one term each for the ranges starting there
        firstOrdinal={all.filter((r) => r.start < from).length}
        stopOrdinal={stops.get(p.id) ?? 0}
        describedBy={KEYS_HINT_ID}
        onTermFocus={(ordinal) => setStop(p.id, ordinal)}
        onTermEnter={(id, el) => {
          if (anchor?.pinned) return;
          clearTimer();
          hoverTimer.current = window.setTimeout(() => setAnchor(anchorOf(id, el, false)), 250);
        }}
        onTermLeave={() => {
          clearTimer();
          if (!anchor?.pinned) hoverTimer.current = window.setTimeout(() => setAnchor(undefined), 300);
        }}
        onTermClick={(id, el) => {
          clearTimer();
          returnFocus.current = el;
          setAnchor(anchorOf(id, el, true));
        }}
      />
    );
  };

  const { citeButton, citeBox } = useCitations(props.readerUrl, props.copy);

  const card = anchor ? (
    <ReaderConceptCard
      anchor={anchor}
      data={props.cardData}
      labelLang={props.labelLang}
      onClose={close}
      onKeep={clearTimer}
      onOpenPassage={(id) => {
        close();
        props.openPassage(id);
      }}
      onSearch={props.search}
    />
  ) : null;
  // The card, and the description of the terms' arrow keys (referenced by every term).
  const overlay = (
    <>
      <p id={KEYS_HINT_ID} class="visually-hidden">
        {t('termKeysHint')}
      </p>
      {card}
    </>
  );

  return { text, citeButton, citeBox, overlay };
}

const KEYS_HINT_ID = 'term-keys-hint';

/**
 * Each passage's tab stop among its terms (an ordinal, ./PassageText.tsx): the term focused last,
 * else the first. New details bring new terms: the stops start over with them.
 */
function useTabStops(details: ReadingProps['details']) {
  const stops = useMemo(() => new Map<string, number>(), [details]);
  const [, setStopsVersion] = useState(0);
  const setStop = (passageId: string, ordinal: number) => {
    if (stops.get(passageId) === ordinal) return;
    stops.set(passageId, ordinal);
    setStopsVersion((v) => v + 1);
  };
  return { stops, setStop };
}

/**
 * The "Copy citation" button of a passage and its open box (one open at a time). The format chosen
 * stays for the next passage cited.
 */
function useCitations(readerUrl: string, copy: ReadingProps['copy']) {
  const [cite, setCite] = useState<string>();
  const [format, setFormat] = useState<CitationFormat>('text');
  const [copied, setCopied] = useState<CitationFormat | 'failed'>();
  const citeButton = (p: Passage) => (
    <button
      type="button"
      class="cite-button"
      aria-expanded={cite === p.id}
      aria-controls={cite === p.id ? `cite-${passageDomId(p.id)}` : undefined}
      onClick={() => {
        setCopied(undefined);
        setCite(cite === p.id ? undefined : p.id);
      }}
    >
      {t('copyCitation')}
    </button>
  );

  const citeBox = (doc: DocumentMeta, p: Passage) => {
    if (cite !== p.id) return null;
    const c = formatCitations(doc, p, {
      readerUrl,
      paraLabel: t('citationPara'),
      accessedLabel: t('citationAccessed'),
      translationLabel:
        doc.translation && doc.originalLang !== doc.lang
          ? t(
              doc.machineTranslation ? 'citationMachineTranslation' : 'citationTranslation',
              langName(doc.originalLang),
            )
          : undefined,
    });
    return (
      <CitationBox
        id={`cite-${passageDomId(p.id)}`}
        citation={c}
        format={format}
        copied={copied}
        onFormat={(f) => {
          setCopied(undefined);
          setFormat(f);
        }}
        onCopy={(text) => void copy(text).then((ok) => setCopied(ok ? format : 'failed'))}
        onClose={() => setCite(undefined)}
      />
    );
  };

  return { citeButton, citeBox };
}

/**
 * Pure: the ranges as segment() shows them (sorted, overlaps resolved), so that every slice of a
 * passage shows the same terms and each range is one term (or one per slice it spans).
 */
export function shownRanges(text: string, ranges: readonly Range[]): Range[] {
  const out: Range[] = [];
  let pos = 0;
  for (const s of segment(text, ranges)) {
    if (s.marked && s.tag) out.push({ start: pos, end: pos + s.text.length, tag: s.tag });
    pos += s.text.length;
  }
  return out;
}

/** "¶ 13" link to a passage's own anchor. */
export function PassageAnchor({ passage, prefix = '' }: { passage: Passage; prefix?: string }) {
  const n = passage.index + 1;
  return (
    <a class="passage-anchor" href={`#${passage.id}${prefix}`} aria-label={t('passageLink', n)}>
      ¶{n}
    </a>
  );
}
