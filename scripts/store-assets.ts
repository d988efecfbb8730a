// `npm run store-assets`: the Chrome Web Store listing images, rendered from the built extension
// (.output/chrome-mv3; the npm script builds it first) in headless Chromium, once per UI
// language. Per language, into store/<locale>/:
//   1-popup-search.png    1280×800  the toolbar popup answering a search, over a highlighted page
//   2-page-card.png       1280×800  the demo page with its terms highlighted and a hover card open
//   3-reader.png          1280×800  the reader's parallel view: a Japanese and an English version
//   promo-tile.png         440×280  icon, name and tagline (store/templates/promo-tile.html)
// Every picture is of our own pages (demo/, the extension's pages, store/templates/): no third-
// party text. The PNGs are opaque 24-bit RGB, as the store asks (no alpha).
// tests/store-assets.test.ts checks that every file is there with the exact size.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { ChromiumSession } from '../e2e/harness.ts';
import {
  fontsReady,
  launchInLanguage,
  openCardOn,
  popupWithSearch,
  waitForTerm,
} from './lib/extension-shots.ts';
import { startStaticServer } from './lib/static-server.ts';

const ROOT = resolve(import.meta.dirname, '..');
const EXTENSION = join(ROOT, '.output', 'chrome-mv3');
const STORE = join(ROOT, 'store');
const SCREEN = { width: 1280, height: 800 };
const TILE = { width: 440, height: 280 };
/** The popup is drawn larger than life in the listing, so its text reads at thumbnail size. */
const POPUP = { width: 420, height: 600, scale: 1.25 };

interface Locale {
  /** Folder under store/ and public/_locales/ name. */
  dir: string;
  /** Chromium UI language. */
  chromium: string;
  /** <html lang> the extension's pages get in this language (checked: no silent English). */
  htmlLang: string;
  /** Typed into the popup. */
  query: string;
  /** Hovered on the demo page: low on it, so the card opens above with room to show it all. */
  term: string;
  /** The promo tile's tagline (store-only text). */
  tagline: string;
}

const LOCALES: Locale[] = [
  {
    dir: 'en',
    chromium: 'en-US',
    htmlLang: 'en',
    query: 'two safeguards',
    term: 'Nghị quyết số 18-NQ/TW',
    tagline: 'Chinese and Vietnamese policy terms, explained as you read.',
  },
  {
    dir: 'ja',
    chromium: 'ja',
    htmlLang: 'ja',
    query: '二つの維持',
    term: '二つの確立',
    tagline: '中国・ベトナムの政策用語を、読みながら解説。',
  },
  {
    dir: 'zh_CN',
    chromium: 'zh-CN',
    htmlLang: 'zh-CN',
    query: '两个维护',
    term: '二つの維持',
    tagline: '阅读时即时解读中国和越南的政策术语。',
  },
];
/** Highlighted sample terms on the promo tile, in the scripts the glossary covers. */
const TILE_TERMS = [
  { text: '两个维护', lang: 'zh-Hans' },
  { text: 'Two Safeguards', lang: 'en' },
  { text: '二つの確立', lang: 'ja' },
];
/** The reader view of the third screenshot: a Japanese translation beside the English one. */
const READER_HASH = '#000?parallel';

async function save(page: Page, file: string): Promise<void> {
  await fontsReady(page);
  // Chromium writes opaque pages as 8-bit RGB PNGs (tests/store-assets.test.ts checks it).
  writeFileSync(file, await page.screenshot({ type: 'png' }));
  console.log(`store-assets: ${file.slice(ROOT.length + 1)}`);
}

async function lightPage(session: ChromiumSession, size: { width: number; height: number }): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize(size);
  // Deterministic pictures: light theme, and no flash animation on the reader's target passage.
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  return page;
}

/** Fails unless the extension's page is in the wanted UI language. */
async function expectLanguage(page: Page, loc: Locale): Promise<void> {
  const lang = await page.evaluate(() => document.documentElement.lang);
  if (lang !== loc.htmlLang)
    throw new Error(`store-assets: ${page.url()} is in "${lang}", not "${loc.htmlLang}" (${loc.dir})`);
}

/** The popup, at POPUP.scale device pixels per CSS pixel, answering the locale's query. */
async function popupShot(session: ChromiumSession, loc: Locale, about: Page): Promise<Buffer> {
  const popup = await popupWithSearch(
    session,
    loc.query,
    { width: POPUP.width, height: POPUP.height },
    about,
  );
  await expectLanguage(popup, loc);
  const cdp = await session.context.newCDPSession(popup);
  await cdp.send('Emulation.setDeviceMetricsOverride', {
    width: POPUP.width,
    height: POPUP.height,
    deviceScaleFactor: POPUP.scale,
    mobile: false,
  });
  await fontsReady(popup);
  const shot = await popup.screenshot({ type: 'png' });
  await popup.close();
  return shot;
}

/** Fills a template of store/templates/ through the DOM (text as text, images as data: URLs). */
async function fillTemplate(
  page: Page,
  name: string,
  lang: string,
  fill: {
    images?: Record<string, string>;
    texts?: Record<string, string>;
    list?: [string, Array<{ text: string; lang: string }>];
  },
): Promise<void> {
  await page.setContent(readFileSync(join(STORE, 'templates', name), 'utf8'));
  await page.evaluate(
    ({ lang, images = {}, texts = {}, list }) => {
      document.documentElement.lang = lang;
      const loads: Promise<unknown>[] = [];
      for (const [id, src] of Object.entries(images)) {
        const img = document.getElementById(id) as HTMLImageElement;
        img.src = src;
        loads.push(img.decode());
      }
      for (const [id, text] of Object.entries(texts)) document.getElementById(id)!.textContent = text;
      if (list) {
        const ul = document.getElementById(list[0])!;
        for (const item of list[1]) {
          const li = ul.appendChild(document.createElement('li'));
          li.lang = item.lang;
          li.textContent = item.text;
        }
      }
      return Promise.all(loads);
    },
    { lang, ...fill },
  );
}

const dataUrl = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString('base64')}`;

async function renderLocale(loc: Locale, demoUrl: string): Promise<void> {
  const out = join(STORE, loc.dir);
  mkdirSync(out, { recursive: true });
  const session = await launchInLanguage(EXTENSION, loc.chromium);
  try {
    // 1. The popup over the demo page (highlighted, no card), as it sits under the toolbar,
    // opened for that page: its "On this page" lists the page's concepts.
    const page = await lightPage(session, SCREEN);
    await page.goto(demoUrl);
    await waitForTerm(page, loc.term);
    await fontsReady(page);
    const background = await page.screenshot({ type: 'png' });
    const popup = await popupShot(session, loc, page);
    const composite = await lightPage(session, SCREEN);
    await fillTemplate(composite, 'popup-over-page.html', loc.htmlLang, {
      images: { page: dataUrl('image/png', background), popup: dataUrl('image/png', popup) },
    });
    await composite.evaluate((w) => {
      (document.getElementById('popup') as HTMLImageElement).style.width = `${w}px`;
    }, POPUP.width * POPUP.scale);
    await save(composite, join(out, '1-popup-search.png'));
    await composite.close();

    // 2. The demo page with the hover card open on a term.
    await page.bringToFront();
    await openCardOn(page, loc.term);
    await save(page, join(out, '2-page-card.png'));
    await page.close();

    // 3. The reader: a document beside its other-language version, concepts highlighted.
    const reader = await lightPage(session, SCREEN);
    await reader.goto(`chrome-extension://${session.extensionId}/reader.html${READER_HASH}`);
    await reader.waitForSelector('.parallel-head h2 a', { timeout: 30_000 });
    await reader.waitForSelector('.term[data-concept]', { timeout: 30_000 });
    await expectLanguage(reader, loc);
    await save(reader, join(out, '3-reader.png'));
    await reader.close();

    // 4. The small promo tile.
    const messages = JSON.parse(
      readFileSync(join(ROOT, 'public', '_locales', loc.dir, 'messages.json'), 'utf8'),
    ) as Record<string, { message: string }>;
    const tile = await lightPage(session, TILE);
    await fillTemplate(tile, 'promo-tile.html', loc.htmlLang, {
      images: { icon: dataUrl('image/svg+xml', readFileSync(join(ROOT, 'assets', 'icon.svg'))) },
      texts: { name: messages.extName!.message, tagline: loc.tagline },
      list: ['terms', TILE_TERMS],
    });
    await save(tile, join(out, 'promo-tile.png'));
    await tile.close();
  } finally {
    await session.close();
  }
}

const demo = await startStaticServer({ '/': join(ROOT, 'demo') });
try {
  for (const loc of LOCALES) await renderLocale(loc, demo.url + '/');
} finally {
  await demo.close();
}
