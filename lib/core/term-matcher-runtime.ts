// The automaton as the scan reads it, narrow enough to hand to every frame: per state only its
// children's offset, its edge label and its failure link, 16 bits each (6 bytes a state, plus a
// bit saying whether it has outputs), the outputs themselves in sparse per-terminal tables. A value
// that does not fit 16 bits is FAR in its table and sits in a small sorted side table: state ids of
// failure targets are shallow and children start within two BFS levels of their parent, so with
// today's glossary (86,681 states) under 1 % of the states need one.

/** A 16-bit entry whose value is in the matching far table. */
export const FAR = 0xffff;

export interface Runtime {
  /**
   * code unit -> symbol (0 = none), two-level: symBlock[c >> 8] is the offset of the 256-entry
   * block of c in symTab (block 0 is all zeros, shared by the unused high bytes).
   */
  symBlock: Uint16Array;
  symTab: Uint16Array;
  rootNext: Int32Array; // symbol -> child of root (-1 = none)
  /** Children of s are s + childAt[s] .. s + childAt[s + 1] (BFS order; length N + 1). */
  childAt: Uint16Array;
  label: Uint16Array; // symbol on the edge into the state
  fail: Uint16Array;
  /** Per state, a bit: it has outputs (it is terminal, or one of its failure ancestors is). */
  outBits: Int32Array;
  /** Per 32-state word of outBits: the set bits before it. */
  outRank: Int32Array;
  /** Per state with outputs (state order): its first output terminal. */
  outFirst: Uint16Array;
  /** Per terminal: 1 + the next terminal of its output chain (a smaller one), 0 = none. */
  termNext: Uint16Array;
  /** Per terminal t: entries t + termStart[t] .. t + 1 + termStart[t + 1] - 1 (length T + 1). */
  termStart: Uint16Array;
  /** Per terminal: pattern length (normalised units). */
  termDepth: Uint16Array;
  /** Per terminal: 1 = pattern needs a boundary on the left, 2 = on the right. */
  bounds: Uint8Array;
  entryConcept: Uint16Array;
  entryFlags: Uint8Array;
  /** (index, value) pairs sorted by index for the FAR entries of the table named after "far". */
  farChild: Int32Array;
  farFail: Int32Array;
  farOut: Int32Array;
  farNext: Int32Array;
  farStart: Int32Array;
  farConcept: Int32Array;
  cased: Map<number, string>;
  /** ring size - 1 for the streaming selection: a power of two minus one, >= max pattern length */
  ringMask: number;
}

/** The value behind a FAR entry at index k (0 if absent: only corrupt data lacks one). */
export function far(pairs: Int32Array, k: number): number {
  let lo = 0;
  let hi = (pairs.length >>> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = pairs[mid << 1]!;
    if (at === k) return pairs[(mid << 1) + 1]!;
    if (at < k) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** Set bits of a 32-bit integer. */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** The child of state s (not the root) on symbol sy, or -1. Children are sorted by symbol. */
export function childOf(
  childAt: Uint16Array,
  farChild: Int32Array,
  label: Uint16Array,
  s: number,
  sy: number,
): number {
  let a = childAt[s]!;
  if (a === FAR) a = far(farChild, s);
  let b = childAt[s + 1]!;
  if (b === FAR) b = far(farChild, s + 1);
  const fc = s + a;
  const e = s + 1 + b;
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

/**
 * The failure link of s (not the root). Always a smaller state (it is shallower, and states are in
 * BFS order): anything else is corrupt data, and the root keeps the scan from looping.
 */
export function failOf(fail: Uint16Array, farFail: Int32Array, s: number): number {
  let f = fail[s]!;
  if (f === FAR) f = far(farFail, s);
  return f < s ? f : 0;
}

/** Values as 16-bit entries, those of `farFrom` or more (or negative) FAR with a side table. */
function narrow(values: ArrayLike<number>, farFrom: number): { u16: Uint16Array; far: Int32Array } {
  const u16 = new Uint16Array(values.length);
  const pairs: number[] = [];
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    if (v >= 0 && v < farFrom) u16[k] = v;
    else {
      u16[k] = FAR;
      pairs.push(k, v);
    }
  }
  return { u16, far: Int32Array.from(pairs) };
}

/** The wide tables the decoder derives (term-matcher-decode.ts). */
export interface WideLinks {
  firstChild: Int32Array;
  fail: Int32Array;
  /** per state: terminal index, -1 if not terminal */
  term: Int32Array;
  /** per state: nearest proper fail-ancestor that is terminal (0 = none) */
  outLink: Int32Array;
  termStart: Int32Array;
  entryConcept: ArrayLike<number>;
}

type NarrowTables = Pick<
  Runtime,
  | 'childAt'
  | 'fail'
  | 'outBits'
  | 'outRank'
  | 'outFirst'
  | 'termNext'
  | 'termStart'
  | 'entryConcept'
  | 'farChild'
  | 'farFail'
  | 'farOut'
  | 'farNext'
  | 'farStart'
  | 'farConcept'
>;

/**
 * The narrow tables of the runtime from the wide ones. `farFrom` (tests only) moves smaller values
 * to the far tables too, so that small automata exercise them.
 */
export function narrowTables(w: WideLinks, farFrom = FAR): NarrowTables {
  const N = w.fail.length;
  const T = w.termStart.length - 1;
  const limit = Math.min(farFrom, FAR);
  const childAt = narrow(
    Int32Array.from(w.firstChild, (fc, s) => fc - s),
    limit,
  );
  const fail = narrow(w.fail, limit);
  const words = (N + 31) >>> 5;
  const outBits = new Int32Array(words);
  const outRank = new Int32Array(words);
  const first: number[] = [];
  const termNext = new Int32Array(T);
  for (let s = 0; s < N; s++) {
    const t = w.term[s]!;
    const o = w.outLink[s]!;
    const next = o > 0 ? w.term[o]! : -1;
    if (t >= 0) termNext[t] = next + 1;
    const head = s === 0 ? -1 : t >= 0 ? t : next;
    if (head < 0) continue;
    outBits[s >>> 5]! |= 1 << (s & 31);
    first.push(head);
  }
  for (let k = 0, r = 0; k < words; k++) {
    outRank[k] = r;
    r += popcount(outBits[k]!);
  }
  const outFirst = narrow(first, limit);
  const next = narrow(termNext, limit);
  const start = narrow(
    Int32Array.from(w.termStart, (e, t) => e - t),
    limit,
  );
  const concept = narrow(w.entryConcept, limit);
  return {
    childAt: childAt.u16,
    farChild: childAt.far,
    fail: fail.u16,
    farFail: fail.far,
    outBits,
    outRank,
    outFirst: outFirst.u16,
    farOut: outFirst.far,
    termNext: next.u16,
    farNext: next.far,
    termStart: start.u16,
    farStart: start.far,
    entryConcept: concept.u16,
    farConcept: concept.far,
  };
}
