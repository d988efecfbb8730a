import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SettingsApi } from './use-settings.ts';

// Two options pages at once: two mounted useSettings() sharing one storage area whose calls are
// asynchronous and interleave as in the browser (lib/storage.testing.ts).
const storage = await vi.hoisted(async () => (await import('../lib/storage.testing.ts')).fakeStorage());
vi.mock('wxt/browser', () => ({ browser: { storage: storage.api } }));

const { useSettings } = await import('./use-settings.ts');
const { readSettings } = await import('../lib/settings.ts');

const pages: Array<{ api: SettingsApi | undefined; root: HTMLElement }> = [];
async function openPage() {
  const page = { api: undefined as SettingsApi | undefined, root: document.createElement('div') };
  function Probe() {
    page.api = useSettings();
    return null;
  }
  await act(() => render(<Probe />, page.root));
  await vi.waitFor(() => expect(page.api?.settings).toBeDefined());
  pages.push(page);
  return page.api!;
}
/** Two pages' changes at the same moment (both started before either is answered). */
const both = (...writes: Array<Promise<void>>) =>
  act(async () => {
    await Promise.all(writes);
  });
/** Lets queued storage calls, their replies and onChanged events run. */
const settle = () => act(() => new Promise<void>((r) => setTimeout(r, 30)));

describe('useSettings: two pages changing settings at once', () => {
  beforeEach(() => storage.reset());
  afterEach(() => {
    for (const p of pages.splice(0)) render(null, p.root);
  });

  it('keeps both pages’ site changes (adding and removing different sites)', async () => {
    const one = await openPage();
    const two = await openPage();
    await one.setSiteEnabled('a.example', false);
    await one.setSiteEnabled('b.example', false);
    await one.setSiteEnabled('c.example', false);
    await settle();
    expect((await readSettings()).disabledSites).toEqual(['a.example', 'b.example', 'c.example']);

    await both(one.setSiteEnabled('a.example', true), two.setSiteEnabled('b.example', true));
    await settle();
    expect((await readSettings()).disabledSites).toEqual(['c.example']);

    await both(one.setSiteEnabled('x.example', false), two.setSiteEnabled('y.example', false));
    await settle();
    expect((await readSettings()).disabledSites).toEqual(['c.example', 'x.example', 'y.example']);
    // Both pages show what storage holds.
    for (const p of pages)
      expect(p.api?.settings?.disabledSites).toEqual(['c.example', 'x.example', 'y.example']);
  });

  it('keeps both pages’ category changes', async () => {
    const one = await openPage();
    const two = await openPage();
    await both(one.setCategoryShown('person', false), two.setCategoryShown('place', false));
    await settle();
    expect([...(await readSettings()).hiddenCategories].sort()).toEqual(['person', 'place']);
    await both(one.setCategoryShown('place', true), two.setCategoryShown('event', false));
    await settle();
    expect([...(await readSettings()).hiddenCategories].sort()).toEqual(['event', 'person']);
    for (const p of pages)
      expect([...(p.api?.settings?.hiddenCategories ?? [])].sort()).toEqual(['event', 'person']);
  });
});
