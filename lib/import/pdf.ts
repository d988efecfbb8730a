// .pdf files with pdf.js: the text layer page by page (progress per page, cancellable), the
// document information (Title, Author, CreationDate). The worker is bundled with the extension
// (Vite's ?worker import: its own script file, loaded from the extension, only on the pages that
// import this module, never in a content script); so are its character maps (for CJK fonts a PDF
// does not embed). An encrypted PDF or one without a text layer is refused with the file's name
// and the page.
import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import PdfWorker from 'pdfjs-dist/build/pdf.worker.min.mjs?worker';
import { finish, type ReadOptions, type ReadResult } from './finish.ts';
import { joinPages, pageText, PDF_CMAP_DIR, pdfLoadOptions, type PdfTextItem } from './pdf-text.ts';

let worker: Worker | null = null;
function ensureWorker(): void {
  if (worker) return;
  worker = new PdfWorker();
  GlobalWorkerOptions.workerPort = worker;
}

interface PdfInfo {
  Title?: unknown;
  Author?: unknown;
  CreationDate?: unknown;
  Producer?: unknown;
}
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export async function readPdf(
  fileName: string,
  data: ArrayBuffer,
  opts: ReadOptions = {},
): Promise<ReadResult & { warnings?: string[] }> {
  ensureWorker();
  const task = getDocument(pdfLoadOptions(new Uint8Array(data), new URL(PDF_CMAP_DIR, location.href).href));
  const onAbort = () => void task.destroy();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let pdf;
    try {
      pdf = await task.promise;
    } catch (e) {
      const name = (e as { name?: string }).name;
      if (name === 'PasswordException')
        return {
          ok: false,
          error: `${fileName}, page 1: the PDF is encrypted (password-protected); remove the password and import it again`,
        };
      if (opts.signal?.aborted) throw e;
      return { ok: false, error: `${fileName}: not a readable PDF (${(e as Error).message ?? String(e)})` };
    }
    const pages: string[] = [];
    const empty: number[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      opts.signal?.throwIfAborted();
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const text = pageText(content.items.flatMap((i): PdfTextItem[] => ('str' in i ? [i] : [])));
      if (!text) empty.push(n);
      pages.push(text);
      page.cleanup();
      opts.onProgress?.(n, pdf.numPages);
    }
    if (empty.length === pdf.numPages)
      return {
        ok: false,
        error: `${fileName}, page 1: no text layer (a scanned PDF?): none of its ${pdf.numPages} pages holds text`,
      };
    const { info } = (await pdf.getMetadata().catch(() => ({ info: {} }))) as { info: PdfInfo };
    const { text, pageStarts } = joinPages(pages);
    const res = finish(fileName, 'pdf', text, {
      title: str(info.Title),
      byline: str(info.Author),
      date: str(info.CreationDate),
      pageStarts,
    });
    const warnings = empty.length
      ? [`${fileName}: no text on page${empty.length > 1 ? 's' : ''} ${empty.join(', ')} (images only?)`]
      : undefined;
    return warnings && res.ok ? { ...res, warnings } : res;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    void task.destroy();
  }
}
