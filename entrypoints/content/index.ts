import { defineContentScript } from 'wxt/utils/define-content-script';
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
  // lib/page knows nothing of components: the card's look and data come in from here.
  main: (ctx) => startLens(ctx, { card: hoverCard }),
});
