// "Add this page to my library" (popup button, context menu): the article of a tab, extracted in
// the tab on the user's click (entrypoints/extract-article.ts through scripting.executeScript;
// activeTab grants the tab for that click, no host permission), becomes a document import.
import { cutSafe, LIBRARY_LABEL_MAX, LIBRARY_URL_MAX } from '../../core/limits.ts';
import { langFromTag } from '../../core/lang.ts';
import type { DocumentImport } from '../../core/library/schema.ts';
import type { Lang } from '../../core/types.ts';
import type { ExtractedArticle } from '../../extract/article.ts';

/** The unlisted script's path in the build (WXT: entrypoints/<name>.ts -> /<name>.js). */
export const EXTRACT_SCRIPT = '/extract-article.js';

/** The language of a text by its script, when the page does not say (or says something else). */
function langOfText(text: string): Lang {
  const sample = text.slice(0, 5000);
  const count = (re: RegExp) => sample.match(re)?.length ?? 0;
  const kana = count(/[\u3040-\u30ff]/g);
  const han = count(/[\u3400-\u9fff]/g);
  if (kana > 0 && kana * 10 >= han) return 'ja';
  if (han > 0) return 'zh-Hans';
  if (count(/[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu) > 3) return 'vi';
  return 'en';
}

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})/;

/** yyyy-mm-dd of a date as the user's clock reads it (the access date citations give). */
export function localDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const label = (s: string) => cutSafe(s.replace(/\s+/g, ' ').trim(), LIBRARY_LABEL_MAX);

/** The import of an extracted article, accessed on `today`; an error message when it cannot be one. */
export function articleImport(a: ExtractedArticle, today: Date): DocumentImport | string {
  if (!a.text.trim()) return 'No article text was found on this page.';
  const url = /^https?:\/\//.test(a.url) && a.url.length <= LIBRARY_URL_MAX ? a.url : undefined;
  const title = label(a.title) || label(url ?? '') || 'Untitled page';
  const date = ISO_DAY.exec(a.publishedTime)?.[1] ?? '';
  const byline = label(a.byline);
  const site = label(a.siteName);
  return {
    text: a.text,
    meta: {
      title,
      lang: langFromTag(a.lang) ?? langOfText(a.text),
      date: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(date) ? date : '',
      accessed: localDay(today),
      translation: false,
      tags: [],
      format: 'page',
      ...(url ? { url } : {}),
      ...(byline ? { byline } : {}),
      ...(site ? { site } : {}),
    },
  };
}

/** Runs the extraction script in the tab's top frame; what it returned, or why nothing came. */
export type RunExtraction = (tabId: number) => Promise<unknown>;

export function isExtractedArticle(x: unknown): x is ExtractedArticle {
  if (typeof x !== 'object' || x === null) return false;
  const a = x as Record<string, unknown>;
  return ['title', 'byline', 'siteName', 'publishedTime', 'lang', 'url', 'text'].every(
    (k) => typeof a[k] === 'string',
  );
}
