// Build time: compileMatcher() builds the Aho–Corasick trie over the normalised patterns and
// encodes it in the v2 format (term-matcher-format.ts). Failure links are not stored: the page
// derives them from the trie (term-matcher-decode.ts), which keeps the content script small.

import { normalizePreservingCase, normalizeQuery } from './normalize.ts';
import { B64, FLAG_CASE_SENSITIVE, vlqEncode, type CompiledMatcher } from './term-matcher-format.ts';

export interface MatcherEntry {
  /** Alias text (any form; normalised by the compiler). */
  text: string;
  /** Index into concepts.ids. */
  concept: number;
  /** FLAG_* bits. */
  flags: number;
}

export function compileMatcher(
  entries: MatcherEntry[],
  concepts: { ids: string[]; categories: string[] },
): CompiledMatcher {
  // distinct entries (pattern, concept, flags), first occurrence order
  const pats: string[] = [];
  const patIndex = new Map<string, number>();
  const patEntries: number[][] = [];
  const entryConcept: number[] = [];
  const entryFlags: number[] = [];
  const cased: Array<[number, string]> = [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (!Number.isInteger(e.concept) || e.concept < 0 || e.concept >= concepts.ids.length) {
      throw new Error(`compileMatcher: entry "${e.text}" has bad concept index ${e.concept}`);
    }
    const p = normalizeQuery(e.text);
    if (p.length === 0) continue;
    const flags = e.flags & 7;
    const casedText = flags & FLAG_CASE_SENSITIVE ? normalizePreservingCase(e.text) : '';
    const key = `${p}\u0000${e.concept}\u0000${flags}\u0000${casedText}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let pi = patIndex.get(p);
    if (pi === undefined) {
      pi = pats.length;
      pats.push(p);
      patIndex.set(p, pi);
      patEntries.push([]);
    }
    const ei = entryConcept.length;
    entryConcept.push(e.concept);
    entryFlags.push(flags);
    if (flags & FLAG_CASE_SENSITIVE) cased.push([ei, casedText]);
    patEntries[pi]!.push(ei);
  }

  // alphabet by frequency (desc), then code unit (asc)
  const freq = new Map<number, number>();
  for (const p of pats)
    for (let k = 0; k < p.length; k++) freq.set(p.charCodeAt(k), (freq.get(p.charCodeAt(k)) ?? 0) + 1);
  const units = [...freq.keys()].sort((a, b) => freq.get(b)! - freq.get(a)! || a - b);
  if (units.length >= 0xffff) throw new Error('compileMatcher: alphabet too large');
  const sym = new Map<number, number>();
  units.forEach((u, k) => sym.set(u, k + 1));
  const alphabet = String.fromCharCode(...units);

  // trie with Map children
  const children: Array<Map<number, number>> = [new Map()];
  const term: number[] = [-1]; // pattern index per node
  for (let pi = 0; pi < pats.length; pi++) {
    const p = pats[pi]!;
    let node = 0;
    for (let k = 0; k < p.length; k++) {
      const sy = sym.get(p.charCodeAt(k))!;
      let nx = children[node]!.get(sy);
      if (nx === undefined) {
        nx = children.length;
        children.push(new Map());
        term.push(-1);
        children[node]!.set(sy, nx);
      }
      node = nx;
    }
    term[node] = pi;
  }

  // BFS renumbering with children sorted by symbol
  const order: number[] = [0];
  const trieVals: number[] = [];
  for (let h = 0; h < order.length; h++) {
    const node = order[h]!;
    const kids = [...children[node]!.entries()].sort((a, b) => a[0] - b[0]);
    if (kids.length === 1) trieVals.push((kids[0]![0] << 1) | 1);
    else {
      trieVals.push(kids.length << 1);
      let prev = 0;
      for (const [sy] of kids) {
        trieVals.push(sy - prev);
        prev = sy;
      }
    }
    for (const [, child] of kids) order.push(child);
  }
  const N = order.length;
  // terminals in new-id order; entries renumbered in that order so they are implicit
  const termVals: number[] = [];
  const entryVals: number[] = [];
  const flagVals: number[] = [];
  const casedOut: Array<[number, string]> = [];
  const casedBy = new Map<number, string>(cased);
  let prevT = 0;
  let nextEntry = 0;
  let prevFlagged = 0;
  for (let h = 0; h < N; h++) {
    const pi = term[order[h]!]!;
    if (pi < 0) continue;
    const es = patEntries[pi]!;
    termVals.push(((h - prevT) << 1) | (es.length > 1 ? 1 : 0));
    if (es.length > 1) termVals.push(es.length);
    prevT = h;
    for (const ei of es) {
      entryVals.push(entryConcept[ei]!);
      if (entryFlags[ei]) {
        flagVals.push(nextEntry - prevFlagged, entryFlags[ei]!);
        prevFlagged = nextEntry;
      }
      const ct = casedBy.get(ei);
      if (ct !== undefined) casedOut.push([nextEntry, ct]);
      nextEntry++;
    }
  }

  // concepts: ids joined by spaces, categories as one base64 digit per concept
  const categoryNames: string[] = [];
  let categories = '';
  for (const c of concepts.categories) {
    let k = categoryNames.indexOf(c);
    if (k < 0) k = categoryNames.push(c) - 1;
    if (k >= 64) throw new Error('compileMatcher: more than 64 categories');
    categories += B64[k];
  }
  for (const id of concepts.ids)
    if (id === '' || /\s/.test(id)) throw new Error(`compileMatcher: bad concept id "${id}"`);

  return {
    v: 2,
    ids: concepts.ids.join(' '),
    categoryNames,
    categories,
    alphabet,
    states: N,
    trie: vlqEncode(trieVals),
    terms: vlqEncode(termVals),
    entries: vlqEncode(entryVals),
    flags: vlqEncode(flagVals),
    cased: casedOut,
  };
}
