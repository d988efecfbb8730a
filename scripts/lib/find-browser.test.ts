import { describe, expect, it } from 'vitest';
import { BrowserNotFoundError, findChromium, findFirefox } from './find-browser.ts';
import { sudoInstallLine } from './system-deps.ts';

describe('browser finder', () => {
  it('prefers CHROMIUM_PATH when it exists', () => {
    expect(findChromium({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
  });
  it('fails with the exact install line when CHROMIUM_PATH points nowhere', () => {
    expect(() => findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(BrowserNotFoundError);
  });
  it('names the sudo apt-get install line in its messages', () => {
    // Exercise the message text without depending on what this machine has installed.
    const chromium = (() => {
      try {
        findChromium({ CHROMIUM_PATH: '' });
        return 'found';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    if (chromium !== 'found') expect(chromium).toContain(sudoInstallLine(['chromium', 'chromium-l10n']));
    expect(findFirefox({ FIREFOX_PATH: process.execPath })).toBe(process.execPath);
  });
});
