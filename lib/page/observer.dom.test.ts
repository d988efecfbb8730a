// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_TAG } from './constants.ts';
import { createPainter } from './highlighter.ts';
import { createIdleScheduler } from './idle.ts';
import { fakeMatcher } from './testing.ts';
import { createPageObserver, dirtyFromRecords } from './observer.ts';
import { createScanner } from './scanner.ts';
import type { BlockContainer } from './types.ts';

/** A stand-in for WXT's ctx: one AbortController, listeners bound to its signal. */
function fakeCtx() {
  const ac = new AbortController();
  return {
    isValid: true,
    signal: ac.signal,
    onInvalidated(cb: () => void) {
      ac.signal.addEventListener('abort', cb);
      return () => ac.signal.removeEventListener('abort', cb);
    },
    addEventListener(target: EventTarget, type: string, fn: (e: Event) => void) {
      target.addEventListener(type, fn, { signal: ac.signal });
    },
    invalidate() {
      this.isValid = false;
      ac.abort();
    },
  };
}

const flushMutations = () => new Promise<void>((ok) => queueMicrotask(ok));

describe('dirtyFromRecords', () => {
  it('maps records to the smallest subtrees to rescan', async () => {
    document.body.replaceChildren();
    const main = document.createElement('main');
    const p = document.createElement('p');
    p.append('两个');
    main.append(p);
    document.body.append(main);
    const records: MutationRecord[] = [];
    const mo = new MutationObserver((r) => records.push(...r));
    mo.observe(document.body, { childList: true, subtree: true, characterData: true });
    const b = document.createElement('b');
    b.textContent = '维护';
    p.append(b); // inline: the paragraph's block changes
    const item = document.createElement('div');
    item.textContent = '十四五';
    main.append(item); // block: only the new element
    (p.firstChild as Text).data = '两个!'; // text edit: its block
    const policyHost = document.createElement(HOST_TAG);
    document.body.append(policyHost); // ours: ignored
    await flushMutations();
    const { dirty, removed } = dirtyFromRecords(records, new WeakSet(), {});
    expect([...dirty]).toEqual([p, item]);
    expect(removed).toBe(false);
    mo.disconnect();
  });
});

describe('observer + idle scheduler + scanner', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('coalesces a burst of mutations into one idle pass and follows adds, edits and removals', async () => {
    document.body.replaceChildren();
    const feed = document.createElement('div');
    document.body.append(feed);
    const ctx = fakeCtx();
    const matcher = fakeMatcher({ 两个维护: ['two-safeguards', 'formulation'] });
    const painter = createPainter(document, { fallback: true });
    painter.show(null); // indexes only: the DOM stays as the test builds it
    const scanner = createScanner({ doc: document, matcher, painter, walk: {} });
    const run = vi.fn((deadline: number) => scanner.run(deadline));
    const scheduler = createIdleScheduler(ctx, run);
    const enqueued: BlockContainer[][] = [];
    const observer = createPageObserver(
      ctx,
      {
        dirty: (cs) => {
          enqueued.push(cs);
          cs.forEach((c) => scanner.enqueue(c));
          scheduler.request();
        },
        removed: () => {
          scanner.prune();
          scheduler.request();
        },
      },
      {},
    );
    observer.observe(document);

    // A burst: 50 items appended one by one, as an infinite-scroll feed does.
    for (let i = 0; i < 50; i++) {
      const item = document.createElement('p');
      item.append(
        '第',
        String(i),
        '条：两个',
        Object.assign(document.createElement('em'), { textContent: '维护' }),
      );
      feed.append(item);
    }
    await flushMutations();
    expect(enqueued).toHaveLength(1); // one MutationObserver callback for the whole burst
    expect(run).not.toHaveBeenCalled(); // nothing ran synchronously
    await vi.advanceTimersByTimeAsync(100);
    expect(scanner.stats(new Set(['formulation'])).total).toBe(50);
    const slicesAfterBurst = run.mock.calls.length;
    expect(slicesAfterBurst).toBeGreaterThanOrEqual(1);

    // Removal drops highlights; an edit completing a term adds one.
    feed.firstElementChild!.remove();
    const last = feed.lastElementChild!;
    last.append(' 又一个两个维护');
    await flushMutations();
    await vi.advanceTimersByTimeAsync(100);
    expect(scanner.stats(new Set(['formulation'])).total).toBe(50);

    // Hidden tab: nothing runs until it is visible again.
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    feed.append(Object.assign(document.createElement('p'), { textContent: '两个维护' }));
    await flushMutations();
    const before = run.mock.calls.length;
    await vi.advanceTimersByTimeAsync(500);
    expect(run.mock.calls.length).toBe(before);
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(100);
    expect(run.mock.calls.length).toBeGreaterThan(before);
    expect(scanner.stats(new Set(['formulation'])).total).toBe(51);

    // Invalidation stops everything.
    ctx.invalidate();
    feed.append(Object.assign(document.createElement('p'), { textContent: '两个维护' }));
    await flushMutations();
    await vi.advanceTimersByTimeAsync(500);
    expect(scanner.stats(new Set(['formulation'])).total).toBe(51);
  });

  it('slices stop at the deadline and resume', async () => {
    document.body.replaceChildren();
    for (let i = 0; i < 200; i++)
      document.body.append(Object.assign(document.createElement('p'), { textContent: `两个维护 ${i}` }));
    const matcher = fakeMatcher({ 两个维护: ['two-safeguards', 'formulation'] });
    const painter = createPainter(document, { fallback: true });
    painter.show(null);
    const scanner = createScanner({ doc: document, matcher, painter, walk: {} });
    scanner.enqueue(document.body);
    // A deadline already in the past: each run does exactly one block, then yields.
    let runs = 0;
    while (scanner.run(performance.now() - 1)) runs++;
    expect(runs).toBeGreaterThanOrEqual(199);
    expect(scanner.stats(new Set(['formulation'])).total).toBe(200);
  });
});

describe('deferred mode (the content script)', () => {
  it('only collects in the MutationObserver callback; flush reports connected changes', async () => {
    document.body.replaceChildren();
    const main = document.createElement('main');
    const p = document.createElement('p');
    p.append('两个');
    main.append(p);
    document.body.append(main);
    const ctx = fakeCtx();
    const dirty: BlockContainer[][] = [];
    const removed: Node[][] = [];
    const changed = vi.fn();
    const observer = createPageObserver(
      ctx,
      { dirty: (cs) => dirty.push(cs), removed: (near) => removed.push([...(near ?? [])]), changed },
      {},
    );
    observer.observe(document);
    const gone = document.createElement('div');
    gone.textContent = '维护';
    main.append(gone); // added, then detached again before the slice: nothing to scan
    gone.remove();
    const kept = document.createElement('div');
    kept.textContent = '十四五';
    main.append(kept);
    await flushMutations();
    expect(changed).toHaveBeenCalledTimes(1);
    expect(dirty).toEqual([]); // nothing computed in the callback
    observer.flush();
    expect(dirty).toEqual([[kept]]);
    expect(removed).toEqual([[main]]); // where the removal happened
    observer.flush(); // nothing new
    expect(dirty).toHaveLength(1);
    // discard: records of a switched-off page are dropped
    p.append('!');
    await flushMutations();
    observer.discard();
    observer.flush();
    expect(dirty).toHaveLength(1);
    ctx.invalidate();
  });
});

describe('scanner queue', () => {
  it('merges enqueued roots in the slice: a queued ancestor covers its descendants', () => {
    document.body.replaceChildren();
    const a = document.createElement('div');
    const b = document.createElement('p');
    b.textContent = '两个维护';
    a.append(b);
    const c = document.createElement('p');
    c.textContent = '两个维护';
    document.body.append(a, c);
    const matcher = fakeMatcher({ 两个维护: ['two-safeguards', 'formulation'] });
    const find = vi.spyOn(matcher, 'find');
    const painter = createPainter(document, { fallback: true });
    painter.show(null);
    const scanner = createScanner({ doc: document, matcher, painter, walk: {} });
    scanner.enqueue(b);
    scanner.enqueue(a); // covers b
    scanner.enqueue(b);
    scanner.enqueue(c);
    while (scanner.run(performance.now() + 1000));
    expect(find).toHaveBeenCalledTimes(2); // b once (through a), c once
    expect(scanner.stats(new Set(['formulation'])).total).toBe(2);
  });

  it('prune(near) drops hits of detached containers and rescans only containers around removals', () => {
    document.body.replaceChildren();
    const ps = Array.from({ length: 3 }, () => {
      const p = document.createElement('p');
      p.append('两个', Object.assign(document.createElement('b'), { textContent: '维护' }));
      document.body.append(p);
      return p;
    });
    const matcher = fakeMatcher({ 两个维护: ['two-safeguards', 'formulation'] });
    const painter = createPainter(document, { fallback: true });
    painter.show(null);
    const scanner = createScanner({ doc: document, matcher, painter, walk: {} });
    scanner.rescanAll();
    while (scanner.run(performance.now() + 1000));
    expect(scanner.stats(new Set(['formulation'])).total).toBe(3);
    const find = vi.spyOn(matcher, 'find');
    ps[0]!.remove(); // container detached
    ps[1]!.lastChild!.remove(); // text of a hit detached: that container is rescanned
    scanner.prune([document.body, ps[1]!]);
    while (scanner.run(performance.now() + 1000));
    expect(find).toHaveBeenCalledTimes(1);
    expect(scanner.stats(new Set(['formulation'])).total).toBe(1);
  });
});
