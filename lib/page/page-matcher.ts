// The term matcher as the scanner sees it. The content script carries no matcher data: the
// background owns the compiled matcher (the bundled glossary now; user term lists join it there)
// and hands each world a packed copy (lib/core/term-matcher-packed.ts) on request, which becomes
// typed-array views without a loop over states. It is asked for only when a document has
// something to scan, once per isolated world (the driven child frames share it), so frames that
// never scan (ads, empty frames) never pay for it.
import type { Category } from '../core/types.ts';
import { hanFoldTable } from '../core/match-han-fold.ts';
import { pageTerms, type PageTerms } from '../core/page-terms.ts';
import { unpackMatcher, type PackedMatcher } from '../core/term-matcher-packed.ts';
import type { Matcher } from '../core/term-matcher.ts';
import { sendToBackground } from '../messaging.ts';
import { startup } from './test-hooks.ts';
import type { PageMatcher } from './types.ts';

export interface LazyPageMatcher extends PageMatcher {
  /** True once the matcher is here and instantiated. */
  ready(): boolean;
  /** Asked for and not here yet (nor given up on). */
  loading(): boolean;
  /** Asks for the matcher (once); `onReady` runs when it is ready (at once if it is). */
  load(onReady: () => void): void;
}

/** How the packed matcher is obtained (the background, or a test's). */
export type MatcherFetch = () => Promise<PackedMatcher>;

/** Tries before giving up (the service worker may be starting or restarting). */
const ATTEMPTS = 3;

export function createPageMatcher(fetch: MatcherFetch): LazyPageMatcher {
  let matcher: Matcher | null = null;
  let terms: PageTerms | null = null;
  let category: Map<string, Category> | null = null;
  let state: 'idle' | 'loading' | 'failed' = 'idle';
  const waiting: Array<() => void> = [];

  const settle = (m: Matcher | null, packed?: PackedMatcher) => {
    matcher = m;
    terms = m && packed ? pageTerms(m, packed) : null;
    state = m ? 'idle' : 'failed';
    for (const f of waiting.splice(0)) f();
  };
  const attempt = (k: number) => {
    fetch().then(
      (packed) => {
        try {
          const t0 = __E2E_HOOKS__ ? performance.now() : 0;
          const decoded = unpackMatcher(packed);
          const m: Matcher = packed.hanFold ? { ...decoded, fold: hanFoldTable(packed.hanFold) } : decoded;
          if (__E2E_HOOKS__) {
            startup.matcherReadyAt = performance.now();
            startup.matcherMs = startup.matcherReadyAt - t0;
          }
          settle(m, packed);
        } catch (e) {
          console.debug('[policy-lens] matcher unusable', e);
          settle(null);
        }
      },
      (e: unknown) => {
        if (k + 1 < ATTEMPTS) setTimeout(() => attempt(k + 1), 200 * (k + 1));
        else {
          console.debug('[policy-lens] matcher unavailable', e);
          settle(null);
        }
      },
    );
  };

  return {
    ready: () => matcher !== null,
    loading: () => state === 'loading',
    load(onReady) {
      if (matcher) return onReady();
      if (state === 'failed') return;
      waiting.push(onReady);
      if (state === 'loading') return;
      state = 'loading';
      attempt(0);
    },
    // URLs, slugs and needsContext aliases without evidence are dropped (lib/core/page-terms.ts)
    find: (text) => (terms ? terms.find(text) : []),
    categoryOf: (id) => {
      if (!matcher) return undefined;
      if (!category) {
        const { ids, categories } = matcher;
        category = new Map();
        ids.forEach((cid, i) => category!.set(cid, categories[i] as Category));
      }
      return category.get(id);
    },
  };
}

let worldMatcher: LazyPageMatcher | null = null;

/** This world's matcher, from the background (one request per world, shared by its documents). */
export function loadPageMatcher(): LazyPageMatcher {
  return (worldMatcher ??= createPageMatcher(() => sendToBackground('getMatcher', {})));
}
