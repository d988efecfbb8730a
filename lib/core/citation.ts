// The pieces citations share: passage links in the reader, numbers, Markdown and whitespace.
// The formats themselves are in ./library/citation-formats.ts.
import type { Passage } from './types.ts';

export type CitationPassage = Pick<Passage, 'id' | 'index'>;

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
