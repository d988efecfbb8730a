// Pure: turns passage.section paths into headings for the document view.
import type { Passage } from '../../lib/core/types.ts';

export interface Block {
  passage: Passage;
  /** Headings to show before the passage: section titles that start here. level 0 = outermost. */
  headings: Array<{ level: number; text: string }>;
  /**
   * The passage begins with the title of its innermost section (which starts here): the first
   * `titleLength` characters are shown as that section's heading (level `titleLevel`).
   * Equal to the text length when the passage is the title alone. 0 when not.
   */
  titleLength: number;
  titleLevel: number;
}

export function sectionBlocks(passages: readonly Passage[]): Block[] {
  let prev: string[] = [];
  return passages.map((p) => {
    const path = p.section ?? [];
    let common = 0;
    while (common < path.length && common < prev.length && path[common] === prev[common]) common++;
    const headings: Block['headings'] = [];
    for (let i = common; i < path.length; i++) headings.push({ level: i, text: path[i]! });
    prev = path;
    let titleLength = 0;
    let titleLevel = 0;
    const last = headings[headings.length - 1];
    if (last && last.level === path.length - 1) {
      const len = prefixLength(p.text, last.text);
      if (len > 0) {
        headings.pop();
        titleLength = len;
        titleLevel = last.level;
      }
    }
    return { passage: p, headings, titleLength, titleLevel };
  });
}

/** Length of the prefix of `text` equal to `title` ignoring whitespace; 0 when it is not a prefix. */
function prefixLength(text: string, title: string): number {
  const t = title.replace(/\s+/g, '');
  if (!t) return 0;
  let i = 0;
  let j = 0;
  while (i < text.length && j < t.length) {
    if (/\s/.test(text[i]!)) {
      i++;
      continue;
    }
    if (text[i] !== t[j]) return 0;
    i++;
    j++;
  }
  if (j < t.length) return 0;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}
