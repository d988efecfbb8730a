// @vitest-environment jsdom
// The user's term lists on a page (issue #12), through the content script's own wiring
// (startLens): real packed matchers (compiled here with lib/core, as the background compiles
// them), a fake background behind runtime messaging. The user's terms are painted in their
// list's colour beside the bundled ones; libraryChanged from the background brings the new
// lists without a reload; the page cannot forge it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { matcherFile, matcherFileToWire, type MatcherFileWire } from '../core/term-matcher-file.ts';
import { packMatcher, type PackedMatcher } from '../core/term-matcher-packed.ts';
import { compileMatcher, createMatcher } from '../core/term-matcher.ts';
import type { UserMatcherAnswer } from '../messaging.ts';
import { MARK_ATTR } from './highlighter.ts';

const EXT_ID = 'policy-lens@policy-lens.org';

/** A packed matcher of literal terms, compiled as the build and the background compile them. */
function packed(terms: Array<[text: string, id: string]>): PackedMatcher {
  return packMatcher(
    createMatcher(
      compileMatcher(
        terms.map(([text], i) => ({ text, concept: i, flags: 0 })),
        { ids: terms.map(([, id]) => id), categories: terms.map(() => 'formulation' as const) },
      ),
    ),
  );
}

/**
 * The same terms as the background sends a user lists' matcher: a matcher file, base64 as
 * Chrome's JSON messages carry it, or the ArrayBuffer Firefox's structured clone carries.
 */
function userFile(terms: Array<[text: string, id: string]>, cloneable = false): MatcherFileWire {
  const m = createMatcher(
    compileMatcher(
      terms.map(([text], i) => ({ text, concept: i, flags: 0 })),
      { ids: terms.map(([, id]) => id), categories: terms.map(() => 'formulation' as const) },
    ),
  );
  return matcherFileToWire(matcherFile(m), cloneable);
}

const bg = vi.hoisted(() => ({
  listeners: new Set<(msg: unknown, sender: object) => unknown>(),
  user: null as unknown as UserMatcherAnswer,
  bundled: null as unknown,
  asked: [] as string[],
}));

vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      id: 'policy-lens@policy-lens.org',
      sendMessage: (msg: { type: string }) => {
        bg.asked.push(msg.type);
        if (msg.type === 'getMatcher') return Promise.resolve(bg.bundled);
        if (msg.type === 'getUserMatcher') return Promise.resolve(bg.user);
        return Promise.resolve(undefined);
      },
      onMessage: {
        addListener: (f: (msg: unknown, sender: object) => unknown) => bg.listeners.add(f),
        removeListener: (f: (msg: unknown, sender: object) => unknown) => bg.listeners.delete(f),
      },
    },
    storage: {
      local: { get: () => Promise.resolve({}) },
      onChanged: { addListener: () => undefined, removeListener: () => undefined },
    },
  },
}));

/** What runtime.onMessage hands the content script's listeners. */
function deliver(msg: unknown, sender: object) {
  for (const f of bg.listeners) void f(msg, sender);
}

const marks = () =>
  [...document.querySelectorAll(`mark[${MARK_ATTR}]`)].map((m) => [m.textContent, m.getAttribute(MARK_ATTR)]);

describe('user term lists on a page', () => {
  let stop: () => void;
  beforeAll(async () => {
    // jsdom has none; the child-frame watcher needs one (this page has no frames)
    globalThis.ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
    bg.bundled = packed([['两个维护', 'two-safeguards']]);
    bg.user = {
      version: 1,
      // 维护 (shorter than the bundled 两个维护 it sits in) loses to it
      matcher: userFile([
        ['数字经济', 'u.Labc.0'],
        ['维护', 'u.Labc.1'],
      ]),
      colours: { Labc: 2 },
    };
    const para = (text: string) => Object.assign(document.createElement('p'), { textContent: text });
    document.body.replaceChildren(para('坚决做到两个维护。数字经济很重要。'), para('新质生产力'));
    const { createLensContext } = await import('./lens-context.ts');
    const { startLens } = await import('./start-lens.ts');
    const ctx = createLensContext({ world: {} });
    stop = () => ctx.invalidate();
    startLens(ctx, { card: () => Promise.reject(new Error('no card in this test')) });
  });
  afterAll(() => stop?.());

  it('paints the user terms in their list colour beside the bundled ones, longest first', async () => {
    await vi.waitFor(() =>
      expect(marks()).toEqual([
        ['两个维护', 'formulation'],
        ['数字经济', 'list-2'],
      ]),
    );
    // asked for once each, together: a world with no change pays nothing more
    expect(bg.asked.filter((t) => t === 'getMatcher')).toHaveLength(1);
    expect(bg.asked.filter((t) => t === 'getUserMatcher')).toHaveLength(1);
  });

  it('ignores libraryChanged that does not come from the background, and anything the page does', async () => {
    bg.user = {
      version: 2,
      // Firefox's form this time (the first answer was Chrome's)
      matcher: userFile(
        [
          ['新质生产力', 'u.Labc.2'],
          ['重要', 'u.Lxyz.0'],
        ],
        true,
      ),
      colours: { Labc: 2, Lxyz: 5 },
    };
    const before = bg.asked.length;
    // another content script (a tab), another extension
    deliver({ type: 'libraryChanged', payload: { version: 2 } }, { id: EXT_ID, tab: { id: 3 }, frameId: 0 });
    deliver({ type: 'libraryChanged', payload: { version: 2 } }, { id: 'someone-else' });
    // the page's own events and messages
    window.postMessage({ type: 'libraryChanged', payload: { version: 2 } }, '*');
    document.dispatchEvent(new CustomEvent('libraryChanged', { detail: { version: 2 } }));
    await new Promise((ok) => setTimeout(ok, 300));
    expect(bg.asked.slice(before)).not.toContain('getUserMatcher');
    expect(marks()).toEqual([
      ['两个维护', 'formulation'],
      ['数字经济', 'list-2'],
    ]);
  });

  it('libraryChanged from the background: new terms painted, deleted ones gone, without reload', async () => {
    const before = bg.asked.length;
    deliver({ type: 'libraryChanged', payload: { version: 2 } }, { id: EXT_ID });
    await vi.waitFor(() =>
      expect(marks()).toEqual([
        ['两个维护', 'formulation'],
        ['重要', 'list-5'],
        ['新质生产力', 'list-2'],
      ]),
    );
    expect(bg.asked.slice(before).filter((t) => t === 'getUserMatcher')).toHaveLength(1);
    // the same version again (another broadcast): nothing asked
    deliver({ type: 'libraryChanged', payload: { version: 2 } }, { id: EXT_ID });
    await new Promise((ok) => setTimeout(ok, 100));
    expect(bg.asked.slice(before).filter((t) => t === 'getUserMatcher')).toHaveLength(1);
  });

  it('all lists deleted: only the bundled terms stay', async () => {
    bg.user = { version: 3, matcher: null, colours: {} };
    deliver({ type: 'libraryChanged', payload: { version: 3 } }, { id: EXT_ID });
    await vi.waitFor(() => expect(marks()).toEqual([['两个维护', 'formulation']]));
  });
});
