// The long jobs of the Library section, as plain async functions over a `send` function (the
// messaging, or a test's fake): importing files one by one, exporting and restoring a backup.
// Each reports progress and stops between steps when its signal is aborted. A bad file is
// refused whole with its name; the other files of the same drop go on.
import type {
  DocumentImport,
  ImportAnswer,
  LibraryBackup,
  UserDocumentRecord,
} from '../lib/core/library/schema.ts';
import { backupFileName, backupToJson, parseBackup } from '../lib/core/library/backup.ts';
import { IMPORT_FILE_MAX_BYTES } from '../lib/core/limits.ts';
import { formatBytes, readDocumentFile, type FileLike } from '../lib/import/read-file.ts';
import type { BackgroundProtocol, Req, Res } from '../lib/messaging.ts';

export type Send = <K extends keyof BackgroundProtocol>(type: K, payload: Req<K>) => Promise<Res<K>>;

export interface Progress {
  /** What is being done ("Reading report.pdf, page 3 of 40"). */
  label: string;
  /** 0..1 */
  fraction: number;
}

export interface JobHooks {
  signal: AbortSignal;
  progress(p: Progress): void;
  /** A problem that stopped one item (the others go on). */
  error(message: string): void;
  /** A line of what was done. */
  done(message: string): void;
}

export interface JobText {
  reading(file: string, i: number, n: number): string;
  readingPage(file: string, page: number, pages: number): string;
  added(title: string, passages: number, concepts: number): string;
}

/** Sends one parsed document; an answer that is no answer is an error too. */
async function sendImport(send: Send, doc: DocumentImport): Promise<ImportAnswer> {
  try {
    const a = await send('importDocument', doc);
    return a ?? { ok: false, error: 'no answer from the extension' };
  } catch (e) {
    return { ok: false, error: String(e) };
  }
}

export async function importFiles(
  send: Send,
  files: readonly FileLike[],
  job: JobHooks,
  text: JobText,
): Promise<number> {
  let added = 0;
  for (const [i, f] of files.entries()) {
    if (job.signal.aborted) break;
    job.progress({ label: text.reading(f.name, i + 1, files.length), fraction: i / files.length });
    let r;
    try {
      r = await readDocumentFile(f, {
        signal: job.signal,
        onProgress: (page, pages) =>
          job.progress({
            label: text.readingPage(f.name, page, pages),
            fraction: (i + page / pages) / files.length,
          }),
      });
    } catch (e) {
      if (job.signal.aborted) break;
      job.error(`${f.name}: ${String(e)}`);
      continue;
    }
    if (job.signal.aborted) break;
    if (!r.ok) {
      job.error(r.error);
      continue;
    }
    for (const w of r.warnings ?? []) job.error(w);
    const a = await sendImport(send, r.doc);
    if (!a.ok) job.error(`${f.name}: ${a.error}`);
    else {
      added++;
      job.done(text.added(r.doc.meta.title, a.passageCount, a.conceptCount));
    }
  }
  job.progress({ label: '', fraction: 1 });
  return added;
}

/** "Export library": the lists and settings, then each document; the backup as JSON text. */
export async function exportBackup(
  send: Send,
  job: JobHooks,
  label: (i: number, n: number) => string,
): Promise<{ json: string; fileName: string } | null> {
  const { backup, documentIds } = await send('exportLibrary', {});
  const documents: UserDocumentRecord[] = [];
  for (const [i, id] of documentIds.entries()) {
    if (job.signal.aborted) return null;
    job.progress({ label: label(i + 1, documentIds.length), fraction: i / Math.max(1, documentIds.length) });
    const doc = await send('getUserDocument', { docId: id });
    if (doc) documents.push(doc);
  }
  job.progress({ label: '', fraction: 1 });
  return { json: backupToJson({ ...backup, documents }), fileName: backupFileName(backup.exportedAt) };
}

/** Reads a backup file: refused by size before reading, parsed and checked entry by entry. */
export async function readBackupFile(
  file: FileLike,
): Promise<{ ok: true; backup: LibraryBackup } | { ok: false; error: string }> {
  if (file.size > IMPORT_FILE_MAX_BYTES * 4)
    return { ok: false, error: `${file.name}: ${formatBytes(file.size)}, larger than a backup may be` };
  const text = new TextDecoder().decode(await file.arrayBuffer());
  return parseBackup(file.name, text);
}

/**
 * "Import backup": lists and settings first, then the documents one by one (each whole or not at
 * all). The number restored, or null when the library refused the backup (nothing changed).
 */
export async function restoreBackup(
  send: Send,
  backup: LibraryBackup,
  replace: boolean,
  job: JobHooks,
  label: (i: number, n: number) => string,
): Promise<number | null> {
  const first = await send('restoreLibrary', { backup: { ...backup, documents: [] }, replace });
  if (!first.ok) {
    job.error(`${first.error}`);
    return null;
  }
  let restored = 0;
  const n = backup.documents.length;
  for (const [i, record] of backup.documents.entries()) {
    if (job.signal.aborted) break;
    job.progress({ label: label(i + 1, n), fraction: i / Math.max(1, n) });
    const a = await send('restoreDocument', { record }).catch((e: unknown) => ({
      ok: false as const,
      error: String(e),
    }));
    if (a.ok) restored++;
    else job.error(`documents[${i}] (${record.meta.title}): ${a.error}`);
  }
  job.progress({ label: '', fraction: 1 });
  return restored;
}

/** Saves `data` as a file the user downloads (a Blob URL and an <a download>, revoked after). */
export function download(fileName: string, data: string | Uint8Array, type: string): void {
  const blob = new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
