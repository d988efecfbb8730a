import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelIn, labelLangFor, localeFor, t } from './i18n.ts';

const ROOT = join(import.meta.dirname, '..');
const LOCALES_DIR = join(ROOT, 'public', '_locales');
type Messages = Record<
  string,
  { message: string; description?: string; placeholders?: Record<string, { content: string }> }
>;
const load = (loc: string): Messages =>
  JSON.parse(readFileSync(join(LOCALES_DIR, loc, 'messages.json'), 'utf8')) as Messages;
/** What the browser substitutes: $1…$9, named $placeholders$, and %s (context-menu titles). */
const placeholders = (m: string) => [...m.matchAll(/\$\d|\$[A-Za-z0-9_@]+\$|%s/g)].map((x) => x[0]).sort();
const contents = (p: Messages[string]['placeholders']) =>
  Object.fromEntries(Object.entries(p ?? {}).map(([name, v]) => [name.toLowerCase(), v.content]));

// Every directory in public/_locales is checked, so a new locale needs no edit here.
const SHIPPED = readdirSync(LOCALES_DIR).sort();

describe('locales', () => {
  const en = load('en');
  it('ships en (the default locale) and at least the other UI locales', () => {
    expect(SHIPPED).toEqual(expect.arrayContaining(['en', 'ja', 'vi', 'zh_CN']));
  });
  for (const loc of SHIPPED.filter((l) => l !== 'en')) {
    it(`${loc} has exactly the keys of en, each non-empty, with the same placeholders`, () => {
      const other = load(loc);
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const [k, v] of Object.entries(other)) {
        expect(v.message.trim(), `${loc}.${k}`).not.toBe('');
        expect(placeholders(v.message), `${loc}.${k}`).toEqual(placeholders(en[k]!.message));
        expect(contents(v.placeholders), `${loc}.${k}`).toEqual(contents(en[k]!.placeholders));
      }
    });
  }
  for (const loc of SHIPPED) {
    it(`${loc} is a UI locale the code knows (localeFor, <html lang>)`, () => {
      const tag = loc.replace('_', '-');
      expect(localeFor(tag)).toBe(tag);
    });
    it(`${loc} messages are NFC, trimmed, and the store description fits in 132 characters`, () => {
      const m = load(loc);
      for (const [k, v] of Object.entries(m)) {
        expect(v.message, `${loc}.${k}`).toBe(v.message.normalize('NFC'));
        expect(v.message, `${loc}.${k}`).toBe(v.message.trim());
      }
      // Chrome Web Store rule for the manifest description (__MSG_extDescription__).
      expect([...m.extDescription!.message].length).toBeLessThanOrEqual(132);
    });
  }
  it('keeps extName', () => {
    expect(en.extName?.message).toBe('Policy Lens');
  });
});

describe('i18n helpers', () => {
  it('maps browser UI languages to the locales we ship', () => {
    expect(localeFor('ja')).toBe('ja');
    expect(localeFor('ja-JP')).toBe('ja');
    expect(localeFor('zh-CN')).toBe('zh-CN');
    expect(localeFor('zh_CN')).toBe('zh-CN');
    expect(localeFor('vi')).toBe('vi');
    expect(localeFor('vi-VN')).toBe('vi');
    expect(localeFor('zh-TW')).toBe('en');
    expect(localeFor('en-GB')).toBe('en');
    expect(localeFor('fr')).toBe('en');
  });
  it('picks glossary label languages', () => {
    expect(labelLangFor('zh-CN')).toBe('zh-Hans');
    expect(labelLangFor('zh-TW')).toBe('zh-Hant');
    expect(labelLangFor('zh-HK')).toBe('zh-Hant');
    expect(labelLangFor('vi-VN')).toBe('vi');
    expect(labelLangFor('de')).toBe('en');
  });
  it('falls back to English labels', () => {
    expect(labelIn({ en: 'Two Safeguards', ja: '二つの擁護' }, 'vi')).toBe('Two Safeguards');
    expect(labelIn({ en: 'Two Safeguards', ja: '二つの擁護' }, 'ja')).toBe('二つの擁護');
  });
  it('outside an extension, t() falls back to the key (never empty)', () => {
    expect(t('extName')).toBe('extName');
    expect(t('noResults', 'x')).toBe('noResults: x');
  });
});
