// Checks that make a concept a real entry (issue #10): rule shapes that must agree with the
// alias they are for, and completeness (a source, definitions in en/ja/zh-Hans).
import { diagnosticAt, type Diagnostic } from './diagnostics.ts';
import { conceptName, type ConceptSource } from './read.ts';

/** `compound` is the alias split by `|`; every `optional` part is a part of the alias. */
export function checkRuleShapes(s: ConceptSource): Diagnostic[] {
  const name = conceptName(s.concept, s.index);
  const out: Diagnostic[] = [];
  for (const [text, rule] of Object.entries(s.concept.rules ?? {})) {
    if (s.badRules.has(text)) continue;
    if (rule.compound !== undefined && rule.compound.split('|').join('') !== text)
      out.push(
        diagnosticAt(
          s.file,
          [s.index, 'rules', text, 'compound'],
          `rule compound "${rule.compound}" in ${name} is not "${text}" split by |`,
        ),
      );
    for (const part of rule.optional ?? [])
      if (!text.includes(part) || part === text)
        out.push(
          diagnosticAt(
            s.file,
            [s.index, 'rules', text, 'optional'],
            `optional part "${part}" of "${text}" in ${name} is not a part of that alias`,
          ),
        );
  }
  return out;
}

/** What a complete entry has; each missing item is reported at the concept's id. */
const REQUIRED: Array<{ what: string; missing: (s: ConceptSource) => boolean }> = [
  { what: 'source URL (sources:)', missing: (s) => (s.concept.sources?.length ?? 0) === 0 },
  { what: 'ja definition', missing: (s) => !s.concept.definition.ja },
  { what: 'zh-Hans definition', missing: (s) => !s.concept.definition['zh-Hans'] },
];

/** Incomplete entries: each concept lacking an item is an error on its own line (fails the build). */
export function checkCompleteness(sources: readonly ConceptSource[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const req of REQUIRED)
    for (const s of sources.filter((x) => x.concept.id && req.missing(x)))
      out.push({
        ...diagnosticAt(s.file, [s.index, 'id'], ''),
        message: `${conceptName(s.concept, s.index)} has no ${req.what}`,
      });
  return out;
}
