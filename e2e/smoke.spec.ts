// The extension loads in both browsers as Manifest V3, its content script runs on a localhost
// page, its pages render, Alt+Shift+O is registered as the popup shortcut, and it makes no
// network requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  launchFirefox,
  waitForHighlights,
  type ChromiumSession,
  type FirefoxSession,
} from './harness.ts';
import { POPUP_SHORTCUT } from '../scripts/lib/targets.ts';

/**
 * In the page: where the lens's bundled matcher came from (test hooks), and the extension
 * resources the page's own resource timing shows (none expected: the fetch is the content
 * script's).
 */
async function matcherOrigin(): Promise<{ via: unknown; seen: string[] }> {
  // (self-contained: evaluated in the page)
  const stats = await new Promise<{ startup?: { matcherVia?: unknown } } | null>((ok) => {
    const on = (e: Event) => ok(JSON.parse(String((e as CustomEvent).detail)));
    document.addEventListener('policy-lens:e2e-stats-result', on, { once: true });
    document.dispatchEvent(new CustomEvent('policy-lens:e2e-stats'));
    setTimeout(() => ok(null), 2000);
  });
  return {
    via: stats?.startup?.matcherVia,
    seen: performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((u) => /^(chrome|moz)-extension:/.test(u)),
  };
}

describe('Chromium', () => {
  let s: ChromiumSession;
  beforeAll(async () => {
    s = await launchChromium();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('loads the extension with its manifest', async () => {
    expect(s.extensionId).toMatch(/^[a-p]{32}$/);
    const manifest = await s.serviceWorker.evaluate(() => {
      type Chrome = {
        runtime: { getManifest(): { name: string; manifest_version: number } };
        i18n: { getMessage(k: string): string };
      };
      const c = (globalThis as unknown as { chrome: Chrome }).chrome;
      const m = c.runtime.getManifest();
      // The manifest name is localised (__MSG_extName__); resolve it the way the browser does.
      return { ...m, name: m.name.startsWith('__MSG_') ? c.i18n.getMessage('extName') : m.name };
    });
    expect(manifest.name).toBe('Policy Lens');
    expect(manifest.manifest_version).toBe(3);
  });

  it('registers the popup shortcut (Alt+Shift+O) with the browser', async () => {
    const commands = await s.serviceWorker.evaluate(async () => {
      type Chrome = { commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> } };
      return (globalThis as unknown as { chrome: Chrome }).chrome.commands.getAll();
    });
    expect(commands).toContainEqual(
      expect.objectContaining({ name: '_execute_action', shortcut: POPUP_SHORTCUT }),
    );
  });

  it('runs the content script on a localhost page and paints highlights', async () => {
    const page = await s.openPage('/smoke.html');
    // all four terms of the page: painting runs in idle slices, so fewer may be painted at first
    const dump = await waitForHighlights(page, 4);
    const texts = Object.values(dump).flat();
    expect(texts).toContain('Two Safeguards');
    expect(texts).toContain('二つの維持');
    // the packaged matcher.bin, read in place, not the background's message (the fallback)
    expect(await page.evaluate(matcherOrigin)).toEqual({ via: 'file', seen: [] });
    await page.close();
  });

  it('renders the popup, reader and options pages without errors', async () => {
    for (const path of ['popup.html', 'reader.html', 'options.html']) {
      const page = await s.openExtensionPage(path);
      await page.waitForSelector('#app *');
      await page.close();
    }
    expect(s.consoleErrors, s.consoleErrors.join('\n')).toEqual([]);
  });

  it('makes zero network requests', () => {
    expect(s.requests).toEqual([]);
  });
});

describe('Firefox', () => {
  let f: FirefoxSession;
  beforeAll(async () => {
    f = await launchFirefox();
  });
  afterAll(async () => {
    await f?.close();
  });

  it('installs the add-on and runs the content script on a localhost page', async () => {
    expect(f.extensionId).toBe('policy-lens@policy-lens.org');
    const page = await f.openPage('/smoke.html');
    await page.waitForFunction(
      () => {
        const reg = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<unknown>> } }).CSS
          ?.highlights;
        if (!reg) return false;
        let n = 0;
        for (const [name, hl] of reg) if (name.startsWith('policy-lens')) n += hl.size;
        return n >= 2;
      },
      { timeout: 20_000 },
    );
    expect(await page.evaluate(matcherOrigin)).toEqual({ via: 'file', seen: [] });
    await page.close();
  });

  it('is an MV3 add-on whose Alt+Shift+O opens the popup, with its page hosts granted at install', async () => {
    // Evaluated in an extension page (the popup UI as a tab), where the WebExtension API lives.
    const page = await f.openExtensionPage('search|Policy');
    const seen = await page.evaluate(async () => {
      type Browser = {
        runtime: { getManifest(): { manifest_version: number; background?: { persistent?: boolean } } };
        commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> };
        permissions: { contains(p: { origins: string[] }): Promise<boolean> };
      };
      const b = (globalThis as unknown as { browser: Browser }).browser;
      const m = b.runtime.getManifest();
      return {
        manifestVersion: m.manifest_version,
        persistentBackground: m.background?.persistent ?? false,
        commands: await b.commands.getAll(),
        allUrls: await b.permissions.contains({ origins: ['<all_urls>'] }),
      };
    });
    await page.close();
    expect(seen.manifestVersion).toBe(3);
    // MV3 in Firefox: an event page, not a persistent background page.
    expect(seen.persistentBackground).toBe(false);
    expect(seen.commands).toContainEqual(
      expect.objectContaining({ name: '_execute_action', shortcut: POPUP_SHORTCUT }),
    );
    // Firefox ≥ 127 grants MV3 content-script hosts at install; without that the highlighting
    // would wait for a click on the toolbar button on every site.
    expect(seen.allUrls).toBe(true);
  });
});
