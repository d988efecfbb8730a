// Stage 7 (the user's library, issue #12): when the user's term lists change, the background
// tells every frame `libraryChanged {version}`; the world asks for the user matcher again (once,
// for all the documents it drives) and rescans them, so new terms appear and deleted ones vanish
// on every open tab without a reload. Only the background can say it: it arrives through
// runtime.onMessage, which pages cannot reach (they have no extension messaging), and a message
// sent from a tab (another content script) is refused; nothing here listens to page events.
import { browser } from 'wxt/browser';
import { listen } from '../messaging.ts';
import type { LensContext } from './types.ts';

export interface LibraryDeps {
  /** The user lists changed to `version`: resolves true when the terms in use changed. */
  refresh(version: number): Promise<boolean>;
  /** Scan the world's documents again with the new terms. */
  rescan(): void;
}

export function followLibrary(ctx: LensContext, deps: LibraryDeps): void {
  ctx.onInvalidated(
    listen(['libraryChanged'], {
      libraryChanged: ({ version }, sender) => {
        // From our background (or an extension page): no tab, our own id.
        if (sender.tabId !== undefined || sender.id !== browser.runtime.id) return {};
        deps.refresh(version).then(
          (changed) => {
            if (changed && ctx.isValid) deps.rescan();
          },
          (e: unknown) => console.debug('[policy-lens] user lists not refreshed', e),
        );
        return {}; // answered at once: the rescan runs in this frame's idle slices
      },
    }),
  );
}
