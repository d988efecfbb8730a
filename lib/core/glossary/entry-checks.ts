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

/**
 * Incomplete entries. While the glossary is being brought up to the extended format this is one
 * warning per missing item, summarised (count and the first few places); `severity: 'error'`
 * reports each concept on its own line and fails the build.
 */
export function checkCompleteness(
  sources: readonly ConceptSource[],
  severity: 'warning' | 'error' = 'warning',
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const req of REQUIRED) {
    const lacking = sources.filter((s) => s.concept.id && req.missing(s));
    if (lacking.length === 0) continue;
    const at = (s: ConceptSource) => diagnosticAt(s.file, [s.index, 'id'], '');
    if (severity === 'error') {
      for (const s of lacking)
        out.push({ ...at(s), message: `${conceptName(s.concept, s.index)} has no ${req.what}` });
      continue;
    }
    const first = at(lacking[0]!);
    const places = lacking
      .slice(0, 3)
      .map((s) => s.concept.id)
      .join(', ');
    out.push({
      ...first,
      severity: 'warning',
      message: `${lacking.length} ${lacking.length === 1 ? 'concept has' : 'concepts have'} no ${req.what} (${places}${lacking.length > 3 ? ', …' : ''})`,
    });
  }
  return out;
}
