// The structural half of glossary validation: one safeParse of each file against the schema,
// every issue as a `file:line:col` diagnostic, and the concepts as far as they can be read, so
// the checks across concepts (validate.ts) still see a concept that has errors of its own.
import * as v from 'valibot';
import {
  isRecord,
  issueDiagnostic,
  issuePath,
  type Diagnostic,
  type ParsedFile,
  type YamlPath,
} from './diagnostics.ts';
import { GlossaryFileSchema, type Concept } from './schema.ts';

/** A concept and where its raw data lives, for the checks across concepts. */
export interface ConceptSource {
  concept: Concept;
  file: ParsedFile;
  /** Its index in the file's list. */
  index: number;
  /** Its data as written in the YAML. */
  raw: Record<string, unknown>;
  /** Alias texts whose rule has errors of its own ("sets no rule to true" would only repeat them). */
  badRules: Set<string>;
}

/** `concept "id"`, or `concept #n` while it has no usable id. */
export function conceptName(item: unknown, index: number): string {
  const id = isRecord(item) ? item.id : undefined;
  return typeof id === 'string' && id !== '' ? `concept "${id}"` : `concept #${index + 1}`;
}

/** Placeholders of the glossary's messages that depend on where the issue is (schema.ts). */
function placeholders(data: unknown): (path: YamlPath) => Record<string, string> {
  return (path) => {
    const [index, field, sub] = path;
    const item = Array.isArray(data) && typeof index === 'number' ? data[index] : undefined;
    return {
      name: conceptName(item, typeof index === 'number' ? index : 0),
      member: typeof sub === 'number' && field === 'members' ? String(sub + 1) : '',
      rule: field === 'rules' && sub !== undefined ? String(sub) : '',
    };
  };
}

const DROPPED = Symbol('dropped');

/** Removes the value at `path` (list items leave a hole, closed by `compact`). */
function drop(value: unknown, path: YamlPath): void {
  let node = value;
  for (let i = 0; i < path.length - 1; i++) {
    if (typeof node !== 'object' || node === null) return;
    node = (node as Record<string | number, unknown>)[path[i]!];
  }
  const last = path[path.length - 1];
  if (Array.isArray(node) && typeof last === 'number') node[last] = DROPPED;
  else if (isRecord(node) && last !== undefined) delete node[last];
}

function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((x) => x !== DROPPED).map(compact);
  if (isRecord(value)) for (const k of Object.keys(value)) value[k] = compact(value[k]);
  return value;
}

/**
 * What can still be read of a concept with errors: valibot's partial output without the
 * offending values, required fields defaulted. The id stays as written when it is a string, even
 * a malformed one: other concepts still collide with it and name it.
 */
function salvage(output: Record<string, unknown>, raw: Record<string, unknown>, paths: YamlPath[]): Concept {
  for (const p of paths) drop(output, p);
  const c = compact(output) as Record<string, unknown>;
  // A member with errors stopped before the schema renamed `concept` to `conceptId`.
  if (Array.isArray(c.members))
    c.members = c.members.map((m: Record<string, unknown>) =>
      'concept' in m ? { labels: m.labels ?? {}, conceptId: m.concept } : { ...m, labels: m.labels ?? {} },
    );
  // The checks need every required field; defaults stand in for the ones already reported. Labels
  // may still lack a required language: the checks only read the labels that are there.
  const concept: unknown = {
    category: 'formulation',
    labels: {},
    aliases: {},
    definition: '',
    related: [],
    ...c,
    id: typeof raw.id === 'string' ? raw.id : '',
  };
  return concept as Concept;
}

/** Validates one glossary file's structure; returns its diagnostics and readable concepts. */
export function readConcepts(file: ParsedFile): { sources: ConceptSource[]; diagnostics: Diagnostic[] } {
  const result = v.safeParse(GlossaryFileSchema, file.data);
  const issues = result.issues ?? [];
  const vars = placeholders(file.data);
  const diagnostics = issues.map((i) => issueDiagnostic(file, i, vars));
  const output: unknown = result.output;
  if (!Array.isArray(output) || !Array.isArray(file.data)) return { sources: [], diagnostics };
  const byIndex = new Map<number, YamlPath[]>();
  for (const issue of issues) {
    const [index, ...rest] = issuePath(issue);
    if (typeof index !== 'number') continue;
    byIndex.set(index, [...(byIndex.get(index) ?? []), rest]);
  }
  const sources: ConceptSource[] = [];
  output.forEach((item: unknown, index) => {
    const raw: unknown = (file.data as unknown[])[index];
    if (!isRecord(item) || !isRecord(raw)) return; // not a concept at all: reported, nothing to check
    const paths = byIndex.get(index) ?? [];
    const concept = paths.length === 0 ? (item as Concept) : salvage(item, raw, paths);
    const badRules = new Set(paths.filter((p) => p[0] === 'rules' && p.length > 1).map((p) => String(p[1])));
    sources.push({ concept, file, index, raw, badRules });
  });
  return { sources, diagnostics };
}
