// The matcher as a frame receives it: every typed array of the runtime automaton (failure and
// output links included, narrowed: term-matcher-runtime.ts) laid end to end in one buffer, base64
// in a JSON-able envelope. The
// background packs it once (from the build's v2 data now, from user term lists later); a frame
// instantiates it with one native base64 decode and a typed-array view per table, no loop over
// states, so a frame pays the same small price whatever the glossary's size (a cold page runs
// its first loops in the interpreter: decoding v2 and deriving links there took 25-45 ms).
// Byte order is the platform's: packed and unpacked in the same browser.

import type { Matcher, Runtime } from './term-matcher-decode.ts';
import type { MatcherExtras } from './term-matcher-format.ts';

export interface PackedMatcher {
  v: 4;
  ids: string[];
  categories: string[];
  patternCount: number;
  ringMask: number;
  cased: Array<[number, string]>;
  /** Element count of each table, in TABLES order. */
  lengths: number[];
  /** The tables, base64, each starting at a multiple of 4 bytes. */
  data: string;
  /** Han folding pairs the patterns were built with (CompiledMatcher.hanFold), if any. */
  hanFold?: string;
  /** Forms that need context on a page, per concept index (CompiledMatcher.needsContext). */
  needsContext?: string[];
  /** Gated forms shared by several concepts, and each concept's country (CompiledMatcher). */
  contextShared?: Record<string, number[]>;
  countries?: string;
}

type TableName = Exclude<keyof Runtime, 'cased' | 'ringMask'>;
type Ctor = Int32ArrayConstructor | Uint16ArrayConstructor | Uint8ArrayConstructor;

// Widest first, so that each table starts aligned for its element size with no padding but at
// the end of the 16-bit group.
const TABLES: ReadonlyArray<[TableName, Ctor]> = [
  ['rootNext', Int32Array],
  ['outBits', Int32Array],
  ['outRank', Int32Array],
  ['farChild', Int32Array],
  ['farFail', Int32Array],
  ['farOut', Int32Array],
  ['farNext', Int32Array],
  ['farStart', Int32Array],
  ['farConcept', Int32Array],
  ['symBlock', Uint16Array],
  ['symTab', Uint16Array],
  ['childAt', Uint16Array],
  ['label', Uint16Array],
  ['fail', Uint16Array],
  ['outFirst', Uint16Array],
  ['termNext', Uint16Array],
  ['termStart', Uint16Array],
  ['termDepth', Uint16Array],
  ['entryConcept', Uint16Array],
  ['bounds', Uint8Array],
  ['entryFlags', Uint8Array],
];

const align4 = (n: number) => (n + 3) & ~3;

/** Byte offset of each table for these lengths, and the total size. */
function layout(lengths: readonly number[]): { offsets: number[]; size: number } {
  const offsets: number[] = [];
  let at = 0;
  TABLES.forEach(([, C], k) => {
    at = C.BYTES_PER_ELEMENT === 4 ? align4(at) : at;
    offsets.push(at);
    at += lengths[k]! * C.BYTES_PER_ELEMENT;
  });
  return { offsets, size: align4(at) };
}

export function packMatcher(m: Matcher, extra: MatcherExtras = {}): PackedMatcher {
  const { lengths, bytes } = tableBytes(m);
  return { ...packHeader(m, lengths, extra), data: toBase64(bytes) } as PackedMatcher;
}

/** Everything of a packed matcher but its tables. */
export function packHeader(m: Matcher, lengths: number[], extra: MatcherExtras = {}): PackedHeader {
  return {
    v: 4,
    ids: [...m.ids],
    categories: [...m.categories],
    patternCount: m.patternCount,
    ringMask: m._m.ringMask,
    cased: [...m._m.cased],
    lengths,
    ...(extra.hanFold ? { hanFold: extra.hanFold } : {}),
    ...(extra.needsContext ? { needsContext: extra.needsContext } : {}),
    ...(extra.contextShared ? { contextShared: extra.contextShared } : {}),
    ...(extra.countries ? { countries: extra.countries } : {}),
  };
}

/** A packed matcher without its tables: what travels beside them (the binary file's header). */
export type PackedHeader = Omit<PackedMatcher, 'data'>;

/** Instantiates a packed matcher: views over one decoded buffer. Throws on malformed data. */
export function unpackMatcher(p: PackedMatcher): Matcher {
  if (!p || p.v !== 4) throw new Error('unpackMatcher: unsupported data');
  return viewTables(p, fromBase64(p.data));
}

/** The tables' size in bytes for these lengths (each table 4-byte aligned as needed). */
export function tablesSize(lengths: readonly number[]): number {
  return layout(lengths).size;
}

/** The tables of a matcher laid end to end (the body of the binary file, term-matcher-file.ts). */
export function tableBytes(m: Matcher): { lengths: number[]; bytes: Uint8Array } {
  const R = m._m;
  const lengths = TABLES.map(([name]) => R[name].length);
  const { offsets, size } = layout(lengths);
  const bytes = new Uint8Array(size);
  TABLES.forEach(([name], k) => {
    const t = R[name];
    bytes.set(new Uint8Array(t.buffer, t.byteOffset, t.byteLength), offsets[k]);
  });
  return { lengths, bytes };
}

/** What viewing the tables needs of a header: no concept names (the file defers those). */
export type TablesHeader = Pick<PackedHeader, 'v' | 'lengths' | 'cased' | 'ringMask'>;

/**
 * The automaton's tables as typed-array views over `bytes` (no copy): `bytes.byteOffset` must be
 * a multiple of 4. Throws on anything that does not fit the header (sizes, counts, alignment).
 */
export function viewRuntime(p: TablesHeader, bytes: Uint8Array): Runtime {
  if (
    !p ||
    p.v !== 4 ||
    !Array.isArray(p.lengths) ||
    p.lengths.length !== TABLES.length ||
    !p.lengths.every((n) => Number.isInteger(n) && n >= 0) ||
    !Array.isArray(p.cased) ||
    bytes.byteOffset % 4 !== 0
  )
    throw new Error('unpackMatcher: unsupported data');
  const { offsets, size } = layout(p.lengths);
  if (bytes.byteLength !== size) throw new Error('unpackMatcher: corrupt data');
  const R = { cased: new Map(p.cased), ringMask: p.ringMask } as Runtime;
  TABLES.forEach(([name, C], k) => {
    (R as unknown as Record<string, unknown>)[name] = new C(
      bytes.buffer as ArrayBuffer,
      bytes.byteOffset + offsets[k]!,
      p.lengths[k],
    );
  });
  const N = R.label.length;
  const T = R.termDepth.length;
  const pairs = [R.farChild, R.farFail, R.farOut, R.farNext, R.farStart, R.farConcept];
  // the cheap invariants the scan relies on to stay in bounds (no loop over states)
  if (
    R.childAt.length !== N + 1 ||
    R.fail.length !== N ||
    R.outBits.length !== (N + 31) >>> 5 ||
    R.outRank.length !== R.outBits.length ||
    R.outFirst.length > N ||
    R.termNext.length !== T ||
    R.termStart.length !== T + 1 ||
    R.bounds.length !== T ||
    R.entryFlags.length !== R.entryConcept.length ||
    pairs.some((t) => t.length % 2 !== 0) ||
    R.symBlock.length !== 256
  )
    throw new Error('unpackMatcher: corrupt data');
  return R;
}

/** Concept names that fit a matcher: two arrays of the same length. */
export function checkNames(p: Pick<PackedHeader, 'ids' | 'categories'>): void {
  if (!Array.isArray(p.ids) || !Array.isArray(p.categories) || p.ids.length !== p.categories.length)
    throw new Error('unpackMatcher: corrupt data');
}

/**
 * The matcher as typed-array views over `bytes` (no copy): `bytes.byteOffset` must be a multiple
 * of 4. Throws on anything that does not fit the header (sizes, counts, alignment).
 */
export function viewTables(p: PackedHeader, bytes: Uint8Array): Matcher {
  const R = viewRuntime(p, bytes);
  checkNames(p);
  return { ids: p.ids, categories: p.categories, patternCount: p.patternCount, _m: R };
}

// ---------------------------------------------------------------------------------------------
// base64: the platform's decoder where there is one (Chrome 140, Firefox 133), else a plain one

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

interface Base64Native {
  fromBase64?: (s: string) => Uint8Array;
}

export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let k = 0; k < bytes.length; k += 3 * 4096) {
    let s = '';
    const end = Math.min(bytes.length, k + 3 * 4096);
    for (let i = k; i < end; i += 3) {
      const a = bytes[i]!;
      const b = i + 1 < end ? bytes[i + 1]! : 0;
      const c = i + 2 < end ? bytes[i + 2]! : 0;
      s += B64[a >> 2]! + B64[((a & 3) << 4) | (b >> 4)]!;
      s += i + 1 < end ? B64[((b & 15) << 2) | (c >> 6)]! : '=';
      s += i + 2 < end ? B64[c & 63]! : '=';
    }
    parts.push(s);
  }
  return parts.join('');
}

export function fromBase64(s: string): Uint8Array {
  if (typeof s !== 'string') throw new Error('unpackMatcher: corrupt data');
  const native = Uint8Array as unknown as Base64Native;
  if (native.fromBase64) return native.fromBase64(s);
  const inv = new Int8Array(128).fill(-1);
  for (let k = 0; k < 64; k++) inv[B64.charCodeAt(k)] = k;
  let n = s.length;
  while (n > 0 && s.charCodeAt(n - 1) === 61) n--; // '='
  const out = new Uint8Array(Math.floor((n * 3) / 4));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let k = 0; k < n; k++) {
    const d = inv[s.charCodeAt(k) & 127]!;
    if (d < 0 || s.charCodeAt(k) > 127) throw new Error('unpackMatcher: corrupt data');
    acc = ((acc << 6) | d) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
    }
  }
  return out;
}
