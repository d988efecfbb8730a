// Stage 2 (scan), its memory: the hits per block container, an index by Text node (hover's caret
// hit-testing), and which hits are painted under the range cap (the viewport first when over it).
import type { Category } from '../core/types.ts';
import type { Painter } from './highlighter.ts';
import { hitShown } from './hit-shown.ts';
import type { BlockContainer, Hit, ScanStats } from './types.ts';

export interface HitStore {
  /** Keeps a container's new hits and paints those that fit under the cap. */
  add(container: BlockContainer, hits: Hit[]): void;
  /** Drops a container's hits (erasing the painted ones). */
  forget(container: BlockContainer): void;
  /** Drops the hits of `root` and of every stored container inside it. */
  forgetUnder(root: BlockContainer): void;
  /** Stored containers with their hits (a snapshot: forgetting while iterating is fine). */
  entries(): Array<[BlockContainer, Hit[]]>;
  /** Re-picks the painted subset: all hits when they fit, else the containers nearest the viewport. */
  reprioritise(distance: (container: BlockContainer) => number): void;
  /** All hits whose text is still in the document, in document order. */
  hits(): Hit[];
  hitsAt(node: Text): readonly Hit[];
  stats(shown: ReadonlySet<Category> | null): ScanStats;
  /** More hits than the cap: some are not painted. */
  readonly capped: boolean;
  clear(): void;
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

/**
 * Pure: the hits to paint under `cap` ranges, taking groups in the given order (nearest the
 * viewport first) and stopping a group at its first hit that does not fit.
 */
export function pickUnderCap(
  groups: Iterable<readonly Hit[]>,
  cap: number,
): { want: Set<Hit>; ranges: number } {
  const want = new Set<Hit>();
  let n = 0;
  for (const hits of groups) {
    for (const h of hits) {
      if (n + h.ranges.length > cap) break;
      n += h.ranges.length;
      want.add(h);
    }
    if (n >= cap) break;
  }
  return { want, ranges: n };
}

/** Concept counts of the hits in shown categories (none while the lens is off). */
export function countHits(all: Iterable<readonly Hit[]>, shown: ReadonlySet<Category> | null): ScanStats {
  const counts = new Map<string, number>();
  let total = 0;
  if (shown) {
    for (const hits of all) {
      for (const h of hits) {
        if (!hitShown(shown, h)) continue;
        counts.set(h.conceptId, (counts.get(h.conceptId) ?? 0) + 1);
        total++;
      }
    }
  }
  return { counts, distinct: counts.size, total, capped: false };
}

export function createHitStore(painter: Painter, cap: number): HitStore {
  const store = new Map<BlockContainer, Hit[]>();
  const byText = new WeakMap<Text, Hit[]>();
  const painted = new Set<Hit>();
  let paintedRanges = 0;
  let overCap = false;

  const unindex = (hits: readonly Hit[]) => {
    for (const h of hits) {
      for (const p of h.pieces) {
        const list = byText.get(p.node);
        const i = list ? list.indexOf(h) : -1;
        if (i >= 0) list!.splice(i, 1);
      }
    }
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
  const setPainted = (paint: readonly Hit[], erase: readonly Hit[]) => {
    for (const h of erase) painted.delete(h);
    for (const h of paint) painted.add(h);
    if (erase.length) painter.erase(erase);
    if (paint.length) painter.paint(paint);
  };

  const hitStore: HitStore = {
    add(container, hits) {
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
        fit.push(h);
      }
      setPainted(fit, []);
    },
    forget(container) {
      const old = store.get(container);
      if (!old) return;
      store.delete(container);
      unindex(old);
      const gone = old.filter((h) => painted.has(h));
      paintedRanges -= rangesOf(gone);
      setPainted([], gone);
    },
    forgetUnder(root) {
      for (const c of [...store.keys()]) if (c === root || root.contains(c)) hitStore.forget(c);
    },
    entries: () => [...store],
    reprioritise(distance) {
      const all = [...store.entries()];
      if (rangesOf(all.flatMap(([, h]) => h)) <= cap) {
        overCap = false;
        const missing = all.flatMap(([, h]) => h).filter((h) => !painted.has(h));
        paintedRanges += rangesOf(missing);
        setPainted(missing, []);
        return;
      }
      overCap = true;
      // One rect per container, measured once.
      const ranked = all.map(([c, hits]) => ({ hits, d: distance(c) })).sort((a, b) => a.d - b.d);
      const { want, ranges } = pickUnderCap(
        ranked.map((r) => r.hits),
        cap,
      );
      const drop = [...painted].filter((h) => !want.has(h));
      const paint = [...want].filter((h) => !painted.has(h));
      paintedRanges = ranges;
      setPainted(paint, drop);
    },
    hits() {
      const all = [...store.values()].flat().filter((h) => h.pieces[0]?.node.isConnected);
      return all.sort(compareHits);
    },
    hitsAt: (node) => byText.get(node) ?? [],
    stats: (shown) => ({ ...countHits(store.values(), shown), capped: overCap }),
    get capped() {
      return overCap;
    },
    clear() {
      const all = [...painted];
      painted.clear();
      paintedRanges = 0;
      overCap = false;
      if (all.length) painter.erase(all);
      store.clear();
    },
  };
  return hitStore;
}
