// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Category } from '../core/types.ts';
import { createPainter, hasHighlightApi, MARK_ATTR } from './highlighter.ts';
import { collectBlocks } from './page-text.ts';
import { hitsForBlock } from './block-hits.ts';
import { createScanner } from './scanner.ts';
import { fakeMatcher } from './testing.ts';

const matcher = fakeMatcher({
  两个维护: ['two-safeguards', 'formulation'],
  'Five-Year Plan': ['five-year-plan', 'plan'],
  十四五: ['14th-fyp', 'plan'],
});

function page(markup: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
  const root = document.createElement('main');
  root.append(...Array.from(parsed.body.childNodes).map((n) => document.importNode(n, true)));
  document.body.replaceChildren(root);
  return root;
}

/** Structure + identity snapshot: every node, its type, data and attributes, in order. */
function snapshot(root: Node): Array<[Node, string]> {
  const out: Array<[Node, string]> = [];
  const walk = (n: Node) => {
    const desc =
      n.nodeType === 3
        ? `#text:${(n as Text).data}`
        : n.nodeType === 1
          ? `<${(n as Element).localName} ${Array.from((n as Element).attributes, (a) => `${a.name}=${a.value}`).join(' ')}>`
          : `#${n.nodeType}`;
    out.push([n, desc]);
    n.childNodes.forEach(walk);
  };
  walk(root);
  return out;
}

const ALL = new Set<Category>(['formulation', 'plan']);

describe('mark fallback painter', () => {
  it('is what jsdom gets (no CSS.highlights)', () => {
    expect(hasHighlightApi(window as Window & typeof globalThis)).toBe(false);
    expect(createPainter(document).native).toBe(false);
  });

  it('wraps hits in <mark data-policy-lens> and restores the exact DOM', () => {
    const root = page(
      '<p>The 十四五 and the Five-<em>Year</em> Plan; 两个维护, 两个<a href="#">维护</a>!</p><p>十四五十四五</p>',
    );
    const before = snapshot(root);
    const painter = createPainter(document);
    painter.show(ALL);
    const hits = collectBlocks(root).flatMap((b) => hitsForBlock(b, matcher));
    expect(hits.map((h) => h.text)).toEqual([
      '十四五',
      'Five-Year Plan',
      '两个维护',
      '两个维护',
      '十四五',
      '十四五',
    ]);
    painter.paint(hits);
    const marks = [...root.querySelectorAll(`mark[${MARK_ATTR}]`)];
    expect(marks.map((m) => m.textContent)).toEqual([
      '十四五',
      'Five-',
      'Year',
      ' Plan',
      '两个维护',
      '两个',
      '维护',
      '十四五',
      '十四五',
    ]);
    expect(marks[0]!.getAttribute(MARK_ATTR)).toBe('plan');
    expect(root.textContent).toBe('The 十四五 and the Five-Year Plan; 两个维护, 两个维护!十四五十四五');
    painter.destroy();
    const after = snapshot(root);
    expect(after.map(([, d]) => d)).toEqual(before.map(([, d]) => d));
    after.forEach(([node], i) => expect(node).toBe(before[i]![0])); // same Text nodes, not copies
  });

  it('hides and shows categories and erases single hits exactly', () => {
    const root = page('<p>十四五 两个维护 十四五</p>');
    const before = snapshot(root);
    const painter = createPainter(document);
    painter.show(ALL);
    const hits = collectBlocks(root).flatMap((b) => hitsForBlock(b, matcher));
    painter.paint(hits);
    expect(root.querySelectorAll('mark')).toHaveLength(3);
    painter.show(new Set(['formulation']));
    expect([...root.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['两个维护']);
    painter.show(ALL);
    painter.erase([hits[1]!]);
    expect([...root.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['十四五', '十四五']);
    painter.show(null);
    expect(root.querySelectorAll('mark')).toHaveLength(0);
    expect(snapshot(root).map(([, d]) => d)).toEqual(before.map(([, d]) => d));
    painter.destroy();
  });
});

describe('scanner', () => {
  it('scans, counts, replaces a rescanned container and prunes removed text', () => {
    const root = page('<p id="a">十四五 两个维护</p><p id="b">两个<b>维护</b></p>');
    const painter = createPainter(document);
    painter.show(ALL);
    const scanner = createScanner({ doc: document, matcher, painter, walk: {} });
    scanner.enqueue(root);
    while (scanner.run(performance.now() + 50));
    let stats = scanner.stats(ALL);
    expect(stats).toMatchObject({ distinct: 2, total: 3, capped: false });
    expect(stats.counts.get('two-safeguards')).toBe(2);

    const b = root.querySelector('#b')!;
    b.querySelector('b')!.textContent = '维稳';
    scanner.enqueue(b);
    while (scanner.run(performance.now() + 50));
    expect(scanner.stats(ALL).total).toBe(2);

    root.querySelector('#a')!.remove();
    scanner.prune();
    while (scanner.run(performance.now() + 50));
    stats = scanner.stats(ALL);
    expect(stats.total).toBe(0);
    expect(scanner.stats(new Set(['plan'])).total).toBe(0);
    expect(root.querySelectorAll('mark')).toHaveLength(0);
  });

  it('caps painted ranges and reports it', () => {
    const root = page(Array.from({ length: 30 }, () => '<p>十四五</p>').join(''));
    const painter = createPainter(document);
    painter.show(ALL);
    const scanner = createScanner({ doc: document, matcher, painter, walk: {}, cap: 10 });
    scanner.enqueue(root);
    while (scanner.run(performance.now() + 50));
    expect(scanner.stats(ALL)).toMatchObject({ total: 30, capped: true });
    expect(root.querySelectorAll('mark')).toHaveLength(10);
    expect(scanner.hits()).toHaveLength(30);
    scanner.clear();
    expect(root.querySelectorAll('mark')).toHaveLength(0);
  });

  it('returns hits in document order and indexes them by Text node', () => {
    const root = page('<p>十四五<span>x<i>两个维护</i></span></p><div>十四五<p>两个维护</p></div>');
    const painter = createPainter(document, { fallback: true });
    painter.show(null); // keep the DOM untouched: indexes only
    const scanner = createScanner({ doc: document, matcher, painter, walk: {} });
    scanner.enqueue(root);
    while (scanner.run(performance.now() + 50));
    const order = scanner.hits().map((h) => h.text);
    expect(order).toEqual(['十四五', '两个维护', '十四五', '两个维护']);
    const i = root.querySelector('i')!.firstChild as Text;
    expect(scanner.hitsAt(i).map((h) => h.conceptId)).toEqual(['two-safeguards']);
  });
});

describe('native painter against a page that clears CSS.highlights', () => {
  /** A minimal CSS Custom Highlight API on a fresh jsdom document (jsdom has none). */
  function withHighlightApi() {
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
    return { doc, registry: win.CSS.highlights };
  }

  it('re-registers its highlights and stylesheet after the page removed or replaced them', () => {
    const { doc, registry } = withHighlightApi();
    const p = doc.createElement('p');
    p.textContent = 'The 十四五 and 两个维护.';
    doc.body.append(p);
    const painter = createPainter(doc);
    expect(painter.native).toBe(true);
    painter.show(ALL);
    const hits = collectBlocks(doc.body).flatMap((b) => hitsForBlock(b, matcher));
    painter.paint(hits);
    painter.setActive(hits[0]!);
    const names = [...registry.keys()].sort();
    expect(names).toEqual(['policy-lens-active', 'policy-lens-formulation', 'policy-lens-plan']);
    const ours = new Map(registry);
    expect(painter.restore()).toBe(false); // nothing to do: no work while all is well

    registry.clear(); // CSS.highlights.clear() from page script
    registry.set('policy-lens-plan', new Set()); // or replaced with its own, empty one
    doc.adoptedStyleSheets = [];
    expect(painter.restore()).toBe(true);
    expect([...registry.keys()].sort()).toEqual(names);
    for (const [name, h] of ours) expect(registry.get(name)).toBe(h);
    expect(doc.adoptedStyleSheets).toHaveLength(1);
    expect(painter.restore()).toBe(false);
  });

  it('drops highlights an earlier, dead instance left under our names, and only those', () => {
    const { doc, registry } = withHighlightApi();
    registry.set('policy-lens-plan', new Set());
    registry.set('policy-lens-active', new Set());
    registry.set('page-own', new Set());
    createPainter(doc);
    expect([...registry.keys()]).toEqual(['page-own']);
  });

  it('does not bring back what the user switched off', () => {
    const { doc, registry } = withHighlightApi();
    const p = doc.createElement('p');
    p.textContent = 'The 十四五 and 两个维护.';
    doc.body.append(p);
    const painter = createPainter(doc);
    painter.show(ALL);
    painter.paint(collectBlocks(doc.body).flatMap((b) => hitsForBlock(b, matcher)));
    painter.show(new Set<Category>(['plan']));
    registry.clear();
    painter.restore();
    expect([...registry.keys()]).toEqual(['policy-lens-plan']);
    painter.show(null);
    painter.restore();
    expect(registry.size).toBe(0);
  });
});
