// Pipeline stage "variants → matcher entries": every alias of every concept with its generated
// spellings, as term-matcher entries, plus the normalised forms per concept (CorpusData.variants)
// and per alias (for the collision check), and the forms that are accepted on a page only with
// evidence (needsContext aliases, lib/core/match-context.ts).
import { conceptAliases, ruleFlags, type VariantSource } from '../glossary.ts';
import { normalizeForMatch, normalizeQuery } from '../normalize.ts';
import type { MatcherEntry } from '../term-matcher.ts';
import type { Concept, Lang } from '../types.ts';
import { generateVariants, MAX_VARIANTS, type ScriptConverter, type VariantRule } from '../variants.ts';

/**
 * Simplified <-> traditional Chinese converters. Injected because the real ones (opencc-js) are a
 * build-time dependency that must not reach the extension bundles.
 */
export type VariantConverters = ScriptConverter;

export type GenerateVariants = (
  alias: string,
  lang: Lang,
  conv: VariantConverters,
  rule?: VariantRule,
) => string[];

export interface MatcherEntriesResult {
  entries: MatcherEntry[];
  /** Concept id -> its normalised forms, sorted (CorpusData.variants). */
  variants: Record<string, string[]>;
  sources: VariantSource[];
  /**
   * `conceptId + '\u0000' + normalizeQuery(form)` of every form that comes only from aliases marked
   * `needsContext` (a form another alias of the concept also yields needs no evidence), sorted.
   */
  needsContext: string[];
  /** Gated forms (normalizeQuery) that several concepts share → their concept indices. */
  contextShared: Record<string, number[]>;
}

/** The rule fields this stage reads; the glossary schema declares them (docs/GLOSSARY.md). */
interface AliasRuleFields extends VariantRule {
  needsContext?: boolean;
}

const defaultGenerate: GenerateVariants = (alias, lang, conv, rule) =>
  generateVariants(alias, lang, conv, MAX_VARIANTS, rule);

/** `concepts[i]` becomes matcher concept index i: pass them in the order the matcher ids use. */
export function buildMatcherEntries(
  concepts: readonly Concept[],
  conv: VariantConverters,
  generate: GenerateVariants = defaultGenerate,
): MatcherEntriesResult {
  const entries: MatcherEntry[] = [];
  const variants: Record<string, string[]> = {};
  const sources: VariantSource[] = [];
  const contextOnly = new Set<string>();
  const gatedBy = new Map<string, number[]>();
  // gated forms a concept lists under `shared` although no other concept claims them: a name
  // the other country's body has too (the page decides by the nearest country, match-context.ts)
  const declared = new Set<string>();
  concepts.forEach((c, i) => {
    const forms = new Set<string>();
    const free = new Set<string>();
    const gated = new Set<string>();
    for (const a of conceptAliases(c)) {
      const flags = ruleFlags(a.rule);
      const rule = a.rule as AliasRuleFields | undefined;
      const texts = new Set<string>([a.text, ...generate(a.text, a.lang, conv, rule)]);
      const own = new Set<string>();
      for (const t of texts) {
        if (!t || !t.trim()) continue;
        entries.push({ text: t, concept: i, flags });
        const n = normalizeForMatch(t).text.trim();
        if (n) own.add(n);
        (rule?.needsContext === true ? gated : free).add(normalizeQuery(t));
        if (rule?.needsContext === true && c.shared?.includes(a.text)) declared.add(normalizeQuery(t));
      }
      for (const n of own) forms.add(n);
      sources.push({ conceptId: c.id, alias: a.text, forms: [...own] });
    }
    for (const g of gated) {
      if (free.has(g)) continue;
      contextOnly.add(`${c.id}\u0000${g}`);
      gatedBy.set(g, [...(gatedBy.get(g) ?? []), i]);
    }
    variants[c.id] = [...forms].sort();
  });
  const contextShared: Record<string, number[]> = {};
  for (const [form, indices] of [...gatedBy].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    if (indices.length > 1 || declared.has(form)) contextShared[form] = indices;
  return { entries, variants, sources, needsContext: [...contextOnly].sort(), contextShared };
}
