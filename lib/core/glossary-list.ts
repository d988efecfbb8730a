// Pure: the reader's glossary list (issue #11): every concept, filtered as the user types and by
// category, grouped by category, A–Z in the UI language (pinyin order for Chinese).
import { CATEGORIES } from './categories.ts';
import type { Category, ConceptSummary, Lang } from './types.ts';

export interface GlossaryGroup {
  category: Category;
  concepts: ConceptSummary[];
}

export interface GlossaryFilter {
  /** What the user typed ('' for all). */
  text: string;
  /** One category, or all. */
  category: Category | '';
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

/** The sort key of a concept in the UI language: its label, or for Chinese its pinyin. */
function sortKey(c: ConceptSummary, lang: Lang): string {
  if ((lang === 'zh-Hans' || lang === 'zh-Hant') && c.pinyin) return foldForFilter(c.pinyin);
  return foldForFilter(c.labels[lang] || c.labels.en);
}

export function glossaryGroups(all: readonly ConceptSummary[], f: GlossaryFilter): GlossaryGroup[] {
  const text = foldForFilter(f.text);
  const shown = all.filter(
    (c) => (!f.category || c.category === f.category) && (!text || matches(c, text) || f.named?.has(c.id)),
  );
  const collator = new Intl.Collator(f.lang === 'zh-Hans' || f.lang === 'zh-Hant' ? 'en' : f.lang);
  return CATEGORIES.map((category) => ({
    category,
    concepts: shown
      .filter((c) => c.category === category)
      .sort((a, b) => collator.compare(sortKey(a, f.lang), sortKey(b, f.lang)) || (a.id < b.id ? -1 : 1)),
  })).filter((g) => g.concepts.length > 0);
}
