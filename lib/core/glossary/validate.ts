// Glossary validation (docs/GLOSSARY.md): the schema checks each file's structure (read.ts);
// the rules that look across fields, concepts and files are the small checks below. Pure:
// positions come from the loader (scripts/load-glossary.ts), normalisation is injected
// (lib/core/normalize.ts). Every problem is collected; nothing stops at the first error.
import { conceptAliases, hasRule, isShortAlias, aliasLength, type AliasInfo } from './aliases.ts';
import { checkAliasCollisions, type AliasClaim } from './collisions.ts';
import {
  diagnosticAt,
  isRecord,
  sortDiagnostics,
  type Diagnostic,
  type ParsedFile,
  type YamlPath,
} from './diagnostics.ts';
import { checkCompleteness, checkRuleShapes } from './entry-checks.ts';
import { conceptName, readConcepts, type ConceptSource } from './read.ts';
import type { Concept } from './schema.ts';

export interface ConceptOrigin {
  file: string;
  line: number;
  col: number;
}

export interface GlossaryResult {
  concepts: Concept[];
  /** Where each concept's id is written. */
  origins: Record<string, ConceptOrigin>;
  diagnostics: Diagnostic[];
}

export interface GlossaryOptions {
  /** Normalisation used to compare aliases (normalizeForMatch(s).text). */
  normalize?: (s: string) => string;
  /** Reviewed ordinary words (corpus/ordinary-words.yaml), compared after normalisation. */
  ordinaryWords?: Iterable<string>;
  /** Report incomplete entries as errors (entry-checks.ts): the build does; a user list need not. */
  completeness?: boolean;
}

const defaultNormalize = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** An error at `p` under the concept `s`. */
function errorIn(s: ConceptSource, p: YamlPath, message: string, key = false): Diagnostic {
  return diagnosticAt(s.file, [s.index, ...p], message, key);
}

/** Index of `value` in the list at `key`/`sub` of the raw concept (positions of list entries). */
function rawIndex(s: ConceptSource, value: string, key: string, sub?: string): number {
  const parent = sub === undefined ? s.raw : s.raw[key];
  const list = isRecord(parent) ? parent[sub ?? key] : undefined;
  return Array.isArray(list) ? Math.max(0, list.indexOf(value)) : 0;
}

/** Ids of files with syntax errors still count as known (their content is not validated). */
function idsOf(data: unknown): string[] {
  if (!Array.isArray(data)) return [];
  return data.flatMap((item) => (isRecord(item) && typeof item.id === 'string' ? [item.id] : []));
}

/** Duplicate ids; the first definition of each id is the concept and its origin. */
function checkIds(sources: ConceptSource[]): GlossaryResult {
  const diagnostics: Diagnostic[] = [];
  const concepts: Concept[] = [];
  const origins: Record<string, ConceptOrigin> = {};
  for (const s of sources) {
    const id = s.concept.id;
    if (!id) continue;
    const p = s.file.locate([s.index, 'id']);
    const first = origins[id];
    if (first) {
      const at = `${first.file}:${first.line}:${first.col}`;
      diagnostics.push(errorIn(s, ['id'], `duplicate id "${id}" (first defined at ${at})`));
      continue;
    }
    origins[id] = { file: s.file.file, line: p.line, col: p.col };
    concepts.push(s.concept);
  }
  return { concepts, origins, diagnostics };
}

/** `related` and member `concept` must name known concepts (and not the concept itself). */
function checkReferences(s: ConceptSource, known: ReadonlySet<string>): Diagnostic[] {
  const c = s.concept;
  const name = conceptName(c, s.index);
  const out: Diagnostic[] = [];
  for (const r of c.related) {
    const at = ['related', rawIndex(s, r, 'related')];
    if (r === c.id) out.push(errorIn(s, at, `${name} lists itself as related`));
    else if (!known.has(r)) out.push(errorIn(s, at, `${name} is related to unknown id "${r}"`));
  }
  (c.members ?? []).forEach((m, k) => {
    if (m.conceptId !== undefined && !known.has(m.conceptId))
      out.push(
        errorIn(
          s,
          ['members', k, 'concept'],
          `member ${k + 1} of ${name} points at unknown id "${m.conceptId}"`,
        ),
      );
  });
  return out;
}

/** vi aliases need a vi label (the card and the reader name a Vietnamese concept by it). */
function checkViLabel(s: ConceptSource): Diagnostic[] {
  const c = s.concept;
  if ((c.aliases.vi?.length ?? 0) === 0 || c.labels.vi !== undefined || !isRecord(s.raw.labels)) return [];
  return [errorIn(s, ['labels'], `${conceptName(c, s.index)} has vi aliases but no vi label`, true)];
}

/** Rules and `shared` entries must be for the concept's own labels or aliases. */
function checkRulesAndShared(s: ConceptSource, aliases: readonly AliasInfo[]): Diagnostic[] {
  const c = s.concept;
  const name = conceptName(c, s.index);
  const texts = new Set(aliases.map((a) => a.text));
  const out: Diagnostic[] = [];
  for (const [text, rule] of Object.entries(c.rules ?? {})) {
    if (!texts.has(text))
      out.push(
        errorIn(
          s,
          ['rules', text],
          `rule for "${text}" in ${name}, which is not one of its labels or aliases`,
          true,
        ),
      );
    else if (!hasRule(rule) && !rule.compound && !rule.optional?.length && !s.badRules.has(text))
      out.push(errorIn(s, ['rules', text], `rule for "${text}" in ${name} sets no rule to true`, true));
  }
  for (const t of c.shared ?? [])
    if (!texts.has(t))
      out.push(
        errorIn(
          s,
          ['shared', rawIndex(s, t, 'shared')],
          `shared "${t}" in ${name} is not one of its labels or aliases`,
        ),
      );
  return out;
}

/** Where an alias is written: labels at labels.<lang>, aliases at aliases.<lang>.<k>. */
function aliasPath(s: ConceptSource, a: AliasInfo): YamlPath {
  return a.label ? ['labels', a.lang] : ['aliases', a.lang, rawIndex(s, a.text, 'aliases', a.lang)];
}

/** Short aliases and ordinary words need a rule; returns the claims for the collision check. */
function checkAliases(
  s: ConceptSource,
  aliases: readonly AliasInfo[],
  ordinary: ReadonlySet<string>,
  normalize: (s: string) => string,
): { diagnostics: Diagnostic[]; claims: AliasClaim[] } {
  const c = s.concept;
  const name = conceptName(c, s.index);
  const diagnostics: Diagnostic[] = [];
  const claims: AliasClaim[] = [];
  const seen = new Set<string>();
  for (const a of aliases) {
    const ruled = hasRule(a.rule);
    const at = aliasPath(s, a);
    if (!ruled && isShortAlias(a.text)) {
      const min = aliasLength(a.text).cjk > 0 ? '2 CJK characters' : '4 Latin letters';
      const message = `alias "${a.text}" of ${name} is shorter than ${min} and has no rule (add one under rules)`;
      diagnostics.push(errorIn(s, at, message));
    }
    const norm = normalize(a.text);
    if (!ruled && ordinary.has(norm)) {
      const message = `alias "${a.text}" of ${name} is on the list of ordinary words (corpus/ordinary-words.yaml) and has no rule`;
      diagnostics.push(errorIn(s, at, message));
    }
    if (!c.id || seen.has(norm)) continue;
    seen.add(norm);
    claims.push({
      norm,
      conceptId: c.id,
      file: s.file.file,
      pos: s.file.locate([s.index, ...at]),
      text: a.text,
    });
  }
  return { diagnostics, claims };
}

/** Validate every glossary file; returns the concepts that could be read and all problems. */
export function validateGlossary(files: ParsedFile[], options: GlossaryOptions = {}): GlossaryResult {
  const normalize = options.normalize ?? defaultNormalize;
  const ordinary = new Set([...(options.ordinaryWords ?? [])].map(normalize));
  const diagnostics: Diagnostic[] = [];
  const sources: ConceptSource[] = [];
  const idsInBrokenFiles: string[] = [];
  for (const file of files) {
    if (file.hasSyntaxErrors) idsInBrokenFiles.push(...idsOf(file.data));
    else {
      const r = readConcepts(file);
      diagnostics.push(...r.diagnostics);
      sources.push(...r.sources);
    }
  }
  const { concepts, origins, diagnostics: idErrors } = checkIds(sources);
  diagnostics.push(...idErrors);
  const known = new Set([...Object.keys(origins), ...idsInBrokenFiles]);
  const claims: AliasClaim[] = [];
  for (const s of sources) {
    const aliases = conceptAliases(s.concept);
    const a = checkAliases(s, aliases, ordinary, normalize);
    diagnostics.push(...checkReferences(s, known), ...checkViLabel(s), ...checkRulesAndShared(s, aliases));
    diagnostics.push(...checkRuleShapes(s));
    diagnostics.push(...a.diagnostics);
    claims.push(...a.claims);
  }
  diagnostics.push(...checkAliasCollisions(claims, concepts, normalize));
  if (options.completeness) diagnostics.push(...checkCompleteness(sources));
  return { concepts, origins, diagnostics: sortDiagnostics(diagnostics) };
}
