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
  /**
   * Drop hits whose text left the document. With `near` (where nodes were removed), only stored
   * containers that are ancestors of those nodes are checked for detached text; without it, all.
   */
  prune(near?: readonly Node[]): void;
  /** Runs until `deadline` (performance.now()); true while work remains. */
  run(deadline: number): boolean;
  /** Re-pick the painted subset when capped (after scrolling). */
  reprioritise(): void;
  /** All hits in document order. */
  hits(): Hit[];
  hitsAt(node: Text): readonly Hit[];
  stats(shown: ReadonlySet<Category> | null): ScanStats;
  /** More hits than the paint cap: what is painted follows the viewport. */
  readonly capped: boolean;
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
  // enqueue() only appends here (it runs from the MutationObserver callback); the slice merges
  // these into `queue`, dropping roots covered by a queued ancestor.
  let incoming: BlockContainer[] = [];
  let incomingSet = new Set<BlockContainer>();
  let walker: BlockWalker | null = null;
  let seen = new Set<BlockContainer>();
  let needsPrune = false;
  let pruneAll = false;
  let pruneNear: Node[] = [];

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
    // Old hits under root go first: rescanned below, or gone / now off-limits.
    for (const c of [...store.keys()]) if (c === root || root.contains(c)) forget(c);
    if (!root.isConnected || !probe || isInSkippedSubtree(probe, opts.walk)) return false;
    seen = new Set();
    walker = new BlockWalker(root, opts.walk);
    return true;
  };

  /** Moves `incoming` into `queue`: a queued ancestor covers a root (as Node.contains would:
   * not across shadow roots); very busy pages get one pass over the document instead. */
  const mergeIncoming = () => {
    if (!incoming.length) return;
    const all = queue.length ? queue.concat(incoming) : incoming;
    incoming = [];
    incomingSet = new Set();
    const roots = new Set(all);
    const kept: BlockContainer[] = [];
    const done = new Set<BlockContainer>();
    for (const r of all) {
      if (done.has(r)) continue;
      done.add(r);
      let covered = false;
      for (let a = r.parentNode; a; a = a.parentNode) {
        if (a.nodeType !== 11 && roots.has(a as BlockContainer)) {
          covered = true;
          break;
        }
      }
      if (!covered) kept.push(r);
    }
    queue = kept.length > 300 ? [doc] : kept;
  };

  const pruneNow = () => {
    needsPrune = false;
    // Containers on the ancestor paths of where nodes were removed: only their hits can point
    // at text that left; detached containers are found by the cheap isConnected check.
    let touched: Set<Node> | null = null;
    if (!pruneAll) {
      touched = new Set();
      for (const n of pruneNear) {
        for (let a: Node | null = n; a && !touched.has(a); a = a.parentNode) touched.add(a);
      }
    }
    pruneAll = false;
    pruneNear = [];
    for (const [c, hits] of [...store]) {
      if (!c.isConnected) forget(c);
      else if ((!touched || touched.has(c)) && hits.some((h) => h.pieces.some((p) => !p.node.isConnected)))
        scanner.enqueue(c);
    }
  };

  const scanner: Scanner = {
    enqueue(root) {
      // O(1): runs in the MutationObserver callback's wake; deduplicated in the next slice.
      if (incomingSet.has(root)) return;
      if (incoming.length > 2000) {
        // Very busy pages: one pass over the document beats comparing thousands of subtrees.
        if (incoming[0] !== doc || incoming.length !== 1) {
          incoming = [doc];
          incomingSet = new Set([doc]);
        }
        return;
      }
      incomingSet.add(root);
      incoming.push(root);
    },
    rescanAll() {
      scanner.clear();
      queue = [doc];
    },
    prune(near) {
      // done in the next idle slice, not in the MutationObserver callback
      needsPrune = true;
      if (!near || pruneAll) pruneAll = true;
      else if (pruneNear.length + near.length > 1000) {
        pruneAll = true;
        pruneNear = [];
      } else for (const n of near) pruneNear.push(n);
    },
    run(deadline) {
      let steps = 0;
      if (needsPrune) pruneNow();
      mergeIncoming();
      // At least one block per slice (progress), then the deadline is checked before each block.
      while (steps === 0 || performance.now() < deadline) {
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
        steps++;
        if (!seen.has(block.container)) {
          seen.add(block.container);
          forget(block.container);
        }
        const t1 = __E2E_HOOKS__ ? performance.now() : 0;
        const hits = hitsForBlock(block, matcher);
        if (__E2E_HOOKS__) phase.matchMs += performance.now() - t1;
        if (hits.length) add(block.container, hits);
      }
      const more = walker !== null || queue.length > 0 || incoming.length > 0 || needsPrune;
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
    get capped() {
      return overCap;
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
      incoming = [];
      incomingSet = new Set();
      needsPrune = false;
      pruneAll = false;
      pruneNear = [];
      walker = null;
    },
  };
  return scanner;
}
