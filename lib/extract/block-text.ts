// The text of a DOM subtree as paragraphs: one per block element, blank lines between, <br> a line
// break, table cells side by side. Shared by the two ways an HTML article enters the library (an
// imported .html file, lib/import/html.ts; the page in the tab, lib/extract/article.ts) so the same
// article gives the same text, hence the same passages, either way. Read from the DOM as text,
// never serialised.
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
