// Wiring of one driven document (the content script's own, or a same-origin child frame's):
// page text -> scanner -> painter in idle slices, the observer feeding them, the child frames
// inside it, and the hover card. start-lens.ts adds settings and reporting on top.
import { langFromTag } from '../core/lang.ts';
import type { Category, Lang } from '../core/types.ts';
import { createCardUi, type CardUi } from './card-ui.ts';
import { watchChildFrames, type ChildFrames } from './child-frames.ts';
import { createPainter, type Painter } from './highlighter.ts';
import { hitShown } from './hit-shown.ts';
import { startHover, type HoverController } from './hover.ts';
import { createIdleScheduler, type IdleScheduler } from './idle.ts';
import { createPageObserver, type PageObserver } from './observer.ts';
import { loadPageMatcher, type LazyPageMatcher } from './page-matcher.ts';
import type { WalkOptions } from './page-text.ts';
import { createScanner, type Scanner } from './scanner.ts';
import { timed } from './test-hooks.ts';
import type { CardViewLoader, Hit, LensContext, ScanStats } from './types.ts';

export interface DocumentLensOptions {
  /** Loads the hover card's look on the first open (from the content entrypoint). */
  card: CardViewLoader;
  /** A scan finished: the counts may have changed. */
  onSettled(): void;
  /** Starts the lens in a same-origin child frame of this document (see child-frames.ts). */
  startChild(ctx: LensContext, win: Window & typeof globalThis): void;
}

export interface DocumentLens {
  /** The categories shown; null while the lens is off for the page (nothing scanned or kept). */
  readonly shown: ReadonlySet<Category> | null;
  /** Shows these categories (null: off) at once; turning on starts a full pass, off drops all. */
  show(next: ReadonlySet<Category> | null): void;
  stats(): ScanStats;
  /** Steps to the next/previous term (of one concept) and opens its card: found? */
  step(direction: 1 | -1, conceptId?: string): boolean;
  categoryOf(conceptId: string): Category | undefined;
  /** A user term's list colour (LIST_COLOURS index); undefined for a bundled concept. */
  colourOf(conceptId: string): number | undefined;
  /**
   * The terms changed (the user's lists, libraryChanged): scan the document and its driven
   * child frames again if the lens is on (new terms painted, deleted ones erased).
   */
  rescan(): void;
  /** The document's declared language, if it is a glossary language. */
  pageLang(): Lang | undefined;
  /** E2E builds: stats and scheduler state for the test hook. */
  testStats(): object;
}

/** The scanning half of a document lens. */
interface ScanStages {
  matcher: LazyPageMatcher;
  painter: Painter;
  scanner: Scanner;
  scheduler: IdleScheduler;
  observer: PageObserver;
  frames: ChildFrames;
}

/**
 * Matcher, painter, scanner, idle scheduler, observer and child frames of `win`'s document.
 * Nothing is scanned or collected while `isOn()` is false; `onRemoved` hears of removals.
 */
function createScanStages(
  ctx: LensContext,
  win: Window & typeof globalThis,
  opts: DocumentLensOptions,
  isOn: () => boolean,
  onRemoved: () => void,
  beforeSlice: () => void,
): ScanStages {
  const doc = win.document;
  // Closures below refer to `observer`, created further down; none runs before it exists.
  const matcher = loadPageMatcher(); // asked for at the first slice with something to scan
  const painter = createPainter(doc, { mutate: (w) => observer.withoutObserving(w) });
  const walk: WalkOptions = {
    checkVisibility: true,
    onShadowRoot: (root) => observer.observe(root),
    onInvisible: (el) => observer.skippedInvisible(el),
  };
  const scanner = createScanner({ doc, matcher, painter, walk, onSettled: () => opts.onSettled() });
  const slice = (deadline: number) => {
    // The matcher comes from the background, asked for only once there is something to scan;
    // its arrival asks for the next slice.
    if (!matcher.ready()) {
      matcher.load(() => scheduler.request());
      return false;
    }
    beforeSlice();
    observer.flush(); // the mutations collected since the last slice
    return scanner.run(deadline);
  };
  const scheduler = createIdleScheduler(ctx, __E2E_HOOKS__ ? timed(slice) : slice, win);
  const observer = createPageObserver(
    ctx,
    {
      dirty: (containers) => {
        if (!isOn()) return;
        for (const c of containers) {
          scanner.enqueue(c);
          frames.scan(c);
        }
        scheduler.request();
      },
      removed: (near) => {
        if (!isOn()) return;
        scanner.prune(near);
        frames.prune();
        scheduler.request();
        onRemoved();
      },
      // Deferred mode: the MutationObserver callback only collects records; `slice` flushes.
      changed: () => {
        if (isOn()) scheduler.request();
        else observer.discard();
      },
    },
    walk,
    doc,
  );
  // Same-origin child frames without a content script of their own (about:blank, srcdoc).
  const frames = watchChildFrames(ctx, doc, opts.startChild, isOn);
  return { matcher, painter, scanner, scheduler, observer, frames };
}

/** The card (created on first open) and the pointer/keyboard handling that opens it. */
function createCardAndHover(
  ctx: LensContext,
  doc: Document,
  stages: ScanStages,
  loadView: CardViewLoader,
  pageLang: () => Lang | undefined,
  isShown: (hit: Hit) => boolean,
): { card: CardUi; hover: HoverController } {
  const { painter, scanner } = stages;
  const card = createCardUi(ctx, doc, {
    loadView,
    pageLang,
    libraryVersion: () => stages.matcher.userVersion(),
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
      isShown,
      card,
    },
    doc,
  );
  return { card, hover };
}

/** When capped, what is painted follows the viewport (re-picked 250 ms after scrolling stops). */
function followScroll(
  ctx: LensContext,
  win: Window & typeof globalThis,
  scanner: Scanner,
  isOn: () => boolean,
) {
  let scrollTimer: number | undefined;
  ctx.onInvalidated(() => clearTimeout(scrollTimer));
  ctx.addEventListener(
    win,
    'scroll',
    () => {
      if (!isOn() || !scanner.capped) return;
      clearTimeout(scrollTimer);
      scrollTimer = window.setTimeout(() => scanner.reprioritise(), 250);
    },
    { passive: true, capture: true },
  );
}

/** How often user activity may trigger a health check (ms). */
const CHECK_EVERY_MS = 200;

/**
 * Runs `check` on user activity (pointer moves, scrolling, focus, the tab shown again), at most
 * every CHECK_EVERY_MS; the scan slices call it too. What it looks for (our highlights dropped
 * by the page, the extension gone after an update, an SPA navigation) fires no event we could
 * listen to. A timer would find it sooner but would wake every frame of every tab all day to
 * find nothing; user activity is when a missing highlight can be seen or a term hovered.
 */
function onActivity(ctx: LensContext, win: Window & typeof globalThis, check: () => void) {
  let last = -Infinity;
  let pending: number | undefined;
  const run = () => {
    pending = undefined;
    last = performance.now();
    try {
      check();
    } catch (e) {
      console.debug('[policy-lens] check failed', e);
    }
  };
  // At once, or (activity soon after a check) once at the end of the interval, so the last
  // burst of activity is never the one skipped.
  const maybe = () => {
    if (pending !== undefined) return;
    const wait = last + CHECK_EVERY_MS - performance.now();
    if (wait <= 0) run();
    else pending = win.setTimeout(run, wait);
  };
  ctx.onInvalidated(() => win.clearTimeout(pending));
  const passive = { capture: true, passive: true };
  ctx.addEventListener(win, 'pointermove', maybe, passive);
  ctx.addEventListener(win, 'scroll', maybe, passive);
  ctx.addEventListener(win, 'focus', maybe, passive);
  ctx.addEventListener(win, 'pageshow', maybe, passive);
  ctx.addEventListener(win.document, 'visibilitychange', maybe, passive);
}

/** Starts the lens's stages on `win`'s document, switched off until `show` is called. */
export function createDocumentLens(
  ctx: LensContext,
  win: Window & typeof globalThis,
  opts: DocumentLensOptions,
): DocumentLens {
  const doc = win.document;
  let shown: ReadonlySet<Category> | null = null;
  const isOn = () => shown !== null;
  const pageLang = () => langFromTag(doc.documentElement.lang);
  // SPA navigations: a full pass once the URL has changed (the observer sees the new view; the
  // pass also catches text that changed without mutations we watch, e.g. class-toggled views,
  // and resets per-page state). Looked at from our own slices (the new view's DOM changes
  // schedule one) and activity checks, never on a page-dispatchable event such as WXT's
  // `wxt:locationchange`, which let a page force full passes at will.
  let href = win.location.href;
  const health = () => {
    if (ctx.isInvalid) return; // an orphaned script ends here: onInvalidated erases its paint
    if (!isOn()) return;
    stages.painter.restore();
    if (win.location.href === href) return;
    href = win.location.href;
    card.close();
    fullPass();
  };
  const stages = createScanStages(
    ctx,
    win,
    opts,
    isOn,
    () => {
      // `card` exists by the time the observer reports anything.
      if (card.hit && !card.hit.pieces[0]?.node.isConnected) card.close();
    },
    health,
  );
  onActivity(ctx, win, health);
  const { card, hover } = createCardAndHover(
    ctx,
    doc,
    stages,
    opts.card,
    pageLang,
    (hit) => hitShown(shown, hit) && hit.pieces[0]!.node.isConnected,
  );
  const { scanner, painter, observer, frames, scheduler } = stages;
  function fullPass() {
    scanner.rescanAll();
    frames.scan(doc);
    scheduler.request();
  }
  followScroll(ctx, win, scanner, isOn);
  ctx.onInvalidated(() => {
    painter.destroy();
    scanner.clear();
  });

  return {
    get shown() {
      return shown;
    },
    show(next) {
      const wasOn = shown !== null;
      shown = next;
      painter.show(next); // highlights vanish / return at once
      if (next && !wasOn) {
        href = win.location.href;
        observer.observe(doc);
        fullPass();
      } else if (!next && wasOn) {
        card.close();
        scanner.clear(); // nothing kept or watched on a switched-off page
      } else if (card.hit && !hitShown(next, card.hit)) {
        card.close();
      }
    },
    stats: () => scanner.stats(shown),
    step: (direction, conceptId) => hover.step(direction, conceptId),
    categoryOf: (id) => stages.matcher.categoryOf(id),
    colourOf: (id) => stages.matcher.colourOf(id),
    rescan() {
      if (!isOn()) return; // a switched-off page scans with the new terms when switched on
      // the card of a term that may be gone (or redefined): closed, like at an SPA navigation
      card.close();
      fullPass();
    },
    pageLang,
    testStats: () => ({
      ...scanner.stats(shown),
      counts: undefined,
      pending: scheduler.pending || stages.matcher.loading(),
      childFrames: frames.size,
    }),
  };
}
