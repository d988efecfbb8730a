// PDFs whose CJK fonts are not embedded (common in Chinese and Japanese government PDFs) have text
// only through pdf.js's character maps: read with the import's own load options, in node.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { cjkPdf } from './cjk-pdf.testing.ts';
import { pageText, pdfLoadOptions, type PdfTextItem } from './pdf-text.ts';

const CMAPS = join(import.meta.dirname, '..', '..', 'node_modules', 'pdfjs-dist', 'cmaps') + '/';

async function textOf(data: Uint8Array, cMapUrl: string | undefined): Promise<string> {
  const opts = cMapUrl ? pdfLoadOptions(data, cMapUrl) : { data, stopAtErrors: false };
  const task = getDocument({ ...opts, verbosity: 0 });
  const page = await (await task.promise).getPage(1);
  const content = await page.getTextContent();
  await task.destroy();
  return pageText(content.items.flatMap((i): PdfTextItem[] => ('str' in i ? [i] : [])));
}

describe('PDF text with fonts that are not embedded', () => {
  const pdf = () =>
    cjkPdf([
      { lang: 'zh', text: '坚决做到两个维护' },
      { lang: 'ja', text: '二つの擁護を徹底する' },
    ]);

  it('is read with the character maps the import passes to pdf.js', async () => {
    expect(await textOf(pdf(), CMAPS)).toBe('坚决做到两个维护\n\n二つの擁護を徹底する');
  });

  it('without them pdf.js finds no text at all (why the build ships the maps)', async () => {
    expect(await textOf(pdf(), undefined)).toBe('');
  });

  it('the maps are named by URL (the extension passes its own chrome-/moz-extension:// URL)', () => {
    expect(pdfLoadOptions(new Uint8Array(1), pathToFileURL(CMAPS).href)).toMatchObject({
      cMapUrl: pathToFileURL(CMAPS).href,
      cMapPacked: true,
    });
  });
});
