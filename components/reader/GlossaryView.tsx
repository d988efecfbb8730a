import { CATEGORIES } from '../../lib/core/categories.ts';
import type { GlossaryGroup } from '../../lib/core/glossary-list.ts';
import type { Category, Country, Lang } from '../../lib/core/types.ts';
import { labelIn, t } from '../../lib/i18n.ts';
import { categoryName, occurrences } from '../labels.ts';
import { htmlLang } from './DocumentView.tsx';

const COUNTRIES: readonly Country[] = ['CN', 'VN'];

/** The glossary: every concept by category, a filter box, a category and a country choice
 * (issue #11). */
export function GlossaryView(props: {
  groups: GlossaryGroup[];
  total: number;
  filter: string;
  category: Category | '';
  country: Country | '';
  labelLang: Lang;
  onFilter: (text: string) => void;
  onCategory: (c: Category | '') => void;
  onCountry: (c: Country | '') => void;
}) {
  const shown = props.groups.reduce((n, g) => n + g.concepts.length, 0);
  return (
    <section class="glossary" aria-labelledby="glossary-h">
      <h1 id="glossary-h">{t('glossaryHeading')}</h1>
      <p class="muted">{t('glossaryIntro')}</p>
      <div class="glossary-controls" role="search">
        <label>
          {t('glossaryFilter')}{' '}
          <input
            type="search"
            class="glossary-filter"
            value={props.filter}
            maxLength={200}
            onInput={(e) => props.onFilter(e.currentTarget.value)}
          />
        </label>{' '}
        <label>
          {t('glossaryCategory')}{' '}
          <select
            class="glossary-category"
            value={props.category}
            onChange={(e) => props.onCategory(e.currentTarget.value as Category | '')}
          >
            <option value="">{t('glossaryAllCategories')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryName(c)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('glossaryCountry')}{' '}
          <select
            class="glossary-country"
            value={props.country}
            onChange={(e) => props.onCountry(e.currentTarget.value as Country | '')}
          >
            <option value="">{t('glossaryAllCountries')}</option>
            {COUNTRIES.map((c) => (
              <option key={c} value={c}>
                {t(c === 'CN' ? 'countryCN' : 'countryVN')}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p class="muted small glossary-count" role="status" aria-live="polite">
        {shown === 0 && props.filter.trim()
          ? t('glossaryNone', props.filter.trim().slice(0, 80))
          : t('glossaryShown', [shown, props.total])}
      </p>
      {props.groups.map((g) => (
        <section key={g.category} class={`glossary-group cat-${g.category}`} data-category={g.category}>
          <h2>
            <span class="cat-dot" aria-hidden="true" />
            {categoryName(g.category)}
          </h2>
          <ul class="glossary-list">
            {g.concepts.map((c) => {
              const label = labelIn(c.labels, props.labelLang);
              const zh = c.labels['zh-Hans'];
              return (
                <li key={c.id} data-concept={c.id}>
                  <a href={`#concept/${c.id}`}>{label}</a>
                  {zh && zh !== label ? (
                    <span class="muted" lang={htmlLang('zh-Hans')}>
                      {' '}
                      {zh}
                    </span>
                  ) : null}
                  {c.pinyin ? (
                    <span class="muted pinyin" lang="zh-Latn-pinyin">
                      {' '}
                      {c.pinyin}
                    </span>
                  ) : null}
                  <span class="muted small">
                    {' '}
                    · {c.occurrenceCount === 0 ? t('notInLibrary') : occurrences(c.occurrenceCount)}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </section>
  );
}
