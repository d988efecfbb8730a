import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  charCount,
  commandProblems,
  DESCRIPTION_MAX,
  resolveInLocale,
  textProblems,
  type Messages,
} from './manifest-rules.ts';

const LOCALES_DIR = resolve(import.meta.dirname, '..', '..', 'public', '_locales');
// The description the Chrome Web Store rejected (137 characters).
const TOO_LONG =
  'Explains Chinese and Vietnamese party-state policy terms on any page and cross-references them with a bundled corpus of policy documents.';
const manifest = {
  manifest_version: 3,
  name: '__MSG_extName__',
  description: '__MSG_extDescription__',
  default_locale: 'en',
};

function sourceLocales(): Record<string, Messages> {
  const out: Record<string, Messages> = {};
  for (const l of readdirSync(LOCALES_DIR)) {
    const f = join(LOCALES_DIR, l, 'messages.json');
    if (existsSync(f)) out[l] = JSON.parse(readFileSync(f, 'utf8')) as Messages;
  }
  return out;
}

describe('store text rules', () => {
  it('counts characters, not bytes', () => {
    expect(charCount('六稳')).toBe(2);
    expect(charCount('Nghị quyết')).toBe(10);
    expect(charCount(TOO_LONG)).toBe(137);
  });

  it('resolves __MSG_ placeholders per locale with the default locale as fallback', () => {
    const locales = {
      en: { a: { message: 'A en' }, b: { message: 'B en' } },
      ja: { a: { message: 'A ja' } },
    };
    expect(resolveInLocale('__MSG_a__', 'ja', locales, 'en')).toBe('A ja');
    expect(resolveInLocale('__MSG_b__', 'ja', locales, 'en')).toBe('B en');
    expect(resolveInLocale('plain', 'ja', locales, 'en')).toBe('plain');
    expect(resolveInLocale('__MSG_zzz__', 'ja', locales, 'en')).toBeUndefined();
  });

  it('rejects a description over 132 characters in any locale, naming the locale', () => {
    const locales = {
      en: { extName: { message: 'Policy Lens' }, extDescription: { message: 'Short.' } },
      vi: { extDescription: { message: TOO_LONG } },
    };
    const problems = textProblems(manifest, locales, 'chrome-mv3');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('[vi]');
    expect(problems[0]).toContain('137 characters');
  });

  it('accepts exactly 132 characters and reports a missing message', () => {
    const ok = 'x'.repeat(DESCRIPTION_MAX);
    expect(
      textProblems(manifest, { en: { extName: { message: 'N' }, extDescription: { message: ok } } }, 't'),
    ).toEqual([]);
    expect(textProblems(manifest, { en: { extName: { message: 'N' } } }, 't')[0]).toContain('has no message');
  });

  it('every locale in public/_locales keeps name and description within the store limits', () => {
    const locales = sourceLocales();
    expect(Object.keys(locales)).toContain('en');
    expect(textProblems(manifest, locales, 'public/_locales')).toEqual([]);
  });
});

describe('command rules', () => {
  const open = { _execute_action: { suggested_key: { default: 'Alt+Shift+P' } } };
  it('accepts _execute_action in MV3', () => {
    expect(commandProblems({ manifest_version: 3, commands: open }, 'firefox-mv3', 'firefox')).toEqual([]);
    expect(commandProblems({ manifest_version: 3, commands: open }, 'chrome-mv3', 'chrome')).toEqual([]);
  });
  it('rejects _execute_action in MV2 (the Firefox shortcut that did nothing)', () => {
    const p = commandProblems({ manifest_version: 2, commands: open }, 'firefox-mv2', 'firefox');
    expect(p).toHaveLength(1);
    expect(p[0]).toContain('_execute_browser_action');
  });
  it('rejects the MV2 keys in MV3 and unknown reserved keys; leaves custom commands alone', () => {
    const p = commandProblems(
      {
        manifest_version: 3,
        commands: { _execute_browser_action: {}, _execute_sidebar: {}, 'toggle-highlights': {} },
      },
      'chrome-mv3',
    );
    expect(p).toHaveLength(2);
    expect(p.join('\n')).toContain('_execute_browser_action does not exist in Manifest V3');
    expect(p.join('\n')).toContain('unknown reserved command _execute_sidebar for chrome MV3');
  });
  it('accepts _execute_browser_action in MV2 and the Firefox-only page/sidebar keys in Firefox MV3', () => {
    expect(commandProblems({ manifest_version: 2, commands: { _execute_browser_action: {} } }, 't')).toEqual(
      [],
    );
    const firefoxOnly = {
      manifest_version: 3,
      commands: { _execute_page_action: {}, _execute_sidebar_action: {} },
    };
    expect(commandProblems(firefoxOnly, 't', 'firefox')).toEqual([]);
    expect(commandProblems(firefoxOnly, 't', 'chrome')).toHaveLength(2);
  });
});
