// Stage 2b (watch): turns the page's DOM mutations into dirty block containers for the scanner.
// Records are only collected here (cheap, also while the tab is hidden); the scanning runs in
// idle slices via the scheduler. Open shadow roots are observed as the walker finds them.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { HOST_TAG } from './constants.ts';
import { blockContainerOf, classify, type BlockContainer, type WalkOptions } from './page-text.ts';

export interface DirtySink {
  /** Subtrees to rescan. */
  dirty(containers: BlockContainer[]): void;
  /** Something was removed: hits may point at detached text. */
  removed(): void;
}

export interface PageObserver {
  observe(root: Document | ShadowRoot): void;
  /** Runs `write` without reporting the mutations it causes (the <mark> fallback's own edits). */
  withoutObserving(write: () => void): void;
  /** Marks an element whose subtree was skipped as invisible, to rescan it when it appears. */
  skippedInvisible(el: Element): void;
}

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
): { dirty: Set<BlockContainer>; removed: boolean } {
  const dirty = new Set<BlockContainer>();
  let removed = false;
  for (const r of records) {
    const target = r.target;
    if (r.type === 'characterData') {
      dirty.add(blockContainerOf(target, walk));
    } else if (r.type === 'childList') {
      let inlineChange = false;
      for (const n of r.addedNodes) {
        if (isOurs(n)) continue;
        if (n.nodeType === 1 && classify(n as Element, { ...walk, checkVisibility: false }) === 'block')
          dirty.add(n as Element);
        else if (n.nodeType === 1 || n.nodeType === 3) inlineChange = true;
      }
      for (const n of r.removedNodes) {
        if (isOurs(n)) continue;
        removed = true;
        // Removing inline content joins the text around it into one block: rescan that block.
        if (
          n.nodeType === 3 ||
          (n.nodeType === 1 && classify(n as Element, { ...walk, checkVisibility: false }) !== 'block')
        ) {
          inlineChange = true;
        }
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
        dirty.add(blockContainerOf(el.parentElement ?? el, walk));
        if (r.attributeName !== 'open') removed = true;
      }
    }
  }
  return { dirty, removed };
}

export function createPageObserver(
  ctx: Pick<ContentScriptContext, 'onInvalidated'>,
  sink: DirtySink,
  walk: WalkOptions,
): PageObserver {
  const invisible = new WeakSet<Element>();
  const observed = new WeakSet<Node>();
  const handle = (records: MutationRecord[]) => {
    if (!records.length) return;
    try {
      const { dirty, removed } = dirtyFromRecords(records, invisible, walk);
      if (removed) sink.removed();
      if (dirty.size) sink.dirty([...dirty]);
    } catch (e) {
      console.debug('[policy-lens] mutation handling failed', e);
    }
  };
  const mo = new MutationObserver(handle);
  ctx.onInvalidated(() => mo.disconnect());
  return {
    observe(root) {
      if (observed.has(root)) return;
      observed.add(root);
      mo.observe(root, OPTIONS);
    },
    withoutObserving(write) {
      handle(mo.takeRecords());
      try {
        write();
      } finally {
        mo.takeRecords();
      }
    },
    skippedInvisible(el) {
      invisible.add(el);
    },
  };
}
