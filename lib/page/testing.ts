// Test support for the page stages (imported by *.dom.test.ts only; never by the content script).
import type { Category, TermMatch } from '../core/types.ts';
import type { PageMatcher } from './types.ts';

/** A tiny stand-in for the glossary matcher: literal terms -> concept ids. */
export function fakeMatcher(terms: Record<string, [string, Category]>): PageMatcher {
  return {
    find(text) {
      const out: TermMatch[] = [];
      for (const [term, [conceptId]] of Object.entries(terms)) {
        for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length)) {
          out.push({ start: i, end: i + term.length, conceptId });
        }
      }
      return out.sort((a, b) => a.start - b.start);
    },
    categoryOf: (id) => Object.values(terms).find(([c]) => c === id)?.[1],
  };
}
