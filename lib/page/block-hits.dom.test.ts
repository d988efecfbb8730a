// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import matcherData from '../../generated/matcher.json';
import { pageTerms } from '../core/page-terms.ts';
import { createMatcher, type CompiledMatcher } from '../core/term-matcher.ts';
import type { Category } from '../core/types.ts';
import {
  FIRST_WINDOW,
  hitsForBlock,
  MARGIN,
  nextWindow,
  segmentText,
  WINDOW,
  windowCursor,
} from './block-hits.ts';
import { collectBlocks } from './page-text.ts';
import { createScanner } from './scanner.ts';
import type { Painter } from './highlighter.ts';
import type { Hit, PageMatcher, TextBlock } from './types.ts';

// The real glossary matcher, as the content script runs it (page context, exclusions, evidence).
const compiled = matcherData as unknown as CompiledMatcher;
const automaton = createMatcher(compiled);
const terms = pageTerms(automaton, compiled);
const categories = new Map(automaton.ids.map((id, i) => [id, automaton.categories[i] as Category]));
const matcher: PageMatcher = {
  find: (t) => terms.find(t),
  categoryOf: (id) => categories.get(id),
  colourOf: () => undefined,
};

const FILLER = [
  'The council met on Tuesday to discuss the budget for the coming year. ',
  '本市今天举行了春季运动会，来自各学校的学生参加了比赛。',
  '週末は晴れて気温が上がり、公園には多くの家族連れが訪れた。',
];
const TERMS = ['the Two Safeguards', '两个维护', '習近平総書記', 'Nghị quyết 18-NQ/TW'];

/**
 * About 3.5 windows of prose with terms everywhere, some straddling each window edge, split
 * into Text nodes at arbitrary places (so terms also straddle node edges), in one <div>.
 */
function longBlock(): TextBlock {
  let text = '';
  let k = 0;
  const edges = [1, 2, 4, 8].map((i) => i * FIRST_WINDOW).concat([1, 2, 3].map((i) => i * WINDOW));
  while (text.length < 3.5 * WINDOW) {
    const edge = edges.find((e) => e - text.length >= 20 && e - text.length < 200);
    if (edge !== undefined) {
      // the term's last few units on the far side of the edge
      const term = TERMS[k++ % TERMS.length]!;
      text += ' '.repeat(edge - text.length - term.length + 3) + term + ' ';
      continue;
    }
    text += FILLER[k % FILLER.length]!;
    if (k % 7 === 0) text += ` ${TERMS[k % TERMS.length]} `;
    k++;
  }
  const div = document.createElement('div');
  for (let i = 0; i < text.length; i += 9973) div.append(text.slice(i, i + 9973));
  document.body.replaceChildren(div);
  const blocks = collectBlocks(document.body);
  expect(blocks).toHaveLength(1);
  expect(blocks[0]!.text).toBe(text);
  return blocks[0]!;
}

/** A hit as [block offset, concept, text]. */
const at = (block: TextBlock, h: Hit) => {
  const p = h.pieces[0]!;
  const seg = block.segments.find((s) => s.node === p.node)!;
  return [seg.start + p.start, h.conceptId, h.text] as const;
};

describe('long blocks, a window at a time', () => {
  it('find exactly what matching the whole block finds, terms across window and node edges included', () => {
    const block = longBlock();
    const whole = matcher
      .find(block.text)
      .filter((m) => categories.has(m.conceptId))
      .map((m) => [m.start, m.conceptId, block.text.slice(m.start, m.end)] as const);
    expect(whole.length).toBeGreaterThan(30);
    // the edge terms are really across the edges
    for (const edge of [
      FIRST_WINDOW,
      2 * FIRST_WINDOW,
      4 * FIRST_WINDOW,
      8 * FIRST_WINDOW,
      WINDOW,
      2 * WINDOW,
      3 * WINDOW,
    ])
      expect(whole.some(([start, , t]) => start < edge && start + t.length > edge)).toBe(true);
    const hits = hitsForBlock(block, matcher);
    expect(hits.map((h) => at(block, h))).toEqual(whole);
    for (const h of hits) expect(h.ranges.length).toBeGreaterThan(0);
  });

  it('never hands the matcher more than a window and its margins', () => {
    const block = longBlock();
    const lengths: number[] = [];
    const spy: PageMatcher = {
      find: (t) => (lengths.push(t.length), matcher.find(t)),
      categoryOf: matcher.categoryOf,
      colourOf: matcher.colourOf,
    };
    const cursor = windowCursor(block);
    let steps = 0;
    while (!cursor.done) {
      nextWindow(cursor, spy);
      steps++;
    }
    // 1 K, 1 K, 2 K, 4 K, 8 K (to WINDOW = 16 K), then a step per 16 K
    expect(WINDOW).toBe(16 * FIRST_WINDOW);
    expect(steps).toBe(5 + Math.ceil((block.length - WINDOW) / WINDOW));
    expect(Math.max(...lengths)).toBeLessThanOrEqual(WINDOW + 2 * MARGIN);
    // the first step, before the matcher is warm, reads a short window
    expect(lengths[0]).toBeLessThanOrEqual(FIRST_WINDOW + MARGIN);
  });

  it('reads window text from the Text nodes', () => {
    const block = longBlock();
    for (const [a, b] of [
      [0, 10],
      [9970, 9980],
      [WINDOW - MARGIN, WINDOW + MARGIN],
      [block.text.length - 5, block.text.length],
    ] as const)
      expect(segmentText(block.segments, a, b)).toBe(block.text.slice(a, b));
  });

  it('the scanner spreads a long block over steps: one window per step when out of time', () => {
    const block = longBlock();
    const painted: Hit[] = [];
    const painter = {
      paint: (hits: readonly Hit[]) => void painted.push(...hits),
      erase: () => undefined,
    } as unknown as Painter;
    const lengths: number[] = [];
    const spy: PageMatcher = {
      find: (t) => (lengths.push(t.length), matcher.find(t)),
      categoryOf: matcher.categoryOf,
      colourOf: matcher.colourOf,
    };
    const scanner = createScanner({ doc: document, matcher: spy, painter, walk: {} });
    scanner.enqueue(document.body);
    let slices = 1;
    while (scanner.run(0)) slices++; // a deadline already past: the least work a slice may do
    expect(slices).toBeGreaterThanOrEqual(Math.ceil(block.text.length / WINDOW));
    expect(Math.max(...lengths)).toBeLessThanOrEqual(WINDOW + 2 * MARGIN);
    expect(painted.map((h) => at(block, h))).toEqual(hitsForBlock(block, matcher).map((h) => at(block, h)));
    expect(scanner.stats(new Set(categories.values())).total).toBe(painted.length);
  });
});

describe('a long Text node (the plain-text viewer holds a 20 MB file in one)', () => {
  it('is scanned without ever reading its whole data', () => {
    let text = '';
    for (let k = 0; text.length < 3.5 * WINDOW; k++)
      text += FILLER[k % FILLER.length]! + (k % 5 === 0 ? ` ${TERMS[k % TERMS.length]} ` : '');
    const pre = document.createElement('div'); // (a jsdom document is not text/plain: a <pre> would be code)
    pre.append(text);
    document.body.replaceChildren(pre);
    const expected = matcher
      .find(text)
      .filter((m) => categories.has(m.conceptId))
      .map((m) => [m.start, m.conceptId, text.slice(m.start, m.end)] as const);
    expect(expected.length).toBeGreaterThan(30);
    const proto = Object.getPrototypeOf(Object.getPrototypeOf(pre.firstChild)) as object; // CharacterData
    const desc = Object.getOwnPropertyDescriptor(proto, 'data')!;
    const read: number[] = [];
    Object.defineProperty(proto, 'data', {
      ...desc,
      get(this: CharacterData) {
        const d = desc.get!.call(this) as string;
        read.push(d.length);
        return d;
      },
    });
    try {
      const [block] = collectBlocks(document.body);
      const hits = hitsForBlock(block!, matcher);
      expect(hits.map((h) => at(block!, h))).toEqual(expected);
    } finally {
      Object.defineProperty(proto, 'data', desc);
    }
    expect(Math.max(0, ...read)).toBeLessThan(text.length);
  });
});
