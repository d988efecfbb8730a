// Exclusions (corpus/exclusions/*.yaml: terms reviewed as not concepts) and ordinary words
// (corpus/ordinary-words.yaml: aliases that need a rule).
import * as v from 'valibot';
import {
  describe,
  diagnosticAt,
  issueDiagnostic,
  isRecord,
  issuePath,
  sortDiagnostics,
  type Diagnostic,
  type ParsedFile,
  type YamlPath,
} from './diagnostics.ts';
import { ExclusionsFileSchema } from './schema.ts';

export interface Exclusion {
  term: string;
  reason: string;
  file: string;
  line: number;
}

/** Fields of each list item that have errors, as "index/field". */
function badFields(issues: readonly v.BaseIssue<unknown>[]): Set<string> {
  return new Set(issues.map((i) => issuePath(i).slice(0, 2).join('/')));
}

export function validateExclusions(files: ParsedFile[]): {
  exclusions: Exclusion[];
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const exclusions: Exclusion[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const result = v.safeParse(ExclusionsFileSchema, file.data);
    const issues = result.issues ?? [];
    diagnostics.push(...issues.map((i) => issueDiagnostic(file, i)));
    if (!Array.isArray(file.data)) continue;
    const bad = badFields(issues);
    file.data.forEach((item: unknown, i) => {
      // A term that reads is checked for duplicates; an exclusion needs its reason too.
      if (!isRecord(item) || bad.has(`${i}`) || bad.has(`${i}/term`)) return;
      const term = String(item.term);
      const pos = file.locate([i, 'term']);
      const prev = seen.get(term);
      if (prev)
        diagnostics.push(diagnosticAt(file, [i, 'term'], `duplicate exclusion "${term}" (first at ${prev})`));
      else seen.set(term, `${file.file}:${pos.line}:${pos.col}`);
      if (!bad.has(`${i}/reason`))
        exclusions.push({ term, reason: String(item.reason).trim(), file: file.file, line: pos.line });
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
  const err = (path: YamlPath, message: string) => diagnostics.push(diagnosticAt(file, path, message));
  const readList = (list: unknown, base: YamlPath) => {
    if (list === null || list === undefined) return;
    if (!Array.isArray(list)) {
      err(base, `expected a list of words, found ${describe(list)}`);
      return;
    }
    list.forEach((w, i) => {
      if (typeof w === 'string' && w.trim() !== '') words.push(w);
      else if (isRecord(w)) {
        const word = w.word ?? w.term ?? w.text;
        if (typeof word === 'string' && word.trim() !== '') words.push(word);
        else err([...base, i], `expected a word (a string or {word: ...}), found ${describe(w)}`);
      } else err([...base, i], `expected a word, found ${describe(w)}`);
    });
  };
  if (Array.isArray(file.data)) readList(file.data, []);
  else if (isRecord(file.data)) for (const [k, list] of Object.entries(file.data)) readList(list, [k]);
  else if (file.data !== null && file.data !== undefined)
    err([], `expected a list of words or a mapping of lists, found ${describe(file.data)}`);
  return { words, diagnostics };
}
