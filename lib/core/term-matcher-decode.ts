// Once per background (and in node): createMatcher() decodes the v2 data into typed arrays,
// derives the failure and output links in one BFS pass (they are not in the build's data: see
// term-matcher-compile.ts) and narrows them to the runtime tables (term-matcher-runtime.ts).

import { isWordUnit } from './term-matcher-boundaries.ts';
import { matcherConcepts, vlqDecode, type CompiledMatcher } from './term-matcher-format.ts';
import { narrowTables, type Runtime } from './term-matcher-runtime.ts';

export type { Runtime } from './term-matcher-runtime.ts';

export interface Matcher {
  readonly ids: readonly string[];
  readonly categories: readonly string[];
  /** Number of distinct normalised patterns. */
  readonly patternCount: number;
  /** @internal */ readonly _m: Runtime;
}

/** The decoded trie: per state, its children range, edge label, depth, parent and first symbol. */
interface Trie {
  firstChild: Int32Array;
  label: Uint16Array;
  /** temporary: only terminals keep theirs */
  depth: Uint16Array;
  parent: Int32Array;
  /** symbol of the first char of the path */
  firstSym: Uint16Array;
  maxDepth: number;
}

/** The terminal states, the entries of each, and the pattern count (the root is not one). */
interface Terminals {
  term: Int32Array;
  termStates: number[];
  termStart: Int32Array;
  patternCount: number;
}

/** `farFrom`: tests only (term-matcher-runtime.ts narrowTables). */
export function createMatcher(data: CompiledMatcher, farFrom?: number): Matcher {
  if (!data || data.v !== 2) throw new Error('createMatcher: unsupported data');
  const { ids, categories } = matcherConcepts(data);
  // Few passes, no per-state allocations: this runs in a frame's first scan slice.
  const N = data.states;
  const alphabet = data.alphabet;
  const A = alphabet.length;
  // 16-bit symbols and depths keep the per-state arrays narrow
  if (A >= 0xffff) throw new Error('createMatcher: alphabet too large');
  const { symBlock, symTab } = symbolTable(alphabet);
  const trie = decodeTrie(data.trie, N, A);
  const { firstChild, label, depth, firstSym } = trie;
  const rootNext = new Int32Array(A + 1).fill(-1);
  for (let c = firstChild[0]!, e = firstChild[1]!; c < e; c++) rootNext[label[c]!] = c;
  const { term, termStates, termStart, patternCount } = decodeTerminals(data.terms, N);
  // terminals keep the boundary needs of their patterns (from the first and last symbols)
  const T = termStates.length;
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
  if (termStart[T] !== E) throw new Error('createMatcher: corrupt entries');
  const { fail, outLink } = deriveLinks(trie, rootNext, term);
  const entryFlags = new Uint8Array(E);
  const flv = vlqDecode(data.flags);
  for (let k = 0, e = 0; k + 1 < flv.length; k += 2) {
    e += flv[k]!;
    entryFlags[e] = flv[k + 1]!;
  }
  const cased = new Map<number, string>();
  for (const [ei, txt] of data.cased) cased.set(ei, txt);
  let ringMask = 1;
  while (ringMask < trie.maxDepth) ringMask = ringMask * 2 + 1;
  const narrow = narrowTables({ firstChild, fail, term, outLink, termStart, entryConcept }, farFrom);
  const R: Runtime = {
    symBlock,
    symTab,
    rootNext,
    label,
    termDepth,
    bounds,
    entryFlags,
    cased,
    ringMask,
    ...narrow,
  };
  return { ids, categories, patternCount, _m: R };
}

/** code unit -> symbol, two-level (see Runtime.symBlock) */
function symbolTable(alphabet: string): { symBlock: Uint16Array; symTab: Uint16Array } {
  const A = alphabet.length;
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
  return { symBlock, symTab };
}

/** Decode the BFS trie of N states over an alphabet of A symbols (format: CompiledMatcher.trie). */
function decodeTrie(encoded: string, N: number, A: number): Trie {
  const trie = vlqDecode(encoded);
  const firstChild = new Int32Array(N + 1);
  const label = new Uint16Array(N);
  const depth = new Uint16Array(N);
  const parent = new Int32Array(N);
  const firstSym = new Uint16Array(N);
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
  return { firstChild, label, depth, parent, firstSym, maxDepth };
}

/** Decode the terminal states of N states (format: CompiledMatcher.terms). */
function decodeTerminals(encoded: string, N: number): Terminals {
  const term = new Int32Array(N).fill(-1);
  const tv = vlqDecode(encoded);
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
  return { term, termStates, termStart, patternCount };
}

/**
 * Failure links and output links. States are in BFS order, so fail[s] and every state it walks
 * through are done before s.
 */
function deriveLinks(
  trie: Trie,
  rootNext: Int32Array,
  term: Int32Array,
): { fail: Int32Array; outLink: Int32Array } {
  const { firstChild, label, parent } = trie;
  const N = label.length;
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
  return { fail, outLink };
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
