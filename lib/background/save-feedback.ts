// What a context-menu "Add this page to my library" shows: the popup is closed, and the extension
// has no `notifications` permission (one permission less to justify), so the toolbar button of
// that tab says it — a badge while the page is read ("…"), then "✓" or "!", with what was added
// or the reason in the button's tooltip — and goes back to normal after a few seconds.
// Tab-specific badge and title only: other tabs never see it.
import type { ImportAnswer } from '../core/library/schema.ts';

/** The part of `browser.action` this uses (a fake in tests). */
export interface ActionApi {
  setBadgeText(d: { tabId: number; text: string }): Promise<void> | void;
  setBadgeBackgroundColor(d: { tabId: number; color: string }): Promise<void> | void;
  setTitle(d: { tabId: number; title: string }): Promise<void> | void;
}

export interface SaveFeedbackStrings {
  /** The button's normal title (the manifest's). */
  defaultTitle: string;
  saving: string;
  saved(added: { passageCount: number; conceptCount: number }): string;
  failed(reason: string): string;
}

/** How long the result stays on the button. */
export const SAVE_FEEDBACK_MS = 6000;

const COLOURS = { busy: '#4b5563', ok: '#166534', error: '#991b1b' } as const;

export interface SaveFeedback {
  busy(tabId: number): Promise<void>;
  done(tabId: number, answer: ImportAnswer): Promise<void>;
}

export function saveFeedback(
  api: ActionApi,
  s: SaveFeedbackStrings,
  timers: { set(f: () => void, ms: number): unknown; clear(h: unknown): void } = {
    set: (f, ms) => setTimeout(f, ms),
    clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  },
): SaveFeedback {
  const pending = new Map<number, unknown>();
  // A closed tab or a browser without the API must not turn a saved page into an error.
  const quietly = async (f: () => Promise<void> | void) => {
    try {
      await f();
    } catch {
      /* the tab is gone */
    }
  };
  const show = async (tabId: number, text: string, color: string, title: string) => {
    const old = pending.get(tabId);
    if (old !== undefined) timers.clear(old);
    pending.delete(tabId);
    await quietly(() => api.setBadgeBackgroundColor({ tabId, color }));
    await quietly(() => api.setBadgeText({ tabId, text }));
    await quietly(() => api.setTitle({ tabId, title }));
  };
  const reset = (tabId: number) => {
    pending.delete(tabId);
    void quietly(() => api.setBadgeText({ tabId, text: '' }));
    void quietly(() => api.setTitle({ tabId, title: s.defaultTitle }));
  };
  return {
    busy: (tabId) => show(tabId, '…', COLOURS.busy, s.saving),
    async done(tabId, answer) {
      if (answer.ok) await show(tabId, '✓', COLOURS.ok, s.saved(answer));
      else await show(tabId, '!', COLOURS.error, s.failed(answer.error));
      pending.set(
        tabId,
        timers.set(() => reset(tabId), SAVE_FEEDBACK_MS),
      );
    },
  };
}
