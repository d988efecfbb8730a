// One component per reader route: loads through hooks, renders the view component.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ConceptView, type OccurrenceDoc } from '../../components/reader/ConceptView.tsx';
import { GlossaryView } from '../../components/reader/GlossaryView.tsx';
import { DocumentView } from '../../components/reader/DocumentView.tsx';
import { ParallelView } from '../../components/reader/ParallelView.tsx';
import type { ReadingProps } from '../../components/reader/reading-ui.tsx';
import { NoParallel, NotFound, Status } from '../../components/reader/Status.tsx';
import { useConcept, useConcepts, useDocument, useDocumentPair } from '../../hooks/use-corpus.ts';
import { useSearch } from '../../hooks/use-search.ts';
import { glossaryGroups } from '../../lib/core/glossary-list.ts';
import type { Category, Country } from '../../lib/core/types.ts';
import { labelIn, t } from '../../lib/i18n.ts';

export type Reading = Omit<ReadingProps, 'details'>;

export function DocumentRoute(props: { docId: string; passageId?: string | undefined; reading: Reading }) {
  const bundle = useDocument(props.docId);
  const ids = useMemo(
    () => [...new Set(Object.values(bundle.data?.conceptsByPassage ?? {}).flat())],
    [bundle.data],
  );
  const details = useConcepts(ids);
  useEffect(() => {
    if (bundle.data) document.title = `${bundle.data.document.title} — ${t('extName')}`;
  }, [bundle.data]);
  if (bundle.data === null) return <NotFound />;
  if (!bundle.data) return <Status state={bundle} />;
  return (
    <DocumentView
      {...props.reading}
      details={details.data}
      doc={bundle.data.document}
      passages={bundle.data.passages}
      passageId={props.passageId}
    />
  );
}

export function ParallelRoute(props: { docId: string; passageId?: string | undefined; reading: Reading }) {
  const first = useDocument(props.docId);
  const otherId = first.data?.document.versions[0];
  const pair = useDocumentPair(first.data ? props.docId : undefined, otherId);
  const ids = useMemo(() => {
    const all = [pair.data?.[0], pair.data?.[1]].flatMap((b) =>
      Object.values(b?.conceptsByPassage ?? {}).flat(),
    );
    return [...new Set(all)];
  }, [pair.data]);
  const details = useConcepts(ids);
  if (first.data === null) return <NotFound />;
  if (!first.data) return <Status state={first} />;
  if (!otherId) return <NoParallel title={first.data.document.title} docId={props.docId} />;
  if (!pair.data) return <Status state={pair} />;
  const [a, b] = pair.data;
  if (!a) return <NotFound />;
  // The other version the document names is not in the corpus.
  if (!b) return <NoParallel title={a.document.title} docId={props.docId} />;
  return (
    <ParallelView
      {...props.reading}
      details={details.data}
      left={{ doc: a.document, passages: a.passages }}
      right={{ doc: b.document, passages: b.passages }}
      passageId={props.passageId}
    />
  );
}

export function ConceptRoute(props: {
  conceptId: string;
  reading: Reading;
  docs: OccurrenceDoc[] | undefined;
}) {
  const details = useConcept(props.conceptId);
  const docMap = useMemo(() => new Map((props.docs ?? []).map((d) => [d.id, d])), [props.docs]);
  const { labelLang, summaries } = props.reading;
  useEffect(() => {
    const c = details.data?.concept;
    if (c) document.title = `${labelIn(c.labels, labelLang)} — ${t('extName')}`;
  }, [details.data]);
  if (details.data === null) return <NotFound />;
  if (!details.data) return <Status state={details} />;
  return <ConceptView details={details.data} summaries={summaries} docs={docMap} labelLang={labelLang} />;
}

/** The glossary: the filter is read locally (names, pinyin) and by the search (acronyms,
 * misspellings, questions: the concepts it names). */
export function GlossaryRoute(props: { reading: Reading }) {
  const [filter, setFilter] = useState('');
  const [category, setCategory] = useState<Category | ''>('');
  const [country, setCountry] = useState<Country | ''>('');
  const search = useSearch(filter.trim().length >= 2 ? filter : '', 10);
  const { summaries, labelLang } = props.reading;
  useEffect(() => {
    document.title = `${t('glossaryHeading')} — ${t('extName')}`;
  }, []);
  const named = useMemo(() => {
    const r = search.answered === filter.trim() ? search.result : undefined;
    return new Set([...(r?.concepts ?? []).filter((c) => c.score <= 0.5).map((c) => c.conceptId)]);
  }, [search.result, search.answered, filter]);
  const all = useMemo(() => [...(summaries?.values() ?? [])], [summaries]);
  const groups = useMemo(
    () => glossaryGroups(all, { text: filter, category, country, lang: labelLang, named }),
    [all, filter, category, country, labelLang, named],
  );
  if (!summaries) return <Status state={{ loading: true, error: undefined }} />;
  return (
    <GlossaryView
      groups={groups}
      total={all.length}
      filter={filter}
      category={category}
      country={country}
      labelLang={labelLang}
      onFilter={setFilter}
      onCategory={setCategory}
      onCountry={setCountry}
    />
  );
}
