// What every file reader ends with: the text and whatever metadata the file held become one
// `DocumentImport`, checked against the schema the background checks it with, so a file that
// would be refused there is refused here, with its name, before anything is sent.
import * as v from 'valibot';
import { detectLang } from '../core/library/detect-lang.ts';
import {
  DocumentImportSchema,
  type DocFormat,
  type DocumentImport,
  type UserDocMeta,
} from '../core/library/schema.ts';
import { cutSafe, IMPORT_TEXT_MAX, LIBRARY_LABEL_MAX, LIBRARY_URL_MAX } from '../core/limits.ts';
import type { Lang } from '../core/types.ts';
import { langFromTag } from '../core/lang.ts';

export type ReadResult = { ok: true; doc: DocumentImport } | { ok: false; error: string };

export interface ReadOptions {
  signal?: AbortSignal;
  /** Steps done of total (PDF: pages). */
  onProgress?: (done: number, total: number) => void;
}

/** Metadata a reader found (all optional; the title falls back to the file name). */
export interface FoundMeta {
  title?: string | null;
  lang?: string | null;
  date?: string | null;
  url?: string | null;
  publisher?: string | null;
  byline?: string | null;
  site?: string | null;
  pageStarts?: number[];
}

/** An error that names the file (and the page or line, when the reader knows it). */
export class ImportError extends Error {}

export function fail(fileName: string, what: string): ReadResult {
  return { ok: false, error: `${fileName}: ${what}` };
}

const clean = (s: string | null | undefined, max = LIBRARY_LABEL_MAX) => {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t ? cutSafe(t, max) : undefined;
};

/** yyyy-mm-dd from an ISO date, a PDF date (D:20210122…) or a date-time, else ''. */
export function isoDay(raw: string | null | undefined): string {
  const s = (raw ?? '').trim().replace(/^D:/, '');
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(s);
  if (!m) return '';
  const [, y, mo, d] = m;
  const day = `${y}-${mo}-${d}`;
  return Number.isNaN(Date.parse(`${day}T00:00:00Z`)) ? '' : day;
}

function httpUrl(raw: string | null | undefined): string | undefined {
  const s = (raw ?? '').trim();
  if (!/^https?:\/\/\S+$/.test(s) || s.length > LIBRARY_URL_MAX) return undefined;
  return s;
}

/** Plain text as the library keeps it: paragraphs separated by one blank line, no trailing space. */
export function normaliseParagraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n+/)
    .map((p) => p.replace(/[ \t]+\n/g, '\n').trim())
    .filter((p) => p !== '')
    .join('\n\n');
}

// A declared language is trusted within its script (it tells zh-Hant from zh-Hans, vi from en better
// than letters do), not across scripts: many sites declare <html lang="en"> over Chinese text.
const CJK: ReadonlySet<Lang> = new Set(['ja', 'zh-Hans', 'zh-Hant']);
const sameScript = (a: Lang, b: Lang) => CJK.has(a) === CJK.has(b);

export function finish(fileName: string, format: DocFormat, text: string, found: FoundMeta): ReadResult {
  if (!/\S/.test(text)) return fail(fileName, 'no text found in the file');
  if (text.length > IMPORT_TEXT_MAX)
    return fail(
      fileName,
      `${text.length} characters of text, more than the ${IMPORT_TEXT_MAX} a document may hold`,
    );
  const declared: Lang | undefined = langFromTag(found.lang ?? undefined);
  const detected = detectLang(text);
  const meta: UserDocMeta = {
    title: clean(found.title) ?? clean(fileName.replace(/\.[^.]+$/, '')) ?? fileName,
    lang: declared && sameScript(declared, detected) ? declared : detected,
    date: isoDay(found.date),
    translation: false,
    tags: [],
    format,
    fileName: clean(fileName),
  };
  const url = httpUrl(found.url);
  if (url) meta.url = url;
  const publisher = clean(found.publisher);
  if (publisher) meta.publisher = publisher;
  const byline = clean(found.byline);
  if (byline) meta.byline = byline;
  const site = clean(found.site);
  if (site) meta.site = site;
  if (found.pageStarts) meta.pageStarts = found.pageStarts;
  const parsed = v.safeParse(DocumentImportSchema, { meta, text });
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    return fail(fileName, `${path ? `${path}: ` : ''}${issue.message}`);
  }
  return { ok: true, doc: parsed.output };
}
