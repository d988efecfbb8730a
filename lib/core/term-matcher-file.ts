// The bundled matcher as a build-time file (`matcher.bin`, written by wxt.config.ts): the packed
// v4 tables (term-matcher-packed.ts) behind a small header, so a frame that fetches the file from
// its own extension URL gets an ArrayBuffer and views the tables in it where they lie: no JSON
// parse of a megabyte, no base64 decode, no copy (the message path costs both, linear in the
// glossary's size: docs/benchmarks.md "Matcher format and delivery").
//
//   0  "PLMB"            magic
//   4  u32 format        4 (the tables' format, PackedMatcher.v)
//   8  u32 header bytes  H: UTF-8 JSON of the PackedHeader (ids, categories, lengths, filters)
//  12  u32 table bytes   T
//  16  header JSON, zero-padded to a multiple of 4
//  16 + align4(H)  the tables, T bytes; the file ends there
//
// The four numbers are little-endian; the tables are in the platform's byte order, i.e. the
// build machine's: a reader on a big-endian platform refuses the file (and the frame falls back
// to the message). Every size is checked before a view is made, so a truncated or altered file
// is an error, never an out-of-bounds view or a loop.
import { tableBytes, packHeader, viewTables, type PackedHeader } from './term-matcher-packed.ts';
import type { MatcherExtras } from './term-matcher-format.ts';
import type { Matcher } from './term-matcher.ts';

const MAGIC = 0x424d4c50; // "PLMB" read as a little-endian u32
const FORMAT = 4;
const PREFIX = 16;
/** A header larger than this is not ours (today's: ~120 KB with the national glossary's ids). */
const MAX_HEADER = 16 * 1024 * 1024;

const align4 = (n: number) => (n + 3) & ~3;

/** The file for a matcher and the page filters that travel with it. */
export function matcherFile(m: Matcher, extra: MatcherExtras = {}): Uint8Array {
  const { lengths, bytes } = tableBytes(m);
  const head = new TextEncoder().encode(JSON.stringify(packHeader(m, lengths, extra)));
  const at = PREFIX + align4(head.length);
  const out = new Uint8Array(at + bytes.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, FORMAT, true);
  dv.setUint32(8, head.length, true);
  dv.setUint32(12, bytes.length, true);
  out.set(head, PREFIX);
  out.set(bytes, at);
  return out;
}

const littleEndian = () => new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The matcher in a file's bytes, and its header (the page filters are in it): views over `buf`,
 * nothing copied. Throws an Error saying what is wrong on anything but a well-formed file.
 */
export function readMatcherFile(buf: ArrayBuffer): { matcher: Matcher; header: PackedHeader } {
  // (not instanceof: a buffer from the fetch of another realm, e.g. a Firefox content script's)
  if (Object.prototype.toString.call(buf) !== '[object ArrayBuffer]' || buf.byteLength < PREFIX)
    throw new Error('matcher file: too short');
  if (!littleEndian()) throw new Error('matcher file: big-endian platform');
  const dv = new DataView(buf);
  if (dv.getUint32(0, true) !== MAGIC) throw new Error('matcher file: not a matcher file');
  if (dv.getUint32(4, true) !== FORMAT) throw new Error('matcher file: unsupported format');
  const headLen = dv.getUint32(8, true);
  const tableLen = dv.getUint32(12, true);
  const at = PREFIX + align4(headLen);
  if (headLen > MAX_HEADER || at + tableLen !== buf.byteLength)
    throw new Error('matcher file: corrupt sizes');
  let header: PackedHeader;
  try {
    header = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(buf, PREFIX, headLen)),
    );
  } catch {
    throw new Error('matcher file: corrupt header');
  }
  if (!header || typeof header !== 'object') throw new Error('matcher file: corrupt header');
  return { matcher: viewTables(header, new Uint8Array(buf, at, tableLen)), header };
}
