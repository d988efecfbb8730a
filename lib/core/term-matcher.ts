// The compiled term matcher shared by the content script, the build and the CLI.
//
// Build time: compileMatcher() builds an Aho–Corasick automaton over the normalised patterns and
// serialises it compactly (VLQ strings; failure links are not stored, they are derived from the
// trie). Page time: createMatcher() decodes the arrays and derives failure and output links in one
// BFS pass, findTermMatches() runs one pass over the normalised text and selects leftmost-longest
// non-overlapping matches.
//
// Pure TypeScript: no DOM, no dependencies.

import type { TermMatch } from './types.ts';
import { normalizeForMatch, normalizePreservingCase, normalizeQuery, toOriginalSpan } from './normalize.ts';

export const FLAG_CASE_SENSITIVE = 1;
export const FLAG_QUOTED_ONLY = 2;
export const FLAG_CORPUS_ONLY = 4;

export interface MatcherEntry {
  /** Alias text (any form; normalised by the compiler). */
  text: string;
  /** Index into concepts.ids. */
  concept: number;
  /** FLAG_* bits. */
  flags: number;
}

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
}

export interface Matcher {
  readonly ids: readonly string[];
  readonly categories: readonly string[];
  /** Number of distinct normalised patterns. */
  readonly patternCount: number;
  /** @internal */ readonly _m: Runtime;
}

interface Runtime {
  /**
   * code unit -> symbol (0 = none), two-level: symBlock[c >> 8] is the offset of the 256-entry
   * block of c in symTab (block 0 is all zeros, shared by the unused high bytes).
   */
  symBlock: Uint16Array;
  symTab: Uint16Array;
  rootNext: Int32Array; // symbol -> child of root (-1 = none)
  /** children of s are firstChild[s] .. firstChild[s + 1] - 1 (length N + 1) */
  firstChild: Int32Array;
  label: Uint16Array; // symbol on the edge into the state
  fail: Int32Array;
  /** per state: terminal index, -1 if not terminal */
  term: Int32Array;
  outLink: Int32Array; // nearest proper fail-ancestor that is terminal (0 = none)
  /** per terminal t: entries termStart[t] .. termStart[t + 1] - 1 (length T + 1) */
  termStart: Int32Array;
  /** per terminal: pattern length (normalised units) */
  termDepth: Uint16Array;
  /** per terminal: 1 = pattern needs a boundary on the left, 2 = on the right */
  bounds: Uint8Array;
  entryConcept: Int32Array;
  entryFlags: Uint8Array;
  cased: Map<number, string>;
  /** ring size - 1 for the streaming selection: a power of two minus one, >= max pattern length */
  ringMask: number;
}

// ---------------------------------------------------------------------------------------------
// VLQ (unsigned, 5 bits per char, bit 5 = continuation)

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INV = new Int8Array(128).fill(-1);
for (let k = 0; k < 64; k++) B64_INV[B64.charCodeAt(k)] = k;

function vlqEncode(values: ArrayLike<number>): string {
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

function vlqDecode(s: string): Int32Array {
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

// ---------------------------------------------------------------------------------------------
// Word boundaries: Latin/Vietnamese (and Greek/Cyrillic) letters, combining marks, digits.

/** True for a UTF-16 unit of normalised (lower-cased NFKC) text that belongs to a Latin-like word. */
export function isWordUnit(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (c < 0x250) return c >= 0xc0 ? c !== 0xd7 && c !== 0xf7 : c === 0xaa || c === 0xb5 || c === 0xba;
  if (c < 0x2b0) return true; // IPA
  if (c < 0x300) return false;
  if (c < 0x370) return true; // combining diacritics
  if (c < 0x530) return c !== 0x37e && c !== 0x387; // Greek, Cyrillic
  if (c >= 0x1e00 && c <= 0x1fff) return true; // Latin extended additional (Vietnamese), Greek ext
  if (c >= 0x2c60 && c <= 0x2c7f) return true;
  if (c >= 0xa720 && c <= 0xa7ff) return true;
  if (c >= 0xab30 && c <= 0xab6f) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Compile

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

// ---------------------------------------------------------------------------------------------
// Load

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

export function createMatcher(data: CompiledMatcher): Matcher {
  if (!data || data.v !== 2) throw new Error('createMatcher: unsupported data');
  const { ids, categories } = matcherConcepts(data);
  // Few passes, no per-state allocations: this runs in a frame's first scan slice.
  const N = data.states;
  const alphabet = data.alphabet;
  const A = alphabet.length;
  // 16-bit symbols and depths keep the per-state arrays narrow
  if (A >= 0xffff) throw new Error('createMatcher: alphabet too large');
  // code unit -> symbol, two-level (see Runtime.symBlock)
  const symBlock = new Uint16Array(256);
  let blocks = 1;
  for (let k = 0; k < A; k++) {
    const hi = alphabet.charCodeAt(k) >>> 8;
    if (symBlock[hi] === 0) symBlock[hi] = blocks++ << 8;
  }
  const symTab = new Uint16Array(blocks << 8);
  for (let k = 0; k < A; k++) {
    const c = alphabet.charCodeAt(k);
    symTab[symBlock[c >>> 8]! | (c & 255)] = k + 1;
  }
  const trie = vlqDecode(data.trie);
  const firstChild = new Int32Array(N + 1);
  const label = new Uint16Array(N);
  const depth = new Uint16Array(N); // temporary: only terminals keep theirs
  const parent = new Int32Array(N);
  const firstSym = new Uint16Array(N); // symbol of the first char of the path
  let maxDepth = 1;
  let t = 0;
  let next = 1;
  for (let s = 0; s < N; s++) {
    const v = trie[t++]!;
    firstChild[s] = next;
    const d = depth[s]! + 1;
    const fs = firstSym[s]!;
    const cnt = v & 1 ? 1 : v >>> 1;
    if (cnt === 0) continue;
    if (next + cnt > N || v >>> 1 > A) throw new Error('createMatcher: corrupt trie');
    if (d > 0xffff) throw new Error('createMatcher: pattern too long');
    if (d > maxDepth) maxDepth = d;
    let sy = 0;
    for (let k = 0; k < cnt; k++) {
      sy = v & 1 ? v >>> 1 : sy + trie[t++]!;
      label[next] = sy;
      depth[next] = d;
      parent[next] = s;
      firstSym[next] = s === 0 ? sy : fs;
      next++;
    }
  }
  if (next !== N) throw new Error('createMatcher: corrupt trie');
  firstChild[N] = N;
  const rootNext = new Int32Array(A + 1).fill(-1);
  for (let c = firstChild[0]!, e = firstChild[1]!; c < e; c++) rootNext[label[c]!] = c;
  // terminals, with the boundary needs of their patterns (from the first and last symbols)
  const term = new Int32Array(N).fill(-1);
  const tv = vlqDecode(data.terms);
  const termStates: number[] = [];
  const starts: number[] = [];
  let te = 0;
  let st = 0;
  let patternCount = 0;
  for (let k = 0; k < tv.length;) {
    const v = tv[k++]!;
    st += v >>> 1;
    const cnt = v & 1 ? tv[k++]! : 1;
    if (st >= N || term[st]! >= 0) throw new Error('createMatcher: corrupt entries');
    term[st] = termStates.length;
    termStates.push(st);
    starts.push(te);
    te += cnt;
    if (st !== 0) patternCount++;
  }
  const T = termStates.length;
  const termStart = new Int32Array(T + 1);
  termStart.set(starts);
  termStart[T] = te;
  const termDepth = new Uint16Array(T);
  const bounds = new Uint8Array(T); // 1 = needs a boundary on the left, 2 = on the right
  for (let k = 0; k < T; k++) {
    const s = termStates[k]!;
    termDepth[k] = depth[s]!;
    if (s === 0) continue;
    const first = alphabet.charCodeAt(firstSym[s]! - 1);
    const last = alphabet.charCodeAt(label[s]! - 1);
    bounds[k] = (isWordUnit(first) ? 1 : 0) | (isWordUnit(last) ? 2 : 0);
  }
  const entryConcept = vlqDecode(data.entries);
  const E = entryConcept.length;
  if (te !== E) throw new Error('createMatcher: corrupt entries');
  // failure links and output links: states are in BFS order, so fail[s] and every state it
  // walks through are done before s
  const fail = new Int32Array(N);
  const outLink = new Int32Array(N); // nearest proper fail-ancestor that is terminal (0 = none)
  for (let s = firstChild[1]!; s < N; s++) {
    // (states 1 .. firstChild[1] - 1 are the root's children: their failure link is the root)
    const sy = label[s]!;
    let f = fail[parent[s]!]!;
    let to: number;
    for (;;) {
      if (f === 0) {
        to = rootNext[sy]!;
        if (to < 0) to = 0;
        break;
      }
      to = childOf(firstChild, label, f, sy);
      if (to >= 0) break;
      f = fail[f]!;
    }
    fail[s] = to;
    outLink[s] = to !== 0 && term[to]! >= 0 ? to : outLink[to]!;
  }
  const entryFlags = new Uint8Array(E);
  const flv = vlqDecode(data.flags);
  for (let k = 0, e = 0; k + 1 < flv.length; k += 2) {
    e += flv[k]!;
    entryFlags[e] = flv[k + 1]!;
  }
  const cased = new Map<number, string>();
  for (const [ei, txt] of data.cased) cased.set(ei, txt);
  let ringMask = 1;
  while (ringMask < maxDepth) ringMask = ringMask * 2 + 1;
  return {
    ids,
    categories,
    patternCount,
    _m: {
      symBlock,
      symTab,
      rootNext,
      firstChild,
      label,
      fail,
      term,
      outLink,
      termStart,
      termDepth,
      bounds,
      entryConcept,
      entryFlags,
      cased,
      ringMask,
    },
  };
}

/** The child of state s (not the root) on symbol sy, or -1. Children are sorted by symbol. */
function childOf(firstChild: Int32Array, label: Uint16Array, s: number, sy: number): number {
  const fc = firstChild[s]!;
  const e = firstChild[s + 1]!;
  if (e - fc <= 8) {
    for (let k = fc; k < e; k++) if (label[k] === sy) return k;
    return -1;
  }
  let lo = fc;
  let hi = e - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const l = label[mid]!;
    if (l === sy) return mid;
    if (l < sy) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Match

function isOpenQuote(c: number): number {
  // returns the matching closer or 0
  switch (c) {
    case 0x300c:
      return 0x300d; // 「」
    case 0x300e:
      return 0x300f; // 『』
    case 0x22:
      return 0x22; // " (also folded “” « » ＂)
    case 0x27:
      return 0x27; // ' (also folded ‘’)
    case 0x300a:
      return 0x300b; // 《》
    case 0x3008:
      return 0x3009; // 〈〉
    case 0x3010:
      return 0x3011; // 【】
    case 0xfe41:
      return 0xfe42; // ﹁﹂
    case 0xfe43:
      return 0xfe44; // ﹃﹄
    default:
      return 0;
  }
}

/**
 * Find concept terms in `text`. Offsets are UTF-16 indices into `text`. Leftmost-longest,
 * non-overlapping, in document order. Never throws.
 */
export function findTermMatches(
  matcher: Matcher,
  text: string,
  opts?: { context?: 'page' | 'corpus' },
): TermMatch[] {
  const result: TermMatch[] = [];
  try {
    scan(matcher, text, opts?.context === 'corpus', result);
  } catch {
    // never throw into the page (e.g. out of memory on a giant string): keep what was found
  }
  return result;
}

function scan(matcher: Matcher, text: string, corpus: boolean, result: TermMatch[]): TermMatch[] {
  if (typeof text !== 'string' || text.length === 0) return result;
  const R = matcher._m;
  if (R.firstChild.length <= 2) return result; // the root alone
  const norm = normalizeForMatch(text);
  const t = norm.text;
  const map = norm.map;
  const n = t.length;
  const {
    symBlock,
    symTab,
    rootNext,
    firstChild,
    label,
    fail,
    term,
    outLink,
    termStart,
    termDepth,
    entryFlags,
    entryConcept,
    bounds,
    ringMask,
  } = R;
  const ids = matcher.ids;

  // Leftmost-longest selection, streamed: ring[start & mask] holds the longest accepted candidate
  // starting there (end, entry). A start position p is final once the scan has passed p + maxDepth
  // - 1, because every later candidate starts after p. Then the greedy choice is made at p.
  const ringEnd = new Int32Array(ringMask + 1);
  const ringEnt = new Int32Array(ringMask + 1);
  let pending = 0; // candidates in the ring
  let cursor = 0; // next start position to finalise
  let takenEnd = 0; // normalised end of the last selected match
  let lastOrigEnd = 0; // original end of the last selected match
  const maxDepth = ringMask; // ring size is > maxDepth

  const finalise = (upTo: number): void => {
    // finalise start positions cursor .. upTo - 1
    while (cursor < upTo) {
      if (pending === 0) {
        cursor = upTo;
        break;
      }
      const slot = cursor & ringMask;
      const e = ringEnd[slot]!;
      if (e !== 0) {
        ringEnd[slot] = 0;
        pending--;
        if (cursor >= takenEnd) {
          const [os, oe] = toOriginalSpan(map, cursor, e, text);
          // an NFKC expansion (㍻ -> 平成) split between two matches would overlap in the original
          if (os >= lastOrigEnd) {
            result.push({ start: os, end: oe, conceptId: ids[entryConcept[ringEnt[slot]!]!]! });
            lastOrigEnd = oe;
            takenEnd = e;
          }
        }
      }
      cursor++;
    }
  };

  let state = 0;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    const sy = symTab[symBlock[c >>> 8]! | (c & 255)]!;
    if (sy === 0) {
      state = 0;
      if (pending !== 0) finalise(i + 1);
      continue;
    }
    for (;;) {
      const nx = state === 0 ? rootNext[sy]! : childOf(firstChild, label, state, sy);
      if (nx >= 0) {
        state = nx;
        break;
      }
      if (state === 0) break;
      state = fail[state]!;
    }
    if (state !== 0) {
      let o = term[state]! >= 0 ? state : outLink[state]!;
      while (o > 0) {
        const tk = term[o]!;
        const end = i + 1;
        const start = end - termDepth[tk]!;
        const b = bounds[tk]!;
        let ok = start >= takenEnd;
        if (ok && b & 1 && start > 0 && isWordUnit(t.charCodeAt(start - 1))) ok = false;
        if (ok && b & 2 && end < n && isWordUnit(t.charCodeAt(end))) ok = false;
        if (ok) {
          // the first entry of this pattern whose flags pass
          let chosen = -1;
          for (let ei = termStart[tk]!, e = termStart[tk + 1]!; ei < e; ei++) {
            const f = entryFlags[ei]!;
            if (f === 0) {
              chosen = ei;
              break;
            }
            if (f & FLAG_CORPUS_ONLY && !corpus) continue;
            if (f & FLAG_QUOTED_ONLY) {
              if (start === 0 || end >= n) continue;
              const close = isOpenQuote(t.charCodeAt(start - 1));
              if (close === 0 || t.charCodeAt(end) !== close) continue;
            }
            if (f & FLAG_CASE_SENSITIVE) {
              const want = R.cased.get(ei);
              const [os, oe] = toOriginalSpan(map, start, end, text);
              if (want === undefined || normalizePreservingCase(text.slice(os, oe)) !== want) continue;
            }
            chosen = ei;
            break;
          }
          if (chosen >= 0) {
            const slot = start & ringMask;
            const prev = ringEnd[slot]!;
            // longer wins; at equal length the first accepted entry stays
            if (end > prev) {
              if (prev === 0) {
                // nothing pending: positions before end - maxDepth can hold no candidate
                if (pending === 0 && cursor < end - maxDepth) cursor = end - maxDepth;
                pending++;
              }
              ringEnd[slot] = end;
              ringEnt[slot] = chosen;
            }
          }
        }
        o = outLink[o]!;
      }
    }
    if (pending !== 0 && i + 2 > maxDepth) finalise(i + 2 - maxDepth);
  }
  finalise(n);
  return result;
}
