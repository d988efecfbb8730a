// The article of a page, for "Add this page to my library" (run in the tab by
// entrypoints/extract-article.ts). Readability works on a copy of the page imported into an inert
// document: Readability rewrites the tree it is given (and sets innerHTML on parts of it), which
// in the live document's ownership could load images or run handlers of the page; an inert
// document has no browsing context, so nothing loads and nothing runs. The text is read from the
// resulting element block by block, never serialised to HTML.
import { Readability } from '@mozilla/readability';
import { blocksToText } from './block-text.ts';

/** What the background receives (plain data: it crosses executeScript's structured clone). */
export interface ExtractedArticle {
  title: string;
  byline: string;
  siteName: string;
  publishedTime: string;
  lang: string;
  url: string;
  /** Paragraphs separated by blank lines. */
  text: string;
}

/** The page's article, or null when Readability finds none. Never throws. */
export function extractArticle(page: Document): ExtractedArticle | null {
  try {
    const inert = page.implementation.createHTMLDocument(page.title);
    inert.replaceChild(inert.importNode(page.documentElement, true), inert.documentElement);
    const article = new Readability(inert, { serializer: (el: Node) => el }).parse();
    const content = article?.content;
    const text = content ? blocksToText(content) : '';
    if (!article || !text) return null;
    return {
      title: (article.title ?? '').trim() || page.title.trim(),
      byline: (article.byline ?? '').trim(),
      siteName: (article.siteName ?? '').trim(),
      publishedTime: (article.publishedTime ?? '').trim(),
      lang: (article.lang ?? page.documentElement.lang ?? '').trim(),
      url: page.location?.href ?? page.URL,
      text,
    };
  } catch {
    return null;
  }
}
