// Corpus build, parsing: a seed file and its manifest entry become a document and its paragraph
// passages (offsets, section paths). Cleaning, sections, alignment and the manifest live in
// corpus-{clean,sections,align,manifest}.ts; alignment and manifest validation are re-exported
// here for the build. Pure: no I/O, no DOM.
//
// Decisions (documented here and in the tests):
// - One non-empty line of a seed file is one paragraph (true of all five seed files; the
//   pages put an empty line, or an empty line + a no-break-space line + an empty line,
//   between paragraphs).
// - The title line and the dateline are content: they are passages (index 0 and 1 where
//   present) with section []. 004 has no title line; its supplied title lives only in the
//   manifest, so its passage 0 is the first sentence of the report.
// - Cleaning removes furniture lines (and the trailing browse counter of 003's dateline) by
//   rule; every removal is recorded with its kind, verbatim text and 1-based seed line.
//   Empty lines ('') are paragraph separators and are not recorded; lines made only of
//   whitespace (NBSP, ideographic space, ...) are recorded as 'blank-line'.
// - Kept lines are trimmed at both ends; nothing else changes (no NFKC, no inner whitespace).
// - The cleaned document text is the passages joined by "\n\n".
// - Sections come from numbered headings at the start of a paragraph only (一、 / (一) / 1. /
//   第一に、). 003's 第一に/第二に/第三に occur inside paragraphs 03 and 70, so they do not open
//   sections.

import { cleanSeed, type CleanOptions } from './corpus-clean.ts';
import type { ManifestEntry } from './corpus-manifest.ts';
import { computeSections } from './corpus-sections.ts';
import type { CorpusDocument, Passage } from './types.ts';

export { alignVersions } from './corpus-align.ts';
export { validateManifest, type ManifestEntry } from './corpus-manifest.ts';

export interface ParsedDocument {
  document: CorpusDocument;
  passages: Passage[];
  /** 1-based seed line of each passage (parallel to passages). */
  passageLines: number[];
}

export function passageId(docId: string, index: number, count: number): string {
  const width = Math.max(2, String(Math.max(0, count - 1)).length);
  return `${docId}/p${String(index).padStart(width, '0')}`;
}

export const PARAGRAPH_SEPARATOR = '\n\n';

/** Parse one seed file with its manifest entry (`options`: see CleanOptions; a user's text skips the rules). */
export function parseDocument(seed: string, meta: ManifestEntry, options: CleanOptions = {}): ParsedDocument {
  const { lines, removed } = cleanSeed(seed, options);
  const texts = lines.map((l) => l.text);
  const sections = computeSections(texts);
  const passages: Passage[] = [];
  let offset = 0;
  texts.forEach((text, index) => {
    if (index > 0) offset += PARAGRAPH_SEPARATOR.length;
    passages.push({
      id: passageId(meta.id, index, texts.length),
      docId: meta.id,
      index,
      text,
      start: offset,
      end: offset + text.length,
      section: sections[index] ?? [],
    });
    offset += text.length;
  });
  const document: CorpusDocument = {
    ...meta,
    removed,
    text: texts.join(PARAGRAPH_SEPARATOR),
    passageIds: passages.map((p) => p.id),
  };
  return { document, passages, passageLines: lines.map((l) => l.line) };
}
