// Saved page -> plain text for `corpus scan`: a small tokenizer, no DOM library.
// Drops comments, <script>/<style>/<noscript>/<template>/<svg>/<iframe>/<object> contents and
// all tags; block-level tags become line breaks; character references are decoded.

const SKIP_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'head']);
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'title',
  'tr',
  'ul',
]);

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  zwnj: '\u200c',
  zwj: '\u200d',
  shy: '\u00ad',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  trade: '™',
  yen: '¥',
  euro: '€',
  pound: '£',
  cent: '¢',
  sect: '§',
  para: '¶',
  deg: '°',
  plusmn: '±',
  times: '×',
  divide: '÷',
  frac12: '½',
  hyphen: '‐',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?/g, (m, body: string) => {
    if (body[0] === '#') {
      const cp =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(cp) || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(cp);
    }
    const v = NAMED[body] ?? NAMED[body.toLowerCase()];
    return v !== undefined && (m.endsWith(';') || body in NAMED) ? v : m;
  });
}

/** Convert an HTML document to text. The <title> is kept as the first line. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let title = '';
  let i = 0;
  const n = html.length;
  let text = '';
  const flush = () => {
    if (text) out.push(decodeEntities(text));
    text = '';
  };
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text += html.slice(i);
      break;
    }
    text += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (html.startsWith('<![CDATA[', lt)) {
      const end = html.indexOf(']]>', lt + 9);
      text += html.slice(lt + 9, end < 0 ? n : end);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const m = /^<\/?([A-Za-z][A-Za-z0-9:-]*)/.exec(html.slice(lt, lt + 64));
    if (!m) {
      if (html[lt + 1] === '!' || html[lt + 1] === '?') {
        const end = html.indexOf('>', lt);
        i = end < 0 ? n : end + 1;
      } else {
        text += '<';
        i = lt + 1;
      }
      continue;
    }
    // find the end of the tag, respecting quoted attribute values
    let j = lt + m[0].length;
    let quote = '';
    for (; j < n; j++) {
      const c = html[j]!;
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    const name = m[1]!.toLowerCase();
    const closing = html[lt + 1] === '/';
    const selfClosing = html[j - 1] === '/';
    i = j + 1;
    if (BLOCK.has(name)) {
      flush();
      out.push('\n');
    }
    if (!closing && !selfClosing && SKIP_CONTENT.has(name)) {
      const endRe = new RegExp(`</${name}\\s*>`, 'ig');
      endRe.lastIndex = i;
      const e = endRe.exec(html);
      const inner = html.slice(i, e ? e.index : n);
      if (name === 'head') {
        const t = /<title[^>]*>([\s\S]*?)<\/title\s*>/i.exec(inner);
        if (t) title = decodeEntities(t[1]!.replace(/<[^>]*>/g, '')).trim();
      }
      i = e ? e.index + e[0].length : n;
      flush();
      out.push('\n');
      continue;
    }
    if (name === 'title' && !closing) {
      const e = /<\/title\s*>/i.exec(html.slice(i));
      if (e) {
        title = decodeEntities(html.slice(i, i + e.index).replace(/<[^>]*>/g, '')).trim();
        i += e.index + e[0].length;
      }
    }
  }
  flush();
  const body = out
    .join('')
    .split('\n')
    .map((l) => l.replace(/[ \t\r\f\v]+/g, ' ').trim())
    .filter((l) => l.length > 0)
    .join('\n');
  return title ? `${title}\n${body}` : body;
}
