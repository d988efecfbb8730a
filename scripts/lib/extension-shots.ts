// Pieces shared by `npm run screenshots` (README) and `npm run store-assets` (store listing):
// the built extension in headless Chromium, in a chosen UI language; the popup answering a
// search; a page with its terms highlighted and the hover card open. Every wait is on an event
// or a state of the page (results answered, card filled, fonts loaded), never on a sleep.
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from '../../e2e/harness.ts';
import { HOST_TAG } from '../../lib/page/constants.ts';

/**
 * Chromium with the extension at `extensionDir`, its UI in `lang` (a Chromium locale: 'en-US',
 * 'ja', 'zh-CN'). Chromium on Linux takes its UI language, and so chrome.i18n's, from LANGUAGE
 * (--lang is for Windows), and only for locales whose .pak it has (Debian: chromium-l10n).
 */
export async function launchInLanguage(extensionDir: string, lang: string): Promise<ChromiumSession> {
  const pak = `/usr/lib/chromium/locales/${lang}.pak`;
  if (!process.env.CHROMIUM_PATH && !existsSync(pak))
    throw new Error(`${pak} is missing: install Debian's chromium-l10n (apt-get install chromium-l10n)`);
  const saved = process.env.LANGUAGE;
  process.env.LANGUAGE = lang.replace('-', '_');
  try {
    return await launchChromium({ extensionDir, args: [`--lang=${lang}`] });
  } finally {
    if (saved === undefined) delete process.env.LANGUAGE;
    else process.env.LANGUAGE = saved;
  }
}

/** Resolves once the page's web fonts (the CJK fallbacks included) are loaded and laid out. */
export async function fontsReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  });
}

// The few extension APIs called in the service worker (no @types/chrome here).
declare const chrome: {
  tabs: {
    query(q: object): Promise<Array<{ id?: number }>>;
    create(p: { url: string; openerTabId?: number }): Promise<unknown>;
  };
  runtime: { getURL(path: string): string };
};

/**
 * The popup, opened as a page at popup size, after it has answered `query` with results. With
 * `about`, the newest tab (without the "tabs" permission tabs cannot be found by URL), the popup
 * opens as that tab's child, as the context-menu search does, so "On this page" lists its
 * concepts instead of saying the popup's own tab cannot be read.
 */
export async function popupWithSearch(
  session: ChromiumSession,
  query: string,
  size = { width: 420, height: 600 },
  about?: Page,
): Promise<Page> {
  let popup: Page;
  if (about) {
    const opened = session.context.waitForEvent('page');
    await session.serviceWorker.evaluate(async () => {
      const opener = (await chrome.tabs.query({})).at(-1)?.id;
      await chrome.tabs.create({
        url: chrome.runtime.getURL('popup.html'),
        ...(opener === undefined ? {} : { openerTabId: opener }),
      });
    });
    popup = await opened;
    await popup.waitForLoadState();
  } else popup = await session.openExtensionPage('popup.html');
  await popup.setViewportSize(size);
  await popup.emulateMedia({ colorScheme: 'light' });
  await popup.waitForSelector('#q');
  if (about) await popup.waitForSelector('.page-concepts .page-concept', { timeout: 30_000 });
  await popup.type('#q', query);
  await popup.waitForFunction(
    (q) =>
      document.getElementById('results')?.getAttribute('data-answered') === q &&
      !!document.querySelector('#results [role="option"]'),
    query.trim(),
    { timeout: 30_000 },
  );
  await fontsReady(popup);
  return popup;
}

/** Viewport centre of the first painted range whose text is `text`, or null. */
export async function termCentre(page: Page, text: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((t) => {
    const reg = (globalThis as unknown as { CSS: { highlights: Map<string, Set<AbstractRange>> } }).CSS
      .highlights;
    for (const [name, hl] of reg) {
      if (!name.startsWith('policy-lens')) continue;
      for (const r of hl) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString() === t) {
          const b = range.getClientRects()[0] ?? range.getBoundingClientRect();
          return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
        }
      }
    }
    return null;
  }, text);
}

/** Waits until the content script has painted `term` on the page. */
export async function waitForTerm(page: Page, term: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (t) => {
      const reg = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<AbstractRange>> } }).CSS
        ?.highlights;
      if (!reg) return false;
      for (const [name, hl] of reg) {
        if (!name.startsWith('policy-lens')) continue;
        for (const r of hl) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          if (range.toString() === t) return true;
        }
      }
      return false;
    },
    term,
    { timeout },
  );
}

/**
 * Hovers the painted `term` and waits until its card is open and filled (definition shown, no
 * loading status left). Throws if the term is not painted: a shot without its card is no shot.
 */
export async function openCardOn(page: Page, term: string, timeout = 30_000): Promise<void> {
  await waitForTerm(page, term, timeout);
  const at = await termCentre(page, term);
  if (!at) throw new Error(`"${term}" is not painted on ${page.url()}`);
  await page.mouse.move(at.x - 40, at.y + 60);
  await page.mouse.move(at.x, at.y, { steps: 4 });
  await page.waitForFunction(
    (host) => {
      const card = document.querySelector(host)?.shadowRoot?.querySelector('.card');
      return !!card?.querySelector('.definition') && !card.querySelector('.status');
    },
    HOST_TAG,
    { timeout },
  );
  await fontsReady(page);
}
