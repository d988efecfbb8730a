// Stage 2b (watch): turns the page's DOM mutations into dirty block containers for the scanner.
// Records are only collected here (cheap, also while the tab is hidden); the scanning runs in
// idle slices via the scheduler. Open shadow roots are observed as the walker finds them.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { HOST_TAG } from './constants.ts';
import { blockContainerOf, classify, type WalkOptions } from './page-text.ts';
import type { BlockContainer } from './types.ts';

export interface DirtySink {
  /** Subtrees to rescan. */
  dirty(containers: BlockContainer[]): void;
  /**
   * Something was removed under `near` (record targets; undefined = anywhere): hits there may
   * point at detached text.
   */
  removed(near?: readonly Node[]): void;
  /**
   * Deferred mode: when given, the MutationObserver callback only collects its records and calls
   * this (to schedule a slice); the owner calls `flush()` in that slice, which then reports to
   * `dirty`/`removed`. Without it, records are turned into dirty containers in the callback.
   */
  changed?(): void;
}

export interface PageObserver {
  observe(root: Document | ShadowRoot): void;
  /** Runs `write` without reporting the mutations it causes (the <mark> fallback's own edits). */
  withoutObserving(write: () => void): void;
  /** Marks an element whose subtree was skipped as invisible, to rescan it when it appears. */
  skippedInvisible(el: Element): void;
  /** Deferred mode: turns the collected records into `dirty`/`removed` calls now. */
  flush(): void;
  /** Deferred mode: forgets the collected records (nothing is shown). */
  discard(): void;
}

/** Collected records beyond this are dropped for one full rescan (e.g. a long-hidden busy tab). */
const MAX_BUFFERED = 20000;

const OPTIONS: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['hidden', 'open', 'class', 'style', 'contenteditable'],
};

const isOurs = (n: Node) => n.nodeType === 1 && (n as Element).localName === HOST_TAG;

/** Pure part: which containers a batch of records makes dirty. Exported for tests. */
export function dirtyFromRecords(
  records: readonly MutationRecord[],
  invisible: WeakSet<Element>,
  walk: WalkOptions,
): { dirty: Set<BlockContainer>; removed: boolean; near: Node[] } {
  const dirty = new Set<BlockContainer>();
  const near: Node[] = [];
  let removed = false;
  const noVis: WalkOptions = { ...walk, checkVisibility: false };
  for (const r of records) {
    const target = r.target;
    if (r.type === 'characterData') {
      if (target.isConnected) dirty.add(blockContainerOf(target, walk));
    } else if (r.type === 'childList') {
      let inlineChange = false;
      for (const n of r.addedNodes) {
        if (isOurs(n)) continue;
        // Added and detached again before we look (records are handled late): nothing to scan.
        if (!n.isConnected) continue;
        if (n.nodeType === 1 && classify(n as Element, noVis) === 'block') dirty.add(n as Element);
        else if (n.nodeType === 1 || n.nodeType === 3) inlineChange = true;
      }
      let removedHere = false;
      for (const n of r.removedNodes) {
        if (isOurs(n)) continue;
        removedHere = true;
        // Removing inline content joins the text around it into one block: rescan that block.
        if (n.nodeType === 3 || (n.nodeType === 1 && classify(n as Element, noVis) !== 'block')) {
          inlineChange = true;
        }
      }
      if (removedHere) {
        removed = true;
        near.push(target);
      }
      if (inlineChange && target.isConnected) dirty.add(blockContainerOf(target, walk));
    } else if (r.type === 'attributes' && target.nodeType === 1) {
      const el = target as Element;
      if (r.attributeName === 'class' || r.attributeName === 'style') {
        // Only a subtree we skipped as invisible can gain text this way.
        for (let n: Element | null = el; n; n = n.parentElement) {
          if (invisible.has(n)) {
            invisible.delete(n);
            dirty.add(blockContainerOf(n.parentElement ?? n, walk));
            break;
          }
        }
      } else {
        if (el.isConnected) dirty.add(blockContainerOf(el.parentElement ?? el, walk));
        if (r.attributeName !== 'open') {
          removed = true;
          near.push(el);
        }
      }
    }
  }
  return { dirty, removed, near };
}

export function createPageObserver(
  ctx: Pick<ContentScriptContext, 'onInvalidated'>,
  sink: DirtySink,
  walk: WalkOptions,
  doc: Document = document,
): PageObserver {
  const invisible = new WeakSet<Element>();
  const observed = new WeakSet<Node>();
  const deferred = typeof sink.changed === 'function';
  let buffer: MutationRecord[] = [];
  let overflow = false;
  const process = (records: MutationRecord[]) => {
    if (!records.length) return;
    try {
      const { dirty, removed, near } = dirtyFromRecords(records, invisible, walk);
      if (removed) sink.removed(near);
      if (dirty.size) sink.dirty([...dirty]);
    } catch (e) {
      console.debug('[policy-lens] mutation handling failed', e);
    }
  };
  const flush = () => {
    if (overflow) {
      overflow = false;
      buffer = [];
      sink.removed();
      sink.dirty([doc]);
      return;
    }
    if (!buffer.length) return;
    const records = buffer;
    buffer = [];
    process(records);
  };
  // The callback runs in the page's microtask checkpoint after every DOM edit: in deferred mode
  // it only keeps the records (O(records), no DOM reads); all filtering happens in `flush`.
  const collect = (records: MutationRecord[]) => {
    if (!records.length) return;
    if (!deferred) return process(records);
    if (!overflow) {
      if (buffer.length + records.length > MAX_BUFFERED) {
        overflow = true;
        buffer = [];
      } else if (buffer.length === 0) buffer = records;
      else for (const r of records) buffer.push(r);
    }
    sink.changed!();
  };
  const mo = new MutationObserver(collect);
  ctx.onInvalidated(() => {
    mo.disconnect();
    buffer = [];
  });
  return {
    observe(root) {
      if (observed.has(root)) return;
      observed.add(root);
      mo.observe(root, OPTIONS);
    },
    withoutObserving(write) {
      collect(mo.takeRecords());
      try {
        write();
      } finally {
        mo.takeRecords();
      }
    },
    skippedInvisible(el) {
      invisible.add(el);
    },
    flush,
    discard() {
      buffer = [];
      overflow = false;
    },
  };
}
