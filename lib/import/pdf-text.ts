// A PDF page's text items → paragraphs. pdf.js gives runs of text with their position; a line
// ends where an item says so (hasEOL) and a paragraph where the gap to the next line is clearly
// wider than the line height (a blank line, a heading's margin). Pure, so node tests cover it.

export interface PdfTextItem {
  str: string;
  hasEOL: boolean;
  /** [a, b, c, d, x, y]: y is the baseline, upwards. */
  transform: number[];
  height: number;
}

const CJK_END = /[\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]$/u;
const CJK_START = /^[\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/u;
/** A gap this many line heights wide between two baselines ends a paragraph. */
const PARAGRAPH_GAP = 1.6;

function join(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  if (/\s$/.test(a) || /^\s/.test(b)) return a + b;
  // "inter-" + "national": a hyphen at a line end joins; CJK lines join without a space.
  if (/[A-Za-z]-$/.test(a) && /^[a-z]/.test(b)) return a.slice(0, -1) + b;
  return CJK_END.test(a) && CJK_START.test(b) ? a + b : `${a} ${b}`;
}

/** One page's text: paragraphs separated by blank lines. */
export function pageText(items: readonly PdfTextItem[]): string {
  const lines: Array<{ text: string; y: number; h: number }> = [];
  let cur = '';
  let y = NaN;
  let h = 0;
  const endLine = () => {
    if (cur.trim()) lines.push({ text: cur.replace(/\s+/g, ' ').trim(), y, h });
    cur = '';
    y = NaN;
    h = 0;
  };
  for (const it of items) {
    if (Number.isNaN(y) && it.str.trim()) {
      y = it.transform[5] ?? 0;
    }
    if (it.str.trim()) h = Math.max(h, it.height || Math.abs(it.transform[3] ?? 0));
    cur += it.str;
    if (it.hasEOL) endLine();
  }
  endLine();
  const paras: string[] = [];
  let para = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    para = join(para, line.text);
    const next = lines[i + 1];
    const gap = next ? line.y - next.y : Infinity;
    const height = Math.max(line.h, next?.h ?? 0, 1);
    // A gap, or the next line above this one (a new column): the paragraph ends.
    if (!next || gap > height * PARAGRAPH_GAP || gap < 0) {
      paras.push(para);
      para = '';
    }
  }
  return paras.join('\n\n');
}

/** Pages → one text and where each page starts in it. */
export function joinPages(pages: readonly string[]): { text: string; pageStarts: number[] } {
  let text = '';
  const pageStarts: number[] = [];
  for (const p of pages) {
    if (text && p) text += '\n\n';
    pageStarts.push(text.length);
    text += p;
  }
  return { text, pageStarts };
}

/** Where the build puts pdf.js's character maps (wxt.config.ts), relative to the extension's root. */
export const PDF_CMAP_DIR = '/pdfjs/cmaps/';

/**
 * pdf.js's load options. The character maps are needed to read CJK text set in fonts a PDF does
 * not embed (a predefined CMap such as UniGB-UCS2-H, as many Chinese and Japanese government PDFs
 * use): without them such a PDF has no extractable text at all. They are read from the
 * extension's own files, never from the network.
 */
export function pdfLoadOptions(data: Uint8Array, cMapUrl: string) {
  return { data, stopAtErrors: false, cMapUrl, cMapPacked: true } as const;
}
