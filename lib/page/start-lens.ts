// Content-script controller: starts a document lens (document-lens.ts: scan stages, observer,
// card) on the page and on the child frames it drives, and adds settings and reporting. Every
// listener, observer and timer hangs off our own context (lens-context.ts, not WXT's). Nothing
// here may throw into the page: failures go to console.debug.
import { CATEGORIES } from '../core/types.ts';
import { isActiveFor, readSettings, watchSettings, type LensSettings } from '../settings.ts';
import { claimDocument } from './child-frames.ts';
import { createDocumentLens, type DocumentLens } from './document-lens.ts';
import { whenWorthScanning } from './frame-gate.ts';
import { followLibrary } from './library-changed.ts';
import { loadPageMatcher } from './page-matcher.ts';
import { createReporter, mergeStats } from './page-report.ts';
import { siteHostname } from './site.ts';
import { exposeOpenHooks, exposeTestHooks, startup } from './test-hooks.ts';
import type { CardViewLoader, LensContext, ScanStats } from './types.ts';

export interface LensOptions {
  /** The hover card's look: the content entrypoint supplies it (lib/page does not import components). */
  card: CardViewLoader;
}

export function startLens(ctx: LensContext, opts: LensOptions): void {
  if (__E2E_HOOKS__) startup.scriptAt = performance.now();
  if (ctx.isInvalid) return;
  if (!isHtml(document)) return;
  // A parent frame's content script may already drive this (same-origin) document.
  if (window !== window.top && !claimDocument(ctx, document)) return;
  startDocument(ctx, window, null, opts);
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
  /** Scan again with changed terms (the user's lists). */
  rescan(): void;
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
function startDocument(
  ctx: LensContext,
  win: Window & typeof globalThis,
  world: World | null,
  opts: LensOptions,
): void {
  const safeRun = () => {
    try {
      run(ctx, win, world, opts);
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

/** Starts the lens on one document and joins it to its world (or makes it the root of one). */
function run(
  ctx: LensContext,
  win: Window & typeof globalThis,
  parentWorld: World | null,
  opts: LensOptions,
): void {
  const isRoot = parentWorld === null;
  const hostname = siteHostname(win);
  // `world` is assigned below; the lens calls back into it only once it runs (idle slices).
  const lens = createDocumentLens(ctx, win, {
    card: opts.card,
    onSettled: () => world.report(),
    startChild: (sub, childWin) => startDocument(sub, childWin, world, opts),
  });
  const world = parentWorld ? joinWorld(ctx, parentWorld, lens) : createWorld(ctx, win, lens, hostname);
  followSettings(ctx, hostname, lens, world);
  if (__E2E_HOOKS__ && isRoot) {
    exposeTestHooks(ctx, () => lens.testStats());
    if (win === win.top) exposeOpenHooks(ctx);
  }
}

/** A driven child document: its counts go into the root document's report. */
function joinWorld(ctx: LensContext, parent: World, lens: DocumentLens): World {
  const me: DrivenDocument = {
    stats: () => lens.stats(),
    step: (d, id) => lens.step(d, id),
    rescan: () => lens.rescan(),
  };
  parent.children.add(me);
  ctx.onInvalidated(() => {
    parent.children.delete(me);
    parent.report();
  });
  return parent;
}

/** The content script's own document: reports for itself and its driven children. */
function createWorld(
  ctx: LensContext,
  win: Window & typeof globalThis,
  lens: DocumentLens,
  hostname: string,
): World {
  const children = new Set<DrivenDocument>();
  const isTop = win === win.top;
  const reporter = createReporter(ctx, {
    stats: () => mergeStats([lens.stats(), ...[...children].map((c) => c.stats())]),
    // This document first; a concept found only in driven child frames is revealed there.
    reveal: (direction, id) =>
      lens.step(direction, id) ||
      [...children].some((c) => c.stats().counts.has(id) && c.step(direction, id)),
    enabled: () => lens.shown !== null,
    pageLang: () => lens.pageLang(),
    hostname,
    isTop,
    categoryOf: (id) => lens.categoryOf(id),
    colourOf: (id) => lens.colourOf(id),
  });
  if (isTop) reporter.listen();
  // Every world (not only the top frame's): the user's lists changed -> one new user matcher for
  // the world, then its documents rescan.
  followLibrary(ctx, {
    refresh: (version) => loadPageMatcher().refreshUser(version),
    rescan: () => {
      for (const d of [lens, ...children]) {
        try {
          d.rescan();
        } catch (e) {
          console.debug('[policy-lens] not rescanned', e);
        }
      }
    },
  });
  return { children, report: () => reporter.report() };
}

/** Applies the user's settings now and on every change: lens on/off for the site, categories. */
function followSettings(ctx: LensContext, hostname: string, lens: DocumentLens, world: World): void {
  const apply = (s: LensSettings) => {
    if (ctx.isInvalid) return;
    const on = isActiveFor(s, hostname);
    lens.show(on ? new Set(CATEGORIES.filter((c) => !s.hiddenCategories.includes(c))) : null);
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
}
