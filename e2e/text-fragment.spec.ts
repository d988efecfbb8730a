// Citation links (issue #12, item 7): the link a citation gives for a passage of a web page
// (passageLink: the page's URL with a text directive) brings the browser to that passage, in
// Chinese and Japanese (cut at punctuation, or at a fixed length where there is none), English and
// Vietnamese, short and long. Each passage sits between screens of filler: the right paragraph in
// view means the directive matched it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passageLink } from '../lib/core/library/text-fragment.ts';
import { launchChromium, launchFirefox, type ChromiumSession, type FirefoxSession } from './harness.ts';

const PASSAGES = ['zh', 'zh-nopunct', 'ja', 'en', 'vi', 'short'];
const FIXTURE = '/text-fragment.html';

/** Runs in the page: the passage's text, as a reader would have stored it. */
function passageText(id: string): string {
  return document.getElementById(id)?.textContent ?? '';
}

/** Runs in the page: whether the paragraph is on screen. */
function inView(id: string): boolean {
  const r = document.getElementById(id)?.getBoundingClientRect();
  return !!r && r.bottom > 0 && r.top < innerHeight && scrollY > 0;
}

describe('Chromium: citation links scroll to the passage', () => {
  let s: ChromiumSession;
  beforeAll(async () => {
    s = await launchChromium();
  });
  afterAll(async () => {
    await s?.close();
  });

  it.each(PASSAGES)('%s', async (id) => {
    const page = await s.context.newPage();
    await page.goto(s.baseUrl + FIXTURE);
    const text = await page.evaluate(passageText, id);
    expect(text.length).toBeGreaterThan(20);
    const link = passageLink(s.baseUrl + FIXTURE, text);
    expect(link).toContain('#:~:text=');
    await page.close();
    const target = await s.context.newPage();
    await target.goto(link);
    await target.waitForFunction(inView, id, { timeout: 15_000 });
    await target.close();
  });

  it('made no network requests and logged no errors', () => {
    expect(s.requests).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});

describe('Firefox: citation links scroll to the passage', () => {
  let f: FirefoxSession;
  beforeAll(async () => {
    f = await launchFirefox();
  });
  afterAll(async () => {
    await f?.close();
  });

  it.each(PASSAGES)('%s', async (id) => {
    const page = await f.openPage(FIXTURE);
    const text = await page.evaluate(passageText, id);
    await page.close();
    const target = await f.openPage(passageLink(f.baseUrl + FIXTURE, text));
    await target.waitForFunction(inView, { timeout: 15_000 }, id);
    await target.close();
  });
});
