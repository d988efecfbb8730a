// Node-side loader of a compiled matcher file (generated/matcher.json or a bench's copy), checked
// against the format (lib/core/term-matcher-format.ts) as it is read: a stale or hand-edited file
// fails here with the path of the bad field, not deep inside the automaton.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as v from 'valibot';
import type { CompiledMatcher } from '../../lib/core/term-matcher-format.ts';

const ROOT = resolve(import.meta.dirname, '../..');
export const MATCHER_JSON = join(ROOT, 'generated', 'matcher.json');

/** CompiledMatcher as a schema; strict, so a field the type does not know is refused too. */
export const CompiledMatcherSchema = v.strictObject({
  v: v.literal(2),
  ids: v.string(),
  categoryNames: v.array(v.string()),
  categories: v.string(),
  alphabet: v.string(),
  states: v.pipe(v.number(), v.integer(), v.minValue(1)),
  trie: v.string(),
  terms: v.string(),
  entries: v.string(),
  flags: v.string(),
  cased: v.array(v.tuple([v.pipe(v.number(), v.integer(), v.minValue(0)), v.string()])),
  hanFold: v.optional(v.string()),
  needsContext: v.optional(v.array(v.string())),
  contextShared: v.optional(v.record(v.string(), v.array(v.pipe(v.number(), v.integer())))),
  countries: v.optional(v.string()),
});

// The schema and the type say the same, both ways (a compile error here when one changes alone).
type Parsed = v.InferOutput<typeof CompiledMatcherSchema>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type SchemaIsTheType = Assert<Same<Parsed, CompiledMatcher>>;

/** Checks a parsed matcher file; throws naming the first bad field. */
export function checkMatcherJson(data: unknown, where = 'matcher.json'): CompiledMatcher {
  const r = v.safeParse(CompiledMatcherSchema, data);
  if (r.success) return r.output;
  const issue = r.issues[0];
  throw new Error(`${where}: ${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
}

/** Reads and checks a matcher file (default: generated/matcher.json). */
export function readMatcherJson(path = MATCHER_JSON): CompiledMatcher {
  return checkMatcherJson(JSON.parse(readFileSync(path, 'utf8')), path);
}
