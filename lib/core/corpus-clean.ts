// Corpus build, cleaning: drops site furniture (breadcrumbs, footers, print links, counters) from a
// seed file by rule and records every removal. The decisions are listed in corpus.ts.

import type { RemovedSpan } from './types.ts';

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

/**
 * Furniture at the start of a kept line (removed when something follows). 003's CMS line
 * "公開日:2023-07-0309:00 情報ソース:…" ran date and time together ("2023-07-0309:00"); the date is
 * the manifest's (shown in the document header), the rest of the line stays a passage.
 */
const HEAD_RULES: Array<{ kind: string; re: RegExp }> = [
  {
    kind: 'publication-date',
    re: /^(公開日|公開日時|掲載日|发布日期|发布时间|發佈日期|發布時間|Published|Ngày đăng)\s*[:：]\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?[\s\u00a0\u3000]+(?=\S)/i,
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

export interface CleanOptions {
  /**
   * Apply the furniture rules (default). They were written for the five seed pages; a user's
   * document (already extracted by Readability, or the user's own text) is kept as given, since
   * the rules would drop a Markdown quote ("> …" reads as a breadcrumb) or a paragraph that opens
   * with "Copyright".
   */
  rules?: boolean;
}

/** Apply the cleaning rules. Returns the kept (trimmed) lines and what was removed. */
export function cleanSeed(seed: string, options: CleanOptions = {}): CleanResult {
  const rules = options.rules !== false;
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
    if (!rules) {
      lines.push({ line: lineNo, text });
      return;
    }
    const rule = LINE_RULES.find((r) => r.test(text));
    if (rule) {
      removed.push({ kind: rule.kind, text: original, line: lineNo });
      return;
    }
    for (const h of HEAD_RULES) {
      const m = h.re.exec(text);
      if (m) {
        removed.push({ kind: h.kind, text: trimLine(m[0]), line: lineNo, atStart: true });
        text = text.slice(m[0].length);
      }
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
