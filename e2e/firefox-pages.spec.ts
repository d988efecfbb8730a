// Firefox: the popup UI and the reader, reached through the test build's open hook (WebDriver
// BiDi refuses to navigate to moz-extension:// URLs; the extension itself opens the tab and the
// test attaches to it: FirefoxSession.openExtensionPage in harness.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxSession } from './harness.ts';

describe('Firefox extension pages', () => {
  let f: FirefoxSession;
  beforeAll(async () => {
    f = await launchFirefox();
  });
  afterAll(async () => {
    await f?.close();
  });

  it('the popup UI searches the corpus cross-lingually (context-menu path)', async () => {
    const popup = await f.openExtensionPage('search|两个维护');
    await popup.waitForSelector('[role="option"]', { timeout: 20_000 });
    const text = await popup.evaluate(() => document.body.innerText);
    expect(text).toMatch(/二つの維持|二つの擁護/);
    // Typing updates the results: an English typo finds the six stabilities.
    await popup.click('[role="searchbox"]', { count: 3 });
    await popup.keyboard.press('Backspace');
    await popup.keyboard.type('six stabilties');
    await popup.waitForFunction(
      () =>
        (document.querySelector('[role="searchbox"]') as HTMLInputElement | null)?.value ===
          'six stabilties' &&
        /六安定|six stabilities/i.test(document.querySelector('[role="option"]')?.textContent ?? ''),
      { timeout: 20_000 },
    );
    await popup.close();
  });

  it('the reader opens a passage', async () => {
    const reader = await f.openExtensionPage('reader|003/p05');
    await reader.waitForFunction(() => document.querySelectorAll('[id]').length > 5, { timeout: 20_000 });
    const url = await reader.evaluate(() => location.href);
    expect(url).toContain('reader.html#003/p05');
    const text = await reader.evaluate(() => document.body.innerText);
    expect(text).toContain('秀洲');
    await reader.close();
  });
});
