// One entry for every document file the Library section is given: refuses by size before reading,
// picks the reader by the file's extension, and answers a DocumentImport or an error that names
// the file. The PDF and DOCX readers (pdf.js, mammoth) load only when such a file comes.
import { IMPORT_FILE_MAX_BYTES } from '../core/limits.ts';
import type { ReadOptions, ReadResult } from './finish.ts';
import { readHtml } from './html.ts';
import { readText } from './text.ts';

export type { ReadOptions, ReadResult } from './finish.ts';
export type FileReadResult = ReadResult & { warnings?: string[] };

/** The document types the file picker offers (its `accept`). */
export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.pdf', '.docx'] as const;

/** What a reader needs of a File (the DOM's File has it; tests pass a small stand-in). */
export interface FileLike {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

/**
 * Text files as UTF-8 (or UTF-16 with a byte-order mark). Bytes that are not UTF-8 make an error
 * naming the line: guessing GBK or Big5 would import mojibake.
 */
export function decodeText(
  fileName: string,
  bytes: ArrayBuffer,
): { ok: true; text: string } | { ok: false; error: string } {
  const b = new Uint8Array(bytes);
  if (b[0] === 0xff && b[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(b) };
  if (b[0] === 0xfe && b[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(b) };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(b) };
  } catch {
    const loose = new TextDecoder('utf-8').decode(b);
    const at = loose.indexOf('\ufffd');
    const line = loose.slice(0, Math.max(0, at)).split('\n').length;
    return {
      ok: false,
      error: `${fileName}, line ${line}: not UTF-8 text (save the file as UTF-8 and import it again)`,
    };
  }
}

export async function readDocumentFile(file: FileLike, opts: ReadOptions = {}): Promise<FileReadResult> {
  const name = file.name;
  const ext = extensionOf(name);
  if (!(DOCUMENT_EXTENSIONS as readonly string[]).includes(`.${ext}`))
    return {
      ok: false,
      error: `${name}: unsupported file type${ext ? ` .${ext}` : ''} (the library reads ${DOCUMENT_EXTENSIONS.join(' ')})`,
    };
  if (file.size > IMPORT_FILE_MAX_BYTES)
    return {
      ok: false,
      error: `${name}: ${formatBytes(file.size)}, larger than the ${formatBytes(IMPORT_FILE_MAX_BYTES)} a file may be`,
    };
  if (file.size === 0) return { ok: false, error: `${name}: the file is empty` };
  const bytes = await file.arrayBuffer();
  opts.signal?.throwIfAborted();
  if (ext === 'pdf') return (await import('./pdf.ts')).readPdf(name, bytes, opts);
  if (ext === 'docx') return (await import('./docx.ts')).readDocx(name, bytes);
  const decoded = decodeText(name, bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.text.replace(/^\ufeff/, '');
  if (ext === 'html' || ext === 'htm') return readHtml(name, text);
  return readText(name, text, ext === 'md' || ext === 'markdown');
}
