// The article of a page for "Add this page to my library": Readability on an inert copy, text
// block by block, nothing of the live page touched or run.
import { describe, expect, it } from 'vitest';
import { extractArticle } from './article.ts';
import { blocksToText } from './block-text.ts';

const PARAGRAPH =
  'The State Council published the plan on Tuesday, setting out the tasks for the next five years in detail. ';

function page(body: string): Document {
  const doc = document.implementation.createHTMLDocument('Plan published – Example News');
  doc.documentElement.lang = 'en-GB';
  doc.head.append(Object.assign(doc.createElement('meta'), { name: 'author', content: 'Jane Roe' }));
  const site = doc.createElement('meta');
  site.setAttribute('property', 'og:site_name');
  site.setAttribute('content', 'Example News');
  doc.head.append(site);
  const published = doc.createElement('meta');
  published.setAttribute('property', 'article:published_time');
  published.setAttribute('content', '2024-03-05T08:00:00Z');
  doc.head.append(published);
  const parser = new DOMParser();
  const parsed = parser.parseFromString(`<body>${body}</body>`, 'text/html');
  for (const n of [...parsed.body.childNodes]) doc.body.append(doc.importNode(n, true));
  return doc;
}

describe('extractArticle', () => {
  it('returns the article as paragraphs with its metadata, leaving the page as it was', () => {
    const body =
      '<nav><a href="/">Home</a> › <a href="/news">News</a></nav>' +
      '<article><h1>Plan published</h1>' +
      `<p>${PARAGRAPH.repeat(3)}</p><p>Second <b>paragraph</b> ${PARAGRAPH.repeat(2)}</p>` +
      '<ul><li>first task</li><li>second task</li></ul></article>' +
      '<footer>Copyright Example News</footer>';
    const doc = page(body);
    const before = doc.documentElement.outerHTML;
    const a = extractArticle(doc);
    expect(a).not.toBeNull();
    expect(a!.title).toMatch(/Plan published/);
    expect(a!).toMatchObject({ byline: 'Jane Roe', siteName: 'Example News', lang: 'en-GB' });
    expect(a!.publishedTime).toMatch(/^2024-03-05/);
    const paragraphs = a!.text.split('\n\n');
    expect(paragraphs).toContain(`Second paragraph ${PARAGRAPH.repeat(2).trim()}`);
    expect(paragraphs).toEqual(expect.arrayContaining(['first task', 'second task']));
    expect(a!.text).not.toMatch(/Copyright|Home/);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('answers null for a page without an article, and never throws', () => {
    expect(extractArticle(page(''))).toBeNull();
    expect(extractArticle({} as Document)).toBeNull();
  });
});

describe('blocksToText (shared with the .html import)', () => {
  it('puts a blank line between blocks, a line break for <br>, table cells side by side, and skips scripts', () => {
    const root = new DOMParser().parseFromString(
      '<div>one<br>two<p>three   and\nfour</p><script>var x = 1;</script><table><tr><td>a</td><td>b</td></tr></table></div>',
      'text/html',
    ).body;
    expect(blocksToText(root)).toBe('one\ntwo\n\nthree and four\n\na b');
  });
});
