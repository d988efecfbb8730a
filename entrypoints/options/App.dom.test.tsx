import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';

// The options page when storage fails: reading (an error with Retry) and saving (a message; the
// switches keep showing what is saved).
const faults = vi.hoisted(() => ({ get: false, set: false }));
const storage = await vi.hoisted(async () => (await import('../../lib/storage.testing.ts')).fakeStorage());
vi.mock('wxt/browser', async () => ({
  browser: {
    i18n: (await import('../../lib/i18n.testing.ts')).fakeI18n,
    // The Library section of the same page asks for its lists: an empty library, so the only
    // alerts are the settings' own.
    runtime: {
      sendMessage: (m: { type?: string }) =>
        Promise.resolve(m.type === 'listLibrary' ? { version: 0, documents: [], termLists: [] } : undefined),
      getURL: (p: string) => `chrome-extension://test${p}`,
    },
    storage: {
      onChanged: storage.api.onChanged,
      local: {
        get: (k: never) =>
          faults.get ? Promise.reject(new Error('storage down')) : storage.api.local.get(k),
        set: (v: never) => (faults.set ? Promise.reject(new Error('quota')) : storage.api.local.set(v)),
        remove: (k: never) => (faults.set ? Promise.reject(new Error('quota')) : storage.api.local.remove(k)),
      },
    },
  },
}));

const { App } = await import('./App.tsx');
const en = (await import('../../public/_locales/en/messages.json')).default;

/** The text of the page's alerts (the Library's live region is always there, empty until used). */
const alerts = (root: Element) =>
  [...root.querySelectorAll('[role=alert]')].map((e) => e.textContent ?? '').join('');

describe('options page failures', () => {
  it('unreadable settings: an error with Retry; a failed save: a message, nothing shown unsaved', async () => {
    faults.get = true;
    const root = document.body.appendChild(document.createElement('div'));
    await act(() => render(<App />, root));
    await vi.waitFor(() => expect(alerts(root)).toContain(en.settingsLoadFailed.message));
    expect(root.textContent).not.toContain(en.loading.message);

    faults.get = false;
    await act(() => root.querySelector<HTMLButtonElement>('[role=alert] button')!.click());
    await vi.waitFor(() => expect(root.querySelector('#opt-cat-person')).not.toBeNull());
    expect(alerts(root)).toBe('');

    faults.set = true;
    const person = root.querySelector<HTMLInputElement>('#opt-cat-person')!;
    await act(() => person.click());
    await vi.waitFor(() => expect(alerts(root)).toContain(en.settingsSaveFailed.message));
    expect(storage.dump()).toEqual({});
    expect(person.checked).toBe(true); // shows what is saved
    await act(() => person.click()); // a second failure too
    await vi.waitFor(() => expect(person.checked).toBe(true));

    faults.set = false;
    await act(() => root.querySelector<HTMLInputElement>('#opt-cat-place')!.click());
    await vi.waitFor(() => expect(alerts(root)).toBe(''));
    expect(storage.dump()).toEqual({ 'v2.hiddenCategory:place': true });
    render(null, root);
  });
});
