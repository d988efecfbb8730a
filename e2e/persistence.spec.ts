// Issue #12 item 5, "nothing is lost": a document, a term list and settings survive an extension
// update (the extension reloaded in place) and a browser restart with the same profile. Chromium:
// chrome.runtime.reload(), then a second launch on the same user-data-dir. Firefox: the temporary
// add-on installed again over itself through WebDriver BiDi (an update); a restart is not tested
// there, as a temporary add-on does not outlive its browser (a restart would be a new install).
import type { Page } from 'playwright-core';
import type { Page as PptrPage } from 'puppeteer-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  launchFirefox,
  readHighlightsScript,
  reinstallFirefoxExtension,
  reloadChromiumExtension,
  type ChromiumSession,
  type FirefoxSession,
  type HighlightDump,
} from './harness.ts';

const QUERY = 'Quayside Covenant';
const DOC = {
  meta: {
    title: 'Harbour charter (persistence test)',
    lang: 'en',
    date: '2025-03-01',
    translation: false,
    tags: [],
    format: 'paste',
  },
  text: 'The Quayside Covenant sets out the harbour charter of the coastal provinces.\n\nIt was adopted in March.',
};
const TERM = 'Blue Harbour Initiative';
const LIST = {
  name: 'Port watch',
  colour: 4,
  format: 'csv',
  fileName: 'port.csv',
  terms: [{ term: TERM, aliases: [], definition: 'The port programme.' }],
};
const LIST_HIGHLIGHT = 'policy-lens-list-4';
/** The setting changed through the options page: the "person" category hidden. */
const HIDDEN = 'person';

/** What the spec needs of a Playwright or Puppeteer page: run a function in it. */
type Run = <A, R>(fn: (arg: A) => R | Promise<R>, arg: A) => Promise<R>;
const runner =
  (p: Page | PptrPage): Run =>
  (fn, arg) =>
    (p as Page).evaluate(fn as never, arg as never) as never;

/** Sends a message to the background from an extension page (chrome.* or Firefox's browser.*). */
function send(msg: unknown): Promise<unknown> {
  type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
  const g = globalThis as unknown as { browser?: Api; chrome: Api };
  return (g.browser ?? g.chrome).runtime.sendMessage(msg);
}
/** The sync area's settings keys (chrome.* or browser.*). */
async function syncKeys(): Promise<string[]> {
  type Api = { storage: { sync: { get(k: null): Promise<Record<string, unknown>> } } };
  const g = globalThis as unknown as { browser?: Api; chrome: Api };
  return Object.keys(await (g.browser ?? g.chrome).storage.sync.get(null)).sort();
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < 100; i++) {
    last = await read().catch(() => undefined);
    if (last !== undefined && ok(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what}: last ${JSON.stringify(last)}`);
}

/** Before: imports the document and the list, hides a category through the options page. */
async function setUp(run: Run): Promise<string> {
  const doc = (await run(send, { type: 'importDocument', payload: DOC })) as { ok: boolean; id: string };
  expect(doc.ok).toBe(true);
  expect(await run(send, { type: 'importTermList', payload: LIST })).toMatchObject({ ok: true });
  await run((id) => document.getElementById(id)?.click(), `opt-cat-${HIDDEN}`);
  await until(
    () => run(syncKeys, null),
    (k) => k.includes(`v2.hiddenCategory:${HIDDEN}`),
    'setting in sync',
  );
  return doc.id;
}

/** After a reload or restart: everything is there and works. `page` shows the list's term. */
async function expectKept(run: Run, docId: string, page: Page | PptrPage): Promise<void> {
  const search = (await run(send, { type: 'searchCorpus', payload: { query: QUERY, limit: 20 } })) as {
    hits: Array<{ passageId: string }>;
  };
  expect(search.hits.some((h) => h.passageId.startsWith(`${docId}/`))).toBe(true);
  const lib = (await run(send, { type: 'listLibrary', payload: {} })) as {
    documents: Array<{ id: string }>;
    termLists: Array<{ name: string }>;
  };
  expect(lib.documents.map((d) => d.id)).toEqual([docId]);
  expect(lib.termLists.map((l) => l.name)).toEqual([LIST.name]);
  // The setting: stored in sync, and shown by the options page.
  expect(await run(syncKeys, null)).toEqual([`v2.hiddenCategory:${HIDDEN}`]);
  const shown = await until(
    () => run((id) => (document.getElementById(id) as HTMLInputElement | null)?.checked, `opt-cat-${HIDDEN}`),
    (c) => c !== undefined,
    'options page',
  );
  expect(shown).toBe(false);
  // The list still highlights on a page.
  const painted = await until(
    () => (page as Page).evaluate(readHighlightsScript) as Promise<HighlightDump>,
    (d) => (d[LIST_HIGHLIGHT] ?? []).includes(TERM),
    'list term painted',
  );
  expect(painted['policy-lens-formulation']).toContain('Two Safeguards');
}

describe('persistence across an extension update and a browser restart (Chromium)', () => {
  const profile = mkdtempSync(join(tmpdir(), 'policy-lens-persist-'));
  let s: ChromiumSession | undefined;
  afterAll(async () => {
    await s?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('keeps the document, the term list and the settings', async () => {
    s = await launchChromium({ userDataDir: profile });
    const options = await s.openExtensionPage('options.html');
    await options.waitForSelector(`#opt-cat-${HIDDEN}`);
    const docId = await setUp(runner(options));

    const oldWorker = s.serviceWorker;
    const worker = await reloadChromiumExtension(s);
    expect(worker).not.toBe(oldWorker);
    const after = await s.openExtensionPage('options.html');
    await expectKept(runner(after), docId, await s.openPage('/user-terms.html'));
    expect(s.consoleErrors, s.consoleErrors.join('\n')).toEqual([]);
    await s.close();
    s = undefined;

    // The browser again, on the same profile.
    s = await launchChromium({ userDataDir: profile });
    const again = await s.openExtensionPage('options.html');
    await expectKept(runner(again), docId, await s.openPage('/user-terms.html'));
    expect(s.consoleErrors, s.consoleErrors.join('\n')).toEqual([]);
  });
});

describe('persistence across an extension update (Firefox)', () => {
  let f: FirefoxSession | undefined;
  afterAll(async () => {
    await f?.close();
  });

  /**
   * The options page. WebDriver BiDi refuses to navigate to moz-extension:// URLs: the test build
   * opens the reader in a tab, and the reader page goes to options.html.
   */
  async function openOptions(session: FirefoxSession): Promise<Run> {
    const reader = await session.openExtensionPage('reader|#');
    // The navigation ends the evaluation's context; that rejection is expected.
    await reader.evaluate(() => location.assign('/options.html')).catch(() => undefined);
    await reader.waitForFunction(() => !!document.getElementById('opt-enabled'), { timeout: 20_000 });
    return runner(reader);
  }

  it('keeps the document, the term list and the settings', async () => {
    f = await launchFirefox();
    const docId = await setUp(await openOptions(f));
    const id = await reinstallFirefoxExtension(f);
    expect(id).toBe(f.extensionId);
    const run = await openOptions(f);
    await expectKept(run, docId, await f.openPage('/user-terms.html'));
  });
});
