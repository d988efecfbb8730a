// The bundled matcher as a build-time file (`matcher.bin`, written by wxt.config.ts), and the user
// lists' matcher as the background sends it: the packed v4 tables (term-matcher-packed.ts) behind
// a small header, so a frame gets an ArrayBuffer and views the tables in it where they lie: no
// JSON parse of a megabyte, no base64 decode, no copy (the message path costs both, linear in the
// glossary's size: docs/benchmarks.md "Matcher format and delivery").
//
// What a frame needs before its first scan is kept apart from what it needs only once a term is
// found, so that instantiation costs the same small amount whatever the glossary: the "scan"
// header (table lengths, case rules) is parsed at once; the "names" (concept ids and categories,
// the context rules' data, Han folding pairs: ~45 KB of JSON for the national glossary) only when
// the first match needs them. The Han folding table the scan uses on every text can ride along
// ready-made (the bundled file: 54 KB more, nothing to build per frame), else it is built from the
// pairs at instantiation (the user lists' file, which travels by message).
//
//   0  "PLMB"            magic
//   4  u32 format        5
//   8  u32 S             scan header bytes: UTF-8 JSON (v, patternCount, ringMask, cased, lengths;
//                        hanFold pairs when there is no folding table)
//  12  u32 N             names bytes: UTF-8 JSON (ids, categories, hanFold, needsContext, ...)
//  16  u32 T             table bytes
//  20  u32 F             Han folding table bytes (0: none in the file)
//  24  scan header, zero-padded to a multiple of 4; then the names, likewise; then the tables;
//      then the folding table; the file ends there
//
// The numbers are little-endian; the tables are in the platform's byte order, i.e. the build
// machine's: a reader on a big-endian platform refuses the file (and the frame falls back to the
// message). Every size is checked before a view is made, so a truncated or altered file is an
// error, never an out-of-bounds view or a loop. A names section that turns out not to parse is
// found at the first match: the scan catches it (findTermMatches never throws) and finds nothing.
import { hanFoldTable, type HanFoldTable } from './match-han-fold.ts';
import {
  checkNames,
  fromBase64,
  tableBytes,
  toBase64,
  packHeader,
  viewRuntime,
  type PackedHeader,
  type TablesHeader,
} from './term-matcher-packed.ts';
import type { MatcherExtras } from './term-matcher-format.ts';
import type { Matcher } from './term-matcher.ts';

const MAGIC = 0x424d4c50; // "PLMB" read as a little-endian u32
const FORMAT = 5;
const PREFIX = 24;
/** A header larger than this is not ours (today's names: ~45 KB with the national glossary). */
const MAX_HEADER = 16 * 1024 * 1024;
/** Entries of a Han folding table: U+3400..U+9FFF (match-han-fold.ts; a unit test checks). */
export const FOLD_TABLE_UNITS = 0x9fff - 0x3400 + 1;

const align4 = (n: number) => (n + 3) & ~3;

type ScanHeader = TablesHeader & Pick<PackedHeader, 'patternCount' | 'hanFold'>;
/** Everything of the header but the scan's: read at the first match. */
export type MatcherNames = Pick<PackedHeader, 'ids' | 'categories'> & MatcherExtras;

export interface MatcherFileOptions {
  /** Carry the Han folding table ready-made (the bundled file) instead of only its pairs. */
  foldTable?: boolean;
}

/** The file for a matcher and the page filters that travel with it. */
export function matcherFile(
  m: Matcher,
  extra: MatcherExtras = {},
  opts: MatcherFileOptions = {},
): Uint8Array {
  const { lengths, bytes } = tableBytes(m);
  const { ids, categories, v, patternCount, ringMask, cased, ...rest } = packHeader(m, lengths, extra);
  const { lengths: _lengths, ...extras } = rest;
  const fold = opts.foldTable && extra.hanFold ? hanFoldTable(extra.hanFold) : null;
  const scan: ScanHeader = {
    v,
    patternCount,
    ringMask,
    cased,
    lengths,
    ...(extra.hanFold && !fold ? { hanFold: extra.hanFold } : {}),
  };
  const enc = new TextEncoder();
  const head = enc.encode(JSON.stringify(scan));
  const names = enc.encode(JSON.stringify({ ids, categories, ...extras }));
  const foldBytes = fold ? new Uint8Array(fold.buffer, fold.byteOffset, fold.byteLength) : new Uint8Array(0);
  const namesAt = PREFIX + align4(head.length);
  const tablesAt = namesAt + align4(names.length);
  const foldAt = tablesAt + bytes.length;
  const out = new Uint8Array(foldAt + foldBytes.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, FORMAT, true);
  dv.setUint32(8, head.length, true);
  dv.setUint32(12, names.length, true);
  dv.setUint32(16, bytes.length, true);
  dv.setUint32(20, foldBytes.length, true);
  out.set(head, PREFIX);
  out.set(names, namesAt);
  out.set(bytes, tablesAt);
  out.set(foldBytes, foldAt);
  return out;
}

const littleEndian = () => new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function parseJson(buf: ArrayBuffer, at: number, length: number, what: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(buf, at, length)));
  } catch {
    throw new Error(`matcher file: corrupt ${what}`);
  }
}

/**
 * The matcher in a file's bytes (views over `buf`, nothing copied; Han folding included) and the
 * page filters' data (`extras`, read at first use). Throws an Error saying what is wrong on
 * anything but a well-formed file.
 */
export function readMatcherFile(buf: ArrayBuffer): { matcher: Matcher; extras: MatcherExtras } {
  // (not instanceof: a buffer from the fetch of another realm, e.g. a Firefox content script's)
  if (Object.prototype.toString.call(buf) !== '[object ArrayBuffer]' || buf.byteLength < PREFIX)
    throw new Error('matcher file: too short');
  if (!littleEndian()) throw new Error('matcher file: big-endian platform');
  const dv = new DataView(buf);
  if (dv.getUint32(0, true) !== MAGIC) throw new Error('matcher file: not a matcher file');
  if (dv.getUint32(4, true) !== FORMAT) throw new Error('matcher file: unsupported format');
  const [headLen, namesLen, tableLen, foldLen] = [8, 12, 16, 20].map((k) => dv.getUint32(k, true)) as [
    number,
    number,
    number,
    number,
  ];
  const namesAt = PREFIX + align4(headLen);
  const tablesAt = namesAt + align4(namesLen);
  if (
    headLen > MAX_HEADER ||
    namesLen > MAX_HEADER ||
    (foldLen !== 0 && foldLen !== FOLD_TABLE_UNITS * 2) ||
    tablesAt + tableLen + foldLen !== buf.byteLength
  )
    throw new Error('matcher file: corrupt sizes');
  const scan = parseJson(buf, PREFIX, headLen, 'header') as ScanHeader;
  if (!scan || typeof scan !== 'object') throw new Error('matcher file: corrupt header');
  if (foldLen === 0 && scan.hanFold !== undefined && typeof scan.hanFold !== 'string')
    throw new Error('matcher file: corrupt header');
  const R = viewRuntime(scan, new Uint8Array(buf, tablesAt, tableLen));
  const fold: HanFoldTable | undefined = foldLen
    ? new Uint16Array(buf, tablesAt + tableLen, FOLD_TABLE_UNITS)
    : scan.hanFold
      ? hanFoldTable(scan.hanFold)
      : undefined;
  let names: MatcherNames | Error | null = null;
  const read = (): MatcherNames => {
    if (names === null)
      try {
        const n = parseJson(buf, namesAt, namesLen, 'names') as MatcherNames;
        if (!n || typeof n !== 'object') throw new Error('matcher file: corrupt names');
        checkNames(n);
        names = n;
      } catch (e) {
        names = e instanceof Error ? e : new Error(String(e));
        console.debug('[policy-lens] matcher names unreadable', names);
      }
    if (names instanceof Error) throw names;
    return names;
  };
  const matcher: Matcher = {
    get ids() {
      return read().ids;
    },
    get categories() {
      return read().categories;
    },
    patternCount: scan.patternCount,
    _m: R,
    ...(fold ? { fold } : {}),
  };
  const extras: MatcherExtras = {
    get hanFold() {
      return read().hanFold;
    },
    get needsContext() {
      return read().needsContext;
    },
    get contextShared() {
      return read().contextShared;
    },
    get countries() {
      return read().countries;
    },
  };
  return { matcher, extras };
}

/**
 * A matcher file as a runtime message carries it (the user lists' matcher, which cannot be a
 * packaged file): Chrome serialises messages as JSON, where a typed array becomes an object with
 * one key per byte, so there it is base64 (1.33 chars a byte, one native decode in the page);
 * Firefox structured-clones them, so there it is the ArrayBuffer itself (a copy, no decode).
 * docs/benchmarks.md "Start-up" has what each form costs in the page.
 */
export type MatcherFileWire = string | ArrayBuffer;

export function matcherFileToWire(file: Uint8Array, cloneable: boolean): MatcherFileWire {
  if (!cloneable) return toBase64(file);
  return file.byteOffset === 0 && file.byteLength === file.buffer.byteLength
    ? (file.buffer as ArrayBuffer)
    : (file.slice().buffer as ArrayBuffer);
}

/** The file's bytes from either wire form, ready for readMatcherFile. Throws on anything else. */
export function matcherFileFromWire(w: unknown): ArrayBuffer {
  if (typeof w === 'string') {
    const bytes = fromBase64(w);
    return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
      ? (bytes.buffer as ArrayBuffer)
      : (bytes.slice().buffer as ArrayBuffer);
  }
  // (not instanceof: a clone made in another realm)
  if (Object.prototype.toString.call(w) === '[object ArrayBuffer]') return w as ArrayBuffer;
  throw new Error('matcher file: unsupported form');
}
