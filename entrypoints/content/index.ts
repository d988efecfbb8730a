import { defineContentScript } from 'wxt/utils/define-content-script';
import { startLens } from '../../lib/page/start-lens.ts';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  // The hover card's CSS is bundled as a string (?inline) and handed to createShadowRootUi, so
  // nothing is fetched from the extension at run time and no CSS is injected into the page.
  cssInjectionMode: 'manual',
  main: (ctx) => startLens(ctx),
});
