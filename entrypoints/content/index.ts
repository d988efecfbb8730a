import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CARD_VIEW_SLOT } from '../../lib/page/constants.ts';
import { createLensContext } from '../../lib/page/lens-context.ts';
import { startLens } from '../../lib/page/start-lens.ts';
import type { CardView, CardViewLoader } from '../../lib/page/types.ts';

/**
 * The card's code is a separate script (entrypoints/card.ts), imported on the first card open.
 * It is web-accessible only through Chrome's per-session dynamic URL (wxt.config.ts; Firefox's
 * extension URLs hold a random per-install id), nothing is fetched from the network, and the
 * module runs in this content-script world, which the page does not share.
 */
let cardView: Promise<CardView> | null = null;
const loadCard: CardViewLoader = () =>
  (cardView ??= import(/* @vite-ignore */ browser.runtime.getURL('/card.js')).then(() => {
    const view = (globalThis as unknown as Record<string, CardView | undefined>)[CARD_VIEW_SLOT];
    if (!view) throw new Error('card script did not register');
    return view;
  })).catch((e: unknown) => {
    cardView = null; // try again at the next open
    throw e;
  });

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  // about:blank and srcdoc frames are driven by the parent frame's script (lib/page/child-frames.ts).
  matchAboutBlank: false,
  runAt: 'document_idle',
  // The hover card's CSS is bundled as a string (?inline) into the card's script and handed to
  // createShadowRootUi, so no CSS is injected into the page.
  cssInjectionMode: 'manual',
  // WXT's start-up handshake would post our extension id to the page (window.postMessage).
  noScriptStartedPostMessage: true,
  // WXT's context can be aborted by any page script (a forged "content script started" event):
  // the lens runs on its own context instead (lib/page/lens-context.ts explains).
  // Started in a task of its own after the script's evaluation (which holds its compile and the
  // extension API set-up): two short tasks instead of one long one on every page.
  main: () => {
    const start = () => startLens(createLensContext(), { card: loadCard });
    if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 500 });
    else setTimeout(start, 0);
  },
});
