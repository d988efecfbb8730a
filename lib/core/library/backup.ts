// "Export library" / "Import backup" (issue #12, item 6): one JSON file with every document, term
// list and the settings. A backup is restored whole or not at all, so it is checked whole first:
// JSON syntax with the line and column of the fault, then the format and version, then every entry
// against LibraryBackupSchema, a failure named by its path (`documents[3].meta.date: …`).
import * as v from 'valibot';
import { parseDocument } from 'yaml';
import { TERM_LISTS_MAX } from '../limits.ts';
import { stableJson } from '../pipeline/stable-json.ts';
import { BACKUP_FORMAT, LibraryBackupSchema, type LibraryBackup } from './schema.ts';

export type BackupParse = { ok: true; backup: LibraryBackup } | { ok: false; error: string };

/** The version of the backup format this code writes and reads. */
const BACKUP_VERSION = 1;
/** How many of a backup's problems one message lists (the rest are counted). */
const SHOWN_PROBLEMS = 3;

interface Pos {
  line: number;
  col: number;
}

function posAt(text: string, offset: number): Pos {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}

/**
 * Where JSON.parse stopped. Browsers say it differently: Firefox "at line L column C", V8 "at
 * position N" for most faults and nothing for some (then the YAML parser, JSON being YAML, is
 * asked; it does not see every JSON fault, a trailing comma for one, and those go without a place);
 * an unexpected end is the end of the text.
 */
function syntaxPos(text: string, message: string): Pos | null {
  // Not JSON from the first character (another kind of file): the fault is there.
  const start = text.search(/\S/);
  if (start !== -1 && !/^([{["\-0-9]|(true|false|null)\b)/.test(text.slice(start, start + 6)))
    return posAt(text, start);
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), col: Number(lc[2]) };
  const p = /position (\d+)/.exec(message);
  if (p) return posAt(text, Number(p[1]));
  if (/end of (JSON )?(input|data)/i.test(message)) return posAt(text, text.length);
  const err = parseDocument(text).errors[0];
  return err ? posAt(text, err.pos[0]) : null;
}

/** The fault in words, without the position the message may carry. */
function syntaxWhat(message: string): string {
  return message
    .replace(/^JSON\.parse: /, '')
    .replace(
      /,? ?(in JSON )?at (position \d+|line \d+ column \d+)( \(line \d+ column \d+\))?( of the JSON data)?/,
      '',
    )
    .trim();
}

/** `documents[3].meta.date` for a valibot issue. */
function issueWhere(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key as string | number;
    out += typeof key === 'number' ? `[${key}]` : out === '' ? key : `.${key}`;
  }
  return out;
}

function issueText(issue: v.BaseIssue<unknown>): string {
  const last = issue.path?.[issue.path.length - 1];
  if (last?.origin === 'key' && issue.input === undefined) return 'missing';
  return issue.message;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** An id used twice would make a restore overwrite one entry with another. */
function duplicateIds(b: LibraryBackup): string[] {
  const out: string[] = [];
  for (const key of ['documents', 'termLists'] as const) {
    const seen = new Map<string, number>();
    b[key].forEach((entry, i) => {
      const first = seen.get(entry.id);
      if (first === undefined) seen.set(entry.id, i);
      else out.push(`${key}[${i}].id: "${entry.id}" is also the id of ${key}[${first}]`);
    });
  }
  return out;
}

function problems(prefix: string, list: string[]): BackupParse {
  const shown = list.slice(0, SHOWN_PROBLEMS).join('; ');
  const more = list.length > SHOWN_PROBLEMS ? ` (and ${list.length - SHOWN_PROBLEMS} more problems)` : '';
  return { ok: false, error: `${prefix}${shown}${more}` };
}

/** Reads a backup file; never throws. `fileName` is the name shown in messages. */
export function parseBackup(fileName: string, text: string): BackupParse {
  const prefix = `${fileName}: `;
  const source = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (e) {
    const message = (e as Error).message;
    const pos = syntaxPos(source, message);
    const at = pos ? `line ${pos.line}, column ${pos.col}: ` : '';
    return { ok: false, error: `${prefix}${at}not JSON (${syntaxWhat(message)})` };
  }
  if (!isRecord(data) || data.format !== BACKUP_FORMAT)
    return {
      ok: false,
      error: `${prefix}not a Policy Lens library backup (it has no "format": "${BACKUP_FORMAT}")`,
    };
  if (data.version !== BACKUP_VERSION) {
    const newer = typeof data.version === 'number' && data.version > BACKUP_VERSION;
    return {
      ok: false,
      error: newer
        ? `${prefix}backup version ${data.version} was written by a newer Policy Lens; update the extension to restore it`
        : `${prefix}unknown backup version ${JSON.stringify(data.version)} (this extension reads version ${BACKUP_VERSION})`,
    };
  }
  const r = v.safeParse(LibraryBackupSchema, data);
  if (!r.success)
    return problems(
      prefix,
      r.issues.map((i) => `${issueWhere(i)}: ${issueText(i)}`),
    );
  const dup = duplicateIds(r.output);
  if (dup.length > 0) return problems(prefix, dup);
  if (r.output.termLists.length > TERM_LISTS_MAX)
    return problems(prefix, [`termLists: ${r.output.termLists.length} lists (at most ${TERM_LISTS_MAX})`]);
  return { ok: true, backup: r.output };
}

/**
 * A backup as JSON: keys sorted at every level, entries in their order, one file for the same
 * library byte for byte (so two exports can be compared with any diff tool).
 */
export function backupToJson(b: LibraryBackup): string {
  return stableJson(b, 1);
}

/** The file name an export is saved under: `policy-lens-library-<yyyy-mm-dd>.json`. */
export function backupFileName(exportedAt: string): string {
  return `policy-lens-library-${exportedAt.slice(0, 10)}.json`;
}
