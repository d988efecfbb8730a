// A user's document through the corpus pipeline (issue #12): the stored record becomes a manifest
// entry and one-paragraph-per-line text, then runs the very ingestDocument the build runs on the
// seed files, so its passages (`<docId>/pNN`), sections and occurrences of the bundled concepts
// come out as the bundled documents' do. Pure.
import type { ManifestEntry } from '../corpus.ts';
import { pairSafeEnd, USER_PASSAGE_MAX } from '../limits.ts';
import { headingLevel } from '../corpus-sections.ts';
import { ingestDocument, type IngestedDocument } from '../pipeline/ingest.ts';
import type { Matcher } from '../term-matcher.ts';
import type { UserDocumentRecord } from './schema.ts';

/** The record's metadata as the corpus sees a document (fields the bundled manifest has, filled). */
export function userManifestEntry(record: UserDocumentRecord): ManifestEntry {
  const m = record.meta;
  return {
    id: record.id,
    title: m.title,
    titleSupplied: false,
    titleEn: '',
    date: m.date,
    place: '',
    body: m.publisher ?? '',
    lang: m.lang,
    originalLang: m.originalLang ?? m.lang,
    translation: m.translation,
    seedFile: m.fileName ?? '',
    versions: [],
    origin: 'user',
    tags: [...m.tags],
    ...(m.url ? { url: m.url } : {}),
    ...(m.accessed ? { accessed: m.accessed } : {}),
    ...(m.byline ? { byline: m.byline } : {}),
    ...(m.site ? { site: m.site } : {}),
  };
}

// A line ending here ends its paragraph (CJK and Latin sentence ends, closing quotes, colons).
const SENTENCE_END = /[。．！？!?.:：;；」』"”）)]$/;
// A line starting like this opens a paragraph of its own (list items, Markdown headings, quotes).
const OPENS_ITEM = /^(?:[-*•·▪◦]\s|#{1,6}\s|>\s?|\d{1,3}[.)、]\s?|[(（][\d一二三四五六七八九十]+[)）])/;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
/** A wrapped line is close to the block's longest; a much shorter one ends its paragraph. */
const SHORT_LINE = 0.6;

function opensItem(line: string): boolean {
  return OPENS_ITEM.test(line) || headingLevel(line) > 0;
}

/** Longest line read as a heading of its own ("一、过去一年的工作", "## Tasks"). */
const HEADING_MAX = 40;

/** A short numbered or marked line that does not stop mid-clause is a heading: it ends there. */
function isHeading(line: string): boolean {
  return line.length <= HEADING_MAX && opensItem(line) && !/[，,、；;:：]$/.test(line);
}

/** Two wrapped lines as one: no space between CJK characters, nor after a hyphen. */
function joinWrapped(a: string, b: string): string {
  const last = a.slice(-1);
  const first = b.slice(0, 1);
  if ((CJK.test(last) && CJK.test(first)) || (/\p{L}-$/u.test(a) && /^\p{Ll}/u.test(b))) return a + b;
  return `${a} ${b}`;
}

/**
 * The paragraphs of one block of lines (a blank-line-separated block, or a whole text without
 * blank lines). A line is a paragraph of its own when it ends a sentence, is clearly shorter than
 * the block's longest line (a title, a paragraph's last line), is a heading or the next one opens
 * an item;
 * otherwise it was wrapped (a hard-wrapped .txt, a PDF's lines) and the next line continues it.
 */
function blockParagraphs(lines: readonly string[]): string[] {
  const longest = Math.max(...lines.map((l) => l.length));
  const out: string[] = [];
  let current = '';
  lines.forEach((line, i) => {
    current = current ? joinWrapped(current, line) : line;
    const next = lines[i + 1];
    const ends =
      next === undefined ||
      SENTENCE_END.test(line) ||
      line.length < longest * SHORT_LINE ||
      isHeading(line) ||
      opensItem(next);
    if (ends) {
      out.push(current);
      current = '';
    }
  });
  return out;
}

// Where a long paragraph may be cut: after a sentence end (and its closing quote), else at a space.
const CUT_AFTER = /[。．！？；][」』”）]?|[.!?;]["”)]?\s+|\s+/g;

/** A paragraph cut into pieces of at most `max` characters, at sentence ends where there are any. */
export function splitLong(paragraph: string, max = USER_PASSAGE_MAX): string[] {
  const out: string[] = [];
  let rest = paragraph;
  while (rest.length > max) {
    let cut = 0;
    let sentenceCut = 0;
    CUT_AFTER.lastIndex = 0;
    for (let m = CUT_AFTER.exec(rest); m && m.index < max; m = CUT_AFTER.exec(rest)) {
      const end = m.index + m[0].length;
      if (end > max) break;
      if (/\S/.test(m[0])) sentenceCut = end;
      cut = end;
    }
    // a sentence end in the second half of the window is preferred to a later space; with
    // neither there (CJK text without punctuation), a plain cut
    const at = sentenceCut > max / 2 ? sentenceCut : cut > max / 2 ? cut : pairSafeEnd(rest, max);
    out.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest) out.push(rest);
  return out.filter((p) => p.length > 0);
}

/**
 * Plain text (paragraphs separated by blank lines, as every reader of lib/import/ gives it) as the
 * paragraphs the pipeline makes passages of. Lines of whitespace count as blank; wrapped lines are
 * joined; over-long paragraphs are cut.
 */
export function userParagraphs(text: string): string[] {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const blocks: string[][] = [[]];
  for (const raw of lines) {
    const line = raw.replace(/^[\s\u200b\u2060]+|[\s\u200b\u2060]+$/g, '');
    if (line) blocks[blocks.length - 1]!.push(line);
    else if (blocks[blocks.length - 1]!.length > 0) blocks.push([]);
  }
  return blocks.filter((b) => b.length > 0).flatMap((b) => blockParagraphs(b).flatMap((p) => splitLong(p)));
}

/**
 * One stored document through the corpus pipeline, matched with `matcher` (the bundled one: its
 * occurrences point at the bundled concepts; user concepts are matched separately, since their
 * matcher changes with the lists). The seed pages' furniture rules are not applied.
 */
export function ingestUserDocument(record: UserDocumentRecord, matcher: Matcher): IngestedDocument {
  const text = userParagraphs(record.text).join('\n\n');
  return ingestDocument({ entry: userManifestEntry(record), text, cleanRules: false }, matcher);
}
