// Page time: the policy terms of one text block as the page shows them — the automaton's matches
// (term-matcher.ts), a gated match giving way to a name it overlaps (match-context.ts), without
// those inside URLs, addresses, file names, slugs or longer document numbers
// (match-exclusions.ts) or inside a longer Han word (match-han-words.ts), then the needsContext
// ones without evidence (match-context.ts).
import { acceptWithContext, contextRules, yieldToUngated, type ContextRules } from './match-context.ts';
import { dropExcluded } from './match-exclusions.ts';
import { dropInsideHanWords } from './match-han-words.ts';
import { findTermMatches, type Matcher } from './term-matcher.ts';
import type { MatcherExtras } from './term-matcher-format.ts';
import type { TermMatch } from './types.ts';

export interface PageTerms {
  find(text: string): TermMatch[];
}

export function pageTerms(matcher: Matcher, data: MatcherExtras): PageTerms {
  let rules: ContextRules | null | undefined;
  return {
    find(text) {
      const found = findTermMatches(matcher, text, { context: 'page' });
      if (found.length === 0) return found;
      rules ??= contextRules(data, matcher.ids, matcher.fold);
      const rescan = (from: number, to: number) =>
        findTermMatches(matcher, text.slice(from, to), { context: 'page' }).map((m) => ({
          ...m,
          start: m.start + from,
          end: m.end + from,
        }));
      const named = yieldToUngated(text, found, rules, rescan);
      return acceptWithContext(text, dropInsideHanWords(text, dropExcluded(text, named)), rules);
    },
  };
}
