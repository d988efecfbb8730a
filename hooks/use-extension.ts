// Extension actions the UI triggers: opening reader/options tabs, the reader URL, clipboard.
import { browser } from 'wxt/browser';
import { sendToBackground } from '../lib/messaging.ts';

/** Absolute URL of the reader page (without hash). */
export function readerUrl(): string {
  return browser.runtime.getURL('/reader.html');
}

/** Opens the reader at `hash` in a new tab and closes the popup (no-op for a popup tab that can't close). */
export async function openReaderTab(hash: string, closeSelf = true): Promise<void> {
  const h = hash.startsWith('#') ? hash : `#${hash}`;
  await browser.tabs.create({ url: `${readerUrl()}${h}` });
  if (closeSelf) window.close();
}

/** The popup's search UI as a tab next to this one, running `query` (the card's "search the corpus"). */
export function searchInTab(query: string): void {
  void sendToBackground('openSearch', { query }).catch(() => undefined);
}

export function openOptionsPage(): void {
  void browser.runtime.openOptionsPage();
  window.close();
}

/** Writes text to the clipboard; resolves false when the browser refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Fallback for contexts without clipboard permission: a hidden textarea + execCommand.
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.append(ta);
    ta.select();
    let ok: boolean;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    ta.remove();
    return ok;
  }
}
