// .html / .htm files: the article body, as Readability (Firefox's Reader View) finds it, in a
// document made by DOMParser — inert: no script runs, nothing is fetched. Block elements become
// paragraphs; the page's own metadata (og:, article:, citation_, <html lang>, canonical) fills
// the document's.
import { Readability } from '@mozilla/readability';
import { finish, type FoundMeta, type ReadResult } from './finish.ts';

const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'THEAD',
  'TR',
  'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH']);

/** The text of an element, a paragraph per block element (blank line between), <br> a line break. */
export function blocksToText(root: Node): string {
  const paras: string[] = [];
  let cur = '';
  const end = () => {
    const p = cur
      .replace(/[ \t\r\f\v]+/g, ' ')
      .replace(/ ?\n ?/g, '\n')
      .trim();
    if (p) paras.push(p);
    cur = '';
  };
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      cur += (n.nodeValue ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (n.nodeType !== 1) return;
    const tag = (n as Element).tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === 'BR') {
      cur += '\n';
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) end();
    if (tag === 'TD' || tag === 'TH') cur += ' ';
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
    if (block) end();
  };
  walk(root);
  end();
  return paras.join('\n\n');
}

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
