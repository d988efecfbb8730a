// Seed document parsing: cleaning (site furniture only), paragraph passages with offsets and
// section paths, and alignment of language versions. Pure: no I/O, no DOM.
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

import { sortDiagnostics, type Diagnostic, type ParsedFile, type YamlPath } from './glossary.ts';
import type { CorpusDocument, DocumentMeta, Passage, RemovedSpan } from './types.ts';
import { LANGS } from './types.ts';

/** Manifest entry: everything in DocumentMeta except what cleaning computes. */
export type ManifestEntry = Omit<DocumentMeta, 'removed'>;

export interface ParsedDocument {
  document: CorpusDocument;
  passages: Passage[];
  /** 1-based seed line of each passage (parallel to passages). */
  passageLines: number[];
}

// ---------------------------------------------------------------------------------------
// Cleaning rules

/** Whitespace including NBSP, ideographic space, zero-width characters and BOM. */
const WS = '(?:\\s|\\u200b|\\u200c|\\u200d|\\u2060)'; // \s covers NBSP, U+3000 and BOM
const BLANK_RE = new RegExp(`^${WS}*$`);
const TRIM_RE = new RegExp(`^${WS}+|${WS}+$`, 'g');

export function trimLine(s: string): string {
  return s.replace(TRIM_RE, '');
}

interface LineRule {
  kind: string;
  test: (line: string) => boolean;
}

const PRINT_TOKENS = new Set(
  [
    'このページを印刷',
    '印刷',
    '印刷する',
    'ウィンドウを閉じる',
    '閉じる',
    '打印',
    '打印本页',
    '打印此页',
    '关闭',
    '关闭窗口',
    '關閉窗口',
    '關閉視窗',
    'print',
    'print this page',
    'close',
    'close window',
    'in',
    'đóng',
    'in bài viết',
  ].map((t) => t.toLowerCase()),
);

/** Whole-line furniture rules, applied to the trimmed line. */
const LINE_RULES: LineRule[] = [
  {
    // "現在の場所:トップページ", "当前位置：首页 > ...", "Current location: Home"
    kind: 'breadcrumb',
    test: (l) =>
      /^(現在の場所|現在位置|現在地|当前位置|您的位置|您现在的位置|所在位置|Current location|You are here|Vị trí)\s*[:：]/i.test(
        l,
      ),
  },
  {
    // ">政務公開>公示公告", "首页 > 政务公开 > 通知公告"
    kind: 'breadcrumb',
    test: (l) =>
      /^[>＞»›]\s*[^>＞»›]+(\s*[>＞»›]\s*[^>＞»›]+)*$/.test(l) ||
      /^(トップページ|首页|Home)\s*[>＞»›]/.test(l),
  },
  { kind: 'footer', test: (l) => /^Produced By\b/i.test(l) },
  {
    kind: 'footer',
    test: (l) => /^(Copyright|版权所有|©)/i.test(l),
  },
  {
    // "このページを印刷 ウィンドウを閉じる", "[打印本页] [关闭窗口]", "Print | Close"
    kind: 'print-link',
    test: (l) => {
      const tokens = l
        .split(/[\s|｜【】[\]「」]+/)
        .map((t) => t.trim().toLowerCase())
        .filter((t) => t.length > 0);
      if (tokens.length === 0) return false;
      // at least one token must be an unambiguous print/close word (not just "in")
      return tokens.every((t) => PRINT_TOKENS.has(t)) && tokens.some((t) => t !== 'in');
    },
  },
  {
    // "コメント (0)", "评论(3)", "Comments (12)", "Bình luận (0)"
    kind: 'comment-counter',
    test: (l) => /^(コメント|评论|評論|Comments?|Bình luận)\s*[(（]\s*\d+\s*[)）]$/i.test(l),
  },
  {
    // "ブラウズ回数: 123", "浏览次数：5" on a line of its own
    kind: 'browse-counter',
    test: (l) =>
      /^(ブラウズ回数|閲覧回数|閲覧数|浏览次数|瀏覽次數|访问量|点击数|Views?|Lượt xem)\s*[:：]?\s*\d*$/i.test(
        l,
      ),
  },
  {
    // A "source" label with no value: 004 ends with "ソース" followed by the comment counter.
    kind: 'source-label',
    test: (l) => /^(ソース|情報ソース|来源|來源|Source|Nguồn)\s*[:：]?$/i.test(l),
  },
];

/** Furniture at the end of a kept line (removed, the rest of the line is kept). */
const TAIL_RULES: Array<{ kind: string; re: RegExp }> = [
  // 003: "公開日:2023-07-0309:00 情報ソース:秀洲区委員会弁公室 ブラウズ回数:"
  {
    kind: 'browse-counter',
    re: /(?<=[\s\u00a0\u3000])(ブラウズ回数|閲覧回数|閲覧数|浏览次数|瀏覽次數|访问量|点击数|Views?|Lượt xem)\s*[:：]\s*\d*$/i,
  },
];

export interface CleanLine {
  /** 1-based seed line. */
  line: number;
  text: string;
}

export interface CleanResult {
  lines: CleanLine[];
  removed: RemovedSpan[];
}

/** Split a seed file into lines (LF, CRLF or CR). A leading BOM is dropped. */
export function splitLines(seed: string): string[] {
  const s = seed.startsWith('\ufeff') ? seed.slice(1) : seed;
  return s.split(/\r\n|\r|\n/);
}

/** Apply the cleaning rules. Returns the kept (trimmed) lines and what was removed. */
export function cleanSeed(seed: string): CleanResult {
  const raw = splitLines(seed);
  const lines: CleanLine[] = [];
  const removed: RemovedSpan[] = [];
  raw.forEach((original, i) => {
    const lineNo = i + 1;
    if (original === '') return; // paragraph separator
    if (BLANK_RE.test(original)) {
      removed.push({ kind: 'blank-line', text: original, line: lineNo });
      return;
    }
    let text = trimLine(original);
    const rule = LINE_RULES.find((r) => r.test(text));
    if (rule) {
      removed.push({ kind: rule.kind, text: original, line: lineNo });
      return;
    }
    for (const t of TAIL_RULES) {
      const m = t.re.exec(text);
      if (m && m.index > 0) {
        removed.push({ kind: t.kind, text: m[0], line: lineNo });
        text = trimLine(text.slice(0, m.index));
      }
    }
    if (text.length > 0) lines.push({ line: lineNo, text });
  });
  return { lines, removed };
}

// ---------------------------------------------------------------------------------------
// Section structure

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

// ---------------------------------------------------------------------------------------
// Passages and documents

export function passageId(docId: string, index: number, count: number): string {
  const width = Math.max(2, String(Math.max(0, count - 1)).length);
  return `${docId}/p${String(index).padStart(width, '0')}`;
}

export const PARAGRAPH_SEPARATOR = '\n\n';

/** Parse one seed file with its manifest entry. */
export function parseDocument(seed: string, meta: ManifestEntry): ParsedDocument {
  const { lines, removed } = cleanSeed(seed);
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

// ---------------------------------------------------------------------------------------
// Alignment

/** Coarse structural signature of a paragraph: heading level and whether it is a dateline. */
function signature(text: string): string {
  if (/^\d{4}-\d{2}-\d{2}( \d{1,2}:\d{2})?$/.test(text)) return 'date';
  const h = headingLevel(text);
  return h > 0 ? `h${h}` : 'p';
}

/**
 * Align the paragraphs of two language versions. Equal counts with equal structural
 * signatures align one to one (the case of 000 <-> 002: 10 passages each). Otherwise the
 * structural signatures are aligned by longest common subsequence and the runs between
 * anchors are paired one to one when they have equal length; unequal runs stay unaligned.
 * Returns index pairs [a, b].
 */
export function alignPassages(a: string[], b: string[]): Array<[number, number]> {
  const sa = a.map(signature);
  const sb = b.map(signature);
  if (a.length === b.length && sa.every((s, i) => s === sb[i])) return a.map((_, i) => [i, i]);
  // LCS on signatures, anchors only for headings and dates
  const n = sa.length;
  const m = sb.length;
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[i]![j] =
        sa[i] === sb[j] && sa[i] !== 'p' ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const anchors: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (sa[i] === sb[j] && sa[i] !== 'p' && dp[i]![j] === dp[i + 1]![j + 1]! + 1) {
      anchors.push([i, j]);
      i++;
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  const pairs: Array<[number, number]> = [];
  let pa = 0;
  let pb = 0;
  for (const [ai, bj] of [...anchors, [n, m] as [number, number]]) {
    if (ai - pa === bj - pb) for (let k = 0; k < ai - pa; k++) pairs.push([pa + k, pb + k]);
    if (ai < n && bj < m) pairs.push([ai, bj]);
    pa = ai + 1;
    pb = bj + 1;
  }
  return pairs;
}

/** Fill `aligned` on the passages of every document that lists other versions. */
export function alignVersions(docs: CorpusDocument[], passages: Passage[]): void {
  const byDoc = new Map<string, Passage[]>();
  for (const p of passages) {
    const list = byDoc.get(p.docId) ?? [];
    list.push(p);
    byDoc.set(p.docId, list);
  }
  for (const doc of docs) {
    for (const other of doc.versions) {
      if (other <= doc.id) continue; // each pair once
      const pa = byDoc.get(doc.id) ?? [];
      const pb = byDoc.get(other) ?? [];
      for (const [i, j] of alignPassages(
        pa.map((p) => p.text),
        pb.map((p) => p.text),
      )) {
        const x = pa[i]!;
        const y = pb[j]!;
        x.aligned = [...(x.aligned ?? []), y.id].sort();
        y.aligned = [...(y.aligned ?? []), x.id].sort();
      }
    }
  }
}

// ---------------------------------------------------------------------------------------
// Manifest (corpus/manifest.yaml)

const MANIFEST_KEYS: Record<string, 'string' | 'boolean' | 'lang' | 'list' | 'date'> = {
  id: 'string',
  title: 'string',
  titleSupplied: 'boolean',
  titleEn: 'string',
  date: 'date',
  published: 'string',
  place: 'string',
  placeLocal: 'string',
  body: 'string',
  lang: 'lang',
  originalLang: 'lang',
  translation: 'boolean',
  source: 'string',
  seedFile: 'string',
  versions: 'list',
};
const OPTIONAL_MANIFEST_KEYS = new Set(['published', 'placeLocal', 'source']);

function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

/** Validate corpus/manifest.yaml ({documents: [...]}) against the seed files present. */
export function validateManifest(
  file: ParsedFile,
  seedFiles: readonly string[],
): { entries: ManifestEntry[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const entries: ManifestEntry[] = [];
  const err = (path: YamlPath, message: string, key = false) => {
    const p = file.locate(path, key);
    diagnostics.push({ file: file.file, line: p.line, col: p.col, severity: 'error', message });
  };
  const data = file.data as { documents?: unknown } | null;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    err([], 'expected a mapping with a documents list');
    return { entries, diagnostics };
  }
  for (const k of Object.keys(data)) if (k !== 'documents') err([k], `unknown key "${k}" in manifest`, true);
  const docs = data.documents;
  if (!Array.isArray(docs)) {
    err(['documents'], 'documents must be a list');
    return { entries, diagnostics };
  }
  const ids = new Map<string, number>();
  const usedSeeds = new Set<string>();
  docs.forEach((d: unknown, i: number) => {
    if (typeof d !== 'object' || d === null || Array.isArray(d)) {
      err(['documents', i], 'expected a document entry (a mapping)');
      return;
    }
    const rec = d as Record<string, unknown>;
    const name = typeof rec.id === 'string' ? `document "${rec.id}"` : `document #${i + 1}`;
    let ok = true;
    for (const k of Object.keys(rec)) {
      if (!(k in MANIFEST_KEYS)) {
        err(['documents', i, k], `unknown key "${k}" in ${name}`, true);
        ok = false;
      }
    }
    for (const [k, type] of Object.entries(MANIFEST_KEYS)) {
      const v = rec[k];
      if (v === undefined || v === null) {
        if (!OPTIONAL_MANIFEST_KEYS.has(k)) {
          err(['documents', i], `${name} has no ${k}`);
          ok = false;
        }
        continue;
      }
      const at: YamlPath = ['documents', i, k];
      if (type === 'string' && (typeof v !== 'string' || v.trim() === '')) {
        err(at, `${k} of ${name} must be a non-empty string`);
        ok = false;
      } else if (type === 'boolean' && typeof v !== 'boolean') {
        err(at, `${k} of ${name} must be true or false`);
        ok = false;
      } else if (type === 'lang' && (typeof v !== 'string' || !(LANGS as readonly string[]).includes(v))) {
        err(at, `${k} of ${name} must be one of ${LANGS.join(', ')}`);
        ok = false;
      } else if (type === 'date' && (typeof v !== 'string' || !isValidIsoDate(v))) {
        err(at, `${k} of ${name} must be an ISO date yyyy-mm-dd (quote it)`);
        ok = false;
      } else if (type === 'list' && (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))) {
        err(at, `${k} of ${name} must be a list of document ids (quoted strings)`);
        ok = false;
      }
    }
    if (typeof rec.id === 'string') {
      if (!/^\d{3}$/.test(rec.id)) err(['documents', i, 'id'], `id "${rec.id}" must be three digits ("000")`);
      if (ids.has(rec.id)) err(['documents', i, 'id'], `duplicate document id "${rec.id}"`);
      ids.set(rec.id, i);
    }
    if (typeof rec.seedFile === 'string') {
      if (!seedFiles.includes(rec.seedFile))
        err(['documents', i, 'seedFile'], `seed file "${rec.seedFile}" does not exist in corpus/documents/`);
      else if (typeof rec.id === 'string' && !rec.seedFile.startsWith(`${rec.id}_`))
        err(
          ['documents', i, 'seedFile'],
          `seed file "${rec.seedFile}" does not start with the id "${rec.id}_"`,
        );
      if (usedSeeds.has(rec.seedFile))
        err(['documents', i, 'seedFile'], `seed file "${rec.seedFile}" listed twice`);
      usedSeeds.add(rec.seedFile);
    }
    if (rec.titleSupplied === false && typeof rec.title === 'string' && rec.title.trim() === '')
      err(['documents', i, 'title'], `${name} has an empty title`);
    if (ok) entries.push(rec as unknown as ManifestEntry);
  });
  // versions must exist and be symmetric
  docs.forEach((d: unknown, i: number) => {
    const rec = d as Record<string, unknown> | null;
    if (!rec || !Array.isArray(rec.versions) || typeof rec.id !== 'string') return;
    rec.versions.forEach((v: unknown, k: number) => {
      if (typeof v !== 'string') return;
      const j = ids.get(v);
      if (j === undefined)
        err(['documents', i, 'versions', k], `version "${v}" of document "${rec.id}" is not a document id`);
      else if (v === rec.id)
        err(['documents', i, 'versions', k], `document "${rec.id}" lists itself as a version`);
      else {
        const other = docs[j] as Record<string, unknown>;
        if (!Array.isArray(other.versions) || !other.versions.includes(rec.id))
          err(
            ['documents', i, 'versions', k],
            `document "${v}" does not list "${rec.id}" among its versions`,
          );
      }
    });
  });
  for (const seed of seedFiles)
    if (!usedSeeds.has(seed))
      err(['documents'], `seed file "${seed}" in corpus/documents/ has no manifest entry`);
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entries, diagnostics: sortDiagnostics(diagnostics) };
}
