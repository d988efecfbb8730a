// Diagnostics of the reviewed YAML files (glossary, exclusions, manifest): `file:line:col`
// messages, and the mapping from a valibot issue to one of them. Pure: positions come from the
// loader's `locate` (glossary/yaml.ts), which knows the YAML nodes.
import type * as v from 'valibot';

export type YamlPath = ReadonlyArray<string | number>;

export interface SourcePos {
  line: number; // 1-based
  col: number; // 1-based
}

export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  severity: 'error' | 'warning';
  message: string;
}

/** `file:line:col: error: message` — the one format every tool prints. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message}`;
}

/** Sort by file, line, column, message (stable output). */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.col - b.col ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/** A parsed YAML file: its data and a way to find the position of any node. */
export interface ParsedFile {
  file: string;
  data: unknown;
  /**
   * Position of the node at `path` (its key when `key` is true). Should fall back to the
   * nearest existing ancestor when the path does not exist.
   */
  locate: (path: YamlPath, key?: boolean) => SourcePos;
  /**
   * The file has syntax errors (reported by the loader). Its content is not validated, to avoid
   * cascades of misleading errors; the ids it defines still count as known.
   */
  hasSyntaxErrors?: boolean;
}

/** An error at `path` of `file` (at the node's key when `key` is true). */
export function diagnosticAt(file: ParsedFile, path: YamlPath, message: string, key = false): Diagnostic {
  const p = file.locate(path, key);
  return { file: file.file, line: p.line, col: p.col, severity: 'error', message };
}

/** A YAML mapping (lists are objects too, but not mappings). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How a value reads in a message: `a mapping`, `a list`, `nothing`, `string "x"`. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** The YAML path of an issue: object keys and list indices, outermost first. */
export function issuePath(issue: v.BaseIssue<unknown>): Array<string | number> {
  return (issue.path ?? []).map((item) => item.key as string | number);
}

/**
 * A valibot issue as a diagnostic. Schema messages are templates (see glossary/schema.ts):
 * `{key}` is the last key of the path, `{found}` the offending value described, `{input}` it as
 * written, `{value}` it as JSON; `vars` adds placeholders that depend on where the issue is
 * (the concept's name, ...). Where it points:
 * - a missing key: at the mapping that lacks it — at the mapping's own key when it has one
 *   (`labels:`), else at the mapping (a list item) — since the key itself is nowhere;
 * - an unknown key (a `never` rest entry): at that key;
 * - anything else: at the offending value.
 */
export function issueDiagnostic(
  file: ParsedFile,
  issue: v.BaseIssue<unknown>,
  vars: (path: YamlPath) => Record<string, string> = () => ({}),
): Diagnostic {
  const path = issuePath(issue);
  const last = issue.path?.[issue.path.length - 1];
  const missing = last?.origin === 'key' && issue.input === undefined;
  const fill: Record<string, string> = {
    key: String(path[path.length - 1] ?? ''),
    found: describe(issue.input),
    input: String(issue.input),
    value: JSON.stringify(issue.input) ?? 'nothing',
    ...vars(path),
  };
  const message = issue.message.replace(/\{(\w+)\}/g, (m, name: string) => fill[name] ?? m);
  if (missing) return diagnosticAt(file, path.slice(0, -1), message, true);
  return diagnosticAt(file, path, message, issue.type === 'never');
}
