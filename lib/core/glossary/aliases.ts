// A concept's aliases as the matcher and the checks see them: labels and hand-written aliases,
// their rules, and how short an alias may be without one.
import type { Lang } from '../types.ts';
import { LANGS } from '../types.ts';
import type { Concept, MatchRule } from './schema.ts';

export interface AliasInfo {
  text: string;
  lang: Lang;
  rule?: MatchRule;
  /** True for labels (labels are aliases too). */
  label: boolean;
}

/** CJK characters (Han, kana, Hangul) and Latin letters in an alias. */
export function aliasLength(text: string): { cjk: number; latin: number } {
  let cjk = 0;
  let latin = 0;
  for (const ch of text) {
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆]/u.test(ch)) cjk++;
    else if (/\p{Script=Latin}/u.test(ch)) latin++;
  }
  return { cjk, latin };
}

/** True when the alias is too short to match safely without a rule. */
export function isShortAlias(text: string): boolean {
  const { cjk, latin } = aliasLength(text);
  if (cjk > 0) return cjk < 2;
  return latin < 4;
}

/** A rule that sets at least one flag (an empty rule restricts nothing). */
export function hasRule(rule: MatchRule | undefined): boolean {
  return (
    !!rule &&
    (rule.quotedOnly === true ||
      rule.caseSensitive === true ||
      rule.corpusOnly === true ||
      rule.needsContext === true)
  );
}

/** Labels and hand-written aliases of a concept, with their rules, de-duplicated. */
export function conceptAliases(c: Concept): AliasInfo[] {
  const out: AliasInfo[] = [];
  const seen = new Set<string>();
  const add = (text: string, lang: Lang, label: boolean) => {
    const key = `${lang}\u0000${text}`;
    if (seen.has(key)) return;
    seen.add(key);
    const rule = c.rules?.[text];
    out.push(rule ? { text, lang, rule, label } : { text, lang, label });
  };
  for (const lang of LANGS) {
    const l = c.labels[lang];
    if (typeof l === 'string' && l.length > 0) add(l, lang, true);
  }
  for (const lang of LANGS) for (const a of c.aliases[lang] ?? []) add(a, lang, false);
  return out;
}

/** MatchRule -> matcher flags (1 caseSensitive, 2 quotedOnly, 4 corpusOnly). */
export function ruleFlags(rule: MatchRule | undefined): number {
  if (!rule) return 0;
  return (rule.caseSensitive ? 1 : 0) | (rule.quotedOnly ? 2 : 0) | (rule.corpusOnly ? 4 : 0);
}
