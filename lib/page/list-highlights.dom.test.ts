// @vitest-environment jsdom
// User term lists (issue #12) in the page stages: the merged page matcher (categoryOf / colourOf,
// the user matcher asked for with the bundled one and again on a newer version) and the painter's
// list highlights, named and coloured from LIST_COLOURS.
import { describe, expect, it, vi } from 'vitest';
import { LIST_COLOURS, listHighlightName } from '../core/library/list-colours.ts';
import { matcherFile, matcherFileToWire, type MatcherFileWire } from '../core/term-matcher-file.ts';
import { packMatcher, type PackedMatcher } from '../core/term-matcher-packed.ts';
import { compileMatcher, createMatcher } from '../core/term-matcher.ts';
import type { Category } from '../core/types.ts';
import type { UserMatcherAnswer } from '../messaging.ts';
import { createPainter, highlightCss } from './highlighter.ts';
import { createPageMatcher } from './page-matcher.ts';
import { collectBlocks } from './page-text.ts';
import { hitsForBlock } from './block-hits.ts';

function packed(terms: Array<[text: string, id: string]>): PackedMatcher {
  return packMatcher(
    createMatcher(
      compileMatcher(
        terms.map(([text], i) => ({ text, concept: i, flags: 0 })),
        { ids: terms.map(([, id]) => id), categories: terms.map(() => 'plan' as const) },
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
      { ids: terms.map(([, id]) => id), categories: terms.map(() => 'plan' as const) },
    ),
  );
  return matcherFileToWire(matcherFile(m), cloneable);
}

const bundled = () => Promise.resolve(packed([['两个维护', 'two-safeguards']]));
const userV1: UserMatcherAnswer = {
  version: 1,
  matcher: userFile([
    ['两个维护', 'u.Labc.0'], // the same term as a bundled concept: a tie, the bundled one wins
    ['坚决做到', 'u.Labc.1'],
    ['数字经济', 'u.Lbad.0'],
  ]),
  colours: { Labc: 3, Lbad: 99 },
};

async function ready(m: ReturnType<typeof createPageMatcher>) {
  await new Promise<void>((ok) => m.load(ok));
}

describe('the merged page matcher', () => {
  it('finds bundled and user terms in one pass; a user term has a colour and no category', async () => {
    const fetchUser = vi.fn(() => Promise.resolve(userV1));
    const m = createPageMatcher(bundled, fetchUser);
    expect(fetchUser).not.toHaveBeenCalled(); // nothing asked before there is something to scan
    await ready(m);
    expect(fetchUser).toHaveBeenCalledTimes(1);
    expect(m.find('坚决做到两个维护，发展数字经济')).toEqual([
      { start: 0, end: 4, conceptId: 'u.Labc.1' },
      { start: 4, end: 8, conceptId: 'two-safeguards' },
      { start: 11, end: 15, conceptId: 'u.Lbad.0' },
    ]);
    expect(m.categoryOf('two-safeguards')).toBe('plan');
    expect(m.colourOf('two-safeguards')).toBeUndefined();
    expect(m.categoryOf('u.Labc.1')).toBeUndefined(); // not the nominal category it was compiled with
    expect(m.colourOf('u.Labc.1')).toBe(3);
    expect(m.colourOf('u.Lbad.0')).toBe(0); // no valid colour: painted, in the first one
    expect(m.userVersion()).toBe(1);
  });

  it('asks again only for a newer version, and not before the first load', async () => {
    let answer = userV1;
    const fetchUser = vi.fn(() => Promise.resolve(answer));
    const m = createPageMatcher(bundled, fetchUser);
    expect(await m.refreshUser(5)).toBe(false); // never loaded: the first load brings the newest
    expect(fetchUser).not.toHaveBeenCalled();
    answer = { version: 5, matcher: null, colours: {} };
    await ready(m);
    expect(m.userVersion()).toBe(5);
    expect(await m.refreshUser(5)).toBe(false);
    expect(await m.refreshUser(4)).toBe(false);
    expect(fetchUser).toHaveBeenCalledTimes(1);
    answer = { ...userV1, version: 6 };
    expect(await m.refreshUser(6)).toBe(true);
    expect(m.find('坚决做到')).toEqual([{ start: 0, end: 4, conceptId: 'u.Labc.1' }]);
  });

  it('keeps the bundled terms when the user lists cannot be had', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const m = createPageMatcher(bundled, () => Promise.reject(new Error('no receiver')));
    await ready(m);
    expect(m.find('两个维护')).toEqual([{ start: 0, end: 4, conceptId: 'two-safeguards' }]);
    expect(debug).toHaveBeenCalledWith('[policy-lens] user lists unavailable', expect.any(Error));
    debug.mockRestore();
  });
});

describe('list highlights', () => {
  it('has one rule per list colour, light and dark, in the table colours', () => {
    const [light, dark] = highlightCss().split('@media (prefers-color-scheme:dark)');
    LIST_COLOURS.forEach((c, i) => {
      const name = `::highlight(${listHighlightName(i)})`;
      expect(light).toContain(`${name}{text-decoration:underline dotted 2px ${c.light};`);
      expect(dark).toContain(`${name}{text-decoration:underline dotted 2px ${c.dark};`);
    });
  });

  it('registers a user term under its list colour, shown whenever the lens is on', async () => {
    const doc = document.implementation.createHTMLDocument('t');
    const win = {
      Highlight: class extends Set<AbstractRange> {
        priority = 0;
      },
      CSS: { highlights: new Map<string, Set<AbstractRange>>() },
      CSSStyleSheet,
    };
    Object.defineProperty(doc, 'defaultView', { value: win });
    Object.defineProperty(doc, 'adoptedStyleSheets', { value: [], writable: true });
    const registry = win.CSS.highlights;
    const p = doc.createElement('p');
    p.textContent = '坚决做到两个维护';
    doc.body.append(p);
    const m = createPageMatcher(bundled, () => Promise.resolve(userV1));
    await ready(m);
    const hits = collectBlocks(doc.body).flatMap((b) => hitsForBlock(b, m));
    expect(hits.map((h) => [h.text, h.category, h.colour])).toEqual([
      ['坚决做到', undefined, 3],
      ['两个维护', 'plan', undefined],
    ]);
    const painter = createPainter(doc);
    painter.show(new Set<Category>(['plan']));
    painter.paint(hits);
    expect([...registry.keys()].sort()).toEqual(['policy-lens-list-3', 'policy-lens-plan']);
    expect(registry.get('policy-lens-list-3')!.has(hits[0]!.ranges[0]!)).toBe(true);
    painter.show(new Set()); // every category hidden: the user's own lists stay
    expect([...registry.keys()]).toEqual(['policy-lens-list-3']);
    registry.clear(); // the page clears CSS.highlights
    expect(painter.restore()).toBe(true);
    expect([...registry.keys()]).toEqual(['policy-lens-list-3']);
    painter.setActive(hits[0]!);
    expect(registry.get('policy-lens-active')!.size).toBe(1);
    painter.show(null); // lens off: nothing of ours shows (the active one is emptied)
    expect([...registry].filter(([, h]) => h.size).map(([name]) => name)).toEqual([]);
    painter.show(new Set<Category>(['plan']));
    painter.erase([hits[0]!]);
    expect(registry.get('policy-lens-list-3')!.size).toBe(0);
    painter.destroy();
    expect(registry.size).toBe(0);
  });
});
