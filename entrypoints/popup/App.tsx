import { useEffect, useMemo, useRef } from 'preact/hooks';
import { PageConcepts } from '../../components/popup/PageConcepts.tsx';
import { PopupHeader } from '../../components/popup/PopupHeader.tsx';
import { SavePage } from '../../components/popup/SavePage.tsx';
import type { DocInfo } from '../../components/popup/ResultList.tsx';
import { SearchPanel } from '../../components/popup/SearchPanel.tsx';
import { ErrorRetry } from '../../components/ErrorRetry.tsx';
import { SettingsControls } from '../../components/SettingsControls.tsx';
import { useConceptSummaries } from '../../hooks/use-concept-summaries.ts';
import { useDocuments } from '../../hooks/use-corpus.ts';
import { openOptionsPage, openReaderTab } from '../../hooks/use-extension.ts';
import { usePageConcepts } from '../../hooks/use-page-concepts.ts';
import { usePopupSearch } from '../../hooks/use-popup-search.ts';
import { useSavePage } from '../../hooks/use-save-page.ts';
import { useSettings } from '../../hooks/use-settings.ts';
import { labelIn, t, uiLabelLang } from '../../lib/i18n.ts';

export function App({ initialQuery, asTab }: { initialQuery: string; asTab: boolean }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const labelLang = useMemo(uiLabelLang, []);
  const s = usePopupSearch(initialQuery, (hit) => void openReaderTab(`#${hit.passageId}`));
  const summaries = useConceptSummaries();
  const docs = useDocuments();
  const page = usePageConcepts();
  const savePage = useSavePage();
  const tabId = page.tabId;
  const { settings, loadError, saveError, retry, setEnabled, setSiteEnabled, setCategoryShown } =
    useSettings();
  useEffect(() => inputRef.current?.focus(), []);

  const docInfo = useMemo(
    () =>
      new Map<string, DocInfo>(
        (docs.data ?? []).map((d) => [
          d.id,
          { title: d.title, date: d.date, lang: d.lang, ...(d.origin ? { origin: d.origin } : {}) },
        ]),
      ),
    [docs.data],
  );
  const suggested = useMemo(
    () =>
      [...(summaries?.values() ?? [])]
        .filter((c) => c.occurrenceCount > 0)
        .sort((a, b) => b.occurrenceCount - a.occurrenceCount || a.id.localeCompare(b.id))
        .slice(0, 10),
    [summaries],
  );

  // Memoised (the same vnode is skipped by Preact's diff): the popup re-renders on every keystroke
  // and every answer, and only the search panel changes then.
  const pageSection = useMemo(
    () => (
      <PageConcepts
        concepts={page.concepts}
        capped={page.capped}
        enabled={page.enabled}
        onReveal={(id) => void page.reveal(id)}
        labelFor={(c) => {
          const sum = summaries?.get(c.conceptId);
          return sum ? labelIn(sum.labels, labelLang) : c.label;
        }}
      />
    ),
    [page.concepts, page.capped, page.enabled, page.reveal, summaries, labelLang],
  );
  // The settings setters write storage and close over no state: `settings` is what changes.
  const settingsSection = useMemo(
    () =>
      settings || loadError ? (
        <section class="popup-settings" aria-labelledby="settings-h">
          <h2 id="settings-h">{t('settingsHeading')}</h2>
          {settings ? (
            <SettingsControls
              idPrefix="popup"
              settings={settings}
              hostname={page.hostname}
              onEnabled={(on) => void setEnabled(on).then(page.refresh)}
              onSite={(h, on) => void setSiteEnabled(h, on).then(page.refresh)}
              onCategory={(c, on) => void setCategoryShown(c, on).then(page.refresh)}
              collapsedCategories
            />
          ) : (
            <ErrorRetry message={t('settingsLoadFailed')} onRetry={retry} />
          )}
          {saveError ? <ErrorRetry message={t('settingsSaveFailed')} /> : null}
        </section>
      ) : null,
    [settings, loadError, saveError, page.hostname, page.refresh],
  );

  return (
    <div class={`popup${asTab ? ' as-tab' : ''}`}>
      <PopupHeader
        onLibrary={() => void openReaderTab('#', !asTab)}
        onGlossary={() => void openReaderTab('#glossary', !asTab)}
        onOptions={openOptionsPage}
      />
      <main>
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
          onOpen={(hit) => void openReaderTab(`#${hit.passageId}`)}
          onHover={s.setActiveHit}
          onRetry={s.retry}
          onOpenConcept={(id) => void openReaderTab(`#concept/${id}`)}
          onPick={(text) => {
            s.setQuery(text);
            inputRef.current?.focus();
          }}
        />
        {pageSection}
        {/* Web pages only (hostname is set for http(s) and file pages, never for extension pages). */}
        {page.hostname && tabId !== undefined ? (
          <SavePage state={savePage.state} onSave={() => void savePage.save(tabId)} />
        ) : null}
        {settingsSection}
      </main>
    </div>
  );
}
