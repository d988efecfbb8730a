// The compiled glossary matcher as the scanner sees it (the only data the content script ships).
// Decoding is deferred to the first use (an idle scan slice), so frames that never scan any text
// (ads, empty about:blank frames) never pay for it.
import matcherData from '../../generated/matcher.json';
import type { Category } from '../core/types.ts';
import { pageTerms, type PageTerms } from '../core/page-terms.ts';
import { createMatcher, matcherConcepts, type CompiledMatcher, type Matcher } from '../core/term-matcher.ts';
import type { PageMatcher } from './types.ts';

export interface LazyPageMatcher extends PageMatcher {
  /** True once the automaton is decoded. */
  ready(): boolean;
  /** Decodes the automaton now (idempotent). */
  warm(): void;
}

export function loadPageMatcher(data: CompiledMatcher = matcherData as CompiledMatcher): LazyPageMatcher {
  let matcher: Matcher | null = null;
  let terms: PageTerms | null = null;
  let category: Map<string, Category> | null = null;
  const get = () => (matcher ??= createMatcher(data));
  return {
    ready: () => matcher !== null,
    warm: () => void get(),
    // URLs, slugs and needsContext aliases without evidence are dropped (lib/core/page-terms.ts)
    find: (text) => (terms ??= pageTerms(get(), data)).find(text),
    categoryOf: (id) => {
      if (!category) {
        const { ids, categories } = matcher ?? matcherConcepts(data);
        category = new Map();
        ids.forEach((cid, i) => category!.set(cid, categories[i] as Category));
      }
      return category.get(id);
    },
  };
}
