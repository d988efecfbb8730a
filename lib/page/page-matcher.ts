// The compiled glossary matcher as the scanner sees it (the only data the content script ships).
// Decoding is deferred to the first use (an idle scan slice), so frames that never scan any text
// (ads, empty about:blank frames) never pay for it.
import matcherData from '../../generated/matcher.json';
import type { Category } from '../core/types.ts';
import {
  createMatcher,
  findTermMatches,
  matcherConcepts,
  type CompiledMatcher,
  type Matcher,
} from '../core/term-matcher.ts';
import { startup } from './test-hooks.ts';
import type { PageMatcher } from './types.ts';

export interface LazyPageMatcher extends PageMatcher {
  /** True once the automaton is decoded. */
  ready(): boolean;
  /** Decodes the automaton now (idempotent). */
  warm(): void;
}

export function loadPageMatcher(data: CompiledMatcher = matcherData as CompiledMatcher): LazyPageMatcher {
  let matcher: Matcher | null = null;
  let category: Map<string, Category> | null = null;
  const get = (): Matcher => {
    if (matcher) return matcher;
    if (!__E2E_HOOKS__) return (matcher = createMatcher(data));
    const t0 = performance.now();
    matcher = createMatcher(data);
    startup.matcherReadyAt = performance.now();
    startup.matcherMs = startup.matcherReadyAt - t0;
    return matcher;
  };
  return {
    ready: () => matcher !== null,
    warm: () => void get(),
    find: (text) => findTermMatches(get(), text, { context: 'page' }),
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
