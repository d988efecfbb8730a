// Corpus build, structure: section paths of a document's paragraphs from their numbered headings
// (一、 / (一) / 1. / 第一に、 at the start of a paragraph only).

/** Heading levels: 1 = 一、 / 第一章; 2 = (一) （一）; 3 = 1. / (1) / 第一に. */
export function headingLevel(text: string): number {
  if (/^[一二三四五六七八九十百]+、/.test(text)) return 1;
  if (/^第[一二三四五六七八九十百]+[章部編编節节]/.test(text)) return 1;
  if (/^[(（][一二三四五六七八九十]+[)）]/.test(text)) return 2;
  if (/^[(（][0-9０-９]+[)）]/.test(text)) return 3;
  if (/^[0-9０-９]+[.．、](?![0-9０-９])/.test(text)) return 3;
  if (/^第[一二三四五六七八九十]+に[、，,]/.test(text)) return 3;
  return 0;
}

const MAX_TITLE = 80;

/** The heading's title: the paragraph up to its first sentence end, else the whole line. */
export function headingTitle(text: string): string {
  const m = /^[^。．！？!?]*[。．！？!?]/.exec(text);
  const t = m && m[0].length < text.length ? m[0] : text;
  return t.length > MAX_TITLE ? t.slice(0, MAX_TITLE - 1) + '…' : t;
}

/**
 * Section paths for a list of paragraph texts. A heading paragraph belongs to its own
 * section. An unnumbered paragraph that follows a numbered sub-item (level >= 2) closes all
 * sections: in these reports, such paragraphs are the conclusion (003's "次のステップでは…"),
 * the signature and the date. An unnumbered paragraph right after a top-level heading (before
 * any sub-item) stays in that heading's section.
 */
export function computeSections(texts: string[]): string[][] {
  const stack: Array<{ level: number; title: string }> = [];
  let lastLevel = 0;
  return texts.map((text) => {
    const level = headingLevel(text);
    if (level > 0) {
      while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
      stack.push({ level, title: headingTitle(text) });
      lastLevel = level;
    } else if (lastLevel >= 2) {
      // unnumbered paragraph after a sub-item: close level-3 items first; if the sub-item
      // was level 2 (or deeper), the paragraph is outside the numbered structure.
      stack.length = 0;
      lastLevel = 0;
    }
    return stack.map((s) => s.title);
  });
}
