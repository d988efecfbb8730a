// Pipeline stage "variants → matcher entries": every alias of every concept with its generated
// spellings, as term-matcher entries, plus the normalised forms per concept (CorpusData.variants)
// and per alias (for the collision check).
import { conceptAliases, ruleFlags, type VariantSource } from '../glossary.ts';
import { normalizeForMatch } from '../normalize.ts';
import type { MatcherEntry } from '../term-matcher.ts';
import type { Concept, Lang } from '../types.ts';
import { generateVariants, type ScriptConverter } from '../variants.ts';

/**
 * Simplified <-> traditional Chinese converters. Injected because the real ones (opencc-js) are a
 * build-time dependency that must not reach the extension bundles.
 */
export type VariantConverters = ScriptConverter;

export type GenerateVariants = (alias: string, lang: Lang, conv: VariantConverters) => string[];

export interface MatcherEntriesResult {
  entries: MatcherEntry[];
  /** Concept id -> its normalised forms, sorted (CorpusData.variants). */
  variants: Record<string, string[]>;
  sources: VariantSource[];
}

/** `concepts[i]` becomes matcher concept index i: pass them in the order the matcher ids use. */
export function buildMatcherEntries(
  concepts: readonly Concept[],
  conv: VariantConverters,
  generate: GenerateVariants = generateVariants,
): MatcherEntriesResult {
  const entries: MatcherEntry[] = [];
  const variants: Record<string, string[]> = {};
  const sources: VariantSource[] = [];
  concepts.forEach((c, i) => {
    const forms = new Set<string>();
    for (const a of conceptAliases(c)) {
      const flags = ruleFlags(a.rule);
      const texts = new Set<string>([a.text, ...generate(a.text, a.lang, conv)]);
      const own = new Set<string>();
      for (const t of texts) {
        if (!t || !t.trim()) continue;
        entries.push({ text: t, concept: i, flags });
        const n = normalizeForMatch(t).text.trim();
        if (n) own.add(n);
      }
      for (const n of own) forms.add(n);
      sources.push({ conceptId: c.id, alias: a.text, forms: [...own] });
    }
    variants[c.id] = [...forms].sort();
  });
  return { entries, variants, sources };
}
