// A PDF whose Chinese text is set in a font it does not embed (as many government PDFs are) is
// imported through the options page and its text is read, in Chromium and Firefox: pdf.js gets the
// character maps the extension ships (pdfjs/cmaps/), from the extension itself. Without them the
// import refused such a file as having "no text layer".
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ElementHandle, Page as PptrPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cjkPdf } from '../lib/import/cjk-pdf.testing.ts';
import { launchChromium, launchFirefox, type ChromiumSession, type FirefoxSession } from './harness.ts';

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };

const TITLE = '巡视整改情况报告';
const LINES = ['坚决做到两个维护', '扎实推进共同富裕'];
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'policy-lens-pdf-cmap-'));
  writeFileSync(
    join(dir, 'gov.pdf'),
    cjkPdf(
      LINES.map((text) => ({ lang: 'zh' as const, text })),
      TITLE,
    ),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** In the options page: the stored text of the first listed document. */
async function storedText(): Promise<string> {
  const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  const docId = document.querySelector('.lib-docs [data-doc]')?.getAttribute('data-doc');
  const r = (await api.runtime.sendMessage({ type: 'getUserDocument', payload: { docId } })) as {
    text?: string;
  } | null;
  return r?.text ?? '';
}

describe('PDF with fonts it does not embed (Chromium)', () => {
  let s: ChromiumSession;
  let page: Page;
  beforeAll(async () => {
    s = await launchChromium();
    page = await s.openExtensionPage('options.html');
    await page.waitForSelector('#lib-h');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('is imported with its text', async () => {
    await page.setInputFiles('#lib-files', join(dir, 'gov.pdf'));
    await page.waitForSelector('.lib-docs [data-doc]', { timeout: 60_000 });
    expect(await page.textContent('.lib-errors')).not.toMatch(/gov\.pdf/);
    expect(await page.textContent('.lib-doc-title')).toBe(TITLE);
    expect(await page.evaluate(storedText)).toBe(LINES.join('\n\n'));
  });
});

describe('PDF with fonts it does not embed (Firefox)', () => {
  let f: FirefoxSession;
  let page: PptrPage;
  beforeAll(async () => {
    f = await launchFirefox();
    page = await f.openExtensionPage('reader|');
    await page.evaluate(() => location.assign('/options.html'));
    await page.waitForSelector('#lib-h', { timeout: 20_000 });
  });
  afterAll(async () => {
    await f?.close();
  });

  it('is imported with its text', async () => {
    const files = (await page.$('#lib-files')) as ElementHandle<HTMLInputElement>;
    await files.uploadFile(join(dir, 'gov.pdf'));
    await page.waitForSelector('.lib-docs [data-doc]', { timeout: 60_000 });
    expect(await page.$eval('.lib-errors', (e) => e.textContent)).not.toMatch(/gov\.pdf/);
    expect(await page.$eval('.lib-doc-title', (e) => e.textContent)).toBe(TITLE);
    expect(await page.evaluate(storedText)).toBe(LINES.join('\n\n'));
  });
});
