// Which definition text a view shows: the reader's UI language when the glossary has it, else
// the nearest script (zh-Hans <-> zh-Hant), else English (always present).
import type { Definitions } from './glossary/schema.ts';
import type { Lang } from './types.ts';

const NEAR: Partial<Record<Lang, Lang>> = { 'zh-Hant': 'zh-Hans', 'zh-Hans': 'zh-Hant' };

export function definitionIn(defs: Definitions, lang: Lang): { text: string; lang: Lang } {
  for (const l of [lang, NEAR[lang]]) {
    const text = l ? defs[l] : undefined;
    if (l && text) return { text, lang: l };
  }
  return { text: defs.en, lang: 'en' };
}
