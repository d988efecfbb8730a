// Variant generation (build time), Chinese and Japanese: numerals (14 <-> 十四, 第十四个 <->
// 第14个, 2035年 <-> 二〇三五年), Japanese counters (5カ年 / 5ヵ年 / 5か年 / 5ケ年 / 5ヶ年 /
// 5箇年) and the optional ordinal 第 before a numbered document (第18号 <-> 18号).

import { expandSlots, MAX_VARIANTS } from './variants-slots.ts';

const CN_DIGITS = '〇一二三四五六七八九';

/** 1..99 in Chinese numerals (十, 十四, 二十, 二十一). */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  let out = '';
  if (tens > 0) out += (tens > 1 ? CN_DIGITS[tens]! : '') + '十';
  if (ones > 0) out += CN_DIGITS[ones]!;
  return out;
}

/** Parse a Chinese numeral 1..99 (一, 十, 十四, 二十, 二十一); NaN otherwise. */
export function parseChineseNumeral(s: string): number {
  const d = (ch: string | undefined): number => {
    if (ch === undefined) return NaN;
    const k = CN_DIGITS.indexOf(ch);
    return k >= 1 ? k : NaN;
  };
  if (s.length === 1) return s === '十' ? 10 : d(s);
  if (s.length === 2) {
    if (s[0] === '十') return 10 + d(s[1]);
    if (s[1] === '十') {
      const t = d(s[0]);
      return t >= 2 ? t * 10 : NaN;
    }
    return NaN;
  }
  if (s.length === 3 && s[1] === '十') {
    const t = d(s[0]);
    const o = d(s[2]);
    return t >= 2 ? t * 10 + o : NaN;
  }
  return NaN;
}

function asciiDigits(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out += c >= 0xff10 && c <= 0xff19 ? String.fromCharCode(c - 0xff10 + 0x30) : ch;
  }
  return out;
}

/** Characters (and words) that make a preceding number a counted/ordinal number in CJK text. */
const CJK_COUNTERS = [
  '中全会',
  '中全會',
  '周年',
  '週年',
  '个',
  '個',
  '次',
  '届',
  '屆',
  '期',
  '号',
  '號',
  '条',
  '條',
  '年',
  '回',
  '项',
  '項',
  'つ',
  'カ',
  'ヵ',
  'か',
  'ケ',
  'ヶ',
  '箇',
];

function followedByCounter(s: string, pos: number): boolean {
  for (const c of CJK_COUNTERS) if (s.startsWith(c, pos)) return true;
  return congressAbbreviation(s, pos);
}

/**
 * 大 after a number ends a congress abbreviation (中共二十大, 越共十三大, 党的二十大: news writes
 * 中共20大, 越共13大 too) when nothing Han follows it; before more Han text (三大攻坚战, 四大发明)
 * the number is part of a formulation and is left alone.
 */
function congressAbbreviation(s: string, pos: number): boolean {
  return s[pos] === '大' && !/\p{Script=Han}/u.test(s[pos + 1] ?? '');
}

const CJK_NUM_RE = /[0-9０-９]+|[〇零一二三四五六七八九十]+/g;

export function cjkNumerals(s: string): string[] {
  return expandSlots(
    s,
    CJK_NUM_RE,
    (m) => {
      const tok = m[0];
      const at = m.index;
      const end = at + tok.length;
      const ordinal = at > 0 && s[at - 1] === '第';
      const counted = followedByCounter(s, end);
      if (!ordinal && !counted) return [];
      const c0 = tok.charCodeAt(0);
      if ((c0 >= 0x30 && c0 <= 0x39) || (c0 >= 0xff10 && c0 <= 0xff19)) {
        const digits = asciiDigits(tok);
        const n = Number(digits);
        if (digits.length <= 2 && n >= 1 && n <= 99) return [toChineseNumeral(n)];
        // a year: 2035年 -> 二〇三五年
        if (digits.length === 4 && s[end] === '年')
          return [[...digits].map((d) => CN_DIGITS[Number(d)]!).join('')];
        return [];
      }
      // Chinese numeral
      if (tok.length === 4 && s[end] === '年' && ![...tok].some((ch) => ch === '十')) {
        return [[...tok].map((ch) => String(ch === '零' ? 0 : CN_DIGITS.indexOf(ch))).join('')];
      }
      const n = parseChineseNumeral(tok);
      return Number.isNaN(n) ? [] : [String(n)];
    },
    MAX_VARIANTS,
  );
}

const JA_COUNTER_FORMS = ['カ', 'ヵ', 'か', 'ケ', 'ヶ', '箇'];
const JA_COUNTER_RE = /(?<=[0-9０-９〇一二三四五六七八九十])[カヵかケヶ箇个](?=[年月所国條条])/g;

export function jaCounters(s: string): string[] {
  return expandSlots(s, JA_COUNTER_RE, (m) => JA_COUNTER_FORMS.filter((f) => f !== m[0]), MAX_VARIANTS);
}

/** 第18号 <-> 18号 (the ordinal 第 before a numbered document is optional). */
export function optionalDi(s: string): string[] {
  const out: string[] = [];
  const withDi = /第(?=[0-9０-９〇一二三四五六七八九十]+[号號])/g;
  if (withDi.test(s)) out.push(s.replace(withDi, ''));
  else {
    const without = /(^|[^第0-9０-９〇零一二三四五六七八九十])(?=[0-9０-９〇一二三四五六七八九十]+[号號])/g;
    if (without.test(s)) out.push(s.replace(without, '$1第'));
  }
  return out;
}
