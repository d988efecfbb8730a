// Variant generation for glossary labels and aliases (run by the build).
//
// generateVariants() returns the alias itself followed by generated spellings: simplified <->
// traditional Chinese (converters injected; lib/core never imports opencc-js), numerals
// (14 <-> 十四, 第十四个 <-> 第14个, 2035年 <-> 二〇三五年), Japanese counters (5カ年 / 5ヵ年 /
// 5か年 / 5ケ年 / 5ヶ年 / 5箇年), English ordinals (14th <-> Fourteenth), plural of the last
// word, hyphen <-> space after numbers and between words, and an optional "No." (en), "số" (vi)
// or 第 (zh/ja, 第18号 <-> 18号) before numbers. Case, width and quote variants are not generated:
// normalisation folds them.
//
// Order is deterministic (rules in a fixed order, breadth-first over earlier outputs); duplicates
// are removed by their normalizeQuery() key; the list is capped (MAX_VARIANTS).

import type { Lang } from './types.ts';
import { normalizeQuery } from './normalize.ts';

export interface ScriptConverter {
  toTraditional(s: string): string;
  toSimplified(s: string): string;
}

export const MAX_VARIANTS = 64;

type Rule = (s: string) => string[];

// ---------------------------------------------------------------------------------------------
// Numbers

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
  return false;
}

/**
 * Cross product of alternatives for every match of `re` in `s`. `alts` returns the other forms of
 * a match (not including itself). Returns the variants other than `s`, in order.
 */
function expandSlots(s: string, re: RegExp, alts: (m: RegExpExecArray) => string[], cap: number): string[] {
  const parts: string[] = [];
  const slots: string[][] = [];
  let last = 0;
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const a = alts(m);
    if (a.length === 0) continue;
    parts.push(s.slice(last, m.index));
    slots.push([m[0], ...a]);
    last = m.index + m[0].length;
  }
  if (slots.length === 0) return [];
  const tail = s.slice(last);
  let acc = [''];
  for (let k = 0; k < slots.length; k++) {
    const next: string[] = [];
    for (const pre of acc) {
      for (const alt of slots[k]!) {
        if (next.length >= cap * 4) break;
        next.push(pre + parts[k]! + alt);
      }
    }
    acc = next;
  }
  return acc.map((x) => x + tail).filter((x) => x !== s);
}

const CJK_NUM_RE = /[0-9０-９]+|[〇零一二三四五六七八九十]+/g;

function cjkNumerals(s: string): string[] {
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

function jaCounters(s: string): string[] {
  return expandSlots(s, JA_COUNTER_RE, (m) => JA_COUNTER_FORMS.filter((f) => f !== m[0]), MAX_VARIANTS);
}

/** 第18号 <-> 18号 (the ordinal 第 before a numbered document is optional). */
function optionalDi(s: string): string[] {
  const out: string[] = [];
  const withDi = /第(?=[0-9０-９〇一二三四五六七八九十]+[号號])/g;
  if (withDi.test(s)) out.push(s.replace(withDi, ''));
  else {
    const without = /(^|[^第0-9０-９〇零一二三四五六七八九十])(?=[0-9０-９〇一二三四五六七八九十]+[号號])/g;
    if (without.test(s)) out.push(s.replace(without, '$1第'));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// English

const ORDINAL_WORDS = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];
const CARDINAL_WORDS = new Set([
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'hundred',
  'thousand',
]);
/** Words that form hyphenated compounds after a number: Five-Year, Two-Pronged, 14-Point. */
const UNIT_WORDS = new Set([
  'year',
  'month',
  'day',
  'point',
  'step',
  'stage',
  'level',
  'tier',
  'way',
  'fold',
  'pronged',
  'sided',
  'front',
  'character',
  'hundred',
]);

function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
}

function capitalize(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

const EN_ORDINAL_RE = /\b(?:(\d{1,2})(st|nd|rd|th)|([A-Za-z]+))\b/g;

function enOrdinals(s: string): string[] {
  return expandSlots(
    s,
    EN_ORDINAL_RE,
    (m) => {
      if (m[1] !== undefined) {
        const n = Number(m[1]);
        if (n < 1 || n > 20 || m[2]!.toLowerCase() !== ordinalSuffix(n)) return [];
        return [capitalize(ORDINAL_WORDS[n]!)];
      }
      const k = ORDINAL_WORDS.indexOf(m[3]!.toLowerCase());
      if (k < 1) return [];
      return [`${k}${ordinalSuffix(k)}`];
    },
    MAX_VARIANTS,
  );
}

function enHyphens(s: string): string[] {
  const out: string[] = [];
  // Five-Year -> Five Year (letter-letter hyphens only; 18-NQ/TW keeps its hyphen)
  const spaced = s.replace(/(?<=\p{L})-(?=\p{L})/gu, ' ');
  if (spaced !== s) out.push(spaced);
  // Five Year -> Five-Year (a cardinal number word or digits before a unit word)
  const hy = s.replace(
    /(?<=(?:^|[^\p{L}\p{N}])([\p{L}\p{N}]+)) (?=(\p{L}+))/gu,
    (sp: string, w: string, next: string) =>
      (CARDINAL_WORDS.has(w.toLowerCase()) || /^\d+$/.test(w)) && UNIT_WORDS.has(next.toLowerCase())
        ? '-'
        : sp,
  );
  if (hy !== s) out.push(hy);
  return out;
}

/** Resolution 18-NQ/TW <-> Resolution No. 18-NQ/TW (first numbered token only). */
function enNumberSign(s: string): string[] {
  const withNo = /(\p{L})\s+No\.?\s*(?=\d)/u;
  if (withNo.test(s)) return [s.replace(withNo, '$1 ')];
  const without = /(\p{L})\s+(?=\d)/u;
  if (without.test(s)) return [s.replace(without, '$1 No. ')];
  return [];
}

/** Plural <-> singular of the last word (Safeguard/Safeguards, Policy/Policies). */
function enPlural(s: string): string[] {
  const m = /([A-Za-z]+)$/.exec(s);
  if (!m) return [];
  const w = m[1]!;
  const pre = s.slice(0, m.index);
  if (w.length < 3) return [];
  if (w === w.toUpperCase()) return []; // acronym
  if (pre.length > 0 && !/[\s-]$/.test(pre)) return []; // e.g. 18-NQ/TW tail
  // "Communist Party of China", "Belt and Road": the last word is not the head noun
  if (/(?:^|\s)(?:of|in|on|for|to|with|by|at|from|and|or|the|a|an)\s+$/i.test(pre)) return [];
  const lw = w.toLowerCase();
  const out: string[] = [];
  const keep = (x: string) => (w[0] === w[0]!.toUpperCase() ? capitalize(x) : x);
  if (/[^aeiou]ies$/.test(lw)) out.push(pre + keep(lw.slice(0, -3) + 'y'));
  else if (/(?:ss|x|z|ch|sh)es$/.test(lw)) out.push(pre + keep(lw.slice(0, -2)));
  else if (/s$/.test(lw) && !/(?:ss|us|is)$/.test(lw)) out.push(pre + keep(lw.slice(0, -1)));
  else if (/[^aeiou]y$/.test(lw)) out.push(pre + keep(lw.slice(0, -1) + 'ies'));
  else if (/(?:ss|x|z|ch|sh)$/.test(lw)) out.push(pre + keep(lw + 'es'));
  else if (!/(?:us|is|s)$/.test(lw)) out.push(pre + keep(lw + 's'));
  return out;
}

/** Vietnamese: Nghị quyết 18-NQ/TW <-> Nghị quyết số 18-NQ/TW. */
function viNumberSign(s: string): string[] {
  const withSo = /(\p{L})\s+[sS]ố\s+(?=\d)/u;
  if (withSo.test(s)) return [s.replace(withSo, '$1 ')];
  const without = /(\p{L})\s+(?=\d)/u;
  if (without.test(s)) return [s.replace(without, '$1 số ')];
  return [];
}

// ---------------------------------------------------------------------------------------------

function rulesFor(lang: Lang, conv: ScriptConverter): Rule[] {
  switch (lang) {
    case 'zh-Hans':
    case 'zh-Hant':
      return [(s) => [conv.toTraditional(s), conv.toSimplified(s)], cjkNumerals, optionalDi];
    case 'ja':
      return [cjkNumerals, jaCounters, optionalDi];
    case 'en':
      return [enOrdinals, enHyphens, enNumberSign, enPlural];
    case 'vi':
      return [viNumberSign];
    default:
      return [];
  }
}

/**
 * The alias followed by its generated variants, deduplicated by normalizeQuery() key, in a
 * deterministic order, at most `max` strings. Empty aliases give [].
 */
export function generateVariants(
  alias: string,
  lang: Lang,
  conv: ScriptConverter,
  max: number = MAX_VARIANTS,
): string[] {
  const base = alias.trim();
  if (normalizeQuery(base).length === 0) return [];
  const out: string[] = [base];
  const keys = new Set<string>([normalizeQuery(base)]);
  const add = (v: string): void => {
    if (out.length >= max) return;
    const t = v.trim();
    const k = normalizeQuery(t);
    if (k.length === 0 || keys.has(k)) return;
    keys.add(k);
    out.push(t);
  };
  for (const rule of rulesFor(lang, conv)) {
    const n = out.length;
    for (let k = 0; k < n && out.length < max; k++) {
      let vs: string[];
      try {
        vs = rule(out[k]!);
      } catch {
        vs = [];
      }
      for (const v of vs) add(v);
    }
  }
  return out;
}
