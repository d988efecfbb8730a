import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { normalizeQuery } from './normalize.ts';
import type { Lang } from './types.ts';
import { generateVariants, MAX_VARIANTS, type ScriptConverter } from './variants.ts';

const conv: ScriptConverter = {
  toTraditional: OpenCC.Converter({ from: 'cn', to: 'tw' }),
  toSimplified: OpenCC.Converter({ from: 'tw', to: 'cn' }),
};
const identity: ScriptConverter = { toTraditional: (s) => s, toSimplified: (s) => s };
const gen = (alias: string, lang: Lang) => generateVariants(alias, lang, conv);
const keys = (vs: string[]) => vs.map(normalizeQuery);

describe('generateVariants: plenum names in English word orders', () => {
  it('of-order, possessive order, plenum and plenary session, with and without the Party', () => {
    const v = keys(gen('Fifth Plenary Session of the 19th CPC Central Committee', 'en'));
    for (const x of [
      "19th Central Committee's fifth plenary session",
      'fifth plenary session of the 19th Central Committee',
      'Fifth Plenum of the 19th Central Committee',
      "19th Central Committee's fifth plenum",
      "19th CPC Central Committee's fifth plenary session",
    ])
      expect(v).toContain(normalizeQuery(x));
    expect(keys(gen('Third Plenum of the 11th Central Committee', 'en'))).toContain(
      normalizeQuery("11th Central Committee's third plenary session"),
    );
    expect(gen('Central Committee', 'en')).not.toContain("Central Committee's plenum");
  });
});

describe('generateVariants: Chinese', () => {
  it('starts with the alias and adds simplified <-> traditional', () => {
    expect(gen('两个维护', 'zh-Hans')).toEqual(['两个维护', '兩個維護']);
    expect(gen('兩個維護', 'zh-Hant')).toEqual(['兩個維護', '两个维护']);
  });

  it('converts ordinal and counted numbers both ways, independently', () => {
    const v = gen('第十四个五年规划', 'zh-Hans');
    expect(v[0]).toBe('第十四个五年规划');
    for (const x of [
      '第十四個五年規劃',
      '第14个五年规划',
      '第14个5年规划',
      '第十四个5年规划',
      '第14個五年規劃',
    ]) {
      expect(v).toContain(x);
    }
    expect(gen('第14个五年规划', 'zh-Hans')).toContain('第十四个五年规划');
    expect(gen('十九届四中全会', 'zh-Hans')).toEqual(
      expect.arrayContaining(['19届四中全会', '十九届4中全会', '十九屆四中全會']),
    );
  });

  it('numbers a congress abbreviation both ways (中共二十大 / 中共20大), not a formulation', () => {
    expect(gen('中共二十大', 'zh-Hans')).toContain('中共20大');
    expect(gen('越共十三大', 'zh-Hans')).toEqual(expect.arrayContaining(['越共13大', '越共十三大']));
    expect(gen('越共13大', 'zh-Hant')).toContain('越共十三大');
    expect(gen('党的二十大', 'zh-Hans')).toContain('党的20大');
    expect(gen('三大攻坚战', 'zh-Hans')).toEqual(['三大攻坚战', '三大攻堅戰']);
  });

  it('names a plenum without the Party prefix', () => {
    expect(gen('中国共产党第十九届中央委员会第五次全体会议', 'zh-Hans')).toEqual(
      expect.arrayContaining(['第十九届中央委员会第五次全体会议', '十九届中央委员会第五次全体会议']),
    );
    expect(gen('中國共產黨第十九屆中央委員會第五次全體會議', 'zh-Hant')).toEqual(
      expect.arrayContaining(['十九届中央委员会第五次全体会议']),
    );
    expect(gen('中共二十届三中全会', 'zh-Hans')).toContain('二十届三中全会');
    expect(gen('中国共産党第19期中央委員会第5回全体会議', 'ja')).toContain('第19期中央委員会第5回全体会議');
    // not a numbered term: the prefix stays
    expect(gen('中共中央全会', 'zh-Hans')).not.toContain('中央全会');
  });

  it('leaves numerals that are part of a formulation alone', () => {
    expect(gen('十四五', 'zh-Hans')).toEqual(['十四五']);
    expect(gen('六稳', 'zh-Hans')).toEqual(['六稳', '六穩']);
    expect(gen('一国两制', 'zh-Hans')).toEqual(['一国两制', '一國兩制']);
  });

  it('converts years digit by digit', () => {
    expect(gen('2035年远景目标', 'zh-Hans')).toEqual([
      '2035年远景目标',
      '2035年遠景目標',
      '二〇三五年远景目标',
      '二〇三五年遠景目標',
    ]);
    expect(gen('二〇三五年远景目标', 'zh-Hans')).toContain('2035年远景目标');
  });

  it('makes 第 optional before a numbered document', () => {
    expect(gen('第18号文件', 'zh-Hans')).toEqual(
      expect.arrayContaining(['18号文件', '第十八号文件', '十八號文件']),
    );
    expect(gen('18号文件', 'zh-Hans')).toContain('第18号文件');
  });
});

describe('generateVariants: Japanese', () => {
  it('generates the counter forms', () => {
    const v = gen('5カ年計画', 'ja');
    expect(v.slice(0, 2)).toEqual(['5カ年計画', '五カ年計画']);
    for (const x of ['5ヵ年計画', '5か年計画', '5ケ年計画', '5ヶ年計画', '5箇年計画', '五ヶ年計画'])
      expect(v).toContain(x);
    // and each with Xinhua's 規画 (HAN_EQUIVALENTS)
    expect(v).toContain('五ヶ年規画');
    expect(v.length).toBe(24);
  });

  it('combines ordinals, numerals and counters', () => {
    const v = gen('第13次五カ年計画', 'ja');
    expect(v).toEqual(
      expect.arrayContaining([
        '第13次5カ年計画',
        '第十三次五カ年計画',
        '第十三次5ヶ年計画',
        '第13次5箇年計画',
      ]),
    );
    expect(v.length).toBe(48);
    expect(gen('第14次5カ年計画', 'ja')).toContain('第十四次五カ年計画');
  });

  it('numbered formulations with つ', () => {
    expect(gen('二つの擁護', 'ja')).toEqual(['二つの擁護', '2つの擁護']);
    expect(gen('5つの…', 'ja')).toContain('五つの…');
  });

  it('does not convert kanji script', () => {
    // the converters must not be applied to Japanese
    const spy: ScriptConverter = {
      toTraditional: () => {
        throw new Error('called');
      },
      toSimplified: () => {
        throw new Error('called');
      },
    };
    expect(generateVariants('国家発展改革委員会', 'ja', spy)).toEqual(['国家発展改革委員会']);
  });

  it('keeps the prolonged sound mark', () => {
    expect(gen('トップ', 'ja')).toEqual(['トップ']);
  });
});

describe('generateVariants: English', () => {
  it('plural of the last word only', () => {
    expect(gen('Two Safeguards', 'en')).toEqual(['Two Safeguards', 'Two Safeguard']);
    expect(gen('Safeguard', 'en')).toEqual(['Safeguard', 'Safeguards']);
    expect(gen('Policy', 'en')).toEqual(['Policy', 'Policies']);
    expect(gen('Policies', 'en')).toEqual(['Policies', 'Policy']);
    expect(gen('Two Sessions', 'en')).toEqual(['Two Sessions', 'Two Session']);
    expect(gen('Common Prosperity Approach', 'en')).toContain('Common Prosperity Approaches');
    expect(gen('CPC', 'en')).toEqual(['CPC']);
    // the last word is not the head noun after a preposition or conjunction
    // (the possessive of a proper name is another rule: variants-rules.test.ts)
    expect(gen('Communist Party of China', 'en')).toEqual([
      'Communist Party of China',
      "China's Communist Party",
    ]);
    expect(gen('Belt and Road', 'en')).toEqual(['Belt and Road']);
  });

  it('hyphen <-> space', () => {
    expect(gen('Five-Year Plan', 'en')).toEqual(
      expect.arrayContaining(['Five Year Plan', 'Five-Year Plans']),
    );
    expect(gen('Five Year Plan', 'en')).toContain('Five-Year Plan');
    expect(gen('Belt and Road', 'en')).not.toContain('Belt-and Road');
  });

  it('ordinal words <-> numbers', () => {
    const v = gen('14th Five-Year Plan', 'en');
    expect(v).toEqual(
      expect.arrayContaining([
        'Fourteenth Five-Year Plan',
        '14th Five Year Plan',
        'Fourteenth Five Year Plans',
      ]),
    );
    expect(gen('Thirteenth Five-Year Plan', 'en')).toContain('13th Five-Year Plan');
    expect(gen('First Secretary', 'en')).toContain('1st Secretary');
    expect(gen('Twentieth Party Congress', 'en')).toContain('20th Party Congress');
    expect(gen('22nd Congress', 'en')).not.toContain('Twenty-second Congress');
    expect(gen('12th Plan', 'en')).toContain('Twelfth Plan');
  });

  it('optional No. before numbers', () => {
    expect(gen('Resolution 18-NQ/TW', 'en')).toEqual(['Resolution 18-NQ/TW', 'Resolution No. 18-NQ/TW']);
    expect(gen('Resolution No. 18-NQ/TW', 'en')).toEqual(['Resolution No. 18-NQ/TW', 'Resolution 18-NQ/TW']);
  });

  it('does not generate case, width or quote variants (normalisation folds them)', () => {
    const v = gen('Common Prosperity', 'en');
    expect(v).not.toContain('common prosperity');
    expect(new Set(keys(v)).size).toBe(v.length);
  });
});

describe('generateVariants: Vietnamese', () => {
  it('optional số before numbers', () => {
    expect(gen('Nghị quyết 18-NQ/TW', 'vi')).toEqual(['Nghị quyết 18-NQ/TW', 'Nghị quyết số 18-NQ/TW']);
    expect(gen('Nghị quyết số 18-NQ/TW', 'vi')).toEqual(['Nghị quyết số 18-NQ/TW', 'Nghị quyết 18-NQ/TW']);
  });
  it('keeps other aliases as they are', () => {
    expect(gen('Ban Chấp hành Trung ương', 'vi')).toEqual(['Ban Chấp hành Trung ương']);
  });
});

describe('generateVariants: general', () => {
  it('deduplicates by normalised key and keeps the first spelling', () => {
    expect(generateVariants('ＡＢＣ', 'en', identity)).toEqual(['ＡＢＣ']);
    expect(generateVariants('六稳', 'zh-Hans', identity)).toEqual(['六稳']);
    expect(gen(' 六稳 ', 'zh-Hans')[0]).toBe('六稳');
  });

  it('returns [] for an empty alias', () => {
    expect(gen('', 'en')).toEqual([]);
    expect(gen(' \u200b ', 'zh-Hans')).toEqual([]);
  });

  it('caps the number of variants deterministically', () => {
    const alias = '第1次2カ年3カ月4カ所5カ国6カ年計画';
    const a = generateVariants(alias, 'ja', conv);
    expect(a.length).toBe(MAX_VARIANTS);
    expect(generateVariants(alias, 'ja', conv)).toEqual(a);
    expect(a[0]).toBe(alias);
    const small = generateVariants(alias, 'ja', conv, 10);
    expect(small).toEqual(a.slice(0, 10));
  });

  it('is deterministic and duplicate-free on arbitrary input (property)', () => {
    const langs: Lang[] = ['en', 'ja', 'zh-Hans', 'zh-Hant', 'vi'];
    const unit = fc.constantFrom(
      '第',
      '十',
      '四',
      '个',
      '5',
      'カ',
      '年',
      '号',
      'a',
      'Plan',
      'y',
      's',
      '-',
      ' ',
      'No.',
      '1',
      'th',
      '计',
      '劃',
      'số',
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 12 }), fc.constantFrom(...langs), (s, lang) => {
        const v = generateVariants(s, lang, conv);
        expect(generateVariants(s, lang, conv)).toEqual(v);
        expect(v.length).toBeLessThanOrEqual(MAX_VARIANTS);
        expect(new Set(keys(v)).size).toBe(v.length);
        if (normalizeQuery(s).length > 0) expect(v[0]).toBe(s.trim());
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 30 }),
        fc.constantFrom<Lang>('en', 'ja', 'zh-Hans', 'zh-Hant', 'vi'),
        (s, lang) => {
          generateVariants(s, lang, conv);
        },
      ),
      { numRuns: 300 },
    );
  });
});
