// Stage 3 (paint): shows hits with the CSS Custom Highlight API, one Highlight per category
// (`policy-lens-<category>`), styled by a constructed stylesheet in adoptedStyleSheets, so the
// page's DOM is never touched. Where the API is missing (jsdom, old engines) a fallback wraps
// hits in <mark data-policy-lens> and restores the exact DOM (same Text nodes, same data) on erase.
//
// Why StaticRange (measured by bench/ranges.bench.ts (`npm run bench -- ranges`), Chromium 156, wikipedia-2.html):
// Why StaticRange (measured on wikipedia-2.html, Chromium 156, by a former e2e timing test; `npm run bench -- ranges` measures it now):
// splitText+appendData, insertData+deleteData) took 27 ms holding StaticRanges (36 ms holding
// none) but 13,650 ms holding live Ranges: the DOM updates every live Range on every mutation.
// StaticRanges go stale instead; the observer rescans changed blocks, so that is harmless.
import { CATEGORY_TABLE, type CategoryRow } from '../core/categories.ts';
import { LIST_COLOURS, listHighlightName, type ListColour } from '../core/library/list-colours.ts';
import type { Category } from '../core/types.ts';
import { ACTIVE_HIGHLIGHT, HIGHLIGHT_PREFIX } from './constants.ts';
import { highlightNameOf, hitShown } from './hit-shown.ts';
import type { Hit, Piece } from './types.ts';

export interface Painter {
  readonly native: boolean;
  paint(hits: readonly Hit[]): void;
  erase(hits: readonly Hit[]): void;
  /** Shows only these categories; `null` hides everything (lens off). Applied at once. */
  show(categories: ReadonlySet<Category> | null): void;
  /** Marks the term whose card is open (or none). */
  setActive(hit: Hit | null): void;
  /**
   * Registers our highlights again where the page removed or replaced them in CSS.highlights
   * (e.g. `CSS.highlights.clear()`); true when something had to be restored. A few map lookups.
   */
  restore(): boolean;
  /** The painted hit under a viewport point, if the engine can tell (highlightsFromPoint / marks). */
  hitAt(x: number, y: number): Hit | null | undefined;
  destroy(): void;
}

/**
 * Which elements our ::highlight rules are written on. Chromium computes highlight styles with
 * highlight inheritance (each element's inherit from its parent's), so rules on the root reach all
 * text, shadow trees included; the same rules on every element (the bare `::highlight()`, i.e.
 * `*::highlight()`) made Blink keep highlight style data for each element of the page once the
 * sheet was adopted: 36 MiB on a 100,000-paragraph page (bench/huge-pages.bench.ts --snapshot).
 * Firefox does not inherit highlight styles that way (a `:root` rule paints nothing there), and
 * resolves them per painted highlight instead: it keeps the rules on every element.
 */
export const HIGHLIGHT_SCOPE = import.meta.env.FIREFOX ? '' : ':root';

// Colours come from the category table (lib/core/categories.ts) and the user lists' colour table
// (lib/core/library/list-colours.ts): one rule per row, light and dark. Underline + faint tint
// keeps the text readable; a user list's terms get a dotted underline, so they read as the
// user's own even where a list colour is close to a category's.
export function highlightCss(
  table: readonly CategoryRow[] = CATEGORY_TABLE,
  lists: readonly ListColour[] = LIST_COLOURS,
  scope: string = HIGHLIGHT_SCOPE,
): string {
  const rule = (name: string, c: string, alpha: string, line = '') =>
    `${scope}::highlight(${name}){text-decoration:underline ${line}2px ${c};text-underline-offset:2px;background-color:color-mix(in srgb,${c} ${alpha},transparent)}`;
  const light = table.map((r) => rule(HIGHLIGHT_PREFIX + r.id, r.light, '10%'));
  const dark = table.map((r) => rule(HIGHLIGHT_PREFIX + r.id, r.dark, '18%'));
  lists.forEach((c, i) => {
    light.push(rule(listHighlightName(i), c.light, '10%', 'dotted '));
    dark.push(rule(listHighlightName(i), c.dark, '18%', 'dotted '));
  });
  light.push(`${scope}::highlight(${ACTIVE_HIGHLIGHT}){background-color:#fde68a;color:#111}`);
  dark.push(`${scope}::highlight(${ACTIVE_HIGHLIGHT}){background-color:#854d0e;color:#fff}`);
  return `${light.join('')}@media (prefers-color-scheme:dark){${dark.join('')}}`;
}

type HighlightCtor = new (...ranges: AbstractRange[]) => Highlight;

export function hasHighlightApi(win: (Window & typeof globalThis) | null = window): boolean {
  // null: a document without a window (its frame was removed)
  return !!win && typeof (win as { Highlight?: unknown }).Highlight === 'function' && !!win.CSS?.highlights;
}

export interface PainterOptions {
  /** Wraps DOM writes of the <mark> fallback, so the page observer can ignore our own mutations. */
  mutate?: (write: () => void) => void;
  /** Force the <mark> fallback (tests). */
  fallback?: boolean;
}

export function createPainter(doc: Document = document, opts: PainterOptions = {}): Painter {
  const native = !opts.fallback && hasHighlightApi(doc.defaultView as Window & typeof globalThis);
  return native ? createNativePainter(doc) : createMarkPainter(doc, opts.mutate ?? ((w) => w()));
}

// ---------- native: CSS Custom Highlight API ----------

/**
 * The hit of ours under a viewport point by `highlightsFromPoint`; undefined when the engine
 * cannot tell (no such method, or only bare Highlights: `ours` says one of ours is there).
 */
function hitFromPoint(
  registry: HighlightRegistry,
  x: number,
  y: number,
  owner: ReadonlyMap<AbstractRange, Hit>,
  ours: (hl: Highlight) => boolean,
): Hit | null | undefined {
  const fromPoint = (
    registry as unknown as { highlightsFromPoint?: (x: number, y: number, o?: object) => unknown[] }
  ).highlightsFromPoint;
  if (typeof fromPoint !== 'function') return undefined; // caller falls back to caret hit-testing
  const results = fromPoint.call(registry, x, y);
  for (const res of results) {
    // Current spec: { highlight, ranges }; the first shipped version returned bare Highlights.
    const ranges = (res as { ranges?: AbstractRange[] }).ranges;
    const hl = ((res as { highlight?: Highlight }).highlight ?? res) as Highlight;
    if (ranges) {
      for (const r of ranges) {
        const hit = owner.get(r);
        if (hit) return hit;
      }
    } else if (ours(hl)) {
      return undefined; // know there is one of ours here, not which: let the caret path decide
    }
  }
  return null;
}

function createNativePainter(doc: Document): Painter {
  const win = doc.defaultView as Window & typeof globalThis;
  const registry = win.CSS.highlights;
  const Ctor = (win as unknown as { Highlight: HighlightCtor }).Highlight;
  // One Highlight per highlight name (a category's, or a user list colour's).
  const byName = new Map<string, Highlight>();
  /** The category a name shows with (undefined: a user list's, shown whenever the lens is on). */
  const nameCategory = new Map<string, Category | undefined>();
  const owner = new Map<AbstractRange, Hit>();
  const active = new Ctor();
  active.priority = 1;
  let shown: ReadonlySet<Category> | null = null;
  let sheet: CSSStyleSheet | null = null;
  const adopted = new WeakSet<Document | ShadowRoot>();
  // Highlights under our names left by an earlier instance of this script that can no longer
  // run to erase them (Firefox ends an updated extension's scripts, not what they registered).
  // Only where the registry can be iterated: Firefox's isolated world cannot iterate the page's
  // HighlightRegistry (keys() throws), and deleting by name there reaches other driven frames'
  // registrations (seen in e2e: a srcdoc frame lost its highlights to an about:blank sibling).
  try {
    for (const name of [...registry.keys()]) if (name.startsWith(HIGHLIGHT_PREFIX)) registry.delete(name);
  } catch {
    // Firefox: nothing to clear from here; its orphaned scripts are ended by the browser
  }

  // Appending to adoptedStyleSheets changes no node, attribute or serialisation of the page.
  const adopt = (root: Document | ShadowRoot) => {
    if (adopted.has(root)) return;
    try {
      sheet ??= new win.CSSStyleSheet();
      if (!sheet.cssRules.length) sheet.replaceSync(highlightCss());
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      adopted.add(root);
    } catch (e) {
      console.debug('[policy-lens] cannot adopt highlight styles', e);
    }
  };

  const nameShown = (name: string) => hitShown(shown, { category: nameCategory.get(name) });
  const highlightFor = (hit: Hit) => {
    const name = highlightNameOf(hit);
    let h = byName.get(name);
    if (!h) {
      h = new Ctor();
      byName.set(name, h);
      nameCategory.set(name, hit.category);
      if (nameShown(name)) registry.set(name, h);
    }
    return h;
  };

  return {
    native: true,
    paint(hits) {
      adopt(doc);
      for (const hit of hits) {
        const h = highlightFor(hit);
        for (const r of hit.ranges) {
          h.add(r);
          owner.set(r, hit);
        }
        const root = hit.pieces[0]?.node.getRootNode();
        if (root && root !== doc && root.nodeType === 11) adopt(root as ShadowRoot);
      }
    },
    erase(hits) {
      for (const hit of hits) {
        const h = byName.get(highlightNameOf(hit));
        for (const r of hit.ranges) {
          h?.delete(r);
          owner.delete(r);
          active.delete(r);
        }
      }
    },
    show(categories) {
      shown = categories;
      for (const [name, h] of byName) {
        if (nameShown(name)) {
          if (registry.get(name) !== h) registry.set(name, h);
        } else if (registry.get(name) === h) registry.delete(name);
      }
      if (!categories) active.clear();
    },
    setActive(hit) {
      active.clear();
      if (hit && hitShown(shown, hit)) for (const r of hit.ranges) active.add(r);
      if (active.size) registry.set(ACTIVE_HIGHLIGHT, active);
      else if (registry.get(ACTIVE_HIGHLIGHT) === active) registry.delete(ACTIVE_HIGHLIGHT);
    },
    restore() {
      let restored = false;
      const ensure = (name: string, h: Highlight) => {
        if (registry.get(name) === h) return;
        registry.set(name, h);
        restored = true;
      };
      for (const [name, h] of byName) if (nameShown(name)) ensure(name, h);
      if (active.size) ensure(ACTIVE_HIGHLIGHT, active);
      // The page may also have dropped our stylesheet (adoptedStyleSheets = []).
      if (sheet && adopted.has(doc) && !doc.adoptedStyleSheets.includes(sheet)) {
        adopted.delete(doc);
        adopt(doc);
        restored = true;
      }
      return restored;
    },
    hitAt: (x, y) =>
      hitFromPoint(registry, x, y, owner, (hl) => hl !== active && [...byName.values()].includes(hl)),
    destroy() {
      for (const [name, h] of byName) {
        if (registry.get(name) === h) registry.delete(name);
        h.clear();
      }
      if (registry.get(ACTIVE_HIGHLIGHT) === active) registry.delete(ACTIVE_HIGHLIGHT);
      owner.clear();
      byName.clear();
      nameCategory.clear();
      if (sheet) {
        const s = sheet;
        const drop = (root: Document | ShadowRoot) => {
          if (root.adoptedStyleSheets.includes(s))
            root.adoptedStyleSheets = root.adoptedStyleSheets.filter((x) => x !== s);
        };
        try {
          drop(doc);
        } catch {
          // page replaced its sheets: nothing of ours left to drop
        }
      }
    },
  };
}

// ---------- fallback: <mark> wrapping with exact restore ----------

interface Wrap {
  mark: HTMLElement;
  wrapped: Text;
  /** The node `wrapped` was split off from (it keeps the text before), if any. */
  before?: Text;
  /** The node split off after `wrapped` (text after), if any. */
  after?: Text;
}

export const MARK_ATTR = 'data-policy-lens';

function createMarkPainter(doc: Document, mutate: (write: () => void) => void): Painter {
  const painted = new Set<Hit>();
  /** Text nodes that currently have wraps (pieces there refer to pre-split offsets). */
  let touched = new WeakSet<Text>();
  let wraps: Wrap[] = [];
  const markOwner = new Map<Element, Hit>();
  let shown: ReadonlySet<Category> | null = null;
  let activeHit: Hit | null = null;

  const wrapPiece = (p: Piece, hit: Hit): Wrap | null => {
    const t = p.node;
    if (!t.parentNode || p.end > t.data.length || p.start >= p.end) return null;
    const w: Partial<Wrap> = {};
    if (p.end < t.data.length) w.after = t.splitText(p.end);
    let wrapped = t;
    if (p.start > 0) {
      w.before = t;
      wrapped = t.splitText(p.start);
    }
    const mark = doc.createElement('mark');
    // the highlight's name without our prefix: a category, or `list-<i>` for a user list
    mark.setAttribute(MARK_ATTR, highlightNameOf(hit).slice(HIGHLIGHT_PREFIX.length));
    mark.setAttribute('data-concept', hit.conceptId);
    if (hit === activeHit) mark.setAttribute('data-active', '');
    wrapped.parentNode!.insertBefore(mark, wrapped);
    mark.appendChild(wrapped);
    markOwner.set(mark, hit);
    return { ...w, mark, wrapped } as Wrap;
  };

  const unwrapAll = () => {
    for (let i = wraps.length - 1; i >= 0; i--) {
      const { mark, wrapped, before, after } = wraps[i]!;
      if (mark.parentNode && wrapped.parentNode === mark) mark.parentNode.replaceChild(wrapped, mark);
      else mark.remove();
      if (after && after.parentNode && wrapped.nextSibling === after) {
        wrapped.appendData(after.data);
        after.remove();
      }
      if (before && before.parentNode && wrapped.previousSibling === before) {
        before.appendData(wrapped.data);
        wrapped.remove();
      }
    }
    wraps = [];
    markOwner.clear();
    touched = new WeakSet();
  };

  const wrapHits = (hits: Iterable<Hit>) => {
    if (!shown) return;
    // Later pieces first, so earlier offsets in the same Text node stay valid.
    const pieces: Array<[Piece, Hit, number]> = [];
    let order = 0;
    for (const hit of hits) {
      if (!hitShown(shown, hit)) continue;
      for (const p of hit.pieces) pieces.push([p, hit, order++]);
    }
    pieces.sort(([a, , ia], [b, , ib]) => {
      if (a.node === b.node) return b.start - a.start;
      const pos = a.node.compareDocumentPosition(b.node);
      if (pos & 4) return 1; // b follows a: do b first
      if (pos & 2) return -1;
      return ib - ia;
    });
    for (const [p] of pieces) touched.add(p.node);
    for (const [p, hit] of pieces) {
      const w = wrapPiece(p, hit);
      if (w) wraps.push(w);
    }
  };

  const repaint = () =>
    mutate(() => {
      unwrapAll();
      wrapHits(painted);
    });

  return {
    native: false,
    paint(hits) {
      for (const h of hits) painted.add(h);
      // New text nodes only (the usual case: a newly scanned block): wrap just them.
      if (hits.every((h) => h.pieces.every((p) => !touched.has(p.node)))) mutate(() => wrapHits(hits));
      else repaint();
    },
    erase(hits) {
      for (const h of hits) painted.delete(h);
      repaint();
    },
    show(categories) {
      shown = categories;
      repaint();
    },
    setActive(hit) {
      activeHit = hit;
      for (const [mark, h] of markOwner) {
        if (h === hit) mark.setAttribute('data-active', '');
        else mark.removeAttribute('data-active');
      }
    },
    // Our marks are page DOM: a page that removes them is handled by the observer (rescan).
    restore: () => false,
    hitAt(x, y) {
      const el = doc.elementFromPoint?.(x, y);
      const mark = el?.closest(`mark[${MARK_ATTR}]`);
      return mark ? (markOwner.get(mark) ?? null) : null;
    },
    destroy() {
      painted.clear();
      mutate(unwrapAll);
    },
  };
}
