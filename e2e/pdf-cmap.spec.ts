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
import {
  extensionMessage,
  launchChromium,
  launchFirefox,
  type ChromiumSession,
  type FirefoxSession,
} from './harness.ts';

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

/** Runs a function in the options page (Playwright's or Puppeteer's `evaluate`). */
type Run = (fn: (arg: unknown) => unknown, arg: unknown) => Promise<unknown>;

/** The stored text of the first document the options page lists, as the background returns it. */
async function storedText(run: Run): Promise<string> {
  const docId = await run(
    () => document.querySelector('.lib-docs [data-doc]')?.getAttribute('data-doc') ?? null,
    null,
  );
  const r = (await run(extensionMessage, { type: 'getUserDocument', payload: { docId } })) as {
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
    expect(await storedText((fn, arg) => page.evaluate(fn, arg))).toBe(LINES.join('\n\n'));
  });
});

describe('PDF with fonts it does not embed (Firefox)', () => {
  let f: FirefoxSession;
  let page: PptrPage;
  beforeAll(async () => {
    f = await launchFirefox();
    page = await f.openOptions();
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
    expect(await storedText((fn, arg) => page.evaluate(fn, arg))).toBe(LINES.join('\n\n'));
  });
});
