// The library's store in real browsers (issue #12, slice STORE): "Add this page to my library"
// extracts the article of a tab with the bundled Readability script, imports it into IndexedDB,
// and the popup's search finds it next to the bundled corpus. The page is not made to load or run
// anything again, and nothing leaves the machine. (The UI's button and the cross-slice flows are
// the lead's e2e after the merge; here the extension page sends the messages the button sends.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, launchFirefox, type ChromiumSession, type FirefoxSession } from './harness.ts';

declare const chrome: {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
};

interface Saved {
  saved: { ok: boolean; id?: string; error?: string };
  listed: { documents: Array<{ id: string; meta: Record<string, unknown> }> };
  hits: string[];
}

/** Runs in an extension page: the popup's "Add this page" message for the article's tab, then reads back. */
async function saveAndRead(articleUrl: string): Promise<Saved> {
  const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  const tabs = await api.tabs.query({});
  const tab = tabs.find((t) => t.url === articleUrl);
  if (tab?.id === undefined) throw new Error(`no tab for ${articleUrl}: ${JSON.stringify(tabs)}`);
  const saved = (await api.runtime.sendMessage({
    type: 'savePage',
    payload: { tabId: tab.id },
  })) as Saved['saved'];
  const listed = (await api.runtime.sendMessage({ type: 'listLibrary', payload: {} })) as Saved['listed'];
  const search = (await api.runtime.sendMessage({
    type: 'searchCorpus',
    payload: { query: '两个维护', limit: 50 },
  })) as { hits: Array<{ passageId: string }> };
  return { saved, listed, hits: search.hits.map((h) => h.passageId) };
}

function expectSaved(r: Saved, articleUrl: string): void {
  expect(r.saved).toMatchObject({ ok: true });
  const doc = r.listed.documents.find((d) => d.id === r.saved.id);
  expect(doc?.meta).toMatchObject({
    title: expect.stringContaining('示范区建设情况通报'),
    url: articleUrl,
    site: '示例新闻网',
    byline: '李明',
    date: '2024-03-05',
    lang: 'zh-Hans',
    format: 'page',
    accessed: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
  });
  // the user's passage and bundled ones, from one search
  expect(r.hits).toContain(`${r.saved.id}/p01`);
  expect(r.hits.some((id) => !id.startsWith('user-'))).toBe(true);
}

describe('Chromium: add this page to my library', () => {
  let s: ChromiumSession;
  beforeAll(async () => {
    s = await launchChromium();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('extracts the article in the tab, stores it and finds it with the bundled corpus', async () => {
    const article = await s.openPage('library-article.html');
    await article.waitForFunction(
      () => (window as unknown as { __plImageErrors: number }).__plImageErrors === 1,
    );
    const options = await s.openExtensionPage('options.html');
    const r = await options.evaluate(saveAndRead, article.url());
    expectSaved(r, article.url());
    await new Promise((ok) => setTimeout(ok, 500));
    expect(
      await article.evaluate(() => (window as unknown as { __plImageErrors: number }).__plImageErrors),
    ).toBe(1);
    expect(s.requests, JSON.stringify(s.requests)).toEqual([]);
    expect(s.consoleErrors, s.consoleErrors.join('\n')).toEqual([]);
  });
});

describe('Firefox: add this page to my library', () => {
  let f: FirefoxSession;
  beforeAll(async () => {
    f = await launchFirefox();
  });
  afterAll(async () => {
    await f?.close();
  });

  it('extracts the article in the tab, stores it and finds it with the bundled corpus', async () => {
    const article = await f.openPage('library-article.html');
    await article.waitForFunction(
      () => (window as unknown as { __plImageErrors: number }).__plImageErrors === 1,
    );
    const page = await f.openExtensionPage('search|x');
    const r = await page.evaluate(saveAndRead, article.url());
    expectSaved(r, article.url());
    await new Promise((ok) => setTimeout(ok, 500));
    expect(
      await article.evaluate(() => (window as unknown as { __plImageErrors: number }).__plImageErrors),
    ).toBe(1);
  });
});
