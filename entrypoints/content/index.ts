import { defineContentScript } from 'wxt/utils/define-content-script';
import { createLensContext } from '../../lib/page/lens-context.ts';
import { startLens } from '../../lib/page/start-lens.ts';
import { hoverCard } from './card.ts';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  // about:blank and srcdoc frames are driven by the parent frame's script (lib/page/child-frames.ts).
  matchAboutBlank: false,
  runAt: 'document_idle',
  // The hover card's CSS is bundled as a string (?inline) and handed to createShadowRootUi, so
  // nothing is fetched from the extension at run time and no CSS is injected into the page.
  cssInjectionMode: 'manual',
  // WXT's start-up handshake would post our extension id to the page (window.postMessage).
  noScriptStartedPostMessage: true,
  // WXT's context can be aborted by any page script (a forged "content script started" event):
  // the lens runs on its own context instead (lib/page/lens-context.ts explains).
  main: () => startLens(createLensContext(), { card: hoverCard }),
});
