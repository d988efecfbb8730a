import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForMatch, normalizePreservingCase, normalizeQuery, toOriginalSpan } from './normalize.ts';

const norm = (s: string): string => normalizeForMatch(s).text;
const mapOf = (s: string): number[] => Array.from(normalizeForMatch(s).map);

/** Arbitrary UTF-16 unit, lone surrogates included. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
/** Characters that stress the normaliser. */
const NASTY = [
  'a',
  'Z',
  ' ',
  '\t',
  '\n',
  '\u00a0',
  '\u3000',
  '\u2003',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202e',
  '\u2066',
  '\u2069',
  '\ufeff',
  '\u00ad',
  '\ufe0f',
  '\u0301',
  '\u0323',
  '\u3099',
  '\uff9e',
  'ｶ',
  'ﾞ',
  '㍻',
  'ﬁ',
  '①',
  'İ',
  'ẞ',
  'Σ',
  'ς',
  'Ａ',
  '１',
  '－',
  '—',
  '–',
  'ー',
  '“',
  '”',
  '‘',
  '’',
  '「',
  '」',
  '『',
  '』',
  '·',
  '・',
  '･',
  '六',
  '稳',
  '穩',
  '😀',
  '𠮷',
  '\ud800',
  '\udc00',
  '\ud83d',
  'é',
  'e',
  'Ệ',
  'ﷺ',
  '\u0085',
  '\u2028',
  '-',
  '"',
  "'",
  '\u00b7',
  '゛',
  '゜',
  '´',
  '¨',
  'ᄀ',
  '\u1161',
  '\u11a8',
  '\u0345',
  'ß',
  '\u0e33',
  '\u{e0100}',
  '\u{1f3fb}',
  'ﾟ',
];
const nastyUnit = fc.constantFrom(...NASTY);
const nastyString = fc.string({
  unit: fc.oneof(nastyUnit, anyUnit, fc.string({ unit: 'binary', maxLength: 1 })),
  maxLength: 40,
});

function checkMapInvariants(s: string): void {
  const { text, map } = normalizeForMatch(s);
  expect(map.length).toBe(text.length + 1);
  expect(map[text.length]).toBe(s.length);
  for (let i = 0; i < text.length; i++) {
    const p = map[i]!;
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThan(s.length);
    expect(map[i + 1]!).toBeGreaterThanOrEqual(p);
    // never points at the low half of a pair
    if (p > 0) {
      const lo = s.charCodeAt(p);
      const hi = s.charCodeAt(p - 1);
      expect((lo & 0xfc00) === 0xdc00 && (hi & 0xfc00) === 0xd800).toBe(false);
    }
  }
  // no lone surrogates in the output
  expect(text.isWellFormed()).toBe(true);
}

describe('normalizeForMatch: folding', () => {
  it('lower-cases ASCII and keeps punctuation', () => {
    expect(norm('Five-Year PLAN, 2035!')).toBe('five-year plan, 2035!');
  });

  it('folds full width to half width (NFKC)', () => {
    expect(norm('ＡＢＣ１２３－（）')).toBe('abc123-()');
    expect(norm('第１４次')).toBe('第14次');
    expect(norm('ｶﾀｶﾅ')).toBe('カタカナ');
  });

  it('folds dashes to "-" but keeps the prolonged sound mark', () => {
    expect(norm('a‐b‑c‒d–e—f―g−h﹣i－j')).toBe('a-b-c-d-e-f-g-h-i-j');
    expect(norm('トップ・リーダー')).toBe('トップ・リーダー');
    expect(norm('ｰ')).toBe('ー');
    expect(norm('ヴー')).toBe('ヴー');
  });

  it('folds Latin curly quotes, keeps CJK corner brackets', () => {
    expect(norm('“x” ‘y’ „z‟ «w» ＂v＂ ＇u＇')).toBe('"x" \'y\' "z" "w" "v" \'u\'');
    expect(norm('「トップ」『六稳』')).toBe('「トップ」『六稳』');
  });

  it('folds middle dots to ・', () => {
    expect(norm('a·b・c･d‧e')).toBe('a・b・c・d・e');
  });

  it('folds every kind of space and collapses runs', () => {
    expect(norm('a \t\n\r b')).toBe('a b');
    expect(norm('a\u3000b\u00a0c\u2003d\u202fe\u2028f\u0085g')).toBe('a b c d e f g');
    expect(norm('a\u3000\u00a0 \u2009b')).toBe('a b');
    expect(norm('  lead')).toBe(' lead');
  });

  it('removes zero-width, bidi marks, soft hyphens, BOM and variation selectors', () => {
    expect(norm('六\u200b稳')).toBe('六稳');
    expect(norm('\ufeffa\u200cb\u200dc\u200ed\u200ff\u202ag\u202ch\u2066i\u2069j\u00adk\u2060l')).toBe(
      'abcdfghijkl',
    );
    expect(norm('葛\udb40\udd00城')).toBe('葛城'); // IVS
    expect(norm('❤\ufe0f')).toBe('❤');
    expect(norm('a \u200b b')).toBe('a b'); // the run of spaces collapses across removed chars
  });

  it('folds case including length-changing special cases', () => {
    expect(norm('İstanbul')).toBe('istanbul');
    expect(norm('ΣΑΣ')).toBe('σασ');
    expect(norm('ς')).toBe('σ');
    expect(norm('Việt Nam')).toBe('việt nam');
  });

  it('expands NFKC compatibility characters', () => {
    expect(norm('㍻元年')).toBe('平成元年');
    expect(norm('ﬁnance')).toBe('finance');
    expect(norm('①')).toBe('1');
    expect(norm('㈱')).toBe('(株)');
  });

  it('composes combining sequences', () => {
    expect(norm('e\u0301cole')).toBe('école');
    expect(norm('Vie\u0323\u0302t')).toBe('việt');
    expect(norm('ｶﾞ')).toBe('ガ');
    expect(norm('か\u3099')).toBe('が');
  });

  it('keeps surrogate pairs and replaces lone surrogates', () => {
    expect(norm('𠮷野家😀')).toBe('𠮷野家😀');
    expect(norm('a\ud800b')).toBe('a\ufffdb');
    expect(norm('\udc00')).toBe('\ufffd');
    expect(norm('\ud83d')).toBe('\ufffd');
    expect(norm('𝐀𝐁')).toBe('ab'); // mathematical bold
  });

  it('handles the empty string', () => {
    const r = normalizeForMatch('');
    expect(r.text).toBe('');
    expect(Array.from(r.map)).toEqual([0]);
  });
});

describe('normalizeForMatch: map', () => {
  it('maps ASCII one to one', () => {
    expect(mapOf('Ab c')).toEqual([0, 1, 2, 3, 4]);
  });

  it('maps collapsed spaces to the first space', () => {
    expect(mapOf('a  \t b')).toEqual([0, 1, 5, 6]);
  });

  it('maps NFKC expansions to their source character', () => {
    expect(mapOf('㍻元')).toEqual([0, 0, 1, 2]);
    expect(mapOf('xﬁy')).toEqual([0, 1, 1, 2, 3]);
  });

  it('maps combining sequences to the base character', () => {
    expect(mapOf('e\u0301x')).toEqual([0, 2, 3]);
    expect(mapOf('ｶﾞｷﾞ')).toEqual([0, 2, 4]);
  });

  it('maps both halves of a surrogate pair to the pair start', () => {
    expect(mapOf('a😀b')).toEqual([0, 1, 1, 3, 4]);
    expect(mapOf('𠮷')).toEqual([0, 0, 2]);
  });

  it('skips removed characters', () => {
    expect(mapOf('a\u200bb')).toEqual([0, 2, 3]);
    expect(mapOf('\u200e\u200fab')).toEqual([2, 3, 4]);
  });

  it('keeps its invariants on arbitrary strings (property)', () => {
    fc.assert(
      fc.property(nastyString, (s) => checkMapInvariants(s)),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => checkMapInvariants(s)),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: anyUnit }), (s) => checkMapInvariants(s)),
      { numRuns: 500 },
    );
  });
});

describe('toOriginalSpan', () => {
  it('maps a simple range', () => {
    const s = 'Hello  World';
    const { text, map } = normalizeForMatch(s);
    const a = text.indexOf('world');
    expect(toOriginalSpan(map, a, a + 5)).toEqual([7, 12]);
    expect(s.slice(7, 12)).toBe('World');
  });

  it('widens to a whole NFKC expansion', () => {
    const s = 'x㍻元年';
    const { map } = normalizeForMatch(s); // x平成元年
    expect(toOriginalSpan(map, 1, 2)).toEqual([1, 2]); // 平 -> ㍻
    expect(toOriginalSpan(map, 2, 3)).toEqual([1, 2]); // 成 -> ㍻
    expect(toOriginalSpan(map, 2, 4)).toEqual([1, 3]); // 成元 -> ㍻元
  });

  it('never splits a surrogate pair', () => {
    const s = 'a😀b';
    const { map } = normalizeForMatch(s);
    expect(toOriginalSpan(map, 1, 2)).toEqual([1, 3]);
    expect(toOriginalSpan(map, 2, 3)).toEqual([1, 3]);
    expect(toOriginalSpan(map, 2, 4)).toEqual([1, 4]);
  });

  it('includes combining marks of the last unit', () => {
    const s = 'cafe\u0301 noir';
    const { text, map } = normalizeForMatch(s);
    expect(text).toBe('café noir');
    expect(toOriginalSpan(map, 0, 4)).toEqual([0, 5]);
  });

  it('trims trailing removed characters and extra spaces when given the original', () => {
    const s = '六稳\u200b\u200e工作';
    const { map } = normalizeForMatch(s);
    expect(toOriginalSpan(map, 0, 2)).toEqual([0, 4]);
    expect(toOriginalSpan(map, 0, 2, s)).toEqual([0, 2]);
    const t = 'a   b';
    const n2 = normalizeForMatch(t);
    expect(toOriginalSpan(n2.map, 0, 2, t)).toEqual([0, 2]);
    expect(toOriginalSpan(n2.map, 0, 2)).toEqual([0, 4]);
  });

  it('space collapsing stays context-free (regressions)', () => {
    // spacing diacritics are not decomposed to space + mark
    expect(norm(' ゛')).toBe(' ゛');
    expect(norm('a´')).toBe('a´');
    // whitespace never absorbs following combining marks
    const s = 'x\n\u0085ﾟ';
    const { text, map } = normalizeForMatch(s);
    expect(text).toBe('x \u309a');
    expect(Array.from(map)).toEqual([0, 1, 3, 4]);
    expect(norm(s.slice(3))).toBe('\u309a');
  });

  it('clamps out-of-range and empty ranges', () => {
    const { map } = normalizeForMatch('abc');
    expect(toOriginalSpan(map, 2, 2)).toEqual([2, 2]);
    expect(toOriginalSpan(map, -5, 99)).toEqual([0, 3]);
    expect(toOriginalSpan(new Int32Array([0]), 0, 0)).toEqual([0, 0]);
  });

  it('is exact: the original span normalises back to the normalised range (property)', () => {
    fc.assert(
      fc.property(nastyString, fc.nat(), fc.nat(), fc.boolean(), (s, x, y, trim) => {
        const { text, map } = normalizeForMatch(s);
        if (text.length === 0) return;
        // unit-aligned boundaries: a at the start of a unit, b at the end of one
        const starts: number[] = [];
        for (let i = 0; i < text.length; i++) if (i === 0 || map[i] !== map[i - 1]) starts.push(i);
        const ends = [...starts.slice(1), text.length];
        let a = starts[x % starts.length]!;
        let b = ends[y % ends.length]!;
        if (b <= a) [a, b] = [starts[y % starts.length]!, ends[x % ends.length]!];
        if (b <= a) return;
        const [start, end] = toOriginalSpan(map, a, b, trim ? s : undefined);
        expect(start).toBe(map[a]);
        // no split pairs
        for (const p of [start, end]) {
          if (p > 0 && p < s.length) {
            expect((s.charCodeAt(p) & 0xfc00) === 0xdc00 && (s.charCodeAt(p - 1) & 0xfc00) === 0xd800).toBe(
              false,
            );
          }
        }
        expect(norm(s.slice(start, end))).toBe(text.slice(a, b));
      }),
      { numRuns: 3000 },
    );
  });

  it('any range maps to a span that never splits a pair (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(nastyUnit, anyUnit) }), fc.nat(), fc.nat(), (s, x, y) => {
        const { text, map } = normalizeForMatch(s);
        const a = x % (text.length + 1);
        const b = a + (y % (text.length - a + 1));
        const [start, end] = toOriginalSpan(map, a, b, s);
        expect(start).toBeGreaterThanOrEqual(0);
        expect(end).toBeGreaterThanOrEqual(start);
        expect(end).toBeLessThanOrEqual(s.length);
        for (const p of [start, end]) {
          if (p > 0 && p < s.length) {
            expect((s.charCodeAt(p) & 0xfc00) === 0xdc00 && (s.charCodeAt(p - 1) & 0xfc00) === 0xd800).toBe(
              false,
            );
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('normalizeQuery / normalizePreservingCase', () => {
  it('folds like normalizeForMatch and trims', () => {
    expect(normalizeQuery('  Ｆｉｖｅ—Year\u3000Plan ')).toBe('five-year plan');
    expect(normalizeQuery('「六穩」')).toBe('「六穩」');
    expect(normalizeQuery('')).toBe('');
  });

  it('agrees with normalizeForMatch (property)', () => {
    fc.assert(
      fc.property(nastyString, (s) => {
        expect(normalizeQuery(s)).toBe(norm(s).trim());
      }),
      { numRuns: 1000 },
    );
  });

  it('preserves case but folds everything else', () => {
    expect(normalizePreservingCase('ＵＳ–China')).toBe('US-China');
    expect(normalizePreservingCase('Policy\u200b  Lens')).toBe('Policy Lens');
    expect(normalizePreservingCase('US').toLowerCase()).toBe(normalizeQuery('US'));
  });
});

describe('normalizeForMatch: 1 MB', () => {
  // Speed: `npm run bench -- search` and the page benches. Here: 1 MB normalised whole and exactly.
  it('normalises 1 MB of mixed text whole, with an exact offset map', () => {
    const chunk =
      'The 14th Five-Year Plan (2021–2025) 第十四个五年规划 “六稳”「六保」 第１４次５カ年計画 Nghị quyết số 18-NQ/TW\u3000 ';
    let big = '';
    while (big.length < 1_000_000) big += chunk;
    const all = normalizeForMatch(big);
    const one = normalizeForMatch(chunk);
    const copies = Math.ceil(1_000_000 / chunk.length);
    expect(all.text).toBe(one.text.repeat(copies));
    expect(all.map.length).toBe(all.text.length + 1);
    // the last copy's offsets point into the last copy of the input
    const last = (copies - 1) * chunk.length;
    expect(all.map[all.text.length - one.text.length]).toBe(last + one.map[0]!);
  });
});
