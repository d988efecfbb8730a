import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import corpusData from '../../generated/corpus.json';
import matcherData from '../../generated/matcher.json';
import {
  fromBase64,
  packMatcher,
  toBase64,
  unpackMatcher,
  type PackedMatcher,
} from './term-matcher-packed.ts';
import { createMatcher as decodeFarFrom } from './term-matcher-decode.ts';
import { FAR } from './term-matcher-runtime.ts';
import { build, randomPatterns } from './term-matcher.fixture.ts';
import {
  compileMatcher,
  createMatcher,
  FLAG_CASE_SENSITIVE,
  FLAG_CORPUS_ONLY,
  FLAG_QUOTED_ONLY,
  findTermMatches,
  type CompiledMatcher,
  type Matcher,
} from './term-matcher.ts';

/** Text dense in glossary terms: the bundled corpus's passages. */
const corpusSample = () =>
  (corpusData as { passages: Array<{ text: string }> }).passages
    .slice(0, 30)
    .map((x) => x.text)
    .join('\n');

/** What a frame gets: packed, sent as JSON (runtime messaging), unpacked. */
const roundTrip = (m: Matcher) => unpackMatcher(JSON.parse(JSON.stringify(packMatcher(m))) as PackedMatcher);

/** Every table of the runtime, as plain arrays (views and their buffers compare by content). */
const tables = (m: Matcher) =>
  Object.fromEntries(
    Object.entries(m._m).map(([k, v]) => [
      k,
      ArrayBuffer.isView(v) ? { type: v.constructor.name, values: [...(v as Int32Array)] } : v,
    ]),
  );

describe('packed matcher (what the background hands each frame)', () => {
  it('base64 round-trips every length and matches the standard alphabet', () => {
    expect(toBase64(new TextEncoder().encode('Man'))).toBe('TWFu');
    expect(toBase64(new TextEncoder().encode('Ma'))).toBe('TWE=');
    expect(toBase64(new TextEncoder().encode('M'))).toBe('TQ==');
    for (let n = 0; n < 40; n++) {
      const b = Uint8Array.from({ length: n }, (_, k) => (k * 97 + n * 13) & 255);
      expect([...fromBase64(toBase64(b))]).toEqual([...b]);
    }
  });

  it('unpacks to the same tables and matches as the decoded build data', () => {
    const data = matcherData as unknown as CompiledMatcher;
    const decoded = createMatcher(data);
    const back = roundTrip(decoded);
    expect(tables(back)).toEqual(tables(decoded));
    expect(back.ids).toEqual(decoded.ids);
    expect(back.categories).toEqual(decoded.categories);
    expect(back.patternCount).toBe(decoded.patternCount);
  });

  it('finds what the compiled matcher finds (flags, cased entries, random patterns)', () => {
    const entries = [
      { text: '六稳', concept: 0, flags: 0 },
      { text: 'Five-Year Plan', concept: 1, flags: 0 },
      { text: 'US', concept: 2, flags: FLAG_CASE_SENSITIVE },
      { text: 'トップ', concept: 2, flags: FLAG_QUOTED_ONLY },
      { text: '党中央', concept: 0, flags: FLAG_CORPUS_ONLY },
    ];
    const small = createMatcher(
      compileMatcher(entries, { ids: ['a', 'b', 'c'], categories: ['formulation', 'plan', 'person'] }),
    );
    const s = 'US us 「トップ」 党中央 六稳 five-year plan';
    for (const context of ['page', 'corpus'] as const)
      expect(findTermMatches(roundTrip(small), s, { context })).toEqual(
        findTermMatches(small, s, { context }),
      );
    expect(findTermMatches(roundTrip(small), s, { context: 'corpus' })).toHaveLength(5);

    const { pats, rnd } = randomPatterns(7, 40);
    const ids = Array.from({ length: 40 }, (_, k) => `c${k}`);
    const big = createMatcher(compileMatcher(pats, { ids, categories: ids.map(() => 'plan') }));
    const packed = roundTrip(big);
    for (let k = 0; k < 50; k++) {
      let text = '';
      for (let q = 0; q < 200; q++) text += q % 9 === 0 ? ' ' : pats[rnd(pats.length)]!.text.slice(0, 3);
      expect(findTermMatches(packed, text)).toEqual(findTermMatches(big, text));
    }
  });

  it('rejects malformed data with an error (the frame then stays unlit, nothing breaks)', () => {
    const p = packMatcher(createMatcher(matcherData as unknown as CompiledMatcher));
    expect(() => unpackMatcher({ ...p, v: 2 } as unknown as PackedMatcher)).toThrow(/unsupported/);
    expect(() => unpackMatcher({ ...p, data: p.data.slice(0, -8) })).toThrow(/corrupt/);
    expect(() => unpackMatcher({ ...p, lengths: p.lengths.slice(1) })).toThrow(/unsupported/);
    // same byte size, one state moved from firstChild to fail
    const moved = [...p.lengths];
    moved[1]! -= 1;
    moved[2]! += 1;
    expect(() => unpackMatcher({ ...p, lengths: moved })).toThrow(/corrupt/);
    // a far table (pairs) of odd length, the bytes the same
    const odd = [...p.lengths];
    const farChild = 3; // TABLES order: rootNext, outBits, outRank, farChild, farFail
    odd[farChild]! += 1;
    odd[farChild + 1]! -= 1;
    expect(() => unpackMatcher({ ...p, lengths: odd })).toThrow(/corrupt/);
    expect(() => unpackMatcher({ ...p, data: `*${p.data.slice(1)}` })).toThrow();
    expect(() => unpackMatcher({ ...p, ids: p.ids.slice(1) })).toThrow(/corrupt/);
    expect(() => unpackMatcher(null as unknown as PackedMatcher)).toThrow(/unsupported/);
  });

  it('holds under half the former 18 bytes a state (16-bit tables, sparse outputs)', () => {
    const data = matcherData as unknown as CompiledMatcher;
    const p = packMatcher(createMatcher(data));
    const bytes = fromBase64(p.data).byteLength;
    expect(data.states).toBeGreaterThan(65_536); // the glossary needs the far tables
    expect(bytes / data.states).toBeLessThan(9);
  });

  it('values that do not fit 16 bits go to the far tables and match the same (all far: farFrom 1)', () => {
    const pats = fc.string({
      unit: fc.constantFrom('六', '稳', '保', 'a', 'b', ' '),
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(
        fc.array(pats, { minLength: 1, maxLength: 12 }),
        fc.string({ maxLength: 60 }),
        (ps, text) => {
          const { data } = build(ps.map((x, k) => [x, k] as [string, number]));
          const near = decodeFarFrom(data);
          const far = decodeFarFrom(data, 1);
          expect(far._m.childAt.every((v) => v === FAR || v === 0)).toBe(true);
          const t = ps.join(' ') + text;
          expect(findTermMatches(roundTrip(far), t)).toEqual(findTermMatches(near, t));
        },
      ),
      { numRuns: 300 },
    );
    const bundled = matcherData as unknown as CompiledMatcher;
    const far = unpackMatcher(packMatcher(decodeFarFrom(bundled, 2)));
    const text = corpusSample();
    expect(findTermMatches(far, text)).toEqual(
      findTermMatches(createMatcher({ ...bundled, hanFold: undefined }), text),
    );
  });

  it('a corrupt failure link (to its own state) cannot hang the scan', () => {
    const { m } = build([
      ['abc', 0],
      ['bcd', 1],
      ['cab', 2],
    ]);
    const N = m._m.label.length;
    const looping = { ...m, _m: { ...m._m, fail: Uint16Array.from({ length: N }, (_, s) => s) } };
    expect(Array.isArray(findTermMatches(looping, 'abxabcabcdx'))).toBe(true);
    const chain = { ...m, _m: { ...m._m, termNext: Uint16Array.from({ length: 3 }, (_, t) => t + 1) } };
    expect(Array.isArray(findTermMatches(chain, 'abcabcdcab'))).toBe(true);
  });
});
