import { describe, expect, it, vi } from 'vitest';
import corpusData from '../../generated/corpus.json';
import matcherData from '../../generated/matcher.json';
import { hanFoldTable } from './match-han-fold.ts';
import {
  FOLD_TABLE_UNITS,
  matcherFile,
  matcherFileFromWire,
  matcherFileToWire,
  readMatcherFile,
} from './term-matcher-file.ts';
import { packMatcher } from './term-matcher-packed.ts';
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
function fileBuffer(
  edit?: (bytes: Uint8Array, dv: DataView) => Uint8Array | void,
  foldTable = true,
): ArrayBuffer {
  const bytes = matcherFile(createMatcher(data), extras, { foldTable }).slice();
  const out = edit?.(bytes, new DataView(bytes.buffer)) ?? bytes;
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
}

describe('matcher file (matcher.bin, the bundled matcher a frame fetches)', () => {
  it('reads back as views over the file itself, with the same matches and data as the message', () => {
    for (const foldTable of [true, false]) {
      const buf = fileBuffer(undefined, foldTable);
      const { matcher, extras: read } = readMatcherFile(buf);
      expect(matcher._m.label.buffer).toBe(buf); // viewed in place, not copied
      // the bundled file carries the folding table ready-made, viewed in place too
      if (foldTable) expect(matcher.fold!.buffer).toBe(buf);
      expect([...matcher.fold!]).toEqual([...hanFoldTable(data.hanFold!)]);
      const message = packMatcher(createMatcher(data), extras);
      expect(matcher.ids).toEqual(message.ids);
      expect(matcher.categories).toEqual(message.categories);
      expect(matcher.patternCount).toBe(message.patternCount);
      expect({ ...read }).toEqual(extras);
      const found = findTermMatches(matcher, text);
      expect(found.length).toBeGreaterThan(50);
      // Han folding included (the message's tables need the page to add it: page-matcher.ts)
      expect(found).toEqual(findTermMatches(createMatcher(data), text));
    }
  });

  it('reads the concept names only when a match needs them', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const { matcher } = readMatcherFile(fileBuffer());
    expect(parse).toHaveBeenCalledTimes(1); // the scan header
    expect(findTermMatches(matcher, 'nothing to see here')).toEqual([]);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(findTermMatches(matcher, text).length).toBeGreaterThan(50);
    expect(parse).toHaveBeenCalledTimes(2); // the names, once
    findTermMatches(matcher, text);
    expect(parse).toHaveBeenCalledTimes(2);
    parse.mockRestore();
  });

  it('finds nothing, and throws nothing, when the names turn out corrupt', () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const buf = fileBuffer((b, dv) => void (b[24 + ((dv.getUint32(8, true) + 3) & ~3)] = 0x20 + 1));
    const { matcher } = readMatcherFile(buf);
    expect(findTermMatches(matcher, text)).toEqual([]);
    expect(debug).toHaveBeenCalledWith('[policy-lens] matcher names unreadable', expect.any(Error));
    debug.mockRestore();
  });

  it('travels by message as base64 (Chrome) or as the bytes (Firefox), and reads back alike', () => {
    const file = matcherFile(createMatcher(data), extras);
    const b64 = matcherFileToWire(file, false);
    const bytes = matcherFileToWire(file, true);
    expect(typeof b64).toBe('string');
    expect(Object.prototype.toString.call(bytes)).toBe('[object ArrayBuffer]');
    for (const w of [b64, bytes, structuredClone(bytes)])
      expect(findTermMatches(readMatcherFile(matcherFileFromWire(w)).matcher, text)).toEqual(
        findTermMatches(createMatcher(data), text),
      );
    expect(() => matcherFileFromWire({ 0: 1 })).toThrow(/unsupported form/);
    expect(() => matcherFileFromWire('%%%')).toThrow();
  });

  it('sizes its folding table as match-han-fold.ts does', () => {
    expect(hanFoldTable('').length).toBe(FOLD_TABLE_UNITS);
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
      ['another format', fileBuffer((_, dv) => dv.setUint32(4, 4, true)), /unsupported format/],
      [
        'header length past the end',
        fileBuffer((_, dv) => dv.setUint32(8, 0xfffffff0, true)),
        /corrupt sizes/,
      ],
      [
        'names length off',
        fileBuffer((_, dv) => dv.setUint32(12, dv.getUint32(12, true) + 4, true)),
        /corrupt sizes/,
      ],
      [
        'table length off',
        fileBuffer((_, dv) => dv.setUint32(16, dv.getUint32(16, true) + 4, true)),
        /corrupt sizes/,
      ],
      [
        'folding table of another size',
        fileBuffer((_, dv) => dv.setUint32(20, dv.getUint32(20, true) - 4, true)),
        /corrupt sizes/,
      ],
      ['header not JSON', fileBuffer((b) => void (b[24] = 0x7b + 1)), /corrupt header/],
      ['header not UTF-8', fileBuffer((b) => void (b[25] = 0xff)), /corrupt header/],
    ];
    for (const [what, buf, message] of bad) expect(() => readMatcherFile(buf), what).toThrow(message);
  });

  it('refuses a header whose table lengths do not fit the tables (sizes or invariants)', () => {
    // Rewrite the header JSON with other lengths, keeping every size in the prefix consistent.
    const withLengths = (f: (l: number[]) => number[]) =>
      fileBuffer((b, dv) => {
        const headLen = dv.getUint32(8, true);
        const head = JSON.parse(new TextDecoder().decode(b.subarray(24, 24 + headLen)));
        const json = new TextEncoder().encode(JSON.stringify({ ...head, lengths: f(head.lengths) }));
        const rest = b.subarray(24 + ((headLen + 3) & ~3)); // names, tables, folding table
        const at = 24 + ((json.length + 3) & ~3);
        const out = new Uint8Array(at + rest.length);
        out.set(b.subarray(0, 24));
        new DataView(out.buffer).setUint32(8, json.length, true);
        out.set(json, 24);
        out.set(rest, at);
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
