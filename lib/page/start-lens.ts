// Content-script controller: wires page text -> scanner -> painter, the observer and idle
// scheduler, settings, hover card and reporting. Every listener, observer and timer hangs off
// WXT's ctx. Nothing here may throw into the page: failures go to console.debug.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CATEGORIES, type Category } from '../core/types.ts';
import { uiLocale } from '../i18n.ts';
import { sendToBackground } from '../messaging.ts';
import { isActiveFor, readSettings, watchSettings, type LensSettings } from '../settings.ts';
import { createCardUi } from './card-ui.ts';
import { createPainter } from './highlighter.ts';
import { startHover } from './hover.ts';
import { claimDocument, watchChildFrames, type LensContext } from './child-frames.ts';
import { whenWorthScanning } from './frame-gate.ts';
import { createIdleScheduler } from './idle.ts';
import { langFromTag } from '../core/lang.ts';
import { createPageObserver } from './observer.ts';
import { createReporter, mergeStats } from './page-report.ts';
import { loadPageMatcher } from './page-matcher.ts';
import type { WalkOptions } from './page-text.ts';
import { createScanner, type ScanStats } from './scanner.ts';
import { siteHostname } from './site.ts';
import { exposeOpenHooks, exposeTestHooks, timed } from './test-hooks.ts';

export function startLens(ctx: ContentScriptContext): void {
  if (ctx.isInvalid) return;
  if (!isHtml(document)) return;
  // A parent frame's content script may already drive this (same-origin) document.
  if (window !== window.top && !claimDocument(ctx, document)) return;
  startDocument(ctx, window, null);
}

/** HTML documents only (not SVG/XML files), including about:blank and srcdoc frames. */
const isHtml = (doc: Document) =>
  !!doc.documentElement && doc.documentElement.namespaceURI === 'http://www.w3.org/1999/xhtml';

/**
 * The documents one content script drives: its own (the root, which reports for all of them)
 * and the same-origin child frames it found (see child-frames.ts).
 */
interface DrivenDocument {
  stats(): ScanStats;
  /** Step to the next/previous occurrence of a concept there and open its card. */
  step(direction: 1 | -1, conceptId: string): boolean;
}

interface World {
  /** The driven child documents: their stats merge into the root's report. */
  children: Set<DrivenDocument>;
  report(): void;
}

/**
 * Starts the lens on `win`'s document: the top document at once (it answers the popup), any
 * other once it is readable and holds some prose (ads and empty frames then cost one small
 * observer). `world` is null for the content script's own document.
 */
function startDocument(ctx: LensContext, win: Window & typeof globalThis, world: World | null): void {
  const safeRun = () => {
    try {
      run(ctx, win, world);
    } catch (e) {
      console.debug('[policy-lens] not started', e);
    }
  };
  if (win === win.top) safeRun();
  else {
    try {
      if (isHtml(win.document)) whenWorthScanning(ctx, safeRun, win);
    } catch (e) {
      console.debug('[policy-lens] not started', e);
    }
  }
}

function run(ctx: LensContext, win: Window & typeof globalThis, parentWorld: World | null): void {
  const doc = win.document;
  const isRoot = parentWorld === null;
  const isTop = win === win.top;
  const hostname = siteHostname(win);
  const pageLang = () => langFromTag(doc.documentElement.lang);
  let shown: ReadonlySet<Category> | null = null;
  // Closures below refer to `observer`, `card`, `hover` and `reporter`, which are created further
  // down; none of them runs before startup has finished.

  const matcher = loadPageMatcher(); // decoded on first use, in an idle slice
  const painter = createPainter(doc, { mutate: (w) => observer.withoutObserving(w) });
  const walk: WalkOptions = {
    checkVisibility: true,
    onShadowRoot: (root) => observer.observe(root),
    onInvisible: (el) => observer.skippedInvisible(el),
  };
  const scanner = createScanner({
    doc,
    matcher,
    painter,
    walk,
    onSettled: () => world.report(),
  });
  const slice = (deadline: number) => {
    // Decoding the automaton is the biggest single piece of startup work: it gets a slice of
    // its own, and only once there is something to scan.
    if (!matcher.ready()) {
      matcher.warm();
      return true;
    }
    observer.flush(); // the mutations collected since the last slice
    return scanner.run(deadline);
  };
  const scheduler = createIdleScheduler(ctx, __E2E_HOOKS__ ? timed(slice) : slice, win);
  const observer = createPageObserver(
    ctx,
    {
      dirty: (containers) => {
        if (!shown) return;
        for (const c of containers) {
          scanner.enqueue(c);
          frames.scan(c);
        }
        scheduler.request();
      },
      removed: (near) => {
        if (!shown) return;
        scanner.prune(near);
        frames.prune();
        scheduler.request();
        if (card.hit && !card.hit.pieces[0]?.node.isConnected) card.close();
      },
      // Deferred mode: the MutationObserver callback only collects records; `slice` flushes.
      changed: () => {
        if (shown) scheduler.request();
        else observer.discard();
      },
    },
    walk,
    doc,
  );
  // Same-origin child frames without a content script of their own (about:blank, srcdoc).
  const frames = watchChildFrames(
    ctx,
    doc,
    (sub, childWin) => startDocument(sub, childWin, world),
    () => shown !== null,
  );

  const card = createCardUi(ctx, doc, {
    pageLang,
    locale: uiLocale(),
    openPassage: (passageId) =>
      void sendToBackground('openReader', { hash: passageId }).catch(() => undefined),
    search: (query) => void sendToBackground('openSearch', { query }).catch(() => undefined),
    onOpenChange: (hit) => painter.setActive(hit),
    onPointerEnter: () => hover.enterCard(),
    onPointerLeave: () => hover.leaveCard(),
  });
  const hover = startHover(
    ctx,
    {
      hitAt: (x, y) => painter.hitAt(x, y),
      hitsAt: (node) => scanner.hitsAt(node),
      hits: () => scanner.hits(),
      isShown: (hit) => !!shown?.has(hit.category) && hit.pieces[0]!.node.isConnected,
      card,
    },
    doc,
  );
  const stats = () => scanner.stats(shown);
  let world: World;
  if (parentWorld) {
    // A driven child document: its counts go into the root document's report.
    const me: DrivenDocument = { stats, step: (d, id) => hover.step(d, id) };
    parentWorld.children.add(me);
    ctx.onInvalidated(() => {
      parentWorld.children.delete(me);
      parentWorld.report();
    });
    world = parentWorld;
  } else {
    const children = new Set<DrivenDocument>();
    const reporter = createReporter(ctx, {
      stats: () => mergeStats([stats(), ...[...children].map((c) => c.stats())]),
      // This document first; a concept found only in driven child frames is revealed there.
      reveal: (direction, id) =>
        hover.step(direction, id) ||
        [...children].some((c) => c.stats().counts.has(id) && c.step(direction, id)),
      enabled: () => shown !== null,
      pageLang,
      hostname,
      isTop,
      categoryOf: (id) => matcher.categoryOf(id),
    });
    if (isTop) reporter.listen();
    world = { children, report: () => reporter.report() };
  }

  const apply = (s: LensSettings) => {
    if (ctx.isInvalid) return;
    const on = isActiveFor(s, hostname);
    const next = on ? new Set(CATEGORIES.filter((c) => !s.hiddenCategories.includes(c))) : null;
    const wasOn = shown !== null;
    shown = next;
    painter.show(next); // highlights vanish / return at once
    if (on && !wasOn) {
      observer.observe(doc);
      scanner.rescanAll();
      frames.scan(doc);
      scheduler.request();
    } else if (!on && wasOn) {
      card.close();
      scanner.clear(); // nothing kept or watched on a switched-off page
    } else if (card.hit && !next?.has(card.hit.category)) {
      card.close();
    }
    world.report();
  };
  const safeApply = (s: LensSettings) => {
    try {
      apply(s);
    } catch (e) {
      console.debug('[policy-lens] settings not applied', e);
    }
  };
  readSettings().then(safeApply, (e: unknown) => console.debug('[policy-lens] settings unavailable', e));
  ctx.onInvalidated(watchSettings(safeApply));

  // SPA navigations: the observer sees the new content; a full pass also catches text that
  // changed without mutations we watch (e.g. class-toggled views) and resets per-page state.
  if (isRoot)
    ctx.addEventListener(win, 'wxt:locationchange', () => {
      if (!shown) return;
      card.close();
      scanner.rescanAll();
      frames.scan(doc);
      scheduler.request();
    });
  // When capped, what is painted follows the viewport.
  let scrollTimer: number | undefined;
  ctx.onInvalidated(() => clearTimeout(scrollTimer));
  ctx.addEventListener(
    win,
    'scroll',
    () => {
      if (!shown || !scanner.capped) return;
      clearTimeout(scrollTimer);
      scrollTimer = window.setTimeout(() => scanner.reprioritise(), 250);
    },
    { passive: true, capture: true },
  );
  ctx.onInvalidated(() => {
    painter.destroy();
    scanner.clear();
  });
  if (__E2E_HOOKS__ && isRoot) {
    exposeTestHooks(ctx as ContentScriptContext, () => ({
      ...scanner.stats(shown),
      counts: undefined,
      pending: scheduler.pending,
      childFrames: frames.size,
    }));
    if (isTop) exposeOpenHooks(ctx as ContentScriptContext);
  }
}
