import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, toChineseNumeral } from './variants-cjk.ts';

describe('Chinese numerals', () => {
  it('round-trips 1..99', () => {
    for (let n = 1; n <= 99; n++) expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
    expect(toChineseNumeral(14)).toBe('十四');
    expect(toChineseNumeral(10)).toBe('十');
    expect(toChineseNumeral(20)).toBe('二十');
    expect(toChineseNumeral(35)).toBe('三十五');
  });
  it('rejects what is not a numeral 1..99', () => {
    for (const s of ['', '十十', '一十', '一二', '零', '百', '十四五', '二十十'])
      expect(parseChineseNumeral(s)).toBeNaN();
  });
});
