// `npm start`: builds the extension (Chrome MV3 + Firefox), then opens Chromium with it loaded
// on the bundled demo page. With a display, the browser stays open until you close it; without
// one (a headless server), it runs headless, saves a screenshot and exits.
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BrowserNotFoundError, CHROMIUM_FLAGS, findChromium } from './lib/find-browser.ts';
import { runOrExit } from './lib/run.ts';
import { startStaticServer } from './lib/static-server.ts';

const ROOT = resolve(import.meta.dirname, '..');
let executablePath: string;
try {
  executablePath = findChromium();
} catch (e) {
  if (e instanceof BrowserNotFoundError) {
    console.error(`✖ ${e.message}`);
    process.exit(1);
  }
  throw e;
}

await runOrExit('npm', ['run', '--silent', 'build']);
const chromeBuild = join(ROOT, '.output', 'chrome-mv3');
const firefoxBuild = join(ROOT, '.output', 'firefox-mv2');

const server = await startStaticServer({ '/': join(ROOT, 'demo') });
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'policy-lens-start-')), {
  executablePath,
  headless: !headed,
  viewport: headed ? null : { width: 1100, height: 800 },
  args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${chromeBuild}`, `--load-extension=${chromeBuild}`],
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(server.url + '/');

console.log(`
Policy Lens is built.
  Chrome (MV3), unpacked:  ${chromeBuild}
  Firefox (MV2), unpacked: ${firefoxBuild}
  Demo page:               ${server.url}/
`);

if (headed) {
  console.log('Chromium is open with the extension loaded. Close the browser window to stop.');
  await new Promise<void>((ok) => context.on('close', () => ok()));
} else {
  await page.waitForTimeout(1500);
  const shot = join(ROOT, '.output', 'demo.png');
  await page.screenshot({ path: shot, fullPage: true });
  console.log(`No display found: ran Chromium headless and saved a screenshot of the demo page to ${shot}`);
  await context.close();
}
await server.close();
