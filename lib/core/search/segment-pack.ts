// Packed postings of a search segment (segment.ts): what a service-worker start reads back from
// IndexedDB, so its size is the start's cost (structured clone copies every byte). Keys ascending,
// each record varint-coded in one byte array: the key's difference to the previous key, the number
// of values, their byte length (so a lookup skips a record without decoding it), then the values
// (the caller's numbers, usually small differences). A sparse index (every BLOCK-th key and where
// its record starts) keeps lookups a binary search plus at most BLOCK record headers.
//
// Nothing is decoded at load. Values are checked where they are used (segmented.ts checks every
// hit against the text and drops ids out of range), and reading past the end yields zeros, so a
// damaged byte can lose a hit but never make one or throw.

export const BLOCK = 16;

export interface PackedTable {
  /** Number of keys. */
  n: number;
  /** Per block of BLOCK keys: its first key, the byte offset of its first record in `body`. */
  index: Uint32Array;
  body: Uint8Array;
}

class ByteWriter {
  bytes = new Uint8Array(1024);
  at = 0;

  varint(x: number): void {
    if (this.at + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    while (x >= 128) {
      this.bytes[this.at++] = (x % 128) | 128;
      x = Math.floor(x / 128);
    }
    this.bytes[this.at++] = x;
  }
}

/** Byte length of the varints of `values`. */
function varintBytes(values: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    let x = values[i]!;
    n++;
    while (x >= 128) {
      x = Math.floor(x / 128);
      n++;
    }
  }
  return n;
}

/** The table of ascending `keys` (unsigned 32-bit; equal keys may repeat), record i holding
 * values(i) (unsigned integers below 2^32). */
export function packTable(keys: ArrayLike<number>, values: (i: number) => ArrayLike<number>): PackedTable {
  const n = keys.length;
  const index = new Uint32Array(2 * Math.ceil(n / BLOCK));
  const w = new ByteWriter();
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    if (i % BLOCK === 0) {
      index[(2 * i) / BLOCK] = key;
      index[(2 * i) / BLOCK + 1] = w.at;
      prev = key;
    }
    const vs = values(i);
    w.varint(key - prev);
    w.varint(vs.length);
    w.varint(varintBytes(vs));
    for (let j = 0; j < vs.length; j++) w.varint(vs[j]!);
    prev = key;
  }
  return { n, index, body: w.bytes.slice(0, w.at) };
}

/** Reads varints of one table's body from `at` on (one reader per lookup; not re-entrant). */
export class VarintReader {
  body: Uint8Array = new Uint8Array(0);
  at = 0;

  next(): number {
    const b = this.body;
    let x = 0;
    let scale = 1;
    for (let k = 0; k < 5; k++) {
      const c = b[this.at++] ?? 0;
      x += (c & 127) * scale;
      if (c < 128) break;
      scale *= 128;
    }
    return x;
  }
}

/**
 * A position in a table: seek() finds the first record of a key, next() steps to the following
 * record; `count` values are then read from `values.at`.
 */
export class TableCursor {
  key = 0;
  count = 0;
  readonly values = new VarintReader();
  private t: PackedTable | null = null;
  private i = 0;
  private end = 0;

  /** Positions on the first record of `key`; false when the table has none. */
  seek(t: PackedTable, key: number): boolean {
    this.t = t;
    const { index } = t;
    const blocks = index.length >> 1;
    if (blocks === 0) return false;
    // the last block whose first key is below `key` (the first record of `key` may be the
    // last of that block), or block 0
    let lo = 0;
    let hi = blocks - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (index[2 * mid]! < key) lo = mid;
      else hi = mid - 1;
    }
    this.i = lo * BLOCK - 1;
    this.values.body = t.body;
    this.end = index[2 * lo + 1]!;
    while (this.next()) {
      if (this.key >= key) return this.key === key;
    }
    return false;
  }

  /** Steps to the next record; false after the last. */
  next(): boolean {
    const t = this.t;
    if (!t || this.i + 1 >= t.n) return false;
    this.i++;
    const r = this.values;
    r.at = this.end;
    const delta = r.next();
    this.key = this.i % BLOCK === 0 ? (t.index[(2 * this.i) / BLOCK] ?? 0) : this.key + delta;
    this.count = r.next();
    const bytes = r.next();
    this.end = r.at + bytes;
    return true;
  }
}

/** Why a stored table cannot be read ('' when it can): its shape and sparse index, in O(n / BLOCK)
 * (the values are checked where they are used). */
export function tableProblem(x: unknown): string {
  if (typeof x !== 'object' || x === null) return 'not a table';
  const { n, index, body } = x as Partial<PackedTable>;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return 'bad key count';
  if (!(index instanceof Uint32Array) || !(body instanceof Uint8Array)) return 'bad arrays';
  if (index.length !== 2 * Math.ceil(n / BLOCK)) return 'bad index length';
  for (let b = 0; 2 * b < index.length; b++) {
    const [key, at] = [index[2 * b]!, index[2 * b + 1]!];
    if (at >= body.length) return 'index past the body';
    if (b > 0 && (key < index[2 * b - 2]! || at <= index[2 * b - 1]!)) return 'index not ascending';
  }
  if (n > 0 && index[1] !== 0) return 'index not ascending';
  return '';
}
