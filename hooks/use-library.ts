// The Library section's state and actions: the lists (listLibrary), one long job at a time with
// progress and Cancel (an AbortController), and what went wrong, naming the file and the row,
// line or page. Talks to the background through `send` (the messaging; tests pass a fake).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { TermListRecord } from '../lib/core/library/schema.ts';
import { parseTermList } from '../lib/core/library/term-list-parse.ts';
import { termListToCsv, termListToTbx, termListToYomitan } from '../lib/core/library/term-list-export.ts';
import { formatBytes } from '../lib/import/read-file.ts';
import { finish } from '../lib/import/finish.ts';
import { normaliseParagraphs } from '../lib/import/finish.ts';
import { IMPORT_FILE_MAX_BYTES } from '../lib/core/limits.ts';
import { t } from '../lib/i18n.ts';
import type { LibraryModel, ListExportFormat } from '../lib/library-model.ts';
import { sendToBackground } from '../lib/messaging.ts';
import {
  download,
  exportBackup,
  importFiles,
  readBackupFile,
  restoreBackup,
  type JobHooks,
  type Progress,
  type Send,
} from './library-transfer.ts';

export type LibraryData = LibraryModel['data'] & {};
export type { ListExportFormat };
/** The hook's answer is the Library section's model (lib/library-model.ts). */
export type LibraryApi = LibraryModel;

const safeName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 80) || 'list';

export function useLibrary(send: Send = sendToBackground): LibraryApi {
  const [data, setData] = useState<LibraryData>();
  const [loadError, setLoadError] = useState<string>();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [notes, setNotes] = useState<string[]>([]);
  const abort = useRef<AbortController | null>(null);

  const reload = useCallback(() => {
    send('listLibrary', {})
      .then(
        (d) => {
          if (!d) throw new Error('no answer');
          setData(d);
          setLoadError(undefined);
        },
        (e: unknown) => setLoadError(String(e)),
      )
      .catch((e: unknown) => setLoadError(String(e)));
  }, [send]);
  useEffect(reload, [reload]);

  /** Runs one job: clears the messages, shows progress, reloads the lists at the end. */
  const run = useCallback(
    async (work: (job: JobHooks) => Promise<void>) => {
      abort.current?.abort();
      const ctl = new AbortController();
      abort.current = ctl;
      setErrors([]);
      setNotes([]);
      setProgress({ label: '', fraction: 0 });
      const job: JobHooks = {
        signal: ctl.signal,
        progress: (p) => !ctl.signal.aborted && setProgress(p),
        error: (m) => setErrors((es) => [...es, m]),
        done: (m) => setNotes((ns) => [...ns, m]),
      };
      try {
        await work(job);
      } catch (e) {
        if (!ctl.signal.aborted) job.error(String(e));
      } finally {
        if (ctl.signal.aborted) setNotes((ns) => [...ns, t('libCancelled')]);
        if (abort.current === ctl) abort.current = null;
        setProgress(null);
        reload();
      }
    },
    [reload],
  );
  /** A short action: its error (the answer's or a thrown one) is shown; true when it worked. */
  const act = useCallback(
    async (what: () => Promise<{ ok: boolean; error?: string } | undefined>): Promise<boolean> => {
      setErrors([]);
      setNotes([]);
      try {
        const a = await what();
        if (!a?.ok) setErrors([a?.error ?? 'no answer from the extension']);
        return a?.ok ?? false;
      } catch (e) {
        setErrors([String(e)]);
        return false;
      } finally {
        reload();
      }
    },
    [reload],
  );

  const list = async (listId: string): Promise<TermListRecord | undefined> =>
    (await send('exportLibrary', {})).backup.termLists.find((l) => l.id === listId);

  return {
    data,
    loadError,
    reload,
    progress,
    cancel: () => abort.current?.abort(),
    errors,
    notes,
    importFiles: (files) =>
      run(async (job) => {
        await importFiles(send, files, job, {
          reading: (f, i, n) => t('libReadingFile', [f, i, n]),
          readingPage: (f, p, n) => t('libReadingPage', [f, p, n]),
          added: (title, passages, concepts) => t('libAdded', [title, passages, concepts]),
        });
      }),
    importPaste: (title, text) =>
      act(async () => {
        const r = finish(title.trim() || t('libPastedText'), 'paste', normaliseParagraphs(text), { title });
        if (!r.ok) return r;
        const a = await send('importDocument', r.doc);
        if (a?.ok) setNotes([t('libAdded', [r.doc.meta.title, a.passageCount, a.conceptCount])]);
        return a;
      }),
    updateDocument: (docId, patch) => act(() => send('updateDocument', { docId, patch })),
    deleteDocument: async (docId) => void (await act(() => send('deleteDocument', { docId }))),
    importTermList: (file, name, colour) =>
      act(async () => {
        if (file.size > IMPORT_FILE_MAX_BYTES)
          return {
            ok: false,
            error: `${file.name}: ${formatBytes(file.size)}, larger than the ${formatBytes(IMPORT_FILE_MAX_BYTES)} a file may be`,
          };
        const parsed = parseTermList(file.name, new TextDecoder().decode(await file.arrayBuffer()));
        if (!parsed.ok) return parsed;
        const a = await send('importTermList', {
          name: name.trim() || file.name.replace(/\.[^.]+$/, ''),
          colour,
          format: parsed.format,
          fileName: file.name,
          terms: parsed.terms,
        });
        if (a?.ok) setNotes([t('libListAdded', [parsed.terms.length]), ...parsed.warnings]);
        return a;
      }),
    updateTermList: (listId, patch) => act(() => send('updateTermList', { listId, patch })),
    deleteTermList: async (listId) => void (await act(() => send('deleteTermList', { listId }))),
    exportTermList: async (listId, format) => {
      await act(async () => {
        const l = await list(listId);
        if (!l) return { ok: false, error: t('libListGone') };
        const base = safeName(l.name);
        if (format === 'csv') download(`${base}.csv`, termListToCsv(l), 'text/csv;charset=utf-8');
        else if (format === 'tbx') download(`${base}.tbx`, termListToTbx(l), 'application/x-tbx+xml');
        else download(`${base}-yomitan.zip`, termListToYomitan(l), 'application/zip');
        return { ok: true };
      });
    },
    exportLibrary: () =>
      run(async (job) => {
        const out = await exportBackup(send, job, (i, n) => t('libExporting', [i, n]));
        if (out === null) return;
        download(out.fileName, out.json, 'application/json');
        job.done(t('libExported'));
      }),
    importBackup: (file, replace) =>
      run(async (job) => {
        const parsed = await readBackupFile(file);
        if (!parsed.ok) return job.error(parsed.error);
        const n = await restoreBackup(send, parsed.backup, replace, job, (i, m) => t('libRestoring', [i, m]));
        if (n !== null) job.done(t('libRestored', [n, parsed.backup.termLists.length]));
      }),
  };
}
