// The library's store in real browsers (issue #12, slice STORE): "Add this page to my library"
// extracts the article of a tab with the bundled Readability script, imports it into IndexedDB,
// and the popup's search finds it next to the bundled corpus. The page is not made to load or run
// anything again, and nothing leaves the machine. (The UI's button and the cross-slice flows are
// the lead's e2e after the merge; here the extension page sends the messages the button sends.
// Firefox grants the content script's hosts at install, so savePage runs whole there.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CHROME_BUILD,
  launchChromium,
  launchFirefox,
  type ChromiumSession,
  type FirefoxSession,
} from './harness.ts';

declare const chrome: {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  tabs: {
    query(q: object): Promise<Array<{ id?: number; url?: string; active?: boolean; openerTabId?: number }>>;
  };
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
  // Firefox shows the tab's URL (the content script's hosts are granted at install); Chromium
  // hides it without the tabs permission: there the article's tab opened this page.
  const self = tabs.find((t) => t.active && t.url === location.href);
  const tab = tabs.find((t) => t.url === articleUrl) ?? tabs.find((t) => t.id === self?.openerTabId);
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

  // Chromium grants activeTab only on the user's gesture (the toolbar button that opens the popup,
  // the context-menu click), which a test cannot make: there savePage must refuse with a clear
  // message and store nothing; the built extraction script is run in the tab directly, and its
  // article imported the way savePage imports it.
  it('without the user’s click: a clear refusal, nothing stored', async () => {
    const article = await s.openPage('library-article.html');
    const options = await s.openExtensionPage('options.html');
    const r = await options.evaluate(saveAndRead, article.url());
    expect(r.saved.ok).toBe(false);
    expect(r.saved.error).toMatch(/^This page cannot be read: /);
    expect(r.listed.documents).toEqual([]);
    await options.close();
    await article.close();
  });

  it('the extraction script reads the article without making the page run anything again', async () => {
    const article = await s.openPage('library-article.html');
    await article.waitForFunction(
      () => (window as unknown as { __plImageErrors: number }).__plImageErrors === 1,
    );
    const script = readFileSync(join(CHROME_BUILD, 'extract-article.js'), 'utf8');
    const extracted = (await article.evaluate(script)) as Record<string, string>;
    expect(extracted).toMatchObject({
      title: expect.stringContaining('示范区建设情况通报'),
      byline: '李明',
      siteName: '示例新闻网',
      lang: 'zh-CN',
      url: article.url(),
    });
    // the heading stays a paragraph, as a bundled document's title line is its passage 0
    expect(extracted.text!.split('\n\n')).toEqual([
      '示范区建设情况通报',
      '会议强调，要坚决做到两个维护，推动新质生产力示范区建设取得新进展。',
      '示范区将围绕数字经济、绿色低碳和先进制造三个方向开展试点，形成可复制可推广的经验。',
    ]);
    await new Promise((ok) => setTimeout(ok, 500));
    expect(
      await article.evaluate(() => (window as unknown as { __plImageErrors: number }).__plImageErrors),
    ).toBe(1);

    const options = await s.openExtensionPage('options.html');
    const r = await options.evaluate(async (text) => {
      const imported = (await chrome.runtime.sendMessage({
        type: 'importDocument',
        payload: {
          meta: { title: 'Saved', lang: 'zh-Hans', date: '', translation: false, tags: [], format: 'page' },
          text,
        },
      })) as { ok: boolean; id: string };
      const search = (await chrome.runtime.sendMessage({
        type: 'searchCorpus',
        payload: { query: '两个维护', limit: 50 },
      })) as { hits: Array<{ passageId: string }> };
      return { imported, hits: search.hits.map((h) => h.passageId) };
    }, extracted.text!);
    expect(r.imported.ok).toBe(true);
    expect(r.hits).toContain(`${r.imported.id}/p01`);
    expect(r.hits.some((id) => !id.startsWith('user-'))).toBe(true);
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
