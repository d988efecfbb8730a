// Variant generation for glossary labels and aliases (build time): the rules per language.
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
//
// The rules live by family in variants-cjk.ts and variants-latin.ts; their shared cross product
// in variants-slots.ts.

import type { Lang } from './types.ts';
import { normalizeQuery } from './normalize.ts';
import { cjkNumerals, jaCounters, optionalDi } from './variants-cjk.ts';
import { cjkPlenumNames, enPlenumNames } from './variants-plenum.ts';
import { enHyphens, enNumberSign, enOrdinals, enPlural, viNumberSign } from './variants-latin.ts';
import {
  compoundVariants,
  enPossessive,
  hanEquivalents,
  optionalVariants,
  viNumerals,
  viToneMarks,
  type VariantRule,
} from './variants-rules.ts';
import { MAX_VARIANTS } from './variants-slots.ts';

export { MAX_VARIANTS } from './variants-slots.ts';
export type { VariantRule } from './variants-rules.ts';

export interface ScriptConverter {
  toTraditional(s: string): string;
  toSimplified(s: string): string;
}

type Rule = (s: string) => string[];

function rulesFor(lang: Lang, conv: ScriptConverter): Rule[] {
  switch (lang) {
    case 'zh-Hans':
    case 'zh-Hant':
      return [(s) => [conv.toTraditional(s), conv.toSimplified(s)], cjkPlenumNames, cjkNumerals, optionalDi];
    case 'ja':
      return [cjkPlenumNames, cjkNumerals, jaCounters, optionalDi, hanEquivalents('ja')];
    case 'en':
      return [enPlenumNames, enOrdinals, enHyphens, enNumberSign, enPlural, enPossessive];
    case 'vi':
      return [viNumerals, viNumberSign, viToneMarks];
    default:
      return [];
  }
}

/**
 * The alias followed by its generated variants, deduplicated by normalizeQuery() key, in a
 * deterministic order, at most `max` strings. Empty aliases give []. `rule` carries the alias's
 * declared compound / optional parts (variants-rules.ts); their forms go first, and every
 * language rule then applies to them too.
 */
export function generateVariants(
  alias: string,
  lang: Lang,
  conv: ScriptConverter,
  max: number = MAX_VARIANTS,
  rule?: VariantRule,
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
  if (rule) {
    for (const v of compoundVariants(base, rule.compound, lang)) add(v);
    const n = out.length;
    for (let k = 0; k < n; k++) for (const v of optionalVariants(out[k]!, rule.optional)) add(v);
  }
  for (const langRule of rulesFor(lang, conv)) {
    const n = out.length;
    for (let k = 0; k < n && out.length < max; k++) {
      let vs: string[];
      try {
        vs = langRule(out[k]!);
      } catch {
        vs = [];
      }
      for (const v of vs) add(v);
    }
  }
  return out;
}
