// Page time: the policy terms of one text block as the page shows them — the automaton's matches
// (term-matcher.ts) without those inside URLs, addresses, file names, slugs or longer document
// numbers (match-exclusions.ts), then the needsContext ones without evidence (match-context.ts).
import { acceptWithContext, contextRules, type ContextRules } from './match-context.ts';
import { dropExcluded } from './match-exclusions.ts';
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
      return acceptWithContext(text, dropExcluded(text, found), rules);
    },
  };
}
