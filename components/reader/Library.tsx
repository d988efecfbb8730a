import type { Lang } from '../../lib/core/types.ts';
import { langName, t } from '../../lib/i18n.ts';
import { DocDate } from '../DocDate.tsx';

export interface LibraryDoc {
  id: string;
  title: string;
  titleEn: string;
  date: string;
  place: string;
  lang: Lang;
  originalLang: Lang;
  translation: boolean;
  versions: string[];
  conceptCount: number;
  passageCount: number;
  /** 'user': a document the user imported (marked "Mine"); absent: the bundled corpus. */
  origin?: 'user' | undefined;
}

/** Pure: newest first, then by id. */
export function sortByDate<T extends { date: string; id: string }>(docs: readonly T[]): T[] {
  return [...docs].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}

export function Library({ docs }: { docs: LibraryDoc[] }) {
  return (
    <section aria-labelledby="library-h" class="library">
      <h1 id="library-h">{t('libraryHeading')}</h1>
      <p class="muted">{t('libraryIntro', docs.length)}</p>
      <ol class="doc-list">
        {sortByDate(docs).map((d) => (
          <li key={d.id} class="doc-card" data-doc={d.id}>
            <h2 class="doc-card-title">
              <a href={`#${d.id}`} lang={d.lang === 'zh-Hans' ? 'zh-CN' : d.lang}>
                {d.title}
              </a>{' '}
              <span
                class={`doc-origin${d.origin === 'user' ? ' mine' : ''}`}
                data-origin={d.origin ?? 'bundled'}
              >
                {d.origin === 'user' ? t('libMine') : t('libBundled')}
              </span>
            </h2>
            {d.titleEn && d.titleEn !== d.title ? (
              <p class="doc-card-en" lang="en">
                {d.titleEn}
              </p>
            ) : null}
            <dl class="doc-facts">
              <div>
                <dt>{t('metaDate')}</dt>
                <dd>
                  <DocDate value={d.date} />
                </dd>
              </div>
              <div>
                <dt>{t('metaPlace')}</dt>
                <dd>{d.place}</dd>
              </div>
              <div>
                <dt>{t('metaLanguage')}</dt>
                <dd>
                  {langName(d.lang)}
                  {d.translation ? ` (${t('translatedFrom', langName(d.originalLang))})` : ''}
                </dd>
              </div>
              <div>
                <dt>{t('metaConcepts')}</dt>
                <dd class="concept-count">{d.conceptCount}</dd>
              </div>
            </dl>
            {d.versions.length ? (
              <p class="doc-versions">
                <a href={`#${d.id}?parallel`} class="button">
                  {t('openParallel')}
                </a>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
