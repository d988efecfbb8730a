// Variant generation (build time), issue #10: how real text writes a known term, by rules.
//
// Rules the glossary declares per alias (`rules:` in docs/GLOSSARY.md):
//   compound  "新発展|理念": ja text may insert の, zh text 的 or 之, at each '|' (新発展の理念)
//   optional  [全面, tổ chức]: parts real text drops; both forms match
// Rules that need no declaration:
//   declared Han equivalences (a small reviewed table: 計画 / 規画 in Japanese, Xinhua's word)
//   Vietnamese: Roman <-> Arabic numbers after khóa / lần thứ / Đại hội / Hội nghị Trung ương
//     (khóa XVI / khóa 16), and old <-> new tone-mark placement (khóa / khoá, Ủy / Uỷ)
//   English: "X of (the) Y" <-> "Y's X" for proper names (Vietnam's National Assembly)

import type { Lang } from './types.ts';
import { expandSlots, MAX_VARIANTS } from './variants-slots.ts';

/** The per-alias rules variant generation reads (a subset of the glossary's MatchRule). */
export interface VariantRule {
  compound?: string;
  optional?: readonly string[];
}

const PARTICLES: Partial<Record<Lang, readonly string[]>> = {
  ja: ['の'],
  'zh-Hans': ['的', '之'],
  'zh-Hant': ['的', '之'],
};

/**
 * compound "A|B|C" of `alias` (which must equal "ABC"): every combination of nothing or a
 * particle at each '|', the alias itself excluded.
 */
export function compoundVariants(alias: string, compound: string | undefined, lang: Lang): string[] {
  const particles = PARTICLES[lang];
  if (!compound || !particles || !compound.includes('|')) return [];
  const parts = compound.split('|');
  if (parts.join('') !== alias || parts.some((p) => p.length === 0)) return [];
  let acc = [parts[0]!];
  for (let k = 1; k < parts.length; k++) {
    const next: string[] = [];
    for (const pre of acc) for (const glue of ['', ...particles]) next.push(pre + glue + parts[k]!);
    acc = next.slice(0, MAX_VARIANTS);
  }
  return acc.filter((v) => v !== alias);
}

/** optional parts of `alias`: every combination of each part kept or dropped, the alias excluded. */
export function optionalVariants(alias: string, optional: readonly string[] | undefined): string[] {
  if (!optional?.length) return [];
  let acc = [alias];
  for (const part of optional) {
    if (!part.trim() || !alias.includes(part)) continue;
    const next: string[] = [];
    for (const v of acc) {
      next.push(v);
      const at = v.indexOf(part);
      if (at < 0) continue;
      const dropped = (v.slice(0, at) + v.slice(at + part.length)).replace(/\s{2,}/g, ' ').trim();
      if (dropped) next.push(dropped);
    }
    acc = next.slice(0, MAX_VARIANTS);
  }
  return acc.filter((v) => v !== alias);
}

/**
 * Word-level equivalences between Han spellings of one term that character folding cannot make
 * (the characters differ, not their forms). Reviewed: each pair is how one outlet renders the
 * same word (Xinhua's Japanese edition writes 規画 for the plans other Japanese media call 計画).
 */
export const HAN_EQUIVALENTS: Partial<Record<Lang, ReadonlyArray<readonly [string, string]>>> = {
  ja: [['計画', '規画']],
};

export function hanEquivalents(lang: Lang): (s: string) => string[] {
  const pairs = HAN_EQUIVALENTS[lang] ?? [];
  return (s) => {
    const out: string[] = [];
    for (const [a, b] of pairs) {
      if (s.includes(a)) out.push(s.split(a).join(b));
      if (s.includes(b)) out.push(s.split(b).join(a));
    }
    return out;
  };
}

// ---------------------------------------------------------------------------------------------
// Roman numerals

const ROMAN: ReadonlyArray<readonly [number, string]> = [
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** 1..89 as a Roman numeral; '' outside that range. */
export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 89) return '';
  let out = '';
  for (const [v, r] of ROMAN) {
    while (n >= v) {
      out += r;
      n -= v;
    }
  }
  return out;
}

/** A canonical Roman numeral 1..89 (upper case) -> its value; NaN otherwise. */
export function parseRoman(s: string): number {
  if (!/^[IVXL]+$/.test(s)) return NaN;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const v = { I: 1, V: 5, X: 10, L: 50 }[s[i] as 'I' | 'V' | 'X' | 'L'];
    const next = i + 1 < s.length ? { I: 1, V: 5, X: 10, L: 50 }[s[i + 1] as 'I' | 'V' | 'X' | 'L'] : 0;
    n += v < next ? -v : v;
  }
  return toRoman(n) === s ? n : NaN;
}

/** Vietnamese words after which a number counts a term, congress or session. */
const VI_NUMBERED =
  /(?<=(?:^|[^\p{L}])(?:khóa|khoá|Khóa|Khoá|lần thứ|Lần thứ|Đại hội|Hội nghị Trung ương)\s+)(?:[IVXL]+|\d{1,2})(?![\p{L}\p{N}])/gu;

/** khóa XVI <-> khóa 16, lần thứ XIV <-> lần thứ 14. */
export function viNumerals(s: string): string[] {
  return expandSlots(
    s,
    VI_NUMBERED,
    (m) => {
      const tok = m[0];
      if (/^\d+$/.test(tok)) {
        const r = toRoman(Number(tok));
        return r ? [r] : [];
      }
      const n = parseRoman(tok);
      return Number.isNaN(n) ? [] : [String(n)];
    },
    MAX_VARIANTS,
  );
}

// old (hóa, thủy) <-> new (hoá, thuỷ) placement of the tone mark in open syllables oa, oe, uy
const TONE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['óa', 'oá'],
  ['òa', 'oà'],
  ['ỏa', 'oả'],
  ['õa', 'oã'],
  ['ọa', 'oạ'],
  ['óe', 'oé'],
  ['òe', 'oè'],
  ['ỏe', 'oẻ'],
  ['õe', 'oẽ'],
  ['ọe', 'oẹ'],
  ['úy', 'uý'],
  ['ùy', 'uỳ'],
  ['ủy', 'uỷ'],
  ['ũy', 'uỹ'],
  ['ụy', 'uỵ'],
];
const TONE_ALT = new Map<string, string>();
for (const [a, b] of TONE_PAIRS) {
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    TONE_ALT.set(x, y);
    TONE_ALT.set(x.charAt(0).toUpperCase() + x.slice(1), y.charAt(0).toUpperCase() + y.slice(1));
  }
}
const TONE_RE = new RegExp(`(?:${[...TONE_ALT.keys()].join('|')})(?![\\p{L}])`, 'gu');

/** Vietnamese tone-mark placement: khóa <-> khoá, Ủy ban <-> Uỷ ban (open syllables only). */
export function viToneMarks(s: string): string[] {
  const a = s.normalize('NFC');
  return expandSlots(a, TONE_RE, (m) => [TONE_ALT.get(m[0])!], MAX_VARIANTS);
}

// ---------------------------------------------------------------------------------------------
// English possessive

const CAP_WORDS = String.raw`[A-Z][\p{L}\p{N}'’.-]*(?:\s+[A-Z][\p{L}\p{N}'’.-]*){0,3}`;
const OF_RE = new RegExp(String.raw`^(?:the\s+)?(${CAP_WORDS})\s+of\s+(?:the\s+)?([A-Z][^,;:]*)$`, 'u');

/** "National Assembly of Vietnam" -> "Vietnam's National Assembly" (proper names only). */
export function enPossessive(s: string): string[] {
  const m = OF_RE.exec(s);
  if (!m) return [];
  const owner = m[2]!.trim();
  if (owner.split(/\s+/).length > 6 || /[()]/.test(owner)) return [];
  return [`${owner}'s ${m[1]}`];
}
