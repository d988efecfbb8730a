// The library's message handlers (issue #12). Placeholder of the contract commit: every library
// message answers "not available" until the store slice (lib/background/library/) replaces this
// file with the IndexedDB-backed implementation.
import type { HandlersFor, LibraryMessage } from '../../messaging.ts';

const unavailable = { ok: false as const, error: 'The library is not available in this build.' };

export function libraryHandlers(): HandlersFor<LibraryMessage | 'getUserMatcher'> {
  return {
    importDocument: () => unavailable,
    updateDocument: () => unavailable,
    deleteDocument: () => unavailable,
    getUserDocument: () => null,
    importTermList: () => unavailable,
    updateTermList: () => unavailable,
    deleteTermList: () => unavailable,
    listLibrary: () => ({ version: 0, documents: [], termLists: [] }),
    exportLibrary: () => {
      throw new Error('The library is not available in this build.');
    },
    restoreLibrary: () => unavailable,
    restoreDocument: () => unavailable,
    savePage: () => unavailable,
    getUserMatcher: () => ({ version: 0, matcher: null, colours: {} }),
  };
}
