import { defineContentScript } from 'wxt/utils/define-content-script';
import { startLens } from '../../lib/page/start-lens.ts';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main: (ctx) => startLens(ctx),
});
