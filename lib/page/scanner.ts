// Stage 2 (scan): walks dirty subtrees block by block within a time budget, runs the matcher on
// each block's text, keeps the hits per block container, and hands them to the painter under a
// cap that favours the viewport. Knows nothing about timers, messaging or settings.
import type { Category } from '../core/types.ts';
import { HIGHLIGHT_CAP } from './constants.ts';
import type { Painter } from './highlighter.ts';
import { createHitStore, type HitStore } from './hit-store.ts';
import { hitsForBlock, nextWindow, WINDOW, windowCursor, type WindowCursor } from './block-hits.ts';
import { BlockWalker, isInSkippedSubtree, type WalkOptions } from './page-text.ts';
import type { BlockContainer, Hit, PageMatcher, ScanStats, TextBlock } from './types.ts';

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

/** Time per phase (E2E builds only; the counters stay 0 in store builds). */
export const phase = { walkMs: 0, maxNextMs: 0, matchMs: 0 };

/**
 * Pure: the roots worth walking among `all` (queued first, then incoming): a root inside a
 * listed ancestor is covered by it (as Node.contains would: not across shadow roots); past
 * 300 roots, one pass over the document is cheaper.
 */
export function coveringRoots(all: readonly BlockContainer[], doc: Document): BlockContainer[] {
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
  return kept.length > 300 ? [doc] : kept;
}

/**
 * Roots queued from the MutationObserver callback: `add` is O(1) there; the next slice `take`s
 * them, deduplicated. Very busy pages collapse to one pass over the document.
 */
function createIncoming(doc: Document) {
  let list: BlockContainer[] = [];
  let set = new Set<BlockContainer>();
  return {
    add(root: BlockContainer) {
      if (set.has(root)) return;
      if (list.length > 2000) {
        // Very busy pages: one pass over the document beats comparing thousands of subtrees.
        if (list[0] !== doc || list.length !== 1) {
          list = [doc];
          set = new Set([doc]);
        }
        return;
      }
      set.add(root);
      list.push(root);
    },
    take(): BlockContainer[] {
      const out = list;
      list = [];
      set = new Set();
      return out;
    },
    clear() {
      list = [];
      set = new Set();
    },
    get size() {
      return list.length;
    },
  };
}

/**
 * Where nodes were removed since the last slice, for prune(): the ancestor paths of those
 * places (only containers on them can hold hits whose text left), or null for "check all".
 */
function createPruneRequests() {
  let wanted = false;
  let all = false;
  let near: Node[] = [];
  const clear = () => {
    wanted = false;
    all = false;
    near = [];
  };
  return {
    add(at?: readonly Node[]) {
      wanted = true;
      if (!at || all) all = true;
      else if (near.length + at.length > 1000) {
        all = true;
        near = [];
      } else for (const n of at) near.push(n);
    },
    get wanted() {
      return wanted;
    },
    /** The containers to check (null: all of them); resets the requests. */
    take(): Set<Node> | null {
      let touched: Set<Node> | null = null;
      if (!all) {
        touched = new Set();
        for (const n of near) {
          for (let a: Node | null = n; a && !touched.has(a); a = a.parentNode) touched.add(a);
        }
      }
      clear();
      return touched;
    },
    clear,
  };
}

/** Distance of a container from the viewport (0 inside it), for painting the nearest first. */
export function viewportDistance(doc: Document): (c: BlockContainer) => number {
  const vh = doc.defaultView?.innerHeight ?? 800;
  return (c) => {
    const el =
      c.nodeType === 1 ? (c as Element) : c.nodeType === 11 ? (c as ShadowRoot).host : doc.documentElement;
    const r = el.getBoundingClientRect();
    if (r.bottom < 0) return -r.bottom + 1; // above: slightly behind what is below
    if (r.top > vh) return r.top - vh;
    return 0;
  };
}

/** Walks one queued root block by block; a container's old hits go when its first block comes. */
function createJob(root: BlockContainer, store: HitStore, walk: WalkOptions): BlockWalker | null {
  const probe = root.nodeType === 9 ? (root as Document).documentElement : root;
  // Old hits under root go first: rescanned below, or gone / now off-limits.
  store.forgetUnder(root);
  if (!root.isConnected || !probe || isInSkippedSubtree(probe, walk)) return null;
  return new BlockWalker(root, walk);
}

/** The next block of `walker`, timed in E2E builds. */
function nextBlock(walker: BlockWalker): TextBlock | undefined {
  if (!__E2E_HOOKS__) return walker.next();
  const t0 = performance.now();
  const block = walker.next();
  const dt = performance.now() - t0;
  phase.walkMs += dt;
  phase.maxNextMs = Math.max(phase.maxNextMs, dt);
  return block;
}

/** Matches one block (or the next window of a long one), timed in E2E builds. */
function timedMatch(match: () => Hit[]): Hit[] {
  if (!__E2E_HOOKS__) return match();
  const t1 = performance.now();
  const hits = match();
  phase.matchMs += performance.now() - t1;
  return hits;
}

export function createScanner(opts: ScannerOptions): Scanner {
  const { doc, matcher } = opts;
  const store = createHitStore(opts.painter, opts.cap ?? HIGHLIGHT_CAP);
  const incoming = createIncoming(doc);
  const pruning = createPruneRequests();
  let queue: BlockContainer[] = [];
  let walker: BlockWalker | null = null;
  // A block longer than WINDOW, matched one window per step.
  let long: WindowCursor | null = null;
  // Containers given hits by the current job: a later block of theirs adds to those hits, while
  // any other container's old hits are dropped at its first block. Only containers with hits:
  // holding every block element met during a long job made V8 keep a wrapper for each of them
  // for the page's life (20,000 of 20,000 paragraphs in bench/huge-pages.bench.ts --snapshot).
  let filled = new Set<BlockContainer>();

  const pruneNow = () => {
    const touched = pruning.take();
    for (const [c, hits] of store.entries()) {
      if (!c.isConnected) store.forget(c);
      else if ((!touched || touched.has(c)) && hits.some((h) => h.pieces.some((p) => !p.node.isConnected)))
        scanner.enqueue(c);
    }
  };
  const mergeIncoming = () => {
    if (!incoming.size) return;
    const fresh = incoming.take();
    queue = coveringRoots(queue.length ? queue.concat(fresh) : fresh, doc);
  };
  const startJob = (root: BlockContainer) => {
    filled = new Set();
    return createJob(root, store, opts.walk);
  };
  const scanBlock = (block: TextBlock) => {
    if (!filled.has(block.container)) store.forget(block.container);
    if (block.length > WINDOW) {
      long = windowCursor(block);
      scanWindow();
      return;
    }
    const hits = timedMatch(() => hitsForBlock(block, matcher));
    if (hits.length) keep(block.container, hits);
  };
  const keep = (container: BlockContainer, hits: Hit[]) => {
    filled.add(container);
    store.add(container, hits);
  };
  const scanWindow = () => {
    const cursor = long!;
    const hits = timedMatch(() => nextWindow(cursor, matcher));
    if (hits.length) keep(cursor.block.container, hits);
    if (cursor.done) long = null;
  };
  const endJob = () => {
    walker = null;
    filled = new Set();
  };

  const scanner: Scanner = {
    enqueue: (root) => incoming.add(root), // O(1): runs in the MutationObserver callback's wake
    rescanAll() {
      scanner.clear();
      queue = [doc];
    },
    prune: (near) => pruning.add(near), // done in the next idle slice, not in the observer callback
    run(deadline) {
      let steps = 0;
      if (pruning.wanted) pruneNow();
      mergeIncoming();
      // At least one block per slice (progress), then the deadline is checked before each block.
      while (steps === 0 || performance.now() < deadline) {
        if (long) {
          steps++;
          scanWindow();
          continue;
        }
        if (!walker) {
          const root = queue.shift();
          if (!root) break;
          walker = startJob(root);
          if (!walker) continue;
        }
        const block = nextBlock(walker);
        if (!block) {
          endJob();
          continue;
        }
        steps++;
        scanBlock(block);
      }
      const more =
        walker !== null || long !== null || queue.length > 0 || incoming.size > 0 || pruning.wanted;
      if (!more) {
        if (store.capped) scanner.reprioritise();
        opts.onSettled?.();
      }
      return more;
    },
    reprioritise: () => store.reprioritise(viewportDistance(doc)),
    hits: () => store.hits(),
    hitsAt: (node) => store.hitsAt(node),
    get capped() {
      return store.capped;
    },
    stats: (shown) => store.stats(shown),
    clear() {
      store.clear();
      queue = [];
      incoming.clear();
      pruning.clear();
      endJob();
      long = null;
    },
  };
  return scanner;
}
