// The compiled glossary matcher as the scanner sees it (the only data the content script ships).
import matcherData from '../../generated/matcher.json';
import type { Category } from '../core/types.ts';
import { createMatcher, findTermMatches, type CompiledMatcher } from '../core/term-matcher.ts';
import type { PageMatcher } from './scanner.ts';

export function loadPageMatcher(data: CompiledMatcher = matcherData as CompiledMatcher): PageMatcher {
  const matcher = createMatcher(data);
  const category = new Map<string, Category>();
  matcher.ids.forEach((id, i) => category.set(id, matcher.categories[i] as Category));
  return {
    find: (text) => findTermMatches(matcher, text, { context: 'page' }),
    categoryOf: (id) => category.get(id),
  };
}
