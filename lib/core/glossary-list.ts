// Pure: the reader's glossary list (issue #11): every concept, filtered as the user types, by
// category and by country, grouped by category, A–Z in the UI language (pinyin order for Chinese).
//
// "By language" is read as by country: every bundled concept has names in en, ja, zh-Hans and
// zh-Hant, so a filter on "has a label in language X" would keep nearly all of them; what a reader
// wants to narrow is whose party-state vocabulary it is (China's or Vietnam's).
import { CATEGORIES } from './categories.ts';
import type { Category, ConceptSummary, Country, Lang } from './types.ts';

export interface GlossaryGroup {
  category: Category;
  concepts: ConceptSummary[];
}

export interface GlossaryFilter {
  /** What the user typed ('' for all). */
  text: string;
  /** One category, or all. */
  category: Category | '';
  /** One country's concepts, or all. */
  country?: Country | '';
  lang: Lang;
  /** Concepts the search named for `text` (acronyms, pinyin, misspellings: the search's reading). */
  named?: ReadonlySet<string>;
}

/** Lower case, no diacritics, no tone marks, one space: how names are compared with the filter. */
export function foldForFilter(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[\s\-_.,·、，]+/g, ' ')
    .trim();
}

function matches(c: ConceptSummary, text: string): boolean {
  const names = [c.id.replace(/-/g, ' '), ...Object.values(c.labels), c.pinyin ?? ''];
  return names.some((n) => {
    const f = foldForFilter(n ?? '');
    return f.includes(text) || f.replace(/ /g, '').includes(text.replace(/ /g, ''));
  });
}

const isZh = (lang: Lang) => lang === 'zh-Hans' || lang === 'zh-Hant';

/** A–Z in the UI language; for Chinese, the Chinese labels in pinyin order (ICU's zh collation is
 * by pinyin; "co-pinyin" asks for it by name). */
function comparer(lang: Lang): (a: ConceptSummary, b: ConceptSummary) => number {
  const collator = new Intl.Collator(isZh(lang) ? `${lang}-u-co-pinyin` : lang, { sensitivity: 'base' });
  const key = (c: ConceptSummary) => (isZh(lang) ? c.labels[lang] : c.labels[lang] || c.labels.en) ?? '';
  return (a, b) => collator.compare(key(a), key(b)) || (a.id < b.id ? -1 : 1);
}

export function glossaryGroups(all: readonly ConceptSummary[], f: GlossaryFilter): GlossaryGroup[] {
  const text = foldForFilter(f.text);
  const shown = all.filter(
    (c) =>
      (!f.category || c.category === f.category) &&
      (!f.country || c.country === f.country) &&
      (!text || matches(c, text) || f.named?.has(c.id)),
  );
  const compare = comparer(f.lang);
  return CATEGORIES.map((category) => ({
    category,
    concepts: shown.filter((c) => c.category === category).sort(compare),
  })).filter((g) => g.concepts.length > 0);
}
