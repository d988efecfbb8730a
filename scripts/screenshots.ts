// `npm run screenshots`: the README's screenshots, taken in headless Chromium with the built
// extension (.output/chrome-mv3): the popup searching the corpus, and the demo page with its
// terms highlighted and the hover card open. Run `npm run build` first.
import { join, resolve } from 'node:path';
import { launchChromium } from '../e2e/harness.ts';
import { startStaticServer } from './lib/static-server.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs', 'screenshots');

const session = await launchChromium({ extensionDir: join(ROOT, '.output', 'chrome-mv3') });
const demo = await startStaticServer({ '/': join(ROOT, 'demo') });
try {
  // The popup, opened as a page at popup size.
  const popup = await session.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.keyboard.type('two safeguards');
  await popup.waitForSelector('[role="option"]', { timeout: 15_000 });
  await popup.waitForTimeout(300);
  await popup.screenshot({ path: join(OUT, 'popup.png') });
  console.log(`screenshots: ${join(OUT, 'popup.png')}`);

  // The demo page, highlighted, with the card open on the first English term.
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1000, height: 760 });
  await page.goto(demo.url + '/');
  await page.waitForFunction(() => {
    const reg = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<unknown>> } }).CSS
      ?.highlights;
    return !!reg && [...reg.keys()].some((k) => k.startsWith('policy-lens'));
  });
  const rect = await page.evaluate(() => {
    const reg = (globalThis as unknown as { CSS: { highlights: Map<string, Set<AbstractRange>> } }).CSS
      .highlights;
    for (const [name, hl] of reg) {
      if (!name.startsWith('policy-lens')) continue;
      for (const r of hl) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString() === 'six stabilities') {
          const b = range.getBoundingClientRect();
          return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
        }
      }
    }
    return null;
  });
  if (rect) {
    await page.mouse.move(rect.x, rect.y);
    await page.waitForTimeout(1200);
  } else {
    console.warn(
      'screenshots: "six stabilities" not highlighted on the demo page; no hover card in the shot',
    );
  }
  await page.screenshot({ path: join(OUT, 'highlighted-page.png') });
  console.log(`screenshots: ${join(OUT, 'highlighted-page.png')}`);
} finally {
  await demo.close();
  await session.close();
}
