import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { labelIn, labelLangFor, localeFor, t } from './i18n.ts';

const ROOT = join(import.meta.dirname, '..');
type Messages = Record<string, { message: string; description?: string }>;
const load = (loc: string): Messages =>
  JSON.parse(readFileSync(join(ROOT, 'public', '_locales', loc, 'messages.json'), 'utf8')) as Messages;
const placeholders = (m: string) => [...m.matchAll(/\$(\d)/g)].map((x) => x[1]).sort();

describe('locales', () => {
  const en = load('en');
  for (const loc of ['ja', 'zh_CN']) {
    it(`${loc} has exactly the keys of en, each non-empty, with the same $n placeholders`, () => {
      const other = load(loc);
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const [k, v] of Object.entries(other)) {
        expect(v.message.trim(), `${loc}.${k}`).not.toBe('');
        expect(placeholders(v.message), `${loc}.${k}`).toEqual(placeholders(en[k]!.message));
      }
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
