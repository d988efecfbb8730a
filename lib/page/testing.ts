// Test support for the page stages (imported by *.dom.test.ts only; never by the content script).
import { createRequire } from 'node:module';
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
    colourOf: () => undefined,
  };
}

type EventInterface = 'Event' | 'KeyboardEvent' | 'PointerEvent' | 'MouseEvent';

/**
 * Dispatches an event as the browser itself would (isTrusted true), which page scripts and
 * tests cannot do through dispatchEvent; uses jsdom's own helper for its internal events.
 * Returns false when a listener cancelled it. `target` is a node (fire key events at the focused
 * element or body, as the browser does: they reach window listeners by bubbling).
 */
export function fireTrusted(
  target: EventTarget,
  type: string,
  iface: EventInterface = 'Event',
  init: Record<string, unknown> = {},
): boolean {
  const load = createRequire(import.meta.url);
  const events = load('jsdom/lib/jsdom/living/helpers/events.js') as {
    fireAnEvent(type: string, target: unknown, iface: unknown, init: object): boolean;
  };
  const utils = load('jsdom/lib/generated/idl/utils.js') as { implForWrapper(w: unknown): unknown };
  const idl = load(`jsdom/lib/generated/idl/${iface}.js`) as unknown;
  return events.fireAnEvent(type, utils.implForWrapper(target), idl, {
    bubbles: true,
    cancelable: true,
    composed: true,
    ...init,
  });
}
