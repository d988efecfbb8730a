// Citation formatter: pure, no browser APIs. The reader passes the extension's reader URL.
import type { DocumentMeta, Passage } from './types.ts';

export type CitationDoc = Pick<DocumentMeta, 'id' | 'title' | 'titleEn' | 'date' | 'place' | 'body'>;
export type CitationPassage = Pick<Passage, 'id' | 'index'>;

export interface Citation {
  text: string;
  markdown: string;
  url: string;
}

/** The reader link for a passage: `<readerUrl>#<docId>/<pNN>`. `readerUrl` is the reader page URL. */
export function passageUrl(readerUrl: string, passageId: string): string {
  const base = readerUrl.split('#')[0] ?? readerUrl;
  return `${base}#${passageId}`;
}

/** 1-based passage number shown to people. */
export function passageNumber(p: CitationPassage): number {
  return p.index + 1;
}

// Markdown link text and titles must not break the link syntax.
export function mdEscape(s: string): string {
  return s.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

// encodeURIComponent leaves parentheses as they are, and a ")" would end the link target.
export function mdUrl(u: string): string {
  return u.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Formats a citation of one passage.
 *   text:     Title (English title). Place, 2021-01-22, para. 13. <url>
 *   markdown: [Title](url) (*English title*). Place, 2021-01-22, para. 13.
 * `paraLabel` lets the UI localise "para."; the English title is omitted when equal to the title.
 */
export function formatCitation(
  doc: CitationDoc,
  passage: CitationPassage,
  readerUrl: string,
  opts: { paraLabel?: string } = {},
): Citation {
  const url = passageUrl(readerUrl, passage.id);
  const para = `${opts.paraLabel ?? 'para.'} ${passageNumber(passage)}`;
  const title = oneLine(doc.title);
  const titleEn = oneLine(doc.titleEn);
  const showEn = titleEn !== '' && titleEn !== title;
  const tail = [oneLine(doc.place), doc.date, para].filter((s) => s !== '').join(', ');
  const text = `${title}${showEn ? ` (${titleEn})` : ''}. ${tail}. ${url}`;
  const markdown = `[${mdEscape(title)}](${mdUrl(url)})${showEn ? ` (*${mdEscape(titleEn)}*)` : ''}. ${mdEscape(tail)}.`;
  return { text, markdown, url };
}
