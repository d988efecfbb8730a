// YAML / JSON term lists. Two shapes are read:
// - the project's own glossary format (docs/GLOSSARY.md): a list of concepts, validated by the very
//   schema and reader the build uses (glossary/read.ts), with the same `file:line` messages; a
//   concept becomes one term: its English label the term, its other labels and every alias the
//   aliases, the English definition, the category and the first source;
// - a list of UserTerm-shaped objects `{term, aliases?, definition?, lang?, category?, source?}`,
//   bare or as the `terms` of a mapping (what a term-list export or a script writes).
// JSON is read by the YAML parser (JSON is YAML 1.2), which gives both the same line numbers.
import * as v from 'valibot';
import { isRecord, type ParsedFile } from '../glossary/diagnostics.ts';
import { readConcepts } from '../glossary/read.ts';
import type { Concept } from '../glossary/schema.ts';
import { parseYaml } from '../glossary/yaml.ts';
import { LANGS } from '../types.ts';
import {
  CATEGORY_HELP,
  LANG_HELP,
  normalizeCategory,
  normalizeLang,
  normalizeSource,
  TermCollector,
  TermListError,
  type TermDraft,
} from './term-fields.ts';
import type { UserTerm } from './schema.ts';

/** How many of a file's problems one message lists (the rest are counted). */
const SHOWN_PROBLEMS = 3;

function fail(prefix: string, problems: Array<{ line: number; message: string }>): never {
  const shown = problems.slice(0, SHOWN_PROBLEMS).map((p) => `line ${p.line}: ${p.message}`);
  const more =
    problems.length > SHOWN_PROBLEMS ? ` (and ${problems.length - SHOWN_PROBLEMS} more problems)` : '';
  throw new TermListError(`${prefix}${shown.join('; ')}${more}`);
}

/** A concept's labels and aliases, English label first, each once. */
function conceptTerms(c: Concept): string[] {
  const labels = LANGS.map((l) => c.labels[l]).filter((x): x is string => typeof x === 'string');
  const aliases = LANGS.flatMap((l) => c.aliases[l] ?? []);
  return [...labels, ...aliases];
}

function conceptToDraft(c: Concept): TermDraft {
  const [term, ...aliases] = conceptTerms(c);
  const source = (c.sources ?? []).map(normalizeSource).find((s) => s);
  return {
    term: term ?? '',
    aliases,
    lang: 'en',
    definition: c.definition.en,
    category: c.category,
    ...(source ? { source } : {}),
  };
}

const UserTermShape = v.object({
  term: v.string('term must be a string'),
  aliases: v.optional(v.array(v.string('each alias must be a string'), 'aliases must be a list of strings')),
  definition: v.optional(v.string('definition must be a string')),
  lang: v.optional(v.string('lang must be a string')),
  category: v.optional(v.string('category must be a string')),
  source: v.optional(v.string('source must be a string')),
});

/** One `{term, …}` object as a draft; `at` gives the line of a key of it. */
function termObjectToDraft(item: unknown, at: (key?: string) => string, collector: TermCollector): TermDraft {
  const r = v.safeParse(UserTermShape, item);
  if (!r.success) {
    const issue = r.issues[0];
    const key = v.getDotPath(issue)?.split('.')[0];
    collector.fail(
      at(key),
      isRecord(item) ? issue.message : 'expected a mapping {term, aliases, definition, …}',
    );
  }
  const o = r.output;
  const lang = normalizeLang(o.lang ?? '');
  if (lang === null) collector.fail(at('lang'), `unknown language "${o.lang}" (expected ${LANG_HELP})`);
  const category = normalizeCategory(o.category ?? '');
  if (category === null)
    collector.fail(at('category'), `unknown category "${o.category}" (expected one of ${CATEGORY_HELP})`);
  const source = normalizeSource(o.source ?? '');
  if (source === null) collector.fail(at('source'), `source "${o.source}" is not an http(s) URL`);
  if (o.term.trim() === '') collector.fail(at('term'), 'the term is empty');
  return {
    term: o.term,
    aliases: o.aliases ?? [],
    ...(o.definition !== undefined ? { definition: o.definition } : {}),
    ...(lang ? { lang } : {}),
    ...(category ? { category } : {}),
    ...(source ? { source } : {}),
  };
}

function readGlossary(file: ParsedFile, collector: TermCollector, prefix: string): void {
  const { sources, diagnostics } = readConcepts(file);
  if (diagnostics.length > 0) fail(prefix, diagnostics);
  for (const s of sources) collector.add(`line ${file.locate([s.index]).line}`, conceptToDraft(s.concept));
}

/** Reads a YAML or JSON term list; throws TermListError naming the file and the line. */
export function parseGlossaryTerms(
  fileName: string,
  text: string,
): { terms: UserTerm[]; warnings: string[] } {
  const prefix = `${fileName}, `;
  const file = parseYaml(fileName, text.replace(/^\uFEFF/, ''));
  if (file.diagnostics.length > 0) fail(prefix, file.diagnostics);
  const collector: TermCollector = new TermCollector(prefix);
  const data = file.data;
  const wrapped = isRecord(data) && Array.isArray(data.terms);
  const list: unknown = wrapped ? (data as { terms: unknown[] }).terms : data;
  if (!Array.isArray(list))
    throw new TermListError(
      `${prefix}line 1: expected a list of concepts (the glossary format) or of {term, …} entries`,
    );
  const first: unknown = list[0];
  if (isRecord(first) && 'term' in first) {
    list.forEach((item, i) => {
      const path = wrapped ? ['terms', i] : [i];
      const at = (key?: string) => `line ${file.locate(key ? [...path, key] : path).line}`;
      collector.add(at(), termObjectToDraft(item, at, collector));
    });
  } else if (wrapped) {
    throw new TermListError(`${prefix}line ${file.locate(['terms', 0]).line}: expected {term, …} entries`);
  } else readGlossary(file, collector, prefix);
  return { terms: collector.finish('line 1'), warnings: collector.warnings };
}
