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

  it('the popup UI reads pinyin and says when nothing is known; the reader lists the glossary', async () => {
    const popup = await f.openExtensionPage('search|sige yishi');
    await popup.waitForSelector('[role="option"]', { timeout: 20_000 });
    expect(await popup.evaluate(() => document.body.innerText)).toContain('四つの意識');
    await popup.click('[role="searchbox"]', { count: 3 });
    await popup.keyboard.press('Backspace');
    await popup.keyboard.type('belt and road');
    await popup.waitForFunction(
      () => /belt and road/.test(document.querySelector('.no-results')?.textContent ?? ''),
      { timeout: 20_000 },
    );
    expect(await popup.$$eval('[role="option"]', (os: Element[]) => os.length)).toBe(0);
    await popup.close();
    const reader = await f.openExtensionPage('reader|glossary');
    await reader.waitForSelector('.glossary-list li', { timeout: 20_000 });
    await reader.type('.glossary-filter', 'sige yishi');
    await reader.waitForFunction(
      () =>
        [...document.querySelectorAll('.glossary-list li')]
          .map((l) => l.getAttribute('data-concept'))
          .join() === 'four-consciousnesses',
      { timeout: 20_000 },
    );
    // By country: Vietnam's concepts only.
    await reader.click('.glossary-filter', { count: 3 });
    await reader.keyboard.press('Backspace');
    await reader.select('.glossary-country', 'VN');
    await reader.waitForFunction(
      () => {
        const ids = [...document.querySelectorAll('.glossary-list li')].map((l) =>
          l.getAttribute('data-concept'),
        );
        return ids.includes('quang-ninh-province') && !ids.includes('tan-zuojun');
      },
      { timeout: 20_000 },
    );
    await reader.close();
  });

  it('the reader’s search box answers as the popup does', async () => {
    const reader = await f.openExtensionPage('reader|search/CCP');
    await reader.waitForSelector('[role="option"]', { timeout: 20_000 });
    expect(await reader.evaluate(() => document.body.innerText)).toContain('中国共産党');
    await reader.click('[role="searchbox"]', { count: 3 });
    await reader.keyboard.press('Backspace');
    await reader.keyboard.type('sige yishi');
    await reader.waitForFunction(
      () => /四つの意識/.test(document.querySelector('[role="option"]')?.textContent ?? ''),
      { timeout: 20_000 },
    );
    await reader.close();
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
