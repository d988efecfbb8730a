import { useEffect, useMemo } from 'preact/hooks';
import { Library } from '../../components/reader/Library.tsx';
import { ReaderShell } from '../../components/reader/ReaderShell.tsx';
import { parseRoute } from '../../components/reader/route.ts';
import { Status } from '../../components/reader/Status.tsx';
import { fetchCardDocs, fetchConceptDetails } from '../../hooks/concept-data.ts';
import { useConceptSummaries } from '../../hooks/use-concept-summaries.ts';
import { useDocuments } from '../../hooks/use-corpus.ts';
import { copyText, readerUrl, searchInTab } from '../../hooks/use-extension.ts';
import { useHash } from '../../hooks/use-hash.ts';
import { t, uiLabelLang } from '../../lib/i18n.ts';
import { ConceptRoute, DocumentRoute, GlossaryRoute, ParallelRoute, type Reading } from './routes.tsx';
import { SearchRoute } from './search-route.tsx';

const cardData = { fetchDetails: fetchConceptDetails, fetchDocs: fetchCardDocs };

export function App() {
  const hash = useHash();
  const route = useMemo(() => parseRoute(hash), [hash]);
  const labelLang = useMemo(uiLabelLang, []);
  const summaries = useConceptSummaries();
  const docs = useDocuments();
  const reading: Reading = {
    summaries,
    labelLang,
    readerUrl: readerUrl(),
    copy: copyText,
    openPassage: (passageId) => void (location.hash = passageId),
    search: searchInTab,
    cardData,
  };

  // A new view starts at the top (a passage route scrolls to its passage instead).
  const viewKey =
    route.view === 'document' || route.view === 'parallel' ? `${route.view}:${route.docId}` : hash;
  useEffect(() => {
    const toPassage = (route.view === 'document' || route.view === 'parallel') && route.passageId;
    if (!toPassage) window.scrollTo(0, 0);
    if (route.view === 'library') document.title = t('readerTitle');
  }, [viewKey]);

  let view;
  switch (route.view) {
    case 'library':
      view = docs.data ? <Library docs={docs.data} /> : <Status state={docs} />;
      break;
    case 'document':
      view = <DocumentRoute docId={route.docId} passageId={route.passageId} reading={reading} />;
      break;
    case 'parallel':
      view = <ParallelRoute docId={route.docId} passageId={route.passageId} reading={reading} />;
      break;
    case 'concept':
      view = <ConceptRoute conceptId={route.conceptId} reading={reading} docs={docs.data} />;
      break;
    case 'glossary':
      view = <GlossaryRoute reading={reading} />;
      break;
    case 'search':
      view = <SearchRoute query={route.query} reading={reading} docs={docs.data} />;
      break;
  }
  return (
    <ReaderShell
      atLibrary={route.view === 'library'}
      atGlossary={route.view === 'glossary'}
      atSearch={route.view === 'search'}
    >
      {view}
    </ReaderShell>
  );
}
