// `npm start`: README's first command. Installs the Debian packages the project needs when they
// are missing (apt-get as root; otherwise prints the one sudo line and stops), so `npm test` never
// meets a missing browser; then builds the extension (Chrome and Firefox, both MV3) and opens
// Chromium with it loaded on the bundled demo page. With a display, the browser stays open until
// you close it; without one (a headless server), it runs headless, saves a screenshot and exits.
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BrowserNotFoundError, CHROMIUM_FLAGS, findChromium } from './lib/find-browser.ts';
import { runOrExit } from './lib/run.ts';
import { startStaticServer } from './lib/static-server.ts';
import { ensureSystemPackages } from './lib/system-deps.ts';
import { CHROME_TARGET, FIREFOX_TARGET } from './lib/targets.ts';

const ROOT = resolve(import.meta.dirname, '..');
ensureSystemPackages('npm start');
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
const chromeBuild = join(ROOT, '.output', CHROME_TARGET);
const firefoxBuild = join(ROOT, '.output', FIREFOX_TARGET);

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
  Firefox (MV3), unpacked: ${firefoxBuild}
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
