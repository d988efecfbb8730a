import { describe, expect, it } from 'vitest';
import corpusData from '../../generated/corpus.json';
import matcherData from '../../generated/matcher.json';
import { matcherFile, readMatcherFile } from './term-matcher-file.ts';
import { packMatcher, unpackMatcher } from './term-matcher-packed.ts';
import { createMatcher, findTermMatches, type CompiledMatcher } from './term-matcher.ts';

const data = matcherData as unknown as CompiledMatcher;
const extras = {
  hanFold: data.hanFold,
  needsContext: data.needsContext,
  contextShared: data.contextShared,
  countries: data.countries,
};
const text = (corpusData as { passages: Array<{ text: string }> }).passages
  .slice(0, 30)
  .map((x) => x.text)
  .join('\n');

/** A copy of the file as its own ArrayBuffer (what fetch().arrayBuffer() gives), edited by `edit`. */
function fileBuffer(edit?: (bytes: Uint8Array, dv: DataView) => Uint8Array | void): ArrayBuffer {
  const bytes = matcherFile(createMatcher(data), extras).slice();
  const out = edit?.(bytes, new DataView(bytes.buffer)) ?? bytes;
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
}

describe('matcher file (matcher.bin, the bundled matcher a frame fetches)', () => {
  it('reads back as views over the file itself, with the same matches and header as the message', () => {
    const buf = fileBuffer();
    const { matcher, header } = readMatcherFile(buf);
    expect(matcher._m.label.buffer).toBe(buf); // viewed in place, not copied
    const message = packMatcher(createMatcher(data), extras);
    const { data: _tables, ...messageHeader } = message;
    expect(header).toEqual(messageHeader);
    const found = findTermMatches(matcher, text);
    expect(found.length).toBeGreaterThan(50);
    expect(found).toEqual(findTermMatches(unpackMatcher(message), text));
  });

  it('refuses anything that is not a whole, well-formed file, with an error and no view', () => {
    const bad: Array<[string, ArrayBuffer, RegExp]> = [
      ['empty', new ArrayBuffer(0), /too short/],
      ['truncated', fileBuffer((b) => b.subarray(0, b.length - 4)), /corrupt sizes/],
      [
        'one byte more',
        fileBuffer((b) => {
          const c = new Uint8Array(b.length + 1);
          c.set(b);
          return c;
        }),
        /corrupt sizes/,
      ],
      ['not ours', fileBuffer((_, dv) => dv.setUint32(0, 0x474e5089, true)), /not a matcher file/],
      ['another format', fileBuffer((_, dv) => dv.setUint32(4, 3, true)), /unsupported format/],
      [
        'header length past the end',
        fileBuffer((_, dv) => dv.setUint32(8, 0xfffffff0, true)),
        /corrupt sizes/,
      ],
      [
        'table length off',
        fileBuffer((_, dv) => dv.setUint32(12, dv.getUint32(12, true) + 4, true)),
        /corrupt sizes/,
      ],
      ['header not JSON', fileBuffer((b) => void (b[16] = 0x7b + 1)), /corrupt header/],
      ['header not UTF-8', fileBuffer((b) => void (b[17] = 0xff)), /corrupt header/],
    ];
    for (const [what, buf, message] of bad) expect(() => readMatcherFile(buf), what).toThrow(message);
  });

  it('refuses a header whose table lengths do not fit the tables (sizes or invariants)', () => {
    // Rewrite the header JSON with other lengths, keeping every size in the prefix consistent.
    const withLengths = (f: (l: number[]) => number[]) =>
      fileBuffer((b, dv) => {
        const headLen = dv.getUint32(8, true);
        const head = JSON.parse(new TextDecoder().decode(b.subarray(16, 16 + headLen)));
        const json = new TextEncoder().encode(JSON.stringify({ ...head, lengths: f(head.lengths) }));
        const tables = b.subarray(16 + ((headLen + 3) & ~3));
        const at = 16 + ((json.length + 3) & ~3);
        const out = new Uint8Array(at + tables.length);
        out.set(b.subarray(0, 16));
        new DataView(out.buffer).setUint32(8, json.length, true);
        out.set(json, 16);
        out.set(tables, at);
        return out;
      });
    expect(() => readMatcherFile(withLengths((l) => l))).not.toThrow();
    expect(() => readMatcherFile(withLengths((l) => l.slice(1)))).toThrow(/unsupported/);
    expect(() => readMatcherFile(withLengths((l) => l.map((n, k) => (k === 0 ? n + 1 : n))))).toThrow(
      /corrupt/,
    );
    // same byte size, one state moved from one 32-bit table to the next
    expect(() =>
      readMatcherFile(withLengths((l) => l.map((n, k) => n + (k === 1 ? -1 : k === 2 ? 1 : 0)))),
    ).toThrow(/corrupt/);
    expect(() => readMatcherFile(withLengths((l) => l.map((n, k) => (k === 0 ? -1 : n))))).toThrow(
      /unsupported/,
    );
  });
});
