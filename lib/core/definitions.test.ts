import { describe, expect, it } from 'vitest';
import { definitionIn } from './definitions.ts';

describe('definitionIn', () => {
  const defs = { en: 'English', ja: '日本語', 'zh-Hans': '简体' };
  it('shows the UI language when the glossary has it', () => {
    expect(definitionIn(defs, 'ja')).toEqual({ text: '日本語', lang: 'ja' });
    expect(definitionIn(defs, 'zh-Hans')).toEqual({ text: '简体', lang: 'zh-Hans' });
  });
  it('falls back to the other Chinese script, then to English', () => {
    expect(definitionIn(defs, 'zh-Hant')).toEqual({ text: '简体', lang: 'zh-Hans' });
    expect(definitionIn(defs, 'vi')).toEqual({ text: 'English', lang: 'en' });
    expect(definitionIn({ en: 'E', 'zh-Hant': '繁體' }, 'zh-Hans')).toEqual({
      text: '繁體',
      lang: 'zh-Hant',
    });
  });
});
