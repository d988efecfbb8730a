// Page time: needsContext aliases (short or ambiguous: CPC, NPC, "Politburo", 两会, "Resolution
// 18") stand only with evidence. The evidence is another accepted match of an alias that needs
// no context (any concept, the same one included), in the same text block (paragraph, heading,
// list item, table cell), at most CONTEXT_WINDOW units before or after. A needsContext match is
// never evidence for another one, so two ambiguous words cannot vouch for each other.
// A gated form that several concepts share (a bare "Politburo" or 政治局: China's or Vietnam's)
// becomes the concept of the country of the nearest evidence that belongs to one of them; with
// no such evidence it stays the automaton's choice. A shared form that the glossary knows for one
// country only (国家行政学院: China's academy; Vietnam has its own) goes when the nearest evidence
// with a country is the other country.
// And a gated match loses an overlap to a name that needs no context (yieldToUngated): the
// automaton's leftmost-longest choice gave "sửa đổi Hiến pháp" (gated, a generic phrase) the
// text of "Hiến pháp năm 2013" (a name); the name is the more specific reading.
import { CONTEXT_WINDOW } from './limits.ts';
import { foldHan, type HanFoldTable } from './match-han-fold.ts';
import { normalizeQuery } from './normalize.ts';
import type { MatcherExtras } from './term-matcher-format.ts';
import { isWordUnit } from './term-matcher-boundaries.ts';
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
    if (byCountry.size > 0) shared.set(form, byCountry);
  }
  return {
    needsContext: (text, m) => set.has(`${index.get(m.conceptId)} ${formOf(text, m)}`),
    sharedBy: (text, m) => (shared.size ? (shared.get(formOf(text, m)) ?? null) : null),
    countryOf: (id) => countryAt(index.get(id)),
  };
}

const distance = (a: TermMatch, b: TermMatch) => Math.max(a.start - b.end, b.start - a.end, 0);

/**
 * `m` as the concept of the country of its nearest evidence that has a country; null when that
 * country has no concept among `by` (the glossary knows only the other country's body).
 */
function byNearestCountry(
  m: TermMatch,
  evidence: readonly TermMatch[],
  by: ReadonlyMap<string, string>,
  countryOf: (id: string) => string | undefined,
  window: number,
): TermMatch | null {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const e of evidence) {
    const d = distance(e, m);
    const c = countryOf(e.conceptId);
    if (d <= window && d < bestDistance && c !== undefined) {
      best = c;
      bestDistance = d;
    }
  }
  if (best === undefined) return m;
  const id = by.get(best);
  if (id === undefined) return null;
  return id !== m.conceptId ? { ...m, conceptId: id } : m;
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
    const chosen = by && rules.countryOf ? byNearestCountry(m, evidence, by, rules.countryOf, window) : m;
    if (chosen) out.push(chosen);
  });
  return out;
}

/** How far past a gated match a name that overlaps it may run (units; longer than any alias). */
const NAME_REACH = 256;

/**
 * `matches` (leftmost-longest, in document order) where each gated match that overlaps a name
 * needing no context gives its text to that name. `rescan(from, to)` is the automaton's matches
 * in text.slice(from, to), in `text`'s offsets: it is asked from one unit after the gated
 * match's start, so it sees what the gated match hid. A name that would overlap another kept
 * match is not taken (the gated match stays, and the evidence rule decides it).
 */
export function yieldToUngated(
  text: string,
  matches: readonly TermMatch[],
  rules: ContextRules | null,
  rescan: (from: number, to: number) => TermMatch[],
): TermMatch[] {
  if (!rules || matches.length === 0) return [...matches];
  const out: TermMatch[] = [];
  matches.forEach((g, k) => {
    if (!rules.needsContext(text, g)) return void out.push(g);
    const from = g.start + 1;
    const to = Math.min(text.length, g.end + NAME_REACH);
    // a name found at `from` would start mid-word when the gated match starts with a letter
    const midWord = isWordUnit(text.charCodeAt(g.start));
    const prevEnd = out.length ? out[out.length - 1]!.end : 0;
    const nextStart = matches[k + 1]?.start ?? Infinity;
    const names = rescan(from, to).filter(
      (c) =>
        c.start < g.end &&
        !(midWord && c.start === from) &&
        (c.end < to || to === text.length) &&
        c.start >= prevEnd &&
        c.end <= nextStart &&
        !rules.needsContext(text, c),
    );
    if (names.length) out.push(...names);
    else out.push(g);
  });
  return out;
}
