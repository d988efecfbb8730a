// The term matchers as the scanner sees them: the bundled glossary's and the user term lists'
// (issue #12), merged into one `find`. The content script carries no matcher data. The bundled
// matcher is a build-time file in the package (`matcher.bin`, lib/core/term-matcher-file.ts),
// fetched from the extension's own URL (no network) and viewed in place: no parse, no decode, no
// copy. Should that fail (a corrupt file, a browser that refuses the fetch), the background hands
// out the same tables packed in a message (lib/core/term-matcher-packed.ts), as it does the
// user lists' matcher, which cannot be a packaged file. Both are asked for together, only when a
// document has something to scan, once per isolated world (the driven child frames share them),
// so frames that never scan (ads, empty frames) never pay for either; a world without user lists
// pays one small answer (`matcher: null`). When the lists change, the background says `libraryChanged`; the world asks
// for the user matcher again (`refreshUser`) and its documents are rescanned (start-lens.ts).
import { browser } from 'wxt/browser';
import { listOfConcept } from '../core/library/schema.ts';
import { LIST_COLOURS } from '../core/library/list-colours.ts';
import { hanFoldTable } from '../core/match-han-fold.ts';
import { mergeMatches } from '../core/merge-matches.ts';
import { pageTerms, type PageTerms } from '../core/page-terms.ts';
import { matcherFileFromWire, readMatcherFile } from '../core/term-matcher-file.ts';
import { unpackMatcher, type PackedHeader, type PackedMatcher } from '../core/term-matcher-packed.ts';
import type { Matcher } from '../core/term-matcher.ts';
import type { Category } from '../core/types.ts';
import { sendToBackground, type UserMatcherAnswer } from '../messaging.ts';
import { startup } from './test-hooks.ts';
import type { PageMatcher } from './types.ts';

export interface LazyPageMatcher extends PageMatcher {
  /** True once the matchers are here and instantiated. */
  ready(): boolean;
  /** Asked for and not here yet (nor given up on). */
  loading(): boolean;
  /** Asks for the matchers (once); `onReady` runs when they are ready (at once if they are). */
  load(onReady: () => void): void;
  /** The user lists' version in use (0 until the first answer). */
  userVersion(): number;
  /**
   * The user's lists changed to `version` (libraryChanged): asks for their matcher again when
   * that is newer than the one in use. Resolves true when the terms in use changed (rescan).
   * Before the first load nothing is asked: that load brings the newest lists.
   */
  refreshUser(version: number): Promise<boolean>;
}

/** How the packed matcher is obtained (the background, or a test's). */
export type MatcherFetch = () => Promise<PackedMatcher>;
/** How the bundled matcher's file is read (the extension's own URL, or a test's). */
export type MatcherFileFetch = () => Promise<ArrayBuffer>;
/** How the user lists' matcher is obtained (the background, or a test's). */
export type UserMatcherFetch = () => Promise<UserMatcherAnswer>;

/** Tries before giving up (the service worker may be starting or restarting). */
const ATTEMPTS = 3;
/** Rounds of asking again when the answer is older than a version announced meanwhile. */
const USER_ROUNDS = 3;

const NO_LISTS: UserMatcherFetch = () => Promise.resolve({ version: 0, matcher: null, colours: {} });

interface Instantiated {
  matcher: Matcher;
  terms: PageTerms;
}

/** A matcher's tables and header made usable: Han folding, the page filters. */
function withFilters(decoded: Matcher, header: PackedHeader): Instantiated {
  const matcher: Matcher = header.hanFold ? { ...decoded, fold: hanFoldTable(header.hanFold) } : decoded;
  return { matcher, terms: pageTerms(matcher, header) };
}

/** A packed matcher (a message) made usable: typed-array views over its decoded tables. */
const instantiate = (packed: PackedMatcher): Instantiated => withFilters(unpackMatcher(packed), packed);

/**
 * A matcher file made usable (the bundled matcher.bin, or the user lists' file from a message):
 * views over the file's own buffer; the page filters' data is read at the first match.
 */
function fromFile(buf: ArrayBuffer, bundled = true): Instantiated {
  const t0 = now();
  const { matcher, extras } = readMatcherFile(buf);
  if (__E2E_HOOKS__ && bundled) startup.matcherReadMs = performance.now() - t0;
  return { matcher, terms: pageTerms(matcher, extras) };
}

const now = () => (__E2E_HOOKS__ ? performance.now() : 0);

/** E2E builds: when the matcher became usable, how long that took in the page, and from where. */
function timed(via: 'file' | 'message', t0: number, made: Instantiated): Instantiated {
  if (__E2E_HOOKS__) {
    startup.matcherReadyAt = performance.now();
    startup.matcherMs = startup.matcherReadyAt - t0;
    startup.matcherVia = via;
  }
  return made;
}

/** `fetch` tried ATTEMPTS times, 200 ms, 400 ms apart; rejects with the last failure. */
async function withRetries<T>(fetch: () => Promise<T>): Promise<T> {
  for (let k = 0; ; k++) {
    try {
      return await fetch();
    } catch (e) {
      if (k + 1 >= ATTEMPTS) throw e;
      await new Promise((ok) => setTimeout(ok, 200 * (k + 1)));
    }
  }
}

interface UserTerms {
  terms: PageTerms | null;
  /** List id -> LIST_COLOURS index. */
  colours: Record<string, number>;
}

export function createPageMatcher(
  fetch: MatcherFetch,
  fetchUser: UserMatcherFetch = NO_LISTS,
  readFile?: MatcherFileFetch,
): LazyPageMatcher {
  let matcher: Matcher | null = null;
  let terms: PageTerms | null = null;
  let category: Map<string, Category> | null = null;
  let user: UserTerms | null = null;
  let version = 0;
  /** The newest version libraryChanged announced. */
  let announced = 0;
  let state: 'idle' | 'loading' | 'failed' = 'idle';
  let sync: Promise<boolean> = Promise.resolve(false);
  const waiting: Array<() => void> = [];

  /** Asks for the user matcher until it is at least as new as announced: did the terms change? */
  const syncUser = async (): Promise<boolean> => {
    let changed = false;
    for (let round = 0; round < USER_ROUNDS; round++) {
      let a: UserMatcherAnswer;
      try {
        a = await withRetries(fetchUser);
      } catch (e) {
        console.debug('[policy-lens] user lists unavailable', e);
        break; // the bundled terms still work; the next libraryChanged asks again
      }
      if (!user || a.version !== version) {
        try {
          const t0 = now();
          const terms = a.matcher ? fromFile(matcherFileFromWire(a.matcher), false).terms : null;
          user = { terms, colours: a.colours };
          if (__E2E_HOOKS__ && a.matcher) startup.userMatcherMs = performance.now() - t0;
        } catch (e) {
          console.debug('[policy-lens] user lists unusable', e);
          user = { terms: null, colours: {} };
        }
        version = a.version;
        changed = true;
      }
      if (version >= announced) break;
    }
    return changed;
  };

  const settle = (m: Matcher | null, t: PageTerms | null) => {
    matcher = m;
    terms = t;
    state = m ? 'idle' : 'failed';
    for (const f of waiting.splice(0)) f();
  };
  /** The file if it reads, else the message; null (and a debug line) when neither works. */
  const loadBundled = async (): Promise<Instantiated | null> => {
    if (readFile)
      try {
        const asked = now();
        const buf = await readFile();
        const t0 = now();
        if (__E2E_HOOKS__) startup.matcherFetchMs = t0 - asked;
        return timed('file', t0, fromFile(buf));
      } catch (e) {
        console.debug('[policy-lens] matcher file unusable, asking the background', e);
      }
    let packed: PackedMatcher;
    try {
      packed = await withRetries(fetch);
    } catch (e) {
      console.debug('[policy-lens] matcher unavailable', e);
      return null;
    }
    const t0 = now();
    return timed('message', t0, instantiate(packed));
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
      // Both at once: the first scan waits for the user's terms too, so it paints them at once.
      sync = syncUser();
      Promise.all([loadBundled(), sync]).then(
        ([made]) => settle(made?.matcher ?? null, made?.terms ?? null),
        (e: unknown) => {
          console.debug('[policy-lens] matcher unusable', e);
          settle(null, null);
        },
      );
    },
    userVersion: () => version,
    refreshUser(next) {
      if (next <= Math.max(version, announced)) return Promise.resolve(false);
      announced = next;
      // Not asked yet: the first load brings the newest lists. Otherwise after any request
      // still out (an answer that turns out new enough costs one more small message).
      if (state === 'idle' && !matcher) return Promise.resolve(false);
      sync = sync.then(syncUser, syncUser);
      return sync;
    },
    // URLs, slugs and needsContext aliases without evidence are dropped (lib/core/page-terms.ts);
    // bundled and user matches are merged longest first (lib/core/merge-matches.ts).
    find: (text) => {
      if (!terms) return [];
      const own = terms.find(text);
      return user?.terms ? mergeMatches(own, user.terms.find(text)) : own;
    },
    categoryOf: (id) => {
      if (!matcher) return undefined;
      if (!category) {
        const { ids, categories } = matcher;
        category = new Map();
        ids.forEach((cid, i) => category!.set(cid, categories[i] as Category));
      }
      return category.get(id);
    },
    colourOf: (id) => {
      const list = user ? listOfConcept(id) : null;
      if (list === null) return undefined;
      const c = user!.colours[list];
      // a list without a valid colour still shows, in the first one
      return Number.isInteger(c) && c! >= 0 && c! < LIST_COLOURS.length ? c : 0;
    },
  };
}

let worldMatcher: LazyPageMatcher | null = null;

/**
 * The packaged matcher file, from the extension's own URL: a read of the package, not a network
 * request; web-accessible only at Chrome's per-session dynamic URL, which runtime.getURL gives.
 */
async function readPackagedFile(): Promise<ArrayBuffer> {
  // (a file the build hook writes, not in public/: WXT's PublicPath type does not know it)
  const url = (browser.runtime.getURL as (path: string) => string)('/matcher.bin');
  const res = await fetch(url);
  if (!res.ok) throw new Error(`matcher.bin: HTTP ${res.status}`);
  return res.arrayBuffer();
}

/** This world's matchers (one request each per world, shared by its documents). */
export function loadPageMatcher(): LazyPageMatcher {
  return (worldMatcher ??= createPageMatcher(
    () => sendToBackground('getMatcher', {}),
    () => sendToBackground('getUserMatcher', {}),
    readPackagedFile,
  ));
}
