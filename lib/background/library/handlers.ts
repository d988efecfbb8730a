// The library's message handlers (issue #12). Every LIBRARY_MESSAGES message reveals or changes
// the user's own data: it is answered only when it comes from one of the extension's own pages
// (the sender's URL under runtime.getURL('/'), which the browser sets and a page cannot forge),
// and rejected otherwise. getUserMatcher answers every frame: the content scripts need it.
import { LIBRARY_MESSAGES, type HandlersFor, type LibraryMessage } from '../../messaging.ts';
import type { SenderInfo } from '../../messaging.ts';
import { BACKUP_FORMAT, type ImportAnswer, type LibraryBackup } from '../../core/library/schema.ts';
import type { Library } from './library.ts';
import { articleImport, isExtractedArticle, type RunExtraction } from './save-page.ts';
import { documentSummaries, listSummaries } from './summaries.ts';

/** The settings part of a backup: read as storage holds them, restored entry by entry. */
export interface SettingsIo {
  read(): Promise<Record<string, unknown>>;
  restore(items: Record<string, unknown>, replace: boolean): Promise<void>;
}

export interface LibraryHandlerOptions {
  /** runtime.getURL('/'): the extension's own pages live under it. */
  extensionBase: string;
  runExtraction: RunExtraction;
  settings: SettingsIo;
  now?: () => Date;
}

export type LibraryHandlers = HandlersFor<LibraryMessage | 'getUserMatcher'>;

/** True when the message comes from one of the extension's pages (not a content script in a tab). */
export function isExtensionPage(sender: SenderInfo, extensionBase: string): boolean {
  return typeof sender.url === 'string' && extensionBase.length > 0 && sender.url.startsWith(extensionBase);
}

const problem = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Extracts the tab's article and imports it (the popup's button and the context menu's item). */
export async function saveTab(
  library: Library,
  o: Pick<LibraryHandlerOptions, 'runExtraction' | 'now'>,
  tabId: number,
): Promise<ImportAnswer> {
  let found: unknown;
  try {
    found = await o.runExtraction(tabId);
  } catch (e) {
    return { ok: false, error: `This page cannot be read: ${problem(e)}` };
  }
  if (!isExtractedArticle(found)) return { ok: false, error: 'No article was found on this page.' };
  const doc = articleImport(found, (o.now ?? (() => new Date()))());
  if (typeof doc === 'string') return { ok: false, error: doc };
  return library.importDocument(doc);
}

function unguarded(library: Library, o: LibraryHandlerOptions): LibraryHandlers {
  const now = o.now ?? (() => new Date());
  return {
    importDocument: (doc) => library.importDocument(doc),
    updateDocument: ({ docId, patch }) => library.updateDocument(docId, patch),
    deleteDocument: ({ docId }) => library.deleteDocument(docId),
    getUserDocument: ({ docId }) => library.getRecord(docId),
    importTermList: (list) => library.importTermList(list),
    updateTermList: ({ listId, patch }) => library.updateTermList(listId, patch),
    deleteTermList: ({ listId }) => library.deleteTermList(listId),
    listLibrary: async () => {
      const snap = await library.snapshot();
      return { version: snap.version, documents: documentSummaries(snap), termLists: listSummaries(snap) };
    },
    exportLibrary: async () => {
      const snap = await library.snapshot();
      const backup: LibraryBackup = {
        format: BACKUP_FORMAT,
        version: 1,
        exportedAt: now().toISOString(),
        // one message per document follows (getUserDocument): a library of 20 MB is not one message
        documents: [],
        termLists: snap.lists.lists,
        settings: await o.settings.read(),
      };
      return { backup, documentIds: snap.docs.map((d) => d.record.id) };
    },
    restoreLibrary: async ({ backup, replace }) => {
      try {
        const termLists = await library.restoreLists(backup.termLists, replace);
        for (const record of backup.documents) {
          const r = await library.storeDocument(record);
          if (!r.ok) return { ok: false, error: `${record.meta.title}: ${r.error}` };
        }
        await o.settings.restore(backup.settings, replace);
        return { ok: true, termLists };
      } catch (e) {
        return { ok: false, error: `The backup could not be restored: ${problem(e)}` };
      }
    },
    restoreDocument: ({ record }) => library.storeDocument(record),
    savePage: ({ tabId }) => saveTab(library, o, tabId),
    getUserMatcher: () => library.userMatcher(),
  };
}

/** The handlers, library messages refused (rejected) unless an extension page sent them. */
export function libraryHandlers(library: Library, options: LibraryHandlerOptions): LibraryHandlers {
  const handlers = unguarded(library, options);
  const guarded = { ...handlers } as Record<string, (p: unknown, s: SenderInfo) => unknown>;
  for (const type of LIBRARY_MESSAGES) {
    const inner = guarded[type]!;
    guarded[type] = (payload, sender) => {
      if (!isExtensionPage(sender, options.extensionBase))
        return Promise.reject(new Error(`${type} is answered only to the extension's own pages`));
      return inner(payload, sender);
    };
  }
  return guarded as unknown as LibraryHandlers;
}
