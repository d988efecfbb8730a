// Variant generation (build time), English and Vietnamese: ordinals (14th <-> Fourteenth), plural
// of the last word, hyphen <-> space after numbers and between words, and an optional "No." (en)
// or "số" (vi) before numbers.

import { expandSlots, MAX_VARIANTS } from './variants-slots.ts';

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

export function enOrdinals(s: string): string[] {
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

export function enHyphens(s: string): string[] {
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
export function enNumberSign(s: string): string[] {
  const withNo = /(\p{L})\s+No\.?\s*(?=\d)/u;
  if (withNo.test(s)) return [s.replace(withNo, '$1 ')];
  const without = /(\p{L})\s+(?=\d)/u;
  if (without.test(s)) return [s.replace(without, '$1 No. ')];
  return [];
}

/** Plural <-> singular of the last word (Safeguard/Safeguards, Policy/Policies). */
export function enPlural(s: string): string[] {
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
export function viNumberSign(s: string): string[] {
  const withSo = /(\p{L})\s+[sS]ố\s+(?=\d)/u;
  if (withSo.test(s)) return [s.replace(withSo, '$1 ')];
  const without = /(\p{L})\s+(?=\d)/u;
  if (without.test(s)) return [s.replace(without, '$1 số ')];
  return [];
}
