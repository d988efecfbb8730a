// Page time: needsContext aliases (short or ambiguous: CPC, NPC, "Politburo", 两会, "Resolution
// 18") stand only with evidence. The evidence is another accepted match of an alias that needs
// no context (any concept, the same one included), in the same text block (paragraph, heading,
// list item, table cell), at most CONTEXT_WINDOW units before or after. A needsContext match is
// never evidence for another one, so two ambiguous words cannot vouch for each other.
import { CONTEXT_WINDOW } from './limits.ts';
import { foldHan, type HanFoldTable } from './match-han-fold.ts';
import { normalizeQuery } from './normalize.ts';
import type { TermMatch } from './types.ts';

export interface ContextRules {
  /** True when this match was made by a form that needs evidence. */
  needsContext(text: string, m: TermMatch): boolean;
}

/**
 * From the compiled matcher's `needsContext` keys (`conceptIndex + ' ' + form`, build-corpus.ts),
 * its concept ids and its Han folding.
 */
export function contextRules(
  keys: readonly string[] | undefined,
  ids: readonly string[],
  fold?: HanFoldTable,
): ContextRules | null {
  if (!keys?.length) return null;
  const set = new Set(keys);
  const index = new Map(ids.map((id, i) => [id, i]));
  return {
    needsContext(text, m) {
      const form = normalizeQuery(text.slice(m.start, m.end));
      return set.has(`${index.get(m.conceptId)} ${fold ? foldHan(form, fold) : form}`);
    },
  };
}

/** `matches` (in document order) without the needsContext ones that have no evidence nearby. */
export function acceptWithContext(
  text: string,
  matches: readonly TermMatch[],
  rules: ContextRules | null,
  window: number = CONTEXT_WINDOW,
): TermMatch[] {
  if (!rules || matches.length === 0) return [...matches];
  const gated = matches.map((m) => rules.needsContext(text, m));
  if (!gated.includes(true)) return [...matches];
  const evidence = matches.filter((_, k) => !gated[k]);
  return matches.filter(
    (m, k) => !gated[k] || evidence.some((e) => Math.max(e.start - m.end, m.start - e.end, 0) <= window),
  );
}
