// E2E harness: the built test extension in real browsers.
// Chromium: playwright-core + the system Chromium, persistent context, --load-extension.
// Firefox: puppeteer-core over WebDriver BiDi with the extension installed as a temporary add-on.
// Every Chromium session routes non-loopback traffic to a trap proxy and records the CDP Network
// events of every page, so a test can assert that the extension made zero network requests.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { Browser as PptrBrowser, Page as PptrPage } from 'puppeteer-core';
import { createServer, type Server } from 'node:http';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM_FLAGS, findChromium, findFirefox } from '../scripts/lib/find-browser.ts';
import { startStaticServer, type StaticServer } from '../scripts/lib/static-server.ts';
import { CHROME_TARGET, FIREFOX_TARGET } from '../scripts/lib/targets.ts';

const ROOT = resolve(import.meta.dirname, '..');
export const E2E_OUT = process.env.PL_E2E_OUT ?? join(ROOT, '.output-e2e');
export const CHROME_BUILD = join(E2E_OUT, CHROME_TARGET);
export const FIREFOX_BUILD = join(E2E_OUT, FIREFOX_TARGET);
/** Every network request recorded by any Chromium session of the run (JSON lines). */
export const NETWORK_LOG = join(E2E_OUT, 'network-log.jsonl');
export const REAL_PAGES = resolve(ROOT, '..', 'shared', 'real-pages');

export interface NetworkRecord {
  url: string;
  /** How it was seen: Playwright request events of extension contexts, or a page's CDP Network domain. */
  via: 'extension' | 'cdp';
  initiator?: string;
}

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Origin of the fixture server: e2e/fixtures at /, ../shared/real-pages at /real/. */
  baseUrl: string;
  server: StaticServer;
  /** Network requests made by the extension (must stay empty). */
  requests: NetworkRecord[];
  /**
   * Everything that tried to leave loopback (Chromium's own services, real pages' external
   * resources). The trap proxy answers 403 at once; informational, see docs/ARCHITECTURE.md.
   */
  offMachine: string[];
  /** Console errors and uncaught page errors, with the page URL. */
  consoleErrors: string[];
  openPage(path: string): Promise<Page>;
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

interface CdpStack {
  callFrames?: Array<{ url?: string }>;
  parent?: CdpStack;
}
function stackUrls(stack: CdpStack | undefined): string[] {
  const out: string[] = [];
  for (let s = stack; s; s = s.parent) for (const f of s.callFrames ?? []) if (f.url) out.push(f.url);
  return out;
}

function startTrapProxy(records: string[]): Promise<{ port: number; server: Server }> {
  const server = createServer((req, res) => {
    records.push(req.url ?? '');
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    records.push(`https://${req.url ?? ''}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      ok({ port: typeof a === 'object' && a ? a.port : 0, server });
    }),
  );
}

export interface LaunchOptions {
  extensionDir?: string;
  /** Extra Chromium flags, e.g. ['--lang=ja']. */
  args?: string[];
  /** Load no extension at all (for peer benchmarks). */
  noExtension?: boolean;
  locale?: string;
  /** More directories for the fixture server (URL prefix -> directory), e.g. generated pages. */
  mounts?: Record<string, string>;
  /**
   * A profile directory to use and keep (launching again with it is a browser restart with the
   * same profile); by default a fresh one, removed on close.
   */
  userDataDir?: string;
}

export async function launchChromium(opts: LaunchOptions = {}): Promise<ChromiumSession> {
  // Report extension service-worker requests through context.on('request').
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const extensionDir = opts.extensionDir ?? CHROME_BUILD;
  if (!opts.noExtension && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}. Run \`npm run e2e\` (it builds first).`);
  }
  const executablePath = findChromium();
  const server = await startStaticServer({
    '/': join(ROOT, 'e2e', 'fixtures'),
    '/real/': REAL_PAGES,
    ...opts.mounts,
  });
  const requests: NetworkRecord[] = [];
  const consoleErrors: string[] = [];
  const offMachine: string[] = [];
  const proxy = await startTrapProxy(offMachine);
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'policy-lens-e2e-'));
  const extArgs = opts.noExtension
    ? []
    : [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    ...(opts.locale ? { locale: opts.locale } : {}),
    args: [
      ...CHROMIUM_FLAGS,
      `--proxy-server=http://127.0.0.1:${proxy.port}`,
      // Loopback stays direct (the fixture server); everything else hits the trap proxy.
      '--proxy-bypass-list=<-loopback>;127.0.0.1',
      ...extArgs,
      ...(opts.args ?? []),
    ],
  });
  let serviceWorker: Worker | undefined;
  let extensionId = '';
  if (!opts.noExtension) {
    serviceWorker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    extensionId = new URL(serviceWorker.url()).host;
  }
  const origin = server.url;
  const isInternal = (url: string) =>
    url.startsWith(origin) || /^(data|blob|about|chrome-extension|chrome|devtools):/.test(url);
  // Requests made by the extension: from its service worker, its pages, or a page request whose
  // initiator (URL or any stack frame) is chrome-extension:// (content-script fetches).
  context.on('request', (req) => {
    const url = req.url();
    if (isInternal(url)) return;
    const sw = req.serviceWorker();
    let frameUrl: string;
    try {
      frameUrl = sw ? sw.url() : req.frame().url();
    } catch {
      frameUrl = '';
    }
    if (frameUrl.startsWith('chrome-extension://'))
      requests.push({ url, via: 'extension', initiator: frameUrl });
  });
  const watch = async (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: uncaught ${e.message}`));
    try {
      const cdp = await context.newCDPSession(page);
      cdp.on(
        'Network.requestWillBeSent',
        (ev: { request: { url: string }; initiator?: { url?: string; stack?: CdpStack } }) => {
          const url = ev.request.url;
          if (isInternal(url)) return;
          const frames = stackUrls(ev.initiator?.stack);
          const byUs = [ev.initiator?.url ?? '', ...frames].find((u) => u.startsWith('chrome-extension://'));
          if (byUs) requests.push({ url, via: 'cdp', initiator: byUs });
        },
      );
      await cdp.send('Network.enable');
    } catch {
      // Pages that close before we attach are fine.
    }
  };
  context.on('page', (p) => void watch(p));
  for (const p of context.pages()) await watch(p);

  return {
    context,
    extensionId,
    serviceWorker: serviceWorker as Worker,
    baseUrl: origin,
    server,
    requests,
    offMachine,
    consoleErrors,
    async openPage(path: string) {
      const page = await context.newPage();
      await watch(page);
      await page.goto(path.startsWith('http') ? path : origin + (path.startsWith('/') ? path : '/' + path));
      return page;
    },
    async openExtensionPage(path: string) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return page;
    },
    async close() {
      await context.close().catch(() => undefined);
      // scripts/e2e.ts fails the whole run if this log has any entry (zero network requests).
      if (requests.length) mkdirSync(E2E_OUT, { recursive: true });
      for (const r of requests) appendFileSync(NETWORK_LOG, JSON.stringify(r) + '\n');
      await server.close();
      await new Promise<void>((ok) => proxy.server.close(() => ok()));
      if (!opts.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Reloads the extension as an update does (chrome.runtime.reload(): its pages close, its content
 * scripts are orphaned, a new service worker starts; its storage and IndexedDB stay) and waits for
 * the new service worker, which becomes `s.serviceWorker`. Chromium starts the new worker on its
 * first event: an extension page (options.html, which asks the background for its data) wakes it.
 */
export async function reloadChromiumExtension(s: ChromiumSession): Promise<Worker> {
  // Chromium (137+) disables, instead of reloading, an unpacked extension whose profile is not in
  // developer mode (DISABLE_UNSUPPORTED_DEVELOPER_EXTENSION): switch it on as a developer would.
  const extensions = await s.context.newPage();
  await extensions.goto('chrome://extensions');
  const devMode = extensions.locator('#devMode');
  if (!(await devMode.isChecked())) await devMode.click();
  await extensions.close();
  const old = s.serviceWorker;
  const ours = (w: Worker) => w !== old && w.url().startsWith(`chrome-extension://${s.extensionId}/`);
  // The worker ends while answering: the evaluation's rejection is expected.
  await old
    .evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload(),
    )
    .catch(() => undefined);
  const page = await s.context.newPage();
  try {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const found = s.context.serviceWorkers().find(ours);
      if (found) {
        s.serviceWorker = found;
        return found;
      }
      // Fails while the extension is still being reloaded; the next round tries again.
      await page.goto(`chrome-extension://${s.extensionId}/options.html`).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await page.close();
  }
  throw new Error('no new service worker after chrome.runtime.reload()');
}

export interface HighlightDump {
  [name: string]: string[];
}

/**
 * Reads back what is painted: the text of every range of every `policy-lens*` highlight in
 * CSS.highlights of the page's main world (the registry is per document, shared by all worlds).
 */
export function readHighlightsScript(): HighlightDump {
  const out: HighlightDump = {};
  const reg = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<AbstractRange>> } }).CSS
    ?.highlights;
  if (!reg) return out;
  for (const [name, hl] of reg) {
    if (!name.startsWith('policy-lens')) continue;
    const texts: string[] = [];
    for (const r of hl) {
      const range = document.createRange();
      try {
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        texts.push(range.toString());
      } catch {
        texts.push('<invalid range>');
      }
    }
    out[name] = texts.sort();
  }
  return out;
}

export async function readHighlights(page: Page): Promise<HighlightDump> {
  return page.evaluate(readHighlightsScript);
}

/** All highlighted texts across categories, sorted. */
export async function highlightedTexts(page: Page): Promise<string[]> {
  const dump = await readHighlights(page);
  return Object.values(dump).flat().sort();
}

/** Waits until the content script has painted at least `min` ranges (or times out). */
export async function waitForHighlights(page: Page, min = 1, timeout = 15_000): Promise<HighlightDump> {
  await page.waitForFunction(
    (n) => {
      const reg = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<unknown>> } }).CSS
        ?.highlights;
      if (!reg) return false;
      let count = 0;
      for (const [name, hl] of reg) if (name.startsWith('policy-lens')) count += hl.size;
      return count >= n;
    },
    min,
    { timeout },
  );
  return readHighlights(page);
}

// ---------- Firefox ----------

export interface FirefoxSession {
  browser: PptrBrowser;
  extensionId: string;
  baseUrl: string;
  server: StaticServer;
  openPage(path: string): Promise<PptrPage>;
  /**
   * An extension page, opened by the extension itself through the test build's open hook
   * (WebDriver BiDi refuses to navigate to moz-extension:// URLs): `search|<query>` opens the
   * popup UI as a tab, `reader|<hash>` the reader. Scripts evaluated in it see the `browser` API.
   */
  openExtensionPage(request: string): Promise<PptrPage>;
  /** The options page, its library section rendered: the reader, which then goes to options.html. */
  openOptions(): Promise<PptrPage>;
  close(): Promise<void>;
}

/**
 * Sends a runtime message to the background from an extension page or the service worker, with
 * whichever API the browser has there. Self-contained: pass it to `evaluate` as it is.
 */
export function extensionMessage(msg: unknown): Promise<unknown> {
  type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
  const g = globalThis as unknown as { browser?: Api; chrome: Api };
  return (g.browser ?? g.chrome).runtime.sendMessage(msg);
}

/** True once the content script has painted at least one policy-lens highlight. */
function painted(): boolean {
  const reg = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<unknown>> } }).CSS?.highlights;
  return !!reg && [...reg.keys()].some((k) => k.startsWith('policy-lens'));
}

/** Firefox preferences for every test browser: no network beyond loopback, no background traffic. */
export const FIREFOX_PREFS: Record<string, unknown> = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
  'network.proxy.allow_hijacking_localhost': false,
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'extensions.update.enabled': false,
};

export async function launchFirefox(
  opts: { extensionDir?: string } & Pick<LaunchOptions, 'mounts'> = {},
): Promise<FirefoxSession> {
  const extensionDir = opts.extensionDir ?? FIREFOX_BUILD;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built Firefox extension at ${extensionDir}. Run \`npm run e2e\` (it builds first).`);
  }
  const puppeteer = (await import('puppeteer-core')).default;
  const executablePath = findFirefox();
  const server = await startStaticServer({
    '/': join(ROOT, 'e2e', 'fixtures'),
    '/real/': REAL_PAGES,
    ...opts.mounts,
  });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    protocol: 'webDriverBiDi',
    extraPrefsFirefox: FIREFOX_PREFS,
  });
  const extensionId = await browser.installExtension(extensionDir);
  const openPage = async (path: string) => {
    const page = await browser.newPage();
    await page.goto(path.startsWith('http') ? path : server.url + (path.startsWith('/') ? path : '/' + path));
    return page;
  };
  const session: FirefoxSession = {
    browser,
    extensionId,
    baseUrl: server.url,
    server,
    openPage,
    async openOptions() {
      // BiDi cannot navigate to moz-extension:// URLs: the extension opens its reader, which goes on.
      const page = await session.openExtensionPage('reader|');
      // The navigation may end the evaluation's context before it answers; that is expected.
      await page.evaluate(() => location.assign('/options.html')).catch(() => undefined);
      await page.waitForFunction(
        () => location.pathname === '/options.html' && document.getElementById('lib-h') !== null,
        { timeout: 20_000 },
      );
      return page;
    },
    async openExtensionPage(request: string) {
      const page = await openPage('/smoke.html');
      const before = new Set(await browser.pages());
      // The content script answers the hook once it runs; it paints the smoke page when it does.
      await page.waitForFunction(painted, { timeout: 20_000 });
      await page.evaluate(
        (d) => document.dispatchEvent(new CustomEvent('policy-lens:e2e-open', { detail: d })),
        request,
      );
      // BiDi reports the new tab's URL as about:blank; ask the page itself where it is.
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        for (const p of await browser.pages()) {
          if (before.has(p)) continue;
          const href = await p.evaluate(() => location.href).catch(() => '');
          if (href.startsWith('moz-extension://')) {
            await page.close();
            return p;
          }
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`the extension did not open a tab for ${request}`);
    },
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
  return session;
}

/**
 * Installs the built add-on again over the running one, through the same WebDriver BiDi call the
 * harness installs it with: Firefox treats it as an update of the temporary add-on (same id, same
 * internal UUID, its storage and IndexedDB kept; its pages close, content scripts are orphaned).
 */
export async function reinstallFirefoxExtension(
  f: FirefoxSession,
  extensionDir = FIREFOX_BUILD,
): Promise<string> {
  return f.browser.installExtension(extensionDir);
}
