// The one place UI strings come from. Messages live in public/_locales/<locale>/messages.json
// (en is the default locale and the source of the key list); the browser picks the locale
// from its UI language. Outside an extension (unit tests) keys fall back to themselves.
import { browser } from 'wxt/browser';
import type enMessages from '../public/_locales/en/messages.json';
import type { Lang } from './core/types.ts';
import { langFromTag } from './core/lang.ts';

export type MessageKey = keyof typeof enMessages;

interface I18nApi {
  getMessage(key: string, subs?: string | string[]): string;
  getUILanguage(): string;
}

function api(): I18nApi | undefined {
  try {
    return (browser as unknown as { i18n?: I18nApi } | undefined)?.i18n;
  } catch {
    return undefined;
  }
}

/** Localised UI string. `subs` fill $1…$9 placeholders. Never returns an empty string. */
export function t(key: MessageKey, subs?: string | number | Array<string | number>): string {
  const list = subs === undefined ? undefined : (Array.isArray(subs) ? subs : [subs]).map(String);
  let msg: string;
  try {
    msg = api()?.getMessage(key, list) ?? '';
  } catch {
    msg = '';
  }
  if (msg) return msg;
  return list && list.length ? `${key}: ${list.join(', ')}` : key;
}

/** The browser's UI language tag, e.g. "en-US", "ja", "zh-CN", "vi". */
export function browserUiLanguage(): string {
  try {
    return api()?.getUILanguage() ?? 'en';
  } catch {
    return 'en';
  }
}

/** A locale we ship, as a BCP 47 tag (public/_locales/zh_CN is "zh-CN"). */
export type UiLocale = 'en' | 'ja' | 'zh-CN' | 'vi';

/** The locale the UI is actually shown in (one we ship), the one t() reads its messages from. */
export function uiLocale(): UiLocale {
  return localeFor(browserUiLanguage());
}

/** Pure: maps a browser UI language tag to a locale we ship. */
export function localeFor(tag: string): UiLocale {
  const l = tag.toLowerCase().replace('_', '-');
  if (l === 'ja' || l.startsWith('ja-')) return 'ja';
  if (l === 'zh' || l.startsWith('zh-cn') || l.startsWith('zh-sg') || l.startsWith('zh-hans')) return 'zh-CN';
  if (l === 'vi' || l.startsWith('vi-')) return 'vi';
  return 'en';
}

/** Pure: which glossary label language to show for a browser UI language tag (English if none). */
export function labelLangFor(tag: string): Lang {
  return langFromTag(tag) ?? 'en';
}

/** Label language for concept names in the UI. */
export function uiLabelLang(): Lang {
  return labelLangFor(browserUiLanguage());
}

/** Pure: the label to show for a concept in `lang`, falling back to English. */
export function labelIn(labels: Partial<Record<Lang, string>> & { en: string }, lang: Lang): string {
  return labels[lang] || labels.en;
}

const LANG_KEYS: Record<Lang, MessageKey> = {
  en: 'langEn',
  ja: 'langJa',
  'zh-Hans': 'langZhHans',
  'zh-Hant': 'langZhHant',
  vi: 'langVi',
};

/** Localised name of a content language. */
export function langName(lang: Lang): string {
  return t(LANG_KEYS[lang]);
}

/** Sets <html lang> and the page title to the UI locale. Call once from each page's main.tsx. */
export function localizeDocument(titleKey: MessageKey): void {
  document.documentElement.lang = uiLocale();
  document.title = t(titleKey);
}
