// Stage 3: every concept name, exact lookup and fuse.js bitap over them.
import Fuse from 'fuse.js';
import type { IFuseOptions } from 'fuse.js';
import { BigramFilter } from './bigram-filter.ts';
import { hydrateIndex } from './index-data.ts';
import type { SearchIndexConcept, SearchIndexData } from './index-data.ts';
import { PREFILTER_NAMES, SUGGEST_THRESHOLD } from './tunables.ts';

const CONCEPT_OPTIONS: IFuseOptions<SearchIndexConcept> = {
  keys: ['names'],
  includeScore: true,
  includeMatches: true,
  ignoreLocation: true,
  ignoreFieldNorm: true,
  isCaseSensitive: true,
  threshold: SUGGEST_THRESHOLD,
  shouldSort: true,
};

export interface ConceptName {
  name: string;
  /** Concept index in the search index. */
  ci: number;
  weak: boolean;
}

export interface NameMatch {
  ci: number;
  name: string;
  score: number;
}

export class ConceptNames {
  readonly concepts: readonly SearchIndexConcept[];
  /** All concept names, flat. */
  readonly all: ConceptName[] = [];
  /** Exact (strong) name -> concept ids. */
  private readonly byName = new Map<string, string[]>();
  private readonly fuse: Fuse<SearchIndexConcept>;
  /** Built on first use: a small glossary never needs it. */
  private filter: BigramFilter | null = null;
  private readonly directMax: number;
  /** Short all-letter names and the initials of multi-word names ("ccp", "cewc") -> concept ids. */
  private readonly acronyms: Map<string, string[]>;

  constructor(index: Pick<SearchIndexData, 'concepts' | 'conceptIndex'>, directMax: number) {
    this.directMax = directMax;
    const concepts = index.concepts;
    this.concepts = concepts;
    concepts.forEach((c, ci) => {
      const weak = new Set(c.weak ?? []);
      for (const n of c.names) {
        this.all.push({ name: n, ci, weak: weak.has(n) });
        if (weak.has(n)) continue;
        const list = this.byName.get(n);
        if (list) {
          if (!list.includes(c.id)) list.push(c.id);
        } else this.byName.set(n, [c.id]);
      }
    });
    this.acronyms = acronymsOf(concepts);
    this.fuse = new Fuse<SearchIndexConcept>(
      concepts,
      CONCEPT_OPTIONS,
      Fuse.parseIndex<SearchIndexConcept>(
        hydrateIndex(index.conceptIndex, (i, sub) => concepts[i]?.names[sub] ?? ''),
      ),
    );
  }

  /** Name indices (into `all`) by their first two characters; built on first use. */
  private byStart: Map<string, number[]> | null = null;
  /** Indices of the CJK names (strong, 3 characters or more) holding each trigram. */
  private byTrigram: Map<string, number[]> | null = null;

  /**
   * Indices (into `all`, ascending) of the names of 2 characters or more that occur in q, each
   * with its first position: a lookup per position of q instead of a scan of every name (a pasted
   * paragraph against the whole glossary).
   */
  occurrencesIn(q: string): Array<{ ni: number; at: number }> {
    if (!this.byStart) {
      this.byStart = new Map();
      this.all.forEach(({ name }, ni) => {
        if (name.length < 2) return;
        const k = name.slice(0, 2);
        const list = this.byStart!.get(k);
        if (list) list.push(ni);
        else this.byStart!.set(k, [ni]);
      });
    }
    const first = new Map<number, number>();
    for (let i = 0; i + 1 < q.length; i++) {
      for (const ni of this.byStart.get(q.slice(i, i + 2)) ?? []) {
        if (!first.has(ni) && q.startsWith(this.all[ni]!.name, i)) first.set(ni, i);
      }
    }
    return [...first].map(([ni, at]) => ({ ni, at })).sort((a, b) => a.ni - b.ni);
  }

  /** Indices (into `all`, ascending) of the strong CJK names sharing a trigram with `seg`. */
  sharingTrigram(seg: string): number[] {
    if (!this.byTrigram) {
      this.byTrigram = new Map();
      this.all.forEach(({ name, weak }, ni) => {
        if (weak || name.length < 3 || /[a-z]/i.test(name)) return;
        for (let k = 0; k + 3 <= name.length; k++) {
          const t = name.slice(k, k + 3);
          const list = this.byTrigram!.get(t);
          if (!list) this.byTrigram!.set(t, [ni]);
          else if (list[list.length - 1] !== ni) list.push(ni);
        }
      });
    }
    const out = new Set<number>();
    for (let k = 0; k + 3 <= seg.length; k++)
      for (const ni of this.byTrigram.get(seg.slice(k, k + 3)) ?? []) out.add(ni);
    return [...out].sort((a, b) => a - b);
  }

  /** Ids of the concepts with `name` as a strong name. */
  exact(name: string): readonly string[] {
    return this.byName.get(name) ?? [];
  }

  /** Ids of the concepts `w` (one lower-case word) is an acronym of. */
  acronym(w: string): readonly string[] {
    return this.acronyms.get(w) ?? [];
  }

  /** Concept names close to q (fuse.js score <= SUGGEST_THRESHOLD), best first. */
  fuzzy(q: string): readonly NameMatch[] {
    const hit = this.recent.get(q);
    if (hit) return hit;
    const out = this.fuzzyUncached(q);
    // Typing repeats lookups keystroke after keystroke (the words and windows already typed).
    if (this.recent.size >= FUZZY_CACHE_MAX) this.recent.delete(this.recent.keys().next().value!);
    this.recent.set(q, out);
    return out;
  }

  private readonly recent = new Map<string, readonly NameMatch[]>();

  private fuzzyUncached(q: string): NameMatch[] {
    const out: NameMatch[] = [];
    if (this.all.length <= this.directMax) {
      for (const r of this.fuse.search(q, { limit: 20 })) {
        for (const m of r.matches ?? []) {
          const name = m.value ?? '';
          if (!name) continue;
          const one = Fuse.match(q, name, CONCEPT_OPTIONS);
          if (one.isMatch) out.push({ ci: r.refIndex, name, score: one.score });
        }
      }
    } else {
      this.filter ??= new BigramFilter(this.all.map((n) => n.name));
      for (const ni of this.filter.candidates(q, PREFILTER_NAMES, true)) {
        const n = this.all[ni]!;
        const r = Fuse.match(q, n.name, CONCEPT_OPTIONS);
        if (r.isMatch) out.push({ ci: n.ci, name: n.name, score: r.score });
      }
    }
    return out.sort((a, b) => a.score - b.score || a.ci - b.ci || (a.name < b.name ? -1 : 1));
  }
}

/** Fuzzy name lookups remembered (the latest ones). */
const FUZZY_CACHE_MAX = 256;

/** Words an acronym skips ("Communist Party of China" -> CPC). */
const ACRONYM_SKIP = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'to', 's', 'a', 'an']);

/**
 * Acronyms: names that are one short word ("ccp", "npc"), and the initials of names of three or
 * more words ("central economic work conference" -> "cewc") when no other concept has the same.
 */
function acronymsOf(concepts: readonly SearchIndexConcept[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const initials = new Map<string, Set<string>>();
  for (const c of concepts) {
    for (const n of c.names) {
      if (/^[a-z]{2,6}$/.test(n)) {
        const ids = out.get(n);
        if (!ids) out.set(n, [c.id]);
        else if (!ids.includes(c.id)) ids.push(c.id);
        continue;
      }
      if (!/^[a-z' ]+$/.test(n)) continue;
      const words = n.split(/[ ']+/).filter((w) => w && !ACRONYM_SKIP.has(w));
      if (words.length < 3 || words.length > 6) continue;
      const key = words.map((w) => w[0]).join('');
      let ids = initials.get(key);
      if (!ids) initials.set(key, (ids = new Set()));
      ids.add(c.id);
    }
  }
  for (const [key, ids] of initials) if (ids.size === 1 && !out.has(key)) out.set(key, [...ids]);
  return out;
}
