// Glossary validation: checks already-parsed concept objects (from corpus/glossary/*.yaml)
// against the rules in docs/GLOSSARY.md. Pure: positions come from a callback supplied by the
// loader (scripts/load-glossary.ts), normalisation is injected (lib/core/normalize.ts).
//
// Every problem is collected; nothing stops at the first error.

import type { Category, Concept, Lang, MatchRule, Member } from './types.ts';
import { CATEGORIES, LANGS } from './types.ts';

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

export interface AliasInfo {
  text: string;
  lang: Lang;
  rule?: MatchRule;
  /** True for labels (labels are aliases too). */
  label: boolean;
}

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
}

const CONCEPT_KEYS = new Set([
  'id',
  'category',
  'labels',
  'aliases',
  'rules',
  'shared',
  'definition',
  'members',
  'origin',
  'related',
]);
const MEMBER_KEYS = new Set(['concept', 'labels']);
const RULE_KEYS = new Set(['quotedOnly', 'caseSensitive', 'corpusOnly']);
export const REQUIRED_LABELS: readonly Lang[] = ['en', 'ja', 'zh-Hans', 'zh-Hant'];
const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isLang(s: string): s is Lang {
  return (LANGS as readonly string[]).includes(s);
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}

/** CJK characters (Han, kana, Hangul) and Latin letters in an alias. */
export function aliasLength(text: string): { cjk: number; latin: number } {
  let cjk = 0;
  let latin = 0;
  for (const ch of text) {
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆]/u.test(ch)) cjk++;
    else if (/\p{Script=Latin}/u.test(ch)) latin++;
  }
  return { cjk, latin };
}

/** True when the alias is too short to match safely without a rule. */
export function isShortAlias(text: string): boolean {
  const { cjk, latin } = aliasLength(text);
  if (cjk > 0) return cjk < 2;
  return latin < 4;
}

function hasRule(rule: MatchRule | undefined): boolean {
  return !!rule && (rule.quotedOnly === true || rule.caseSensitive === true || rule.corpusOnly === true);
}

/** Labels and hand-written aliases of a concept, with their rules, de-duplicated. */
export function conceptAliases(c: Concept): AliasInfo[] {
  const out: AliasInfo[] = [];
  const seen = new Set<string>();
  const add = (text: string, lang: Lang, label: boolean) => {
    const key = `${lang}\u0000${text}`;
    if (seen.has(key)) return;
    seen.add(key);
    const rule = c.rules?.[text];
    out.push(rule ? { text, lang, rule, label } : { text, lang, label });
  };
  for (const lang of LANGS) {
    const l = c.labels[lang];
    if (typeof l === 'string' && l.length > 0) add(l, lang, true);
  }
  for (const lang of LANGS) for (const a of c.aliases[lang] ?? []) add(a, lang, false);
  return out;
}

/** MatchRule -> matcher flags (1 caseSensitive, 2 quotedOnly, 4 corpusOnly). */
export function ruleFlags(rule: MatchRule | undefined): number {
  if (!rule) return 0;
  return (rule.caseSensitive ? 1 : 0) | (rule.quotedOnly ? 2 : 0) | (rule.corpusOnly ? 4 : 0);
}

const defaultNormalize = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

interface AliasClaim {
  conceptId: string;
  file: string;
  pos: SourcePos;
  text: string;
}

/** Validate every glossary file; returns the concepts that could be read and all problems. */
export function validateGlossary(files: ParsedFile[], options: GlossaryOptions = {}): GlossaryResult {
  const normalize = options.normalize ?? defaultNormalize;
  const ordinary = new Set<string>();
  for (const w of options.ordinaryWords ?? []) ordinary.add(normalize(w));

  const diagnostics: Diagnostic[] = [];
  const concepts: Concept[] = [];
  const origins: Record<string, ConceptOrigin> = {};
  // per concept: where its raw data lives, for the cross-reference checks
  const sources: Array<{ concept: Concept; file: ParsedFile; index: number; badRules: Set<string> }> = [];

  const err = (file: ParsedFile, path: YamlPath, message: string, key = false) => {
    const p = file.locate(path, key);
    diagnostics.push({ file: file.file, line: p.line, col: p.col, severity: 'error', message });
  };

  const idsInBrokenFiles = new Set<string>();
  for (const file of files) {
    const data = file.data;
    if (data === null || data === undefined) continue; // empty file: nothing to check
    if (file.hasSyntaxErrors) {
      if (Array.isArray(data))
        for (const item of data)
          if (isRecord(item) && typeof item.id === 'string') idsInBrokenFiles.add(item.id);
      continue;
    }
    if (!Array.isArray(data)) {
      err(file, [], `expected a list of concepts, found ${describe(data)}`);
      continue;
    }
    data.forEach((item, index) => {
      const at = (...p: Array<string | number>): YamlPath => [index, ...p];
      if (!isRecord(item)) {
        err(file, at(), `expected a concept (a mapping), found ${describe(item)}`);
        return;
      }
      const rawId = item.id;
      const id = typeof rawId === 'string' ? rawId : '';
      const name = id ? `concept "${id}"` : `concept #${index + 1}`;
      for (const k of Object.keys(item))
        if (!CONCEPT_KEYS.has(k)) err(file, at(k), `unknown key "${k}" in ${name}`, true);

      // id
      if (rawId === undefined) err(file, at(), `${name} has no id`);
      else if (typeof rawId !== 'string')
        err(file, at('id'), `id must be a string, found ${describe(rawId)}`);
      else if (!ID_RE.test(rawId)) err(file, at('id'), `id "${rawId}" is not kebab-case ASCII`);

      // category
      const category = item.category;
      if (category === undefined) err(file, at(), `${name} has no category`);
      else if (typeof category !== 'string' || !(CATEGORIES as readonly string[]).includes(category))
        err(
          file,
          at('category'),
          `${name} has unknown category ${JSON.stringify(category)} (expected one of ${CATEGORIES.join(', ')})`,
        );

      // labels
      const labels: Partial<Record<Lang, string>> = {};
      if (item.labels === undefined) err(file, at(), `${name} has no labels`);
      else if (!isRecord(item.labels)) err(file, at('labels'), `labels of ${name} must be a mapping`);
      else {
        for (const [lang, v] of Object.entries(item.labels)) {
          if (!isLang(lang)) {
            err(file, at('labels', lang), `unknown language "${lang}" in labels of ${name}`, true);
            continue;
          }
          if (typeof v !== 'string' || v.trim() === '')
            err(file, at('labels', lang), `${lang} label of ${name} must be a non-empty string`);
          else labels[lang] = v;
        }
        for (const lang of REQUIRED_LABELS)
          if (!(lang in item.labels)) err(file, at('labels'), `${name} is missing the ${lang} label`, true);
      }

      // aliases
      const aliases: Partial<Record<Lang, string[]>> = {};
      if (item.aliases !== undefined && item.aliases !== null) {
        if (!isRecord(item.aliases))
          err(file, at('aliases'), `aliases of ${name} must be a mapping of language to list`);
        else
          for (const [lang, list] of Object.entries(item.aliases)) {
            if (!isLang(lang)) {
              err(file, at('aliases', lang), `unknown language "${lang}" in aliases of ${name}`, true);
              continue;
            }
            if (list === null) continue;
            if (!Array.isArray(list)) {
              err(file, at('aliases', lang), `${lang} aliases of ${name} must be a list`);
              continue;
            }
            const out: string[] = [];
            list.forEach((a, k) => {
              if (typeof a !== 'string' || a.trim() === '')
                err(
                  file,
                  at('aliases', lang, k),
                  `alias of ${name} must be a non-empty string, found ${describe(a)}`,
                );
              else out.push(a);
            });
            aliases[lang] = out;
          }
      }
      if ((aliases.vi?.length ?? 0) > 0 && labels.vi === undefined && isRecord(item.labels))
        err(file, at('labels'), `${name} has vi aliases but no vi label`, true);

      // rules
      const rules: Record<string, MatchRule> = {};
      const badRules = new Set<string>();
      if (item.rules !== undefined && item.rules !== null) {
        if (!isRecord(item.rules))
          err(file, at('rules'), `rules of ${name} must be a mapping of alias to rule`);
        else
          for (const [text, r] of Object.entries(item.rules)) {
            if (!isRecord(r)) {
              err(file, at('rules', text), `rule for "${text}" in ${name} must be a mapping`);
              badRules.add(text);
              continue;
            }
            const rule: MatchRule = {};
            for (const [k, v] of Object.entries(r)) {
              if (!RULE_KEYS.has(k)) {
                err(
                  file,
                  at('rules', text, k),
                  `unknown rule "${k}" for "${text}" in ${name} (expected quotedOnly, caseSensitive or corpusOnly)`,
                  true,
                );
                badRules.add(text);
                continue;
              }
              if (typeof v !== 'boolean') {
                err(file, at('rules', text, k), `rule ${k} for "${text}" in ${name} must be true or false`);
                badRules.add(text);
                continue;
              }
              rule[k as keyof MatchRule] = v;
            }
            rules[text] = rule;
          }
      }

      // shared
      const shared: string[] = [];
      if (item.shared !== undefined && item.shared !== null) {
        if (!Array.isArray(item.shared))
          err(file, at('shared'), `shared of ${name} must be a list of aliases`);
        else
          item.shared.forEach((s, k) => {
            if (typeof s !== 'string' || s.trim() === '')
              err(file, at('shared', k), `shared entry of ${name} must be a non-empty string`);
            else shared.push(s);
          });
      }

      // definition, origin
      if (item.definition === undefined) err(file, at(), `${name} has no definition`);
      else if (typeof item.definition !== 'string' || item.definition.trim() === '')
        err(file, at('definition'), `definition of ${name} must be a non-empty string`);
      if (item.origin !== undefined && item.origin !== null && typeof item.origin !== 'string')
        err(file, at('origin'), `origin of ${name} must be a string`);

      // members
      let members: Member[] | undefined;
      if (item.members !== undefined && item.members !== null) {
        if (!Array.isArray(item.members)) err(file, at('members'), `members of ${name} must be a list`);
        else {
          members = [];
          item.members.forEach((m, k) => {
            if (!isRecord(m)) {
              err(file, at('members', k), `member of ${name} must be a mapping`);
              return;
            }
            for (const key of Object.keys(m))
              if (!MEMBER_KEYS.has(key))
                err(file, at('members', k, key), `unknown key "${key}" in member ${k + 1} of ${name}`, true);
            const ml: Partial<Record<Lang, string>> = {};
            if (!isRecord(m.labels)) err(file, at('members', k), `member ${k + 1} of ${name} has no labels`);
            else {
              for (const [lang, v] of Object.entries(m.labels)) {
                if (!isLang(lang))
                  err(
                    file,
                    at('members', k, 'labels', lang),
                    `unknown language "${lang}" in member labels of ${name}`,
                    true,
                  );
                else if (typeof v !== 'string' || v.trim() === '')
                  err(
                    file,
                    at('members', k, 'labels', lang),
                    `${lang} member label of ${name} must be a non-empty string`,
                  );
                else ml[lang] = v;
              }
              if (!('en' in m.labels))
                err(file, at('members', k, 'labels'), `member ${k + 1} of ${name} is missing the en label`);
            }
            const member: Member = { labels: ml };
            if (m.concept !== undefined) {
              if (typeof m.concept !== 'string')
                err(file, at('members', k, 'concept'), `member concept of ${name} must be an id`);
              else member.conceptId = m.concept;
            }
            members!.push(member);
          });
        }
      }

      // related
      const related: string[] = [];
      if (item.related !== undefined && item.related !== null) {
        if (!Array.isArray(item.related))
          err(file, at('related'), `related of ${name} must be a list of ids`);
        else
          item.related.forEach((r, k) => {
            if (typeof r !== 'string') err(file, at('related', k), `related entry of ${name} must be an id`);
            else related.push(r);
          });
      }

      const concept: Concept = {
        id,
        category: (typeof category === 'string' ? category : 'formulation') as Category,
        labels: labels as Concept['labels'],
        aliases,
        definition: typeof item.definition === 'string' ? item.definition.trim() : '',
        related,
      };
      if (members) concept.members = members;
      if (typeof item.origin === 'string') concept.origin = item.origin.trim();
      if (Object.keys(rules).length > 0) concept.rules = rules;
      if (shared.length > 0) concept.shared = shared;
      sources.push({ concept, file, index, badRules });
    });
  }

  // ids: duplicates
  const firstById = new Map<string, { file: ParsedFile; index: number }>();
  for (const s of sources) {
    const id = s.concept.id;
    if (!id) continue;
    const first = firstById.get(id);
    if (first) {
      const p = first.file.locate([first.index, 'id']);
      err(
        s.file,
        [s.index, 'id'],
        `duplicate id "${id}" (first defined at ${first.file.file}:${p.line}:${p.col})`,
      );
      continue;
    }
    firstById.set(id, { file: s.file, index: s.index });
    const p = s.file.locate([s.index, 'id']);
    origins[id] = { file: s.file.file, line: p.line, col: p.col };
    concepts.push(s.concept);
  }
  const known = new Set([...firstById.keys(), ...idsInBrokenFiles]);

  // cross references, rules, shared, alias checks
  const claims = new Map<string, AliasClaim[]>();
  for (const s of sources) {
    const c = s.concept;
    const name = c.id ? `concept "${c.id}"` : `concept #${s.index + 1}`;
    const at = (...p: Array<string | number>): YamlPath => [s.index, ...p];
    c.related.forEach((r, k) => {
      if (r === c.id) err(s.file, at('related', k), `${name} lists itself as related`);
      else if (!known.has(r)) err(s.file, at('related', k), `${name} is related to unknown id "${r}"`);
    });
    (c.members ?? []).forEach((m, k) => {
      if (m.conceptId !== undefined && !known.has(m.conceptId))
        err(
          s.file,
          at('members', k, 'concept'),
          `member ${k + 1} of ${name} points at unknown id "${m.conceptId}"`,
        );
    });

    const aliasList = conceptAliases(c);
    const texts = new Set(aliasList.map((a) => a.text));
    for (const text of Object.keys(c.rules ?? {})) {
      if (!texts.has(text))
        err(
          s.file,
          at('rules', text),
          `rule for "${text}" in ${name}, which is not one of its labels or aliases`,
          true,
        );
      else if (!hasRule(c.rules?.[text]) && !s.badRules.has(text))
        err(s.file, at('rules', text), `rule for "${text}" in ${name} sets no rule to true`, true);
    }
    (c.shared ?? []).forEach((t, k) => {
      if (!texts.has(t))
        err(s.file, at('shared', k), `shared "${t}" in ${name} is not one of its labels or aliases`);
    });

    // alias positions: labels at labels.<lang>, aliases at aliases.<lang>.<k>
    const aliasPos = (a: AliasInfo): YamlPath => {
      if (a.label) return at('labels', a.lang);
      const k = (c.aliases[a.lang] ?? []).indexOf(a.text);
      return at('aliases', a.lang, k);
    };
    const seenNorm = new Set<string>();
    for (const a of aliasList) {
      const ruled = hasRule(a.rule);
      if (!ruled && isShortAlias(a.text)) {
        const { cjk } = aliasLength(a.text);
        err(
          s.file,
          aliasPos(a),
          `alias "${a.text}" of ${name} is shorter than ${cjk > 0 ? '2 CJK characters' : '4 Latin letters'} and has no rule (add one under rules)`,
        );
      }
      const norm = normalize(a.text);
      if (!ruled && ordinary.has(norm))
        err(
          s.file,
          aliasPos(a),
          `alias "${a.text}" of ${name} is on the list of ordinary words (corpus/ordinary-words.yaml) and has no rule`,
        );
      if (!c.id || seenNorm.has(norm)) continue;
      seenNorm.add(norm);
      const list = claims.get(norm) ?? [];
      list.push({ conceptId: c.id, file: s.file.file, pos: s.file.locate(aliasPos(a)), text: a.text });
      claims.set(norm, list);
    }
  }

  // alias collisions
  const sharedNorm = new Map<string, Set<string>>();
  for (const c of concepts) sharedNorm.set(c.id, new Set((c.shared ?? []).map(normalize)));
  for (const [norm, list] of claims) {
    for (let i = 1; i < list.length; i++) {
      const b = list[i]!;
      for (let j = 0; j < i; j++) {
        const a = list[j]!;
        if (a.conceptId === b.conceptId) continue;
        const aShares = sharedNorm.get(a.conceptId)?.has(norm) ?? false;
        const bShares = sharedNorm.get(b.conceptId)?.has(norm) ?? false;
        if (aShares && bShares) continue;
        diagnostics.push({
          file: b.file,
          line: b.pos.line,
          col: b.pos.col,
          severity: 'error',
          message: `alias "${b.text}" is claimed by ${a.conceptId} and ${b.conceptId} (declare it under shared in both)`,
        });
      }
    }
  }

  return { concepts, origins, diagnostics: sortDiagnostics(diagnostics) };
}

/** A concept that never occurs in the corpus is an error, reported where its id is written. */
export function checkCorpusOccurrences(
  concepts: Concept[],
  origins: Record<string, ConceptOrigin>,
  occurrenceCount: (id: string) => number,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const c of concepts) {
    if (occurrenceCount(c.id) > 0) continue;
    const o = origins[c.id];
    out.push({
      file: o?.file ?? 'corpus/glossary',
      line: o?.line ?? 1,
      col: o?.col ?? 1,
      severity: 'error',
      message: `concept "${c.id}" occurs nowhere in the corpus (corpus/documents/)`,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Exclusions (corpus/exclusions/*.yaml) and ordinary words (corpus/ordinary-words.yaml)

export interface Exclusion {
  term: string;
  reason: string;
  file: string;
  line: number;
}

export function validateExclusions(files: ParsedFile[]): {
  exclusions: Exclusion[];
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const exclusions: Exclusion[] = [];
  const seen = new Map<string, string>();
  const err = (file: ParsedFile, path: YamlPath, message: string, key = false) => {
    const p = file.locate(path, key);
    diagnostics.push({ file: file.file, line: p.line, col: p.col, severity: 'error', message });
  };
  for (const file of files) {
    if (file.data === null || file.data === undefined) continue;
    if (!Array.isArray(file.data)) {
      err(file, [], `expected a list of {term, reason}, found ${describe(file.data)}`);
      continue;
    }
    file.data.forEach((item, i) => {
      if (!isRecord(item)) {
        err(file, [i], `expected an exclusion {term, reason}, found ${describe(item)}`);
        return;
      }
      for (const k of Object.keys(item))
        if (k !== 'term' && k !== 'reason') err(file, [i, k], `unknown key "${k}" in exclusion`, true);
      const ok = (k: 'term' | 'reason') => {
        const v = item[k];
        if (v === undefined) err(file, [i], `exclusion has no ${k}`);
        else if (typeof v !== 'string' || v.trim() === '')
          err(file, [i, k], `${k} of exclusion must be a non-empty string, found ${describe(v)}`);
        else return true;
        return false;
      };
      const t = ok('term');
      const r = ok('reason');
      if (!t) return;
      const term = String(item.term);
      const pos = file.locate([i, 'term']);
      const where = `${file.file}:${pos.line}:${pos.col}`;
      const prev = seen.get(term);
      if (prev) err(file, [i, 'term'], `duplicate exclusion "${term}" (first at ${prev})`);
      else seen.set(term, where);
      if (r) exclusions.push({ term, reason: String(item.reason).trim(), file: file.file, line: pos.line });
    });
  }
  return { exclusions, diagnostics: sortDiagnostics(diagnostics) };
}

/**
 * corpus/ordinary-words.yaml: a list of words (strings or {word|term|text: ...}) or a
 * mapping of language (or any group name) to such lists.
 */
export function readOrdinaryWords(file: ParsedFile): { words: string[]; diagnostics: Diagnostic[] } {
  const words: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const err = (path: YamlPath, message: string) => {
    const p = file.locate(path);
    diagnostics.push({ file: file.file, line: p.line, col: p.col, severity: 'error', message });
  };
  const readList = (list: unknown, base: YamlPath) => {
    if (list === null || list === undefined) return;
    if (!Array.isArray(list)) {
      err(base, `expected a list of words, found ${describe(list)}`);
      return;
    }
    list.forEach((w, i) => {
      if (typeof w === 'string' && w.trim() !== '') words.push(w);
      else if (isRecord(w)) {
        const v = w.word ?? w.term ?? w.text;
        if (typeof v === 'string' && v.trim() !== '') words.push(v);
        else err([...base, i], `expected a word (a string or {word: ...}), found ${describe(w)}`);
      } else err([...base, i], `expected a word, found ${describe(w)}`);
    });
  };
  if (Array.isArray(file.data)) readList(file.data, []);
  else if (isRecord(file.data)) for (const [k, v] of Object.entries(file.data)) readList(v, [k]);
  else if (file.data !== null && file.data !== undefined)
    err([], `expected a list of words or a mapping of lists, found ${describe(file.data)}`);
  return { words, diagnostics };
}

/** A generated form of one hand-written alias (or label). */
export interface VariantSource {
  conceptId: string;
  alias: string;
  /** Normalised generated forms of the alias (the alias itself included). */
  forms: string[];
}

/**
 * Generated variants claimed by two concepts. Collisions between the hand-written aliases
 * themselves are reported by validateGlossary and skipped here; a form is fine when it comes
 * from aliases both concepts list under `shared`.
 */
export function checkVariantCollisions(
  concepts: readonly Concept[],
  sources: readonly VariantSource[],
  origins: Record<string, ConceptOrigin>,
  normalize: (s: string) => string,
): Diagnostic[] {
  const byId = new Map(concepts.map((c) => [c.id, c]));
  const handWritten = new Map<string, Set<string>>(); // concept -> normalised hand-written aliases
  for (const c of concepts) handWritten.set(c.id, new Set(conceptAliases(c).map((a) => normalize(a.text))));
  const sharedForms = new Map<string, Set<string>>();
  const claims = new Map<string, Array<{ conceptId: string; alias: string }>>();
  for (const s of sources) {
    const shared = (byId.get(s.conceptId)?.shared ?? []).includes(s.alias);
    for (const f of s.forms) {
      if (shared) {
        const set = sharedForms.get(s.conceptId) ?? new Set<string>();
        set.add(f);
        sharedForms.set(s.conceptId, set);
      }
      const list = claims.get(f) ?? [];
      if (!list.some((x) => x.conceptId === s.conceptId))
        list.push({ conceptId: s.conceptId, alias: s.alias });
      claims.set(f, list);
    }
  }
  const out: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const [form, list] of claims) {
    for (let i = 1; i < list.length; i++) {
      const b = list[i]!;
      for (let j = 0; j < i; j++) {
        const a = list[j]!;
        if (handWritten.get(a.conceptId)?.has(form) && handWritten.get(b.conceptId)?.has(form)) continue;
        if (sharedForms.get(a.conceptId)?.has(form) && sharedForms.get(b.conceptId)?.has(form)) continue;
        const key = `${a.conceptId}\u0000${b.conceptId}\u0000${form}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const o = origins[b.conceptId];
        out.push({
          file: o?.file ?? 'corpus/glossary',
          line: o?.line ?? 1,
          col: o?.col ?? 1,
          severity: 'error',
          message: `generated variant "${form}" (of "${a.alias}" and "${b.alias}") is claimed by ${a.conceptId} and ${b.conceptId} (declare the aliases under shared in both)`,
        });
      }
    }
  }
  return out;
}
