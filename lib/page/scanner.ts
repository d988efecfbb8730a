// Stage 2 (scan): walks dirty subtrees block by block within a time budget, runs the matcher on
// each block's text, keeps the hits per block container, and hands them to the painter under a
// cap that favours the viewport. Knows nothing about timers, messaging or settings.
import type { Category, TermMatch } from '../core/types.ts';
import { HIGHLIGHT_CAP } from './constants.ts';
import type { Hit, Painter, Piece } from './highlighter.ts';
import {
  BlockWalker,
  isInSkippedSubtree,
  toStaticRanges,
  type BlockContainer,
  type Segment,
  type TextBlock,
  type WalkOptions,
} from './page-text.ts';

/** What the scanner needs from the compiled glossary matcher. */
export interface PageMatcher {
  find(text: string): TermMatch[];
  categoryOf(conceptId: string): Category | undefined;
}

export interface ScanStats {
  /** Concept id -> occurrences on the page (shown categories only). */
  counts: Map<string, number>;
  distinct: number;
  total: number;
  capped: boolean;
}

export interface Scanner {
  /** Queue a subtree for (re)scanning; its old hits are replaced. */
  enqueue(root: BlockContainer): void;
  /** Forget everything and rescan the whole document. */
  rescanAll(): void;
  /** Drop hits whose text left the document. */
  prune(): void;
  /** Runs until `deadline` (performance.now()); true while work remains. */
  run(deadline: number): boolean;
  /** Re-pick the painted subset when capped (after scrolling). */
  reprioritise(): void;
  /** All hits in document order. */
  hits(): Hit[];
  hitsAt(node: Text): readonly Hit[];
  stats(shown: ReadonlySet<Category> | null): ScanStats;
  clear(): void;
}

export interface ScannerOptions {
  doc: Document;
  matcher: PageMatcher;
  painter: Painter;
  walk: WalkOptions;
  cap?: number;
  /** Called when a queue drains (for counts and badge). */
  onSettled?: () => void;
}

export function piecesOf(segments: readonly Segment[], start: number, end: number): Piece[] {
  const out: Piece[] = [];
  for (const s of segments) {
    if (s.end <= start) continue;
    if (s.start >= end) break;
    out.push({
      node: s.node,
      start: Math.max(start, s.start) - s.start,
      end: Math.min(end, s.end) - s.start,
    });
  }
  return out;
}

export function hitsForBlock(block: TextBlock, matcher: PageMatcher): Hit[] {
  const hits: Hit[] = [];
  for (const m of matcher.find(block.text)) {
    const category = matcher.categoryOf(m.conceptId);
    if (!category) continue;
    const ranges = toStaticRanges(block.segments, m.start, m.end);
    if (!ranges.length) continue;
    hits.push({
      conceptId: m.conceptId,
      category,
      text: block.text.slice(m.start, m.end),
      container: block.container,
      pieces: piecesOf(block.segments, m.start, m.end),
      ranges,
    });
  }
  return hits;
}

/** Document order of two hits (by their first piece). */
export function compareHits(a: Hit, b: Hit): number {
  const x = a.pieces[0];
  const y = b.pieces[0];
  if (!x || !y) return 0;
  if (x.node === y.node) return x.start - y.start;
  const pos = x.node.compareDocumentPosition(y.node);
  return pos & 4 ? -1 : pos & 2 ? 1 : 0;
}

const rangesOf = (hits: Iterable<Hit>) => {
  let n = 0;
  for (const h of hits) n += h.ranges.length;
  return n;
};

/** Time per phase (E2E builds only; the counters stay 0 in store builds). */
export const phase = { walkMs: 0, maxNextMs: 0, matchMs: 0 };

export function createScanner(opts: ScannerOptions): Scanner {
  const { doc, matcher, painter } = opts;
  const cap = opts.cap ?? HIGHLIGHT_CAP;
  const store = new Map<BlockContainer, Hit[]>();
  const byText = new WeakMap<Text, Hit[]>();
  const painted = new Set<Hit>();
  let paintedRanges = 0;
  let overCap = false;
  let queue: BlockContainer[] = [];
  let walker: BlockWalker | null = null;
  let seen = new Set<BlockContainer>();
  let needsPrune = false;

  const forget = (container: BlockContainer) => {
    const old = store.get(container);
    if (!old) return;
    store.delete(container);
    for (const h of old) {
      for (const p of h.pieces) {
        const list = byText.get(p.node);
        const i = list ? list.indexOf(h) : -1;
        if (i >= 0) list!.splice(i, 1);
      }
    }
    const gone = old.filter((h) => painted.has(h));
    for (const h of gone) painted.delete(h);
    paintedRanges -= rangesOf(gone);
    if (gone.length) painter.erase(gone);
  };

  const index = (hits: readonly Hit[]) => {
    for (const h of hits) {
      for (const p of h.pieces) {
        const list = byText.get(p.node);
        if (list) list.push(h);
        else byText.set(p.node, [h]);
      }
    }
  };

  const add = (container: BlockContainer, hits: Hit[]) => {
    const list = store.get(container);
    if (list) list.push(...hits);
    else store.set(container, hits);
    index(hits);
    const fit: Hit[] = [];
    for (const h of hits) {
      if (paintedRanges + h.ranges.length > cap) {
        overCap = true;
        continue;
      }
      paintedRanges += h.ranges.length;
      painted.add(h);
      fit.push(h);
    }
    if (fit.length) painter.paint(fit);
  };

  const startJob = (root: BlockContainer): boolean => {
    const probe = root.nodeType === 9 ? (root as Document).documentElement : root;
    if (!root.isConnected || !probe || isInSkippedSubtree(probe, opts.walk)) {
      // Whatever was there is gone or now off-limits.
      for (const c of [...store.keys()]) if (c === root || root.contains(c)) forget(c);
      return false;
    }
    for (const c of [...store.keys()]) if (c === root || root.contains(c)) forget(c);
    seen = new Set();
    walker = new BlockWalker(root, opts.walk);
    return true;
  };

  const scanner: Scanner = {
    enqueue(root) {
      // Very busy pages: one pass over the document beats comparing thousands of subtrees.
      if (queue.length > 300) {
        if (queue[0] !== doc) queue = [doc];
        return;
      }
      // A queued ancestor already covers it; a queued descendant is covered by it.
      if (queue.some((q) => q === root || (q.nodeType !== 11 && q.contains(root)))) return;
      queue = queue.filter((q) => !(root.nodeType !== 11 && root.contains(q)));
      queue.push(root);
    },
    rescanAll() {
      scanner.clear();
      queue = [doc];
    },
    prune() {
      needsPrune = true; // done in the next idle slice, not in the MutationObserver callback
    },
    run(deadline) {
      let blocks = 0;
      if (needsPrune) {
        needsPrune = false;
        for (const [c, hits] of [...store]) {
          if (!c.isConnected) forget(c);
          else if (hits.some((h) => h.pieces.some((p) => !p.node.isConnected))) scanner.enqueue(c);
        }
      }
      while (performance.now() < deadline || blocks === 0) {
        if (!walker) {
          const next = queue.shift();
          if (!next) break;
          if (!startJob(next)) continue;
        }
        const t0 = __E2E_HOOKS__ ? performance.now() : 0;
        const block = walker!.next();
        if (__E2E_HOOKS__) {
          const dt = performance.now() - t0;
          phase.walkMs += dt;
          phase.maxNextMs = Math.max(phase.maxNextMs, dt);
        }
        if (!block) {
          walker = null;
          continue;
        }
        blocks++;
        if (!seen.has(block.container)) {
          seen.add(block.container);
          forget(block.container);
        }
        const t1 = __E2E_HOOKS__ ? performance.now() : 0;
        const hits = hitsForBlock(block, matcher);
        if (__E2E_HOOKS__) phase.matchMs += performance.now() - t1;
        if (hits.length) add(block.container, hits);
      }
      const more = walker !== null || queue.length > 0;
      if (!more) {
        if (overCap) scanner.reprioritise();
        opts.onSettled?.();
      }
      return more;
    },
    reprioritise() {
      const all = [...store.entries()];
      if (rangesOf(all.flatMap(([, h]) => h)) <= cap) {
        overCap = false;
        const missing = all.flatMap(([, h]) => h).filter((h) => !painted.has(h));
        for (const h of missing) painted.add(h);
        paintedRanges += rangesOf(missing);
        if (missing.length) painter.paint(missing);
        return;
      }
      overCap = true;
      // Distance of each container from the viewport (0 inside it); one rect per container.
      const vh = doc.defaultView?.innerHeight ?? 800;
      const distance = (c: BlockContainer) => {
        const el =
          c.nodeType === 1
            ? (c as Element)
            : c.nodeType === 11
              ? (c as ShadowRoot).host
              : doc.documentElement;
        const r = el.getBoundingClientRect();
        if (r.bottom < 0) return -r.bottom + 1; // above: slightly behind what is below
        if (r.top > vh) return r.top - vh;
        return 0;
      };
      const ranked = all.map(([c, hits]) => ({ hits, d: distance(c) })).sort((a, b) => a.d - b.d);
      const want = new Set<Hit>();
      let n = 0;
      for (const { hits } of ranked) {
        for (const h of hits) {
          if (n + h.ranges.length > cap) break;
          n += h.ranges.length;
          want.add(h);
        }
        if (n >= cap) break;
      }
      const drop = [...painted].filter((h) => !want.has(h));
      const paint = [...want].filter((h) => !painted.has(h));
      for (const h of drop) painted.delete(h);
      for (const h of paint) painted.add(h);
      paintedRanges = n;
      if (drop.length) painter.erase(drop);
      if (paint.length) painter.paint(paint);
    },
    hits() {
      const all = [...store.values()].flat().filter((h) => h.pieces[0]?.node.isConnected);
      return all.sort(compareHits);
    },
    hitsAt(node) {
      return byText.get(node) ?? [];
    },
    stats(shown) {
      const counts = new Map<string, number>();
      let total = 0;
      if (shown) {
        for (const hits of store.values()) {
          for (const h of hits) {
            if (!shown.has(h.category)) continue;
            counts.set(h.conceptId, (counts.get(h.conceptId) ?? 0) + 1);
            total++;
          }
        }
      }
      return { counts, distinct: counts.size, total, capped: overCap };
    },
    clear() {
      const all = [...painted];
      painted.clear();
      paintedRanges = 0;
      overCap = false;
      if (all.length) painter.erase(all);
      store.clear();
      queue = [];
      walker = null;
    },
  };
  return scanner;
}
