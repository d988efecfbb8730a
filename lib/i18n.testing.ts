// Test double of browser.i18n that reads the shipped messages (public/_locales/*/messages.json),
// so DOM tests see the strings users see, in any locale. Not bundled. Use as
//   vi.mock('wxt/browser', async () => ({ browser: { i18n: (await import('…/i18n.testing.ts')).fakeI18n } }));
import en from '../public/_locales/en/messages.json';
import ja from '../public/_locales/ja/messages.json';
import vi from '../public/_locales/vi/messages.json';
import zhCN from '../public/_locales/zh_CN/messages.json';
import type { UiLocale } from './i18n.ts';

type Messages = Record<string, { message: string } | undefined>;
const MESSAGES: Record<UiLocale, Messages> = { en, ja, 'zh-CN': zhCN, vi };
let current: UiLocale = 'en';

/** The locale the fake answers in (the browser's UI language, as far as t() can tell). */
export function setFakeLocale(locale: UiLocale): void {
  current = locale;
}

export const fakeI18n = {
  /** Like the browser: $1…$9 filled from `subs`, '' for an unknown key. */
  getMessage(key: string, subs?: string | string[]): string {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    const msg = MESSAGES[current][key]?.message ?? '';
    return msg.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  },
  getUILanguage(): string {
    return current;
  },
};
