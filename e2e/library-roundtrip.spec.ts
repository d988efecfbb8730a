// Issue #12 item 9 in real browsers, Chromium and Firefox, through the options page as a user
// works it: a DOCX built by the `docx` library, an HTML page and a Markdown file are imported
// through the file input, found from the popup's search (marked as the user's own), and a term
// list's term is painted on a page that has it; bad files (a TBX that is not XML, an unsupported
// type, a PDF with no text layer, an encrypted PDF) are refused naming the file and the line or page, and the
// library is unchanged; a long PDF's import is cancelled from its progress bar and adds nothing;
// "Export library" is restored into a fresh profile, whose own export equals the first exactly.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import type { Page } from 'playwright-core';
import type { ElementHandle, Page as PptrPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  extensionMessage,
  launchChromium,
  launchFirefox,
  readHighlightsScript,
  type ChromiumSession,
  type FirefoxSession,
  type HighlightDump,
} from './harness.ts';

const TERM = 'Blue Harbour Initiative';
const DOCX_TITLE = 'Harbour programme notes';
const HTML_TITLE = 'Saltmarsh survey of the estuary';
/** Words each document alone holds: the popup's search must find each in its own document. */
const WORDS = { docx: 'lighthouse', html: 'saltmarsh', md: 'ferryboats' } as const;

const ARTICLE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${HTML_TITLE}</title></head>
<body><article><h1>${HTML_TITLE}</h1>
<p>The provincial survey counted the saltmarsh birds of the estuary twice in the spring, once at dawn and once at dusk.</p>
<p>The report asks the districts to keep the reed beds and to publish the counts every year.</p>
</article></body></html>`;
const NOTES_MD = `# Ferry notes

The ferryboats to the islands run every hour in summer.

* The timetable changes in October.
`;
const LIST_CSV = `term,aliases,definition\n${TERM},BHI,My note: the port programme of the provincial plan.\n`;
// A closing tag that does not match on line 4: not XML.
const BAD_TBX = `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en">
<text><body><termEntry id="t1"><langSec xml:lang="en"><termSec>
<term>Blue Harbour</trem>
</termSec></langSec></termEntry></body></text>
</martif>
`;
/** A page with no text at all, only a drawing: printed, it is a PDF without a text layer. */
const SCAN_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>scan</title></head><body>
<svg width="400" height="300"><rect x="10" y="10" width="380" height="280" fill="#888"/></svg></body></html>`;
/** A long document: 150 printed pages of text, long enough to be cancelled while it is read. */
const LONG_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long report</title>
<style>p { page-break-after: always; }</style></head><body>${Array.from(
  { length: 150 },
  (_, i) =>
    `<p>Section ${i + 1}. The districts report on the harbour works and the reed beds of the estuary.</p>`,
).join('')}</body></html>`;

async function docxFixture(): Promise<Buffer> {
  const doc = new Document({
    title: DOCX_TITLE,
    creator: 'Provincial Planning Office',
    sections: [
      {
        children: [
          new Paragraph({ text: DOCX_TITLE, heading: HeadingLevel.HEADING_1 }),
          new Paragraph(`The ${TERM} will rebuild the old lighthouse and dredge the northern channel.`),
          new Paragraph('The office asks the port authority for a timetable by the end of the year.'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A PDF with text that opens only with a password (@cantoo/pdf-lib writes standard encryption). */
async function encryptedPdfFixture(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage().drawText(`The ${TERM}: a confidential draft.`, { x: 50, y: 700, size: 14, font });
  pdf.encrypt({ userPassword: 'reader-secret', ownerPassword: 'owner-secret' });
  return pdf.save();
}

let dir: string;
const file = (name: string) => join(dir, name);
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'policy-lens-roundtrip-'));
  writeFileSync(file('harbour.docx'), await docxFixture());
  writeFileSync(file('saltmarsh.html'), ARTICLE_HTML);
  writeFileSync(file('ferry-notes.md'), NOTES_MD);
  writeFileSync(file('port-watch.csv'), LIST_CSV);
  writeFileSync(file('glossary.tbx'), BAD_TBX);
  writeFileSync(file('slides.pptx'), 'not a document the library reads');
  writeFileSync(file('locked.pdf'), await encryptedPdfFixture());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the scenario needs of a tab, the same in Playwright (Chromium) and Puppeteer (Firefox). */
interface Tab {
  run<R, A>(fn: (a: A) => R | Promise<R>, arg: A): Promise<R>;
  waitFor<A>(fn: (a: A) => boolean, arg: A, timeout?: number): Promise<void>;
  upload(selector: string, paths: string[]): Promise<void>;
  click(selector: string): Promise<void>;
  type(selector: string, text: string): Promise<void>;
  close(): Promise<void>;
}

interface Browser {
  /** An extension page ('options.html', 'popup.html'). */
  extensionPage(path: string): Promise<Tab>;
  /** A fixture page of the test server. */
  page(path: string): Promise<Tab>;
  /** The HTML printed to PDF by the browser itself. */
  print(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

function playwrightTab(p: Page): Tab {
  return {
    run: (fn, arg) => p.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg, timeout = 30_000) =>
      void (await p.waitForFunction(fn as never, arg, { timeout })),
    upload: (sel, paths) => p.setInputFiles(sel, paths),
    click: (sel) => p.click(sel),
    type: (sel, text) => p.type(sel, text, { delay: 15 }),
    close: () => p.close(),
  };
}

function puppeteerTab(p: PptrPage): Tab {
  return {
    run: (fn, arg) => p.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg, timeout = 30_000) =>
      void (await p.waitForFunction(fn as never, { timeout }, arg)),
    upload: async (sel, paths) => {
      const input = (await p.$(sel)) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(...paths);
    },
    click: (sel) => p.click(sel),
    type: (sel, text) => p.type(sel, text, { delay: 15 }),
    close: () => p.close(),
  };
}

async function chromium(): Promise<Browser> {
  const s: ChromiumSession = await launchChromium();
  return {
    extensionPage: async (path) => playwrightTab(await s.openExtensionPage(path)),
    page: async (path) => playwrightTab(await s.openPage(path)),
    async print(html) {
      const p = await s.openPage('/smoke.html');
      await p.setContent(html);
      const pdf = await p.pdf({ format: 'A4' });
      await p.close();
      return pdf;
    },
    close: () => s.close(),
  };
}

async function firefox(): Promise<Browser> {
  const f: FirefoxSession = await launchFirefox();
  return {
    // BiDi cannot navigate to moz-extension:// URLs: the extension opens its reader, which goes on.
    async extensionPage(path) {
      if (path === 'options.html') return puppeteerTab(await f.openOptions());
      const p = await f.openExtensionPage('reader|');
      await p.evaluate((to) => location.assign(to), `/${path}`);
      await p.waitForFunction(
        (to) => location.pathname === to && document.readyState === 'complete',
        {},
        `/${path}`,
      );
      return puppeteerTab(p);
    },
    page: async (path) => puppeteerTab(await f.openPage(path)),
    async print(html) {
      const p = await f.openPage('/smoke.html');
      await p.setContent(html);
      const pdf = Buffer.from(await p.pdf({ format: 'A4' }));
      await p.close();
      return pdf;
    },
    close: () => f.close(),
  };
}

// ---- steps, run in an extension page ----

type Listed = { documents: Array<{ id: string; meta: Record<string, unknown> }>; termLists: unknown[] };

/** What the library holds, as the background says (the options page may send library messages). */
const listLibrary = async (tab: Tab) =>
  (await tab.run(extensionMessage, { type: 'listLibrary', payload: {} })) as Listed;

const docCount = (tab: Tab, n: number, timeout = 60_000) =>
  tab.waitFor((k) => document.querySelectorAll('.lib-docs [data-doc]').length === k, n, timeout);

const errorsText = (tab: Tab) =>
  tab.run(() => document.querySelector('#lib-h ~ .lib-errors')?.textContent ?? '', null);

/**
 * The next file the page saves: the UI saves through a Blob URL and an <a download> click
 * (hooks/library-transfer.ts download()); its click is caught once and the blob read back, in
 * both browsers alike (Firefox's BiDi driver has no download event).
 */
const catchNextDownload = (tab: Tab) =>
  tab.run(() => {
    const w = window as unknown as { __saved?: Promise<{ name: string; text: string }> };
    const click = HTMLAnchorElement.prototype.click;
    w.__saved = new Promise((ok) => {
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        if (!this.download || !this.href.startsWith('blob:')) return click.call(this);
        HTMLAnchorElement.prototype.click = click;
        const name = this.download;
        void fetch(this.href)
          .then((r) => r.text())
          .then((text) => ok({ name, text }));
      };
    });
  }, null);

const savedFile = (tab: Tab) =>
  tab.run(() => (window as unknown as { __saved: Promise<{ name: string; text: string }> }).__saved, null);

async function exportLibrary(tab: Tab): Promise<{ name: string; text: string }> {
  await catchNextDownload(tab);
  await tab.click('.lib-backup button');
  return savedFile(tab);
}

async function popupFinds(b: Browser, query: string, docId: string): Promise<void> {
  const popup = await b.extensionPage('popup.html');
  await popup.waitFor(() => document.getElementById('q') !== null, null);
  await popup.type('#q', query);
  await popup.waitFor(
    (q) => document.getElementById('results')?.getAttribute('data-answered') === q,
    query,
    15_000,
  );
  const found = await popup.run(
    (id) =>
      [...document.querySelectorAll('#results .result-group')]
        .map((g) => ({
          passages: [...g.querySelectorAll('[role=option]')].map((o) => o.getAttribute('data-passage') ?? ''),
          mine: g.querySelector('.doc-head .doc-origin')?.getAttribute('data-origin') ?? 'bundled',
          title: g.querySelector('.doc-title')?.textContent ?? '',
        }))
        .filter((g) => g.passages.some((p) => p.startsWith(`${id}/`))),
    docId,
  );
  expect(found, `popup search "${query}"`).toHaveLength(1);
  expect(found[0]!.mine).toBe('user');
  await popup.close();
}

/** The user list's painted terms on a fixture page (highlight names policy-lens-list-<i>). */
async function listTermsPainted(b: Browser): Promise<string[]> {
  const page = await b.page('/user-terms.html');
  const deadline = Date.now() + 15_000;
  let painted: string[] = [];
  while (Date.now() < deadline) {
    const d = (await page.run(readHighlightsScript, null)) as HighlightDump;
    painted = Object.entries(d)
      .filter(([k]) => k.startsWith('policy-lens-list-'))
      .flatMap(([, v]) => v);
    if (painted.includes(TERM)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await page.close();
  return painted;
}

// ---- the scenario, in each browser ----

function scenario(name: string, launch: () => Promise<Browser>) {
  describe(`library round trip (${name})`, () => {
    let b: Browser;
    let options: Tab;
    let ids: Record<'docx' | 'html' | 'md', string>;
    let backupPath = '';
    let exported: { name: string; text: string };
    beforeAll(async () => {
      b = await launch();
      options = await b.extensionPage('options.html');
      await options.waitFor(
        () => document.querySelector('#lib-h ~ .lib-docs, .library-section p.muted') !== null,
        null,
      );
    });
    afterAll(async () => {
      await b?.close();
    });

    it('imports a DOCX, an HTML page and a Markdown file through the file input', async () => {
      await options.upload('#lib-files', [
        file('harbour.docx'),
        file('saltmarsh.html'),
        file('ferry-notes.md'),
      ]);
      await docCount(options, 3);
      expect(await errorsText(options)).toBe('');
      const { documents } = await listLibrary(options);
      const byFormat = (f: string) => documents.find((d) => d.meta.format === f);
      expect(byFormat('docx')?.meta).toMatchObject({
        title: DOCX_TITLE,
        byline: 'Provincial Planning Office',
      });
      expect(byFormat('html')?.meta).toMatchObject({ title: HTML_TITLE, lang: 'en' });
      expect(byFormat('md')?.meta).toMatchObject({ lang: 'en' });
      ids = { docx: byFormat('docx')!.id, html: byFormat('html')!.id, md: byFormat('md')!.id };
    });

    it('finds each document from the popup search, marked as the user’s own', async () => {
      await popupFinds(b, WORDS.docx, ids.docx);
      await popupFinds(b, WORDS.html, ids.html);
      await popupFinds(b, WORDS.md, ids.md);
    });

    it('a term list imported from its CSV is painted on a page that has its term', async () => {
      await options.upload('#lib-list-file', [file('port-watch.csv')]);
      await options.click('form.lib-list-import button[type=submit]');
      await options.waitFor(() => document.querySelectorAll('[data-list]').length === 1, null);
      expect(await listTermsPainted(b)).toContain(TERM);
    });

    it('bad files are refused naming the file and the line or page; the library is unchanged', async () => {
      const before = await listLibrary(options);
      // A TBX that is not XML (term lists)
      await options.upload('#lib-list-file', [file('glossary.tbx')]);
      await options.click('form.lib-list-import button[type=submit]');
      await options.waitFor(
        () => /glossary\.tbx, line/.test(document.querySelector('.lib-errors')?.textContent ?? ''),
        null,
      );
      expect(await errorsText(options)).toMatch(/glossary\.tbx, line 4: not XML/);
      // An unsupported type, a PDF with no text layer and an encrypted one (documents)
      writeFileSync(file('scan.pdf'), await b.print(SCAN_HTML));
      await options.upload('#lib-files', [file('slides.pptx'), file('scan.pdf'), file('locked.pdf')]);
      await options.waitFor(
        () => /locked\.pdf/.test(document.querySelector('.lib-errors')?.textContent ?? ''),
        null,
      );
      const errors = await errorsText(options);
      expect(errors).toMatch(/slides\.pptx: unsupported file type \.pptx/);
      expect(errors).toMatch(/scan\.pdf, page 1: no text layer/);
      expect(errors).toMatch(/locked\.pdf, page 1: the PDF is encrypted/);
      expect(await listLibrary(options)).toEqual(before);
    });

    it('a long PDF is cancelled from its progress bar: nothing of it is added', async () => {
      const before = await listLibrary(options);
      writeFileSync(file('long-report.pdf'), await b.print(LONG_HTML));
      await options.upload('#lib-files', [file('long-report.pdf')]);
      // The bar says which page it reads; Cancel while pages remain.
      await options.waitFor(
        () =>
          /page \d+ of 150/.test(
            document.querySelector('.lib-progress [role=progressbar]')?.getAttribute('aria-label') ?? '',
          ),
        null,
      );
      await options.click('.lib-progress button');
      await options.waitFor(() => document.querySelector('.lib-progress') === null, null);
      expect(
        await options.run(() => document.querySelector('.lib-notes')?.textContent ?? '', null),
      ).toContain('Cancelled');
      expect(await listLibrary(options)).toEqual(before);
    });

    it('"Export library" writes one file with the documents, the list and the settings', async () => {
      // A setting changed on the options page: the "event" category hidden.
      await options.click('#opt-cat-event');
      await options.waitFor(
        () => !(document.getElementById('opt-cat-event') as HTMLInputElement).checked,
        null,
      );
      exported = await exportLibrary(options);
      expect(exported.name).toMatch(/\.json$/);
      const backup = JSON.parse(exported.text) as {
        format: string;
        documents: Array<{ id: string; text: string }>;
        termLists: Array<{ name: string; terms: Array<{ term: string }> }>;
        settings: Record<string, unknown>;
      };
      expect(backup.format).toBe('policy-lens-library');
      expect(backup.documents.map((d) => d.id).sort()).toEqual(Object.values(ids).sort());
      expect(backup.documents.find((d) => d.id === ids.docx)?.text).toContain('old lighthouse');
      expect(backup.termLists.map((l) => l.terms.map((t) => t.term))).toEqual([[TERM]]);
      expect(backup.settings).toMatchObject({ 'v2.hiddenCategory:event': true });
      backupPath = file(`${name}-${exported.name}`);
      writeFileSync(backupPath, exported.text);
    });

    it('restored into a fresh profile, the library exports exactly the same', async () => {
      await b.close();
      b = await launch(); // a new profile: nothing of the first is left
      options = await b.extensionPage('options.html');
      await options.waitFor(
        () => document.querySelector('.library-section p.muted, .lib-docs') !== null,
        null,
      );
      expect((await listLibrary(options)).documents).toEqual([]);
      await options.upload('#lib-backup-file', [backupPath]);
      await options.waitFor(
        () =>
          /Restored 3 documents and 1 term lists/.test(
            document.querySelector('.lib-notes')?.textContent ?? '',
          ),
        null,
      );
      await docCount(options, 3);
      const again = await exportLibrary(options);
      const a = JSON.parse(exported.text) as Record<string, unknown> & { documents: Array<{ id: string }> };
      const r = JSON.parse(again.text) as typeof a;
      const byId = (x: typeof a) => [...x.documents].sort((p, q) => p.id.localeCompare(q.id));
      expect(byId(r)).toEqual(byId(a));
      expect(r.termLists).toEqual(a.termLists);
      expect(r.settings).toEqual(a.settings);
      expect(
        await options.run(() => (document.getElementById('opt-cat-event') as HTMLInputElement).checked, null),
      ).toBe(false);
      // The restored list is painted again and the restored documents are found again.
      expect(await listTermsPainted(b)).toContain(TERM);
      await popupFinds(b, WORDS.docx, ids.docx);
    });
  });
}

scenario('Chromium', chromium);
scenario('Firefox', firefox);
