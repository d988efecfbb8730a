import { describe, expect, it } from 'vitest';
import { langFromTag, langOfMatch } from './lang.ts';

const xi = {
  labels: { en: 'Xi Jinping', ja: '習近平', 'zh-Hans': '习近平', 'zh-Hant': '習近平' },
  aliases: { ja: ['習近平総書記'], 'zh-Hans': ['习近平总书记'] },
};

describe('page language', () => {
  it('maps <html lang> tags', () => {
    expect(
      ['zh-CN', 'zh', 'zh-Hans-SG', 'zh-TW', 'zh-hk', 'zh-Hant', 'ja-JP', 'vi', 'en-GB', 'fr', '', null].map(
        langFromTag,
      ),
    ).toEqual([
      'zh-Hans',
      'zh-Hans',
      'zh-Hans',
      'zh-Hant',
      'zh-Hant',
      'zh-Hant',
      'ja',
      'vi',
      'en',
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('finds the language of the matched text, the page language breaking ties', () => {
    expect(langOfMatch('习近平', xi, 'en')).toBe('zh-Hans');
    expect(langOfMatch('習近平', xi, 'zh-Hant')).toBe('zh-Hant');
    expect(langOfMatch('習近平', xi, 'ja')).toBe('ja');
    expect(langOfMatch('習近平総書記', xi, 'en')).toBe('ja');
    expect(langOfMatch('xi jinping', xi, 'vi')).toBe('en');
    // Unknown concept: by script.
    expect(langOfMatch('二つの確立', undefined, undefined)).toBe('ja');
    expect(langOfMatch('Nghị quyết số 18', undefined, undefined)).toBe('vi');
    expect(langOfMatch('六稳', undefined, 'zh-Hant')).toBe('zh-Hant');
    expect(langOfMatch('Two Safeguards', undefined, 'ja')).toBe('en');
  });
});
