// The reader's search: the popup's search panel (same hook, same results), opening passages and
// concepts in the reader itself. The query is kept in the hash (#search/<q>) so Back returns to it.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { DocInfo } from '../../components/popup/ResultList.tsx';
import { SearchPanel } from '../../components/popup/SearchPanel.tsx';
import { routeHash } from '../../components/reader/route.ts';
import { usePopupSearch } from '../../hooks/use-popup-search.ts';
import type { Lang } from '../../lib/core/types.ts';
import { t } from '../../lib/i18n.ts';
import type { Reading } from './routes.tsx';

export function SearchRoute(props: {
  query: string;
  reading: Reading;
  docs: ReadonlyArray<{ id: string; title: string; date: string; lang: Lang }> | undefined;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const open = (passageId: string) => void (location.hash = passageId);
  const s = usePopupSearch(props.query, (hit) => open(hit.passageId));
  const { summaries, labelLang } = props.reading;
  useEffect(() => {
    document.title = `${t('readerSearchHeading')} — ${t('extName')}`;
    inputRef.current?.focus();
  }, []);
  // Replaced, not pushed: one history entry for the search, whatever was typed.
  useEffect(() => {
    history.replaceState(null, '', routeHash({ view: 'search', query: s.query.trim() }));
  }, [s.query]);
  const docInfo = useMemo(
    () =>
      new Map<string, DocInfo>(
        (props.docs ?? []).map((d) => [d.id, { title: d.title, date: d.date, lang: d.lang }]),
      ),
    [props.docs],
  );
  const suggested = useMemo(
    () =>
      [...(summaries?.values() ?? [])]
        .filter((c) => c.occurrenceCount > 0)
        .sort((a, b) => b.occurrenceCount - a.occurrenceCount || a.id.localeCompare(b.id))
        .slice(0, 10),
    [summaries],
  );
  return (
    <section class="reader-search" aria-labelledby="search-h">
      <h1 id="search-h">{t('readerSearchHeading')}</h1>
      <SearchPanel
        query={s.query}
        inputRef={inputRef}
        showing={s.showing}
        answered={s.answered}
        pending={s.pending}
        error={s.error}
        groups={s.groups}
        count={s.flat.length}
        activeId={s.activeId}
        inputCut={s.inputCut}
        docs={docInfo}
        concepts={summaries}
        suggested={suggested}
        labelLang={labelLang}
        onInput={s.onInput}
        onKeyDown={s.onKeyDown}
        onOpen={(hit) => open(hit.passageId)}
        onHover={s.setActiveHit}
        onRetry={s.retry}
        onOpenConcept={(id) => void (location.hash = `concept/${id}`)}
        onPick={(text) => {
          s.setQuery(text);
          inputRef.current?.focus();
        }}
      />
    </section>
  );
}
