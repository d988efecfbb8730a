// Matcher data format (build writes it, page reads it): the v2 JSON shape, entry flags and the
// unsigned VLQ/base64 codec every number list in it uses.

export const FLAG_CASE_SENSITIVE = 1;
export const FLAG_QUOTED_ONLY = 2;
export const FLAG_CORPUS_ONLY = 4;

/** JSON-able compiled matcher. All number lists are unsigned VLQ strings (base64 alphabet). */
export interface CompiledMatcher {
  v: 2;
  /** Concept ids joined by single spaces (ids contain no spaces). */
  ids: string;
  /** The distinct category names, in order of first use. */
  categoryNames: string[];
  /** One base64 digit per concept: the index of its category in categoryNames. */
  categories: string;
  /** Symbol k (1-based) is the UTF-16 unit alphabet.charCodeAt(k - 1). */
  alphabet: string;
  /** Number of states (root included). */
  states: number;
  /**
   * Per state in BFS order: a leaf is 0; a state with one child is (symbol << 1 | 1); otherwise
   * (count << 1) followed by the child symbols, delta-coded ascending. Children get consecutive
   * ids in BFS order, so no child ids are stored. Failure links are derived at load time.
   */
  trie: string;
  /** Per terminal state: (state delta from the previous terminal) << 1 | (more than one entry),
   * then the entry count when more than one. Entries are numbered consecutively in that order. */
  terms: string;
  /** Concept index per entry. */
  entries: string;
  /** Entries with flags: (entry delta from the previous flagged entry), flags. */
  flags: string;
  /** Case-preserving normalised text of case-sensitive entries: [entryIndex, text]. */
  cased: Array<[number, string]>;
  /**
   * Han folding pairs (variant, canonical; lib/core/match-han-fold.ts): patterns are folded at
   * build time, page text before the scan. Absent: no folding.
   */
  hanFold?: string;
  /**
   * Forms accepted on a page only with evidence nearby (lib/core/match-context.ts):
   * `conceptIndex + ' ' + folded normalizeQuery(form)`, sorted.
   */
  needsContext?: string[];
  /**
   * Context-gated forms that several concepts share (a bare "Politburo", 政治局): folded form →
   * the concept indices sharing it. On a page the nearest evidence's country decides which one
   * the match is (lib/core/match-context.ts).
   */
  contextShared?: Record<string, number[]>;
  /** Country per concept index ('c' China, 'v' Vietnam, '-' neither), set with contextShared. */
  countries?: string;
}

/** What travels with a matcher besides its automaton: the page's filters (page-terms.ts). */
export type MatcherExtras = Pick<CompiledMatcher, 'hanFold' | 'needsContext' | 'contextShared' | 'countries'>;

// ---------------------------------------------------------------------------------------------
// VLQ (unsigned, 5 bits per char, bit 5 = continuation)

export const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INV = new Int8Array(128).fill(-1);
for (let k = 0; k < 64; k++) B64_INV[B64.charCodeAt(k)] = k;

export function vlqEncode(values: ArrayLike<number>): string {
  const parts: string[] = [];
  let chunk = '';
  for (let k = 0; k < values.length; k++) {
    let v = values[k]!;
    if (v < 0 || !Number.isInteger(v)) throw new Error(`vlq: bad value ${v}`);
    do {
      let d = v & 31;
      v = Math.floor(v / 32);
      if (v > 0) d |= 32;
      chunk += B64[d];
    } while (v > 0);
    if (chunk.length > 4096) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

export function vlqDecode(s: string): Int32Array {
  // One pass: there are at most s.length values.
  const out = new Int32Array(s.length);
  let o = 0;
  let v = 0;
  let shift = 1;
  for (let k = 0; k < s.length; k++) {
    const d = B64_INV[s.charCodeAt(k) & 127]!;
    if (d < 0) throw new Error('vlq: bad character');
    v += (d & 31) * shift;
    if (d & 32) shift *= 32;
    else {
      out[o++] = v;
      v = 0;
      shift = 1;
    }
  }
  return o === out.length ? out : out.slice(0, o);
}

/** The concept ids and their categories (index-aligned), without decoding the automaton. */
export function matcherConcepts(data: CompiledMatcher): { ids: string[]; categories: string[] } {
  const ids = data.ids === '' ? [] : data.ids.split(' ');
  const categories: string[] = [];
  for (let k = 0; k < ids.length; k++) {
    const name = data.categoryNames[B64_INV[data.categories.charCodeAt(k) & 127]!];
    if (name === undefined) throw new Error('createMatcher: corrupt categories');
    categories.push(name);
  }
  return { ids, categories };
}
