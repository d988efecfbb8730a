import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { findTermMatches } from './term-matcher.ts';
import { build } from './term-matcher.fixture.ts';
import { generateVariants, MAX_VARIANTS, type ScriptConverter } from './variants.ts';
import {
  compoundVariants,
  enPossessive,
  optionalVariants,
  parseRoman,
  toRoman,
  viNumerals,
  viToneMarks,
} from './variants-rules.ts';

const conv: ScriptConverter = {
  toTraditional: OpenCC.Converter({ from: 'cn', to: 'tw' }),
  toSimplified: OpenCC.Converter({ from: 'tw', to: 'cn' }),
};

/** Does a matcher built from the alias's variants (with `rule`) find the alias's concept at `want`? */
function finds(alias: string, lang: Parameters<typeof generateVariants>[1], text: string, rule = {}) {
  const vs = generateVariants(alias, lang, conv, MAX_VARIANTS, rule);
  const { m } = build(vs.map((v) => [v, 0] as [string, number]));
  return findTermMatches(m, text).map((x) => text.slice(x.start, x.end));
}

describe('compound: particle insertion (real renderings)', () => {
  it('Japanese の between the declared parts (新発展の理念, ベトナム共産党の政治局)', () => {
    expect(compoundVariants('新発展理念', '新発展|理念', 'ja')).toEqual(['新発展の理念']);
    expect(finds('新発展理念', 'ja', '演説で新発展の理念を堅持した', { compound: '新発展|理念' })).toEqual([
      '新発展の理念',
    ]);
    expect(
      finds('ベトナム共産党政治局', 'ja', 'ベトナム共産党の政治局は', { compound: 'ベトナム共産党|政治局' }),
    ).toEqual(['ベトナム共産党の政治局']);
  });

  it('Chinese 的 / 之 (and their traditional forms through the script rule)', () => {
    expect(compoundVariants('新发展理念', '新发展|理念', 'zh-Hans')).toEqual([
      '新发展的理念',
      '新发展之理念',
    ]);
    expect(finds('新发展理念', 'zh-Hans', '贯彻新發展的理念', { compound: '新发展|理念' })).toEqual([
      '新發展的理念',
    ]);
  });

  it('ignores a compound that does not spell the alias, and languages without particles', () => {
    expect(compoundVariants('新発展理念', '新発展|概念', 'ja')).toEqual([]);
    expect(compoundVariants('Two Sessions', 'Two|Sessions', 'en')).toEqual([]);
    expect(compoundVariants('新発展理念', '|新発展理念', 'ja')).toEqual([]);
  });

  it('property: the particle or nothing at each mark, never another character (oracle)', () => {
    const han = fc.constantFrom('改', '革', '発', '展', '理', '念', '政', '治');
    const part = fc.string({ unit: han, minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(
        fc.array(part, { minLength: 2, maxLength: 3 }),
        fc.constantFrom('', 'の', 'が', 'を'),
        (parts, glue) => {
          const alias = parts.join('');
          const rule = { compound: parts.join('|') };
          const text = `【${parts.join(glue)}】`;
          const got = finds(alias, 'ja', text, rule);
          // oracle: joined with nothing or の (at one mark, the rest plain) is the term; else not
          const ok = glue === '' || glue === 'の';
          expect(got.includes(parts.join(glue))).toBe(ok);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('optional: modifiers real text drops', () => {
  it('sắp xếp tổ chức bộ máy / sắp xếp bộ máy; 全面从严治党 / 从严治党', () => {
    expect(optionalVariants('sắp xếp tổ chức bộ máy', ['tổ chức'])).toEqual(['sắp xếp bộ máy']);
    expect(optionalVariants('全面从严治党', ['全面'])).toEqual(['从严治党']);
    expect(
      finds('sắp xếp tổ chức bộ máy', 'vi', 'Việc sắp xếp bộ máy được thực hiện', { optional: ['tổ chức'] }),
    ).toEqual(['sắp xếp bộ máy']);
  });

  it('two parts: every combination; a part the alias lacks is ignored', () => {
    expect(optionalVariants('a b c d', ['b', 'd'])).toEqual(['a b c', 'a c d', 'a c']);
    expect(optionalVariants('全面深化改革', ['坚持'])).toEqual([]);
  });
});

describe('Han equivalences (reviewed table)', () => {
  it('Xinhua Japanese 規画 for 計画, both ways', () => {
    expect(finds('第14次5カ年計画', 'ja', '中国は第14次5カ年規画で')).toEqual(['第14次5カ年規画']);
    expect(finds('第14次5カ年規画', 'ja', '第十四次五カ年計画の最終年')).toEqual(['第十四次五カ年計画']);
  });
});

describe('Vietnamese numerals and tone marks', () => {
  it('Roman numerals round-trip 1..89 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 89 }), (n) => {
        expect(parseRoman(toRoman(n))).toBe(n);
      }),
    );
    expect(toRoman(14)).toBe('XIV');
    expect(parseRoman('IIII')).toBeNaN();
    expect(parseRoman('XIIV')).toBeNaN();
  });

  it('khóa XVI <-> khóa 16, lần thứ XIV <-> lần thứ 14, Đại hội XIV <-> Đại hội 14', () => {
    expect(viNumerals('Quốc hội khóa XVI')).toEqual(['Quốc hội khóa 16']);
    expect(viNumerals('Bộ Chính trị khóa 13')).toEqual(['Bộ Chính trị khóa XIII']);
    expect(viNumerals('Đại hội Đảng lần thứ XIV')).toEqual(['Đại hội Đảng lần thứ 14']);
    expect(viNumerals('Đại hội XIV của Đảng')).toEqual(['Đại hội 14 của Đảng']);
    // a number that counts nothing, and a Roman-looking word, stay
    expect(viNumerals('Nghị quyết 18')).toEqual([]);
    expect(viNumerals('Đại hội VIIII')).toEqual([]);
  });

  it('old and new tone-mark placement (khóa / khoá, Ủy ban / Uỷ ban), open syllables only', () => {
    expect(viToneMarks('Quốc hội khóa XV')).toEqual(['Quốc hội khoá XV']);
    expect(viToneMarks('Ủy ban Kiểm tra Trung ương')).toEqual(['Uỷ ban Kiểm tra Trung ương']);
    expect(viToneMarks('hoàng')).toEqual([]);
    expect(finds('Quốc hội khóa XVI', 'vi', 'chuẩn bị cho Quốc hội khoá 16.')).toEqual(['Quốc hội khoá 16']);
  });
});

describe('English possessive', () => {
  it('"X of (the) Y" -> "Y\'s X" for proper names', () => {
    expect(enPossessive('National Assembly of Vietnam')).toEqual(["Vietnam's National Assembly"]);
    expect(enPossessive('Politburo of the Communist Party of Vietnam')).toEqual([
      "Communist Party of Vietnam's Politburo",
    ]);
    expect(enPossessive('centenary of the Communist Party of China')).toEqual([]);
    expect(enPossessive('Law on Implementation of Democracy at the Grassroots')).toEqual([]);
    expect(finds('National Assembly of Vietnam', 'en', 'Vietnam’s National Assembly passed it')).toEqual([
      'Vietnam’s National Assembly',
    ]);
  });
});
