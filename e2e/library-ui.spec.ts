// The options page's Library section in real browsers: accessible (axe), a bad CSV term list is
// refused naming its row and nothing changes, a 200 MB file is refused by its size (a sparse
// file: never read), and real files — a PDF printed by the browser itself, an HTML page, a text
// file — are read on the page (pdf.js with its bundled worker) and listed by the store.
import {
  closeSync,
  mkdtempSync,
  openSync,
  ftruncateSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Page as PptrPage, ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, launchFirefox, type ChromiumSession, type FirefoxSession } from './harness.ts';

const AXE = readFileSync(join(import.meta.dirname, '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Serious and critical axe violations of the page (axe evaluated through DevTools: CSP). */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    interface AxeResult {
      violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
    }
    const axe = (globalThis as unknown as { axe: { run: (d: Document, o: object) => Promise<AxeResult> } })
      .axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const BAD_CSV = 'term,definition\n共同富裕,"shared prosperity"\n六稳,"unclosed\n';
const REPORT_HTML = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>政府工作报告摘要</title></head>
<body><h1>政府工作报告摘要</h1>
<p>坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，加快构建新发展格局。</p>
<p>The report sets a growth target of around five percent and stresses the six stabilities.</p>
<p>扎实做好六稳工作、全面落实六保任务，保持经济运行在合理区间。</p></body></html>`;

/** The same report with its own title: a printed PDF takes the page's title as its Title. */
const PRINTED_HTML = REPORT_HTML.replace('<title>政府工作报告摘要</title>', '<title>PDF 报告</title>');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'policy-lens-library-ui-'));
  // 200 MB that take no disk: the page must refuse it by size, before reading a byte.
  const fd = openSync(join(dir, 'huge-report.pdf'), 'w');
  ftruncateSync(fd, 200 * 1024 * 1024);
  closeSync(fd);
  writeFileSync(join(dir, 'terms.csv'), BAD_CSV);
  writeFileSync(
    join(dir, 'notes.txt'),
    'The Third Plenum met in July.\n\nIt adopted a resolution on reform.',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The text of the Library section's alert region. */
const alertText = (page: Page) => page.textContent('#lib-h ~ .lib-errors');

describe('Library section (Chromium)', () => {
  let s: ChromiumSession;
  let page: Page;
  beforeAll(async () => {
    s = await launchChromium();
    page = await s.openExtensionPage('options.html');
    await page.waitForSelector('#lib-h');
    await page.waitForSelector('.lib-docs, .library-section p.muted:text-matches("No documents")');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('is accessible: labelled file input, colour radios named, no axe violations', async () => {
    expect(await page.getAttribute('#lib-files', 'multiple')).not.toBeNull();
    expect(await page.textContent('label[for=lib-files]')).toBe('Add documents');
    const names = await page.$$eval('input[name=lib-list-colour]', (rs) =>
      rs.map((r) => r.getAttribute('aria-label')),
    );
    expect(names).toEqual(['Teal', 'Rose', 'Indigo', 'Brown', 'Green', 'Purple', 'Slate', 'Pink']);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a bad CSV is refused naming its row, and no list is added', async () => {
    const before = await page.$$eval('[data-list]', (ls) => ls.length);
    await page.setInputFiles('#lib-list-file', join(dir, 'terms.csv'));
    await page.click('form.lib-list-import button[type=submit]');
    await page.waitForFunction(() =>
      /terms\.csv, row 3/.test(document.querySelector('.lib-errors')?.textContent ?? ''),
    );
    expect(await alertText(page)).toMatch(/terms\.csv, row 3.*unclosed quote/);
    expect(await page.$$eval('[data-list]', (ls) => ls.length)).toBe(before);
  });

  it('a 200 MB file is refused by size; the other files of the drop go in', async () => {
    const printer = await s.openPage('/smoke.html');
    await printer.setContent(PRINTED_HTML);
    writeFileSync(join(dir, 'report.pdf'), await printer.pdf({ format: 'A4' }));
    writeFileSync(join(dir, 'report.html'), REPORT_HTML);
    await printer.close();
    await page.setInputFiles('#lib-files', [
      join(dir, 'huge-report.pdf'),
      join(dir, 'report.pdf'),
      join(dir, 'report.html'),
      join(dir, 'notes.txt'),
    ]);
    await page.waitForFunction(
      () => document.querySelectorAll('.lib-docs [data-doc]').length === 3,
      undefined,
      {
        timeout: 60_000,
      },
    );
    expect(await alertText(page)).toMatch(/huge-report\.pdf: 200\.0 MB, larger than the 50\.0 MB/);
    const rows = await page.$$eval('.lib-docs [data-doc]', (ls) => ls.map((l) => l.textContent ?? ''));
    expect(rows.map((r) => r.split('Chinese')[0]!.split('English')[0]).sort()).toEqual(
      ['PDF 报告', 'notes', '政府工作报告摘要'].sort(),
    );
    // The PDF's text was read (its language comes from the text: a PDF declares none).
    expect(rows.find((r) => r.startsWith('PDF 报告'))).toContain('Chinese (simplified)');
  });
});

describe('Library section (Firefox)', () => {
  let f: FirefoxSession;
  let page: PptrPage;
  beforeAll(async () => {
    f = await launchFirefox();
    page = await f.openOptions();
  });
  afterAll(async () => {
    await f?.close();
  });

  it('a bad CSV names its row; a 200 MB file is refused by size; a printed PDF is read', async () => {
    const listInput = (await page.$('#lib-list-file')) as ElementHandle<HTMLInputElement>;
    await listInput.uploadFile(join(dir, 'terms.csv'));
    await page.click('form.lib-list-import button[type=submit]');
    await page.waitForFunction(
      () => /terms\.csv, row 3/.test(document.querySelector('.lib-errors')?.textContent ?? ''),
      {
        timeout: 20_000,
      },
    );
    expect(await page.$$eval('[data-list]', (ls) => ls.length)).toBe(0);

    const printer = await f.openPage('/smoke.html');
    await printer.setContent(PRINTED_HTML);
    writeFileSync(join(dir, 'report-ff.pdf'), await printer.pdf({ format: 'A4' }));
    await printer.close();
    const files = (await page.$('#lib-files')) as ElementHandle<HTMLInputElement>;
    await files.uploadFile(join(dir, 'huge-report.pdf'), join(dir, 'report-ff.pdf'));
    await page.waitForFunction(() => document.querySelectorAll('.lib-docs [data-doc]').length === 1, {
      timeout: 60_000,
    });
    expect(await page.$eval('.lib-errors', (e) => e.textContent)).toMatch(
      /huge-report\.pdf: 200\.0 MB, larger than the 50\.0 MB/,
    );
    // Its title: the PDF's Title (the printed page's) where Firefox writes one, else the file's name.
    expect(await page.$eval('.lib-doc-title', (e) => e.textContent)).toMatch(/^(PDF 报告|report-ff)$/);
    expect(await page.$eval('.lib-doc-facts', (e) => e.textContent)).toContain('Chinese (simplified)');
  });
});
