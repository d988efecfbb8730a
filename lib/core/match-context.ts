// Page time: needsContext aliases (short or ambiguous: CPC, NPC, "Politburo", 两会, "Resolution
// 18") stand only with evidence. The evidence is another accepted match of an alias that needs
// no context (any concept, the same one included), in the same text block (paragraph, heading,
// list item, table cell), at most CONTEXT_WINDOW units before or after. A needsContext match is
// never evidence for another one, so two ambiguous words cannot vouch for each other.
// A gated form that several concepts share (a bare "Politburo" or 政治局: China's or Vietnam's)
// becomes the concept of the country of the nearest evidence that belongs to one of them; with
// no such evidence it stays the automaton's choice.
import { CONTEXT_WINDOW } from './limits.ts';
import { foldHan, type HanFoldTable } from './match-han-fold.ts';
import { normalizeQuery } from './normalize.ts';
import type { MatcherExtras } from './term-matcher-format.ts';
import type { TermMatch } from './types.ts';

export interface ContextRules {
  /** True when this match was made by a form that needs evidence. */
  needsContext(text: string, m: TermMatch): boolean;
  /** The concepts sharing this gated match's form, by country ('c', 'v'); null when not shared. */
  sharedBy?(text: string, m: TermMatch): ReadonlyMap<string, string> | null;
  /** The country ('c', 'v') of a concept, if it has one. */
  countryOf?(conceptId: string): string | undefined;
}

/**
 * From the compiled matcher's `needsContext` keys (`conceptIndex + ' ' + form`, build-corpus.ts),
 * its shared gated forms and countries, its concept ids and its Han folding.
 */
export function contextRules(
  data: MatcherExtras,
  ids: readonly string[],
  fold?: HanFoldTable,
): ContextRules | null {
  const keys = data.needsContext;
  if (!keys?.length) return null;
  const set = new Set(keys);
  const index = new Map(ids.map((id, i) => [id, i]));
  const formOf = (text: string, m: TermMatch) => {
    const form = normalizeQuery(text.slice(m.start, m.end));
    return fold ? foldHan(form, fold) : form;
  };
  const countries = data.countries ?? '';
  const countryAt = (i: number | undefined) => {
    const c = i === undefined ? undefined : countries[i];
    return c === 'c' || c === 'v' ? c : undefined;
  };
  const shared = new Map<string, Map<string, string>>();
  for (const [form, indices] of Object.entries(data.contextShared ?? {})) {
    const byCountry = new Map<string, string>();
    for (const i of indices) {
      const c = countryAt(i);
      if (c && !byCountry.has(c) && ids[i] !== undefined) byCountry.set(c, ids[i]);
    }
    if (byCountry.size > 1) shared.set(form, byCountry);
  }
  return {
    needsContext: (text, m) => set.has(`${index.get(m.conceptId)} ${formOf(text, m)}`),
    sharedBy: (text, m) => (shared.size ? (shared.get(formOf(text, m)) ?? null) : null),
    countryOf: (id) => countryAt(index.get(id)),
  };
}

const distance = (a: TermMatch, b: TermMatch) => Math.max(a.start - b.end, b.start - a.end, 0);

/** `m` as the concept of the country of its nearest evidence with a country among `by`. */
function byNearestCountry(
  m: TermMatch,
  evidence: readonly TermMatch[],
  by: ReadonlyMap<string, string>,
  countryOf: (id: string) => string | undefined,
  window: number,
): TermMatch {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const e of evidence) {
    const d = distance(e, m);
    const c = countryOf(e.conceptId);
    if (d <= window && d < bestDistance && c !== undefined && by.has(c)) {
      best = by.get(c);
      bestDistance = d;
    }
  }
  return best && best !== m.conceptId ? { ...m, conceptId: best } : m;
}

/** `matches` (in document order) without the needsContext ones that have no evidence nearby. */
export function acceptWithContext(
  text: string,
  matches: readonly TermMatch[],
  rules: ContextRules | null,
  window: number = CONTEXT_WINDOW,
): TermMatch[] {
  if (!rules || matches.length === 0) return [...matches];
  const gated = matches.map((m) => rules.needsContext(text, m));
  if (!gated.includes(true)) return [...matches];
  const evidence = matches.filter((_, k) => !gated[k]);
  const out: TermMatch[] = [];
  matches.forEach((m, k) => {
    if (!gated[k]) return void out.push(m);
    if (!evidence.some((e) => distance(e, m) <= window)) return;
    const by = rules.sharedBy?.(text, m);
    out.push(by && rules.countryOf ? byNearestCountry(m, evidence, by, rules.countryOf, window) : m);
  });
  return out;
}
