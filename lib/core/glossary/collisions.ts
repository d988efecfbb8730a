// Checks across concepts that the build runs once everything is read: an alias or a generated
// variant claimed by two concepts, and a concept that occurs nowhere in the corpus.
import { conceptAliases } from './aliases.ts';
import type { Diagnostic, SourcePos } from './diagnostics.ts';
import type { Concept } from './schema.ts';
import type { ConceptOrigin } from './validate.ts';

/** A concept's claim on a normalised alias, where the alias is written. */
export interface AliasClaim {
  norm: string;
  conceptId: string;
  file: string;
  pos: SourcePos;
  text: string;
}

function errorAtOrigin(o: ConceptOrigin | undefined, message: string): Diagnostic {
  return {
    file: o?.file ?? 'corpus/glossary',
    line: o?.line ?? 1,
    col: o?.col ?? 1,
    severity: 'error',
    message,
  };
}

/**
 * An alias (after normalisation) claimed by two concepts, unless both list it under `shared`;
 * reported at the later claim.
 */
export function checkAliasCollisions(
  claims: readonly AliasClaim[],
  concepts: readonly Concept[],
  normalize: (s: string) => string,
): Diagnostic[] {
  const byNorm = new Map<string, AliasClaim[]>();
  for (const c of claims) byNorm.set(c.norm, [...(byNorm.get(c.norm) ?? []), c]);
  const sharedNorm = new Map<string, Set<string>>();
  for (const c of concepts) sharedNorm.set(c.id, new Set((c.shared ?? []).map(normalize)));
  const out: Diagnostic[] = [];
  for (const [norm, list] of byNorm) {
    for (let i = 1; i < list.length; i++) {
      const b = list[i]!;
      for (let j = 0; j < i; j++) {
        const a = list[j]!;
        if (a.conceptId === b.conceptId) continue;
        const aShares = sharedNorm.get(a.conceptId)?.has(norm) ?? false;
        const bShares = sharedNorm.get(b.conceptId)?.has(norm) ?? false;
        if (aShares && bShares) continue;
        out.push({
          file: b.file,
          line: b.pos.line,
          col: b.pos.col,
          severity: 'error',
          message: `alias "${b.text}" is claimed by ${a.conceptId} and ${b.conceptId} (declare it under shared in both)`,
        });
      }
    }
  }
  return out;
}

/** A concept that never occurs in the corpus is an error, reported where its id is written. */
export function checkCorpusOccurrences(
  concepts: Concept[],
  origins: Record<string, ConceptOrigin>,
  occurrenceCount: (id: string) => number,
): Diagnostic[] {
  return concepts
    .filter((c) => occurrenceCount(c.id) === 0)
    .map((c) =>
      errorAtOrigin(origins[c.id], `concept "${c.id}" occurs nowhere in the corpus (corpus/documents/)`),
    );
}

/** A generated form of one hand-written alias (or label). */
export interface VariantSource {
  conceptId: string;
  alias: string;
  /** Normalised generated forms of the alias (the alias itself included). */
  forms: string[];
}

/** Normalised forms each concept may share: the forms of the aliases it lists under `shared`. */
function sharedFormsOf(
  concepts: readonly Concept[],
  sources: readonly VariantSource[],
): Map<string, Set<string>> {
  const byId = new Map(concepts.map((c) => [c.id, c]));
  const out = new Map<string, Set<string>>();
  for (const s of sources) {
    if (!(byId.get(s.conceptId)?.shared ?? []).includes(s.alias)) continue;
    const set = out.get(s.conceptId) ?? new Set<string>();
    for (const f of s.forms) set.add(f);
    out.set(s.conceptId, set);
  }
  return out;
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
  const handWritten = new Map<string, Set<string>>(); // concept -> normalised hand-written aliases
  for (const c of concepts) handWritten.set(c.id, new Set(conceptAliases(c).map((a) => normalize(a.text))));
  const sharedForms = sharedFormsOf(concepts, sources);
  const claims = new Map<string, Array<{ conceptId: string; alias: string }>>();
  for (const s of sources) {
    for (const f of s.forms) {
      const list = claims.get(f) ?? [];
      if (!list.some((x) => x.conceptId === s.conceptId))
        list.push({ conceptId: s.conceptId, alias: s.alias });
      claims.set(f, list);
    }
  }
  const both = (m: Map<string, Set<string>>, a: string, b: string, form: string) =>
    (m.get(a)?.has(form) ?? false) && (m.get(b)?.has(form) ?? false);
  const out: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const [form, list] of claims) {
    for (let i = 1; i < list.length; i++) {
      const b = list[i]!;
      for (let j = 0; j < i; j++) {
        const a = list[j]!;
        if (both(handWritten, a.conceptId, b.conceptId, form)) continue;
        if (both(sharedForms, a.conceptId, b.conceptId, form)) continue;
        const key = `${a.conceptId}\u0000${b.conceptId}\u0000${form}`;
        if (reported.has(key)) continue;
        reported.add(key);
        out.push(
          errorAtOrigin(
            origins[b.conceptId],
            `generated variant "${form}" (of "${a.alias}" and "${b.alias}") is claimed by ${a.conceptId} and ${b.conceptId} (declare the aliases under shared in both)`,
          ),
        );
      }
    }
  }
  return out;
}
