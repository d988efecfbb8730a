import { defineContentScript } from 'wxt/utils/define-content-script';
import { startLens } from '../../lib/page/start-lens.ts';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  // about:blank and srcdoc frames are driven by the parent frame's script (lib/page/child-frames.ts).
  matchAboutBlank: false,
  runAt: 'document_idle',
  // The hover card's CSS is bundled as a string (?inline) and handed to createShadowRootUi, so
  // nothing is fetched from the extension at run time and no CSS is injected into the page.
  cssInjectionMode: 'manual',
  main: (ctx) => startLens(ctx),
});
