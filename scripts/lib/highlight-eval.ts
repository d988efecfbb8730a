// The highlight eval set (eval/highlight/*.yaml, format in its README.md): loading, and scoring of
// what a matcher (node) or the extension in a browser (CSS.highlights) marked in each passage.
// Shared by tests/highlight-eval.test.ts and e2e/highlight-eval.spec.ts so both count the same way.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

export const EVAL_DIR = resolve(import.meta.dirname, '..', '..', 'eval', 'highlight');
export const EVAL_LANGS = ['en', 'zh', 'ja', 'vi'] as const;
export type EvalLang = (typeof EVAL_LANGS)[number];

export interface EvalMark {
  text: string;
  concept: string;
  /** 1-based occurrence of `text` in the passage. */
  n: number;
}

export interface EvalCase {
  id: string;
  file: string;
  lang: EvalLang;
  rule: string;
  text: string;
  element: 'p' | 'code' | 'pre';
  marks: EvalMark[];
  unmarked: string[];
  none: boolean;
}

/** One highlight inside a passage: UTF-16 offsets into `text`; concept (node) or category (browser). */
export interface Found {
  start: number;
  end: number;
  concept?: string;
  category?: string;
}

function fail(file: string, id: string, msg: string): never {
  throw new Error(`${file}: case ${id}: ${msg}`);
}

/** Every case of eval/highlight/*.yaml, validated (a malformed case throws with its file and id). */
export function loadEvalCases(dir = EVAL_DIR): EvalCase[] {
  const out: EvalCase[] = [];
  const ids = new Set<string>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const raw = parse(readFileSync(join(dir, file), 'utf8')) as unknown;
    if (!Array.isArray(raw)) throw new Error(`${file}: expected a list of cases`);
    for (const r of raw as Array<Record<string, unknown>>) {
      const id = String(r.id ?? '');
      if (!/^[a-z0-9-]+$/.test(id)) fail(file, id, 'bad id');
      if (ids.has(id)) fail(file, id, 'duplicate id');
      ids.add(id);
      const lang = r.lang as EvalLang;
      if (!EVAL_LANGS.includes(lang)) fail(file, id, `bad lang ${String(r.lang)}`);
      const text = typeof r.text === 'string' ? r.text : fail(file, id, 'no text');
      const element = (r.element ?? 'p') as EvalCase['element'];
      if (!['p', 'code', 'pre'].includes(element)) fail(file, id, `bad element ${element}`);
      const marks: EvalMark[] = ((r.marks as unknown[] | undefined) ?? []).map((m) => {
        if (!Array.isArray(m) || typeof m[0] !== 'string' || typeof m[1] !== 'string')
          fail(file, id, `bad mark ${JSON.stringify(m)}`);
        const mark = { text: m[0] as string, concept: m[1] as string, n: Number(m[2] ?? 1) };
        if (nth(text, mark.text, mark.n) < 0)
          fail(file, id, `mark "${mark.text}" #${mark.n} is not in the text`);
        return mark;
      });
      const unmarked = ((r.unmarked as unknown[] | undefined) ?? []).map(String);
      for (const u of unmarked) if (!text.includes(u)) fail(file, id, `unmarked "${u}" is not in the text`);
      out.push({
        id,
        file,
        lang,
        rule: String(r.rule ?? 'plain'),
        text,
        element,
        marks,
        unmarked,
        none: r.none === true,
      });
    }
  }
  return out;
}

/** Index of the n-th (1-based) occurrence of `needle` in `hay`, or -1. */
export function nth(hay: string, needle: string, n: number): number {
  let at = -1;
  for (let k = 0; k < n; k++) {
    at = hay.indexOf(needle, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

export interface CaseScore {
  id: string;
  lang: EvalLang;
  rule: string;
  marks: number;
  recalled: number;
  missed: string[];
  /** Highlights that must not be there (look-alikes, unmarked substrings, `none` passages). */
  falsePositives: string[];
  /** Highlights neither expected nor forbidden (reported, not counted). */
  other: string[];
}

/**
 * Scores one passage. A mark is recalled when one highlight of its concept covers the mark's text
 * (a highlight of only its tail does not). Without concept ids (the browser) the category of the
 * mark's concept is compared instead.
 */
export function scoreCase(
  c: EvalCase,
  found: Found[],
  categoryOf: (id: string) => string | undefined,
): CaseScore {
  const same = (f: Found, concept: string) =>
    f.concept !== undefined
      ? f.concept === concept
      : f.category !== undefined && f.category === categoryOf(concept);
  const label = (f: Found) => `"${c.text.slice(f.start, f.end)}" (${f.concept ?? f.category ?? '?'})`;
  const missed: string[] = [];
  const used = new Set<Found>();
  let recalled = 0;
  for (const m of c.marks) {
    const s = nth(c.text, m.text, m.n);
    const e = s + m.text.length;
    const hit = found.find((f) => f.start <= s && f.end >= e && same(f, m.concept));
    if (hit) {
      recalled++;
      used.add(hit);
    } else missed.push(`${m.text} → ${m.concept}`);
  }
  const falsePositives: string[] = [];
  const other: string[] = [];
  for (const f of found) {
    if (used.has(f)) continue;
    const forbidden =
      c.none ||
      c.unmarked.some((u) => {
        for (let at = c.text.indexOf(u); at >= 0; at = c.text.indexOf(u, at + 1))
          if (f.start < at + u.length && f.end > at) return true;
        return false;
      }) ||
      // a highlight that cuts into a mark without covering it (a tail of a longer name)
      c.marks.some((m) => {
        const s = nth(c.text, m.text, m.n);
        const e = s + m.text.length;
        return f.start < e && f.end > s && !(f.start <= s && f.end >= e);
      });
    (forbidden ? falsePositives : other).push(label(f));
  }
  return {
    id: c.id,
    lang: c.lang,
    rule: c.rule,
    marks: c.marks.length,
    recalled,
    missed,
    falsePositives,
    other,
  };
}

export interface Summary {
  byLang: Record<EvalLang, { marks: number; recalled: number; recall: number; falsePositives: number }>;
  /** Look-alike passages (rule lookalike/url/email/file/slug/code) with at least one false positive. */
  lookalikeCases: number;
  lookalikeFailed: number;
  falsePositives: number;
}

/** Rules of the look-alike passages (the 0-false-positive target of issue #10 is on these). */
export const LOOKALIKE_RULES: ReadonlySet<string> = new Set([
  'lookalike',
  'url',
  'email',
  'file',
  'slug',
  'code',
]);

export function summarise(scores: CaseScore[]): Summary {
  const byLang = Object.fromEntries(
    EVAL_LANGS.map((l) => [l, { marks: 0, recalled: 0, recall: 1, falsePositives: 0 }]),
  ) as Summary['byLang'];
  let lookalikeCases = 0;
  let lookalikeFailed = 0;
  for (const s of scores) {
    const b = byLang[s.lang];
    b.marks += s.marks;
    b.recalled += s.recalled;
    b.falsePositives += s.falsePositives.length;
    if (LOOKALIKE_RULES.has(s.rule)) {
      lookalikeCases++;
      if (s.falsePositives.length) lookalikeFailed++;
    }
  }
  for (const l of EVAL_LANGS) byLang[l].recall = byLang[l].marks ? byLang[l].recalled / byLang[l].marks : 1;
  const falsePositives = EVAL_LANGS.reduce((n, l) => n + byLang[l].falsePositives, 0);
  return { byLang, lookalikeCases, lookalikeFailed, falsePositives };
}

/** A Markdown table of the summary plus the misses and false positives, for logs and docs. */
export function report(scores: CaseScore[], title: string): string {
  const s = summarise(scores);
  const lines = [
    `${title}`,
    '',
    '| language | marks | recalled | must-recall | false positives |',
    '|---|---:|---:|---:|---:|',
    ...EVAL_LANGS.map((l) => {
      const b = s.byLang[l];
      return `| ${l} | ${b.marks} | ${b.recalled} | ${(b.recall * 100).toFixed(1)} % | ${b.falsePositives} |`;
    }),
    '',
    `look-alike passages with a false positive: ${s.lookalikeFailed} of ${s.lookalikeCases}`,
  ];
  for (const c of scores) {
    for (const m of c.missed) lines.push(`  MISS ${c.id}: ${m}`);
    for (const f of c.falsePositives) lines.push(`  FP   ${c.id}: ${f}`);
  }
  return lines.join('\n');
}
