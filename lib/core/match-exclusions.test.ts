import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dropExcluded, excludedSpans } from './match-exclusions.ts';
import type { TermMatch } from './types.ts';

/** The matches of `terms` (every occurrence) in `text`, as the matcher would give them. */
function at(text: string, ...terms: string[]): TermMatch[] {
  const out: TermMatch[] = [];
  for (const t of terms)
    for (let i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + 1))
      out.push({ start: i, end: i + t.length, conceptId: t });
  return out.sort((a, b) => a.start - b.start);
}
const kept = (text: string, ...terms: string[]) =>
  dropExcluded(text, at(text, ...terms)).map((m) => m.conceptId);

describe('no terms inside URLs, addresses, file names, slugs, identifiers', () => {
  it('URLs with a scheme or www., CJK paths included; the prose around them stays', () => {
    expect(
      kept('Read https://en.vietnamplus.vn/to-lam-meets-politburo-post301.vnp now', 'politburo'),
    ).toEqual([]);
    expect(kept('原文：https://zh.wikipedia.org/wiki/越南共产党 ，另见', '越南共产党')).toEqual([]);
    expect(kept('Tours: www.hanoi-travel.example.com/x (8am)', 'hanoi')).toEqual([]);
    expect(kept('Xi Jinping spoke; see https://example.org/speech.html for it', 'Xi Jinping')).toEqual([
      'Xi Jinping',
    ]);
    expect(kept('越南共产党中央委员会：详见官网。', '越南共产党')).toEqual(['越南共产党']);
  });

  it('host names with a path, e-mail addresses, file names', () => {
    expect(kept('see vietnamplus.vn/politburo today', 'politburo')).toEqual([]);
    expect(kept('write to tolam.desk@example.vn or hanoi.bureau@news.example.com', 'tolam', 'hanoi')).toEqual(
      [],
    );
    expect(kept('files resolution-57.pdf and Xi_Jinping_speech.docx', 'resolution-57', 'Xi_Jinping')).toEqual(
      [],
    );
    expect(kept('the Politburo.The next day', 'Politburo')).toEqual(['Politburo']);
    expect(kept('U.S. and China, e.g. the CPC', 'CPC')).toEqual(['CPC']);
  });

  it('slugs and snake_case, but not hyphenated prose', () => {
    expect(kept('tag doi-moi-40-years no longer works', 'doi-moi')).toEqual([]);
    expect(kept('set communist_party_of_vietnam_enabled', 'communist_party_of_vietnam')).toEqual([]);
    expect(kept('the two-tier local government model', 'two-tier local government')).toEqual([
      'two-tier local government',
    ]);
    expect(kept('the socialist-oriented market economy', 'socialist-oriented market economy')).toEqual([
      'socialist-oriented market economy',
    ]);
    // Vietnamese prose hyphenates a slogan's words; a slug is written without tone marks
    expect(
      kept('tinh thần địa phương quyết-làm-chịu trách nhiệm', 'địa phương quyết-làm-chịu trách nhiệm'),
    ).toEqual(['địa phương quyết-làm-chịu trách nhiệm']);
    expect(kept('đường dẫn nghi-quyet-57-dot-pha đã đổi', 'nghi-quyet-57')).toEqual([]);
    expect(kept('đường dẫn tô-lâm-thăm-trung-quốc đã đổi', 'tô-lâm')).toEqual([]);
  });

  it('a number that goes on as a longer document number (a council resolution)', () => {
    expect(kept('thông qua Nghị quyết 18/2024/NQ-HĐND về phí', 'Nghị quyết 18')).toEqual([]);
    expect(kept('Resolution 18-2023 of the council', 'Resolution 18')).toEqual([]);
    expect(kept('Resolution 18, adopted in 2017, and Resolution 18.', 'Resolution 18')).toEqual([
      'Resolution 18',
      'Resolution 18',
    ]);
  });

  it('finds each kind of span where it is', () => {
    const s = 'a https://x.org/p b@c.de f.pdf x-y-z';
    const found = excludedSpans(s).map(([a, b]) => s.slice(a, b));
    expect(found).toEqual(expect.arrayContaining(['b@c.de', 'f.pdf', 'https://x.org/p', 'x-y-z']));
    // (the host name inside the URL is found again; spans may overlap) and the prose is free
    expect(
      found.every((f) => ['b@c.de', 'f.pdf', 'https://x.org/p', 'x-y-z'].some((w) => w.includes(f))),
    ).toBe(true);
  });
});

describe('exclusions are judged around each match, not over the whole block', () => {
  // The whole-block rule, as it read before: every span of the text, then the overlap test.
  const wholeBlock = (text: string, matches: readonly TermMatch[]) => {
    const spans = excludedSpans(text);
    return matches.filter((m) => !spans.some(([s, e]) => m.start < e && m.end > s));
  };
  const TOKENS = [
    'the Politburo',
    'Politburo',
    'https://en.example.vn/politburo-post3.vnp',
    'www.example.com/Politburo',
    'example.vn/politburo',
    'politburo.desk@example.vn',
    'Politburo_notes.pdf',
    'doi-moi-politburo-years',
    'politburo_enabled',
    '越南共产党',
    'https://zh.wikipedia.org/wiki/越南共产党',
    '。',
    '，',
    ' ',
    '\n',
    'e.g.',
    'Resolution 18',
    '-',
    '/',
  ];
  // (no term ends in a digit: the number-continuation rule, the same either way, stays out)
  const TERMS = ['Politburo', 'politburo', '越南共产党'];

  it('drops what the whole-block rule drops, on texts of words, URLs, slugs and addresses', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }), (tokens) => {
        const text = tokens.join('');
        const matches = at(text, ...TERMS).filter(
          // non-overlapping, as the matcher gives them
          (m, i, all) => !all.slice(0, i).some((o) => o.end > m.start),
        );
        expect(dropExcluded(text, matches)).toEqual(wholeBlock(text, matches));
      }),
      { numRuns: 300 },
    );
  });

  it('judges a match deep inside a long text by its own neighbourhood', () => {
    const prose = 'The council met on Tuesday to discuss the budget. '.repeat(20_000); // 1 MB
    const text = `${prose}see example.vn/politburo and the Politburo today. ${prose}`;
    const matches = at(text, 'politburo', 'Politburo');
    const kept = dropExcluded(text, matches).map((m) => text.slice(m.start - 4, m.end));
    expect(kept).toEqual(['the Politburo']);
  });
});
