// `npm run screenshots`: the README's screenshots, taken in headless Chromium with the built
// extension (.output/chrome-mv3): the popup searching the corpus, and the demo page with its
// terms highlighted and the hover card open. Run `npm run build` first. The store listing images
// come from `npm run store-assets` (scripts/store-assets.ts), with the same pieces.
import { join, resolve } from 'node:path';
import { launchInLanguage, openCardOn, popupWithSearch } from './lib/extension-shots.ts';
import { startStaticServer } from './lib/static-server.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs', 'screenshots');

const session = await launchInLanguage(join(ROOT, '.output', 'chrome-mv3'), 'en-US');
const demo = await startStaticServer({ '/': join(ROOT, 'demo') });
try {
  // The popup, opened as a page at popup size.
  const popup = await popupWithSearch(session, 'two safeguards');
  await popup.screenshot({ path: join(OUT, 'popup.png') });
  console.log(`screenshots: ${join(OUT, 'popup.png')}`);

  // The demo page, highlighted, with the card open on the first English term.
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1000, height: 760 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(demo.url + '/');
  await openCardOn(page, 'six stabilities');
  await page.screenshot({ path: join(OUT, 'highlighted-page.png') });
  console.log(`screenshots: ${join(OUT, 'highlighted-page.png')}`);
} finally {
  // The browser first: its open pages hold keep-alive connections the server would wait for.
  await session.close();
  await demo.close();
}
