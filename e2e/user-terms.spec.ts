// Issue #12, a user's own term list on an open page: imported from an extension page (the
// background compiles it and says libraryChanged to every tab), its term is painted in the
// list's colour on a page that was already open, without a reload, beside the bundled terms;
// its card shows the list and the user's definition. Chromium and Firefox.
import type { Page } from 'playwright-core';
import type { Page as PptrPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  launchFirefox,
  readHighlightsScript,
  type ChromiumSession,
  type FirefoxSession,
  type HighlightDump,
} from './harness.ts';
import { paintedTermCentre, waitForCard } from './highlighter-helpers.ts';

const TERM = 'Blue Harbour Initiative';
const DEFINITION = 'My note: the port programme of the provincial plan.';
const COLOUR = 4;
const LIST = {
  name: 'Port watch',
  colour: COLOUR,
  format: 'csv',
  fileName: 'port.csv',
  terms: [{ term: TERM, aliases: [], definition: DEFINITION }],
};

type AnyPage = Page | PptrPage;
const dump = (page: AnyPage) => (page as Page).evaluate(readHighlightsScript) as Promise<HighlightDump>;

/** Polls what is painted until `ok` holds; the time it took (for the report), or a failure. */
async function paintedWhen(page: AnyPage, ok: (d: HighlightDump) => boolean, timeout = 10_000) {
  const t0 = Date.now();
  let last: HighlightDump = {};
  while (Date.now() - t0 < timeout) {
    last = await dump(page);
    if (ok(last)) return Date.now() - t0;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`not painted as expected: ${JSON.stringify(last)}`);
}

const listName = `policy-lens-list-${COLOUR}`;

/**
 * The page is painted with the bundled terms before the extension page opens in front of it (a
 * tab in the background is scanned when it is shown again, so it must be painted first).
 */
const bundledPainted = (page: AnyPage) =>
  paintedWhen(page, (d) => (d['policy-lens-formulation'] ?? []).includes('Two Safeguards'));

/** The scenario, given how to import a list from an extension page. */
async function scenario(page: AnyPage, importList: () => Promise<unknown>) {
  expect((await dump(page))[listName]).toBeUndefined(); // no list yet
  const answer = await importList();
  expect(answer).toMatchObject({ ok: true });
  await (page as Page).bringToFront();
  const ms = await paintedWhen(page, (d) => (d[listName] ?? []).includes(TERM));
  console.log(`user term painted ${ms} ms after the import's answer (tab brought to front)`);
  const d = await dump(page);
  expect(d['policy-lens-formulation']).toContain('Two Safeguards'); // the bundled terms stay
  // the same document: no reload happened
  expect(await (page as Page).evaluate(() => (window as unknown as { __mark?: number }).__mark)).toBe(1);
  // the card: the list's name and the user's definition
  const c = await (page as Page).evaluate(paintedTermCentre, [TERM, 0] as const);
  if (!c) throw new Error('no painted range to hover');
  await page.mouse.move(c.x - 40, c.y + 60);
  await page.mouse.move(c.x, c.y, { steps: 4 });
  const card = await waitForCard(page as Page, '.card .definition', (s) =>
    s.parts.some((p) => p.text === DEFINITION),
  );
  expect(card.open).toBe(true);
  const chip = await waitForCard(page as Page, '.card .cat', (s) => s.parts.length > 0);
  expect(chip.parts[0]!.text).toContain('Port watch');
}

describe('a user term list on an open page (Chromium)', () => {
  let s: ChromiumSession;
  beforeAll(async () => {
    s = await launchChromium();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('is painted in its colour without reload, and its card shows the definition', async () => {
    const page = await s.openPage('/user-terms.html');
    await page.evaluate(() => ((window as unknown as { __mark: number }).__mark = 1));
    await bundledPainted(page);
    const options = await s.openExtensionPage('options.html');
    await scenario(page, () =>
      options.evaluate((list) => {
        type Chrome = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        const c = (globalThis as unknown as { chrome: Chrome }).chrome;
        return c.runtime.sendMessage({ type: 'importTermList', payload: list });
      }, LIST),
    );
  });

  // (zero network requests: scripts/e2e.ts fails the run on any entry of the network log)
  it('logs no console errors', () => {
    expect(s.consoleErrors, s.consoleErrors.join('\n')).toEqual([]);
  });
});

describe('a user term list on an open page (Firefox)', () => {
  let f: FirefoxSession;
  beforeAll(async () => {
    f = await launchFirefox();
  });
  afterAll(async () => {
    await f?.close();
  });

  it('is painted in its colour without reload, and its card shows the definition', async () => {
    const page = await f.openPage('/user-terms.html');
    await page.evaluate(() => ((window as unknown as { __mark: number }).__mark = 1));
    await bundledPainted(page);
    const reader = await f.openExtensionPage('reader|#');
    await scenario(page, () =>
      reader.evaluate((list) => {
        type Browser = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        const b = (globalThis as unknown as { browser: Browser }).browser;
        return b.runtime.sendMessage({ type: 'importTermList', payload: list });
      }, LIST),
    );
  });
});
