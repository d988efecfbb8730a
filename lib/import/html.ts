// .html / .htm files: the article body, as Readability (Firefox's Reader View) finds it, in a
// document made by DOMParser — inert: no script runs, nothing is fetched. Block elements become
// paragraphs; the page's own metadata (og:, article:, citation_, <html lang>, canonical) fills
// the document's.
import { Readability } from '@mozilla/readability';
import { blocksToText } from '../extract/block-text.ts';
import { finish, type FoundMeta, type ReadResult } from './finish.ts';

function metaContent(doc: Document, ...names: string[]): string | null {
  for (const name of names) {
    const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

/** The page's own metadata, read before Readability changes the document. */
export function htmlMeta(doc: Document): FoundMeta {
  const canonical = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? null;
  return {
    url: metaContent(doc, 'og:url') ?? canonical,
    lang:
      doc.documentElement.getAttribute('lang') ??
      metaContent(doc, 'og:locale', 'language', 'content-language', 'dc.language'),
    date: metaContent(
      doc,
      'article:published_time',
      'citation_publication_date',
      'citation_date',
      'dc.date',
      'DC.date.issued',
      'datePublished',
      'pubdate',
      'publishdate',
    ),
    publisher: metaContent(doc, 'citation_publisher', 'dc.publisher', 'DC.publisher', 'publisher'),
  };
}

export function readHtml(fileName: string, html: string): ReadResult {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const found = htmlMeta(doc);
  const fallbackTitle = doc.title;
  const fallbackText = doc.body ? blocksToText(doc.body) : '';
  let article: ReturnType<Readability<Node>['parse']>;
  try {
    article = new Readability<Node>(doc, { serializer: (n) => n }).parse();
  } catch {
    article = null; // a page Readability cannot read is kept whole (below)
  }
  const text = article?.content ? blocksToText(article.content) : '';
  return finish(fileName, 'html', text || fallbackText, {
    ...found,
    title: article?.title || fallbackTitle,
    byline: article?.byline,
    site: article?.siteName,
    date: found.date ?? article?.publishedTime,
    lang: found.lang ?? article?.lang,
  });
}
