// Bad input against the REAL generated data (issue #11 item 5): a 1 MB paste, lone surrogates,
// bidi and zero-width marks, regex metacharacters and markup come back as an answer (not as the
// empty result the search falls back to when a stage throws) and within every cap of the result.
// Bounded work, not milliseconds: speed is measured by `npm run bench -- popup` / `search`.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { cutSafe, EXACT_CAP, MAX_LIMIT, QUERY_SEND_CAP, RAW_QUERY_CAP } from '../lib/core/limits.ts';
import { createSearch } from '../lib/core/search/create-search.ts';
import type { Search } from '../lib/core/search/create-search.ts';
import { SNIPPET_LEN } from '../lib/core/search/snippet.ts';
import { ANSWERS_MAX, CONCEPT_HITS_MAX, EXPAND_MAX, SUGGESTIONS_MAX } from '../lib/core/search/tunables.ts';
import type { SearchResult } from '../lib/core/types.ts';
import { loadGenerated } from '../scripts/cli-search.ts';
import { ensureGenerated } from '../scripts/golden.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
let search: Search;
let passageText: Map<string, string>;

beforeAll(() => {
  ensureGenerated(ROOT);
  const loaded = loadGenerated(ROOT);
  if ('error' in loaded) throw new Error(loaded.error);
  search = createSearch(loaded.data, loaded.index);
  passageText = new Map(loaded.data.passages.map((p) => [p.id, p.text]));
});

const ids = (r: SearchResult) => r.hits.map((h) => h.passageId);

/** Every cap of a result (lib/core/limits.ts, tunables.ts), and marks inside their snippets. */
function expectWithinCaps(r: SearchResult, limit = 20): void {
  expect(r.hits.length).toBeLessThanOrEqual(limit);
  expect(r.normalized.length).toBeLessThanOrEqual(EXACT_CAP);
  expect(r.concepts.length).toBeLessThanOrEqual(CONCEPT_HITS_MAX);
  expect(r.expandedConceptIds.length).toBeLessThanOrEqual(EXPAND_MAX);
  expect(r.suggestions.length).toBeLessThanOrEqual(SUGGESTIONS_MAX);
  expect((r.conceptAnswers ?? []).length).toBeLessThanOrEqual(ANSWERS_MAX);
  expect(new Set(ids(r)).size).toBe(r.hits.length);
  for (const h of r.hits) {
    expect(h.snippet.length).toBeLessThanOrEqual(SNIPPET_LEN + 2);
    // The snippet is the passage's own text (with ellipses), never the query's.
    expect(passageText.get(h.passageId)).toContain(h.snippet.replace(/^…|…$/g, ''));
    for (const [s, e] of h.marks) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(e).toBeGreaterThan(s);
      expect(e).toBeLessThanOrEqual(h.snippet.length);
    }
  }
  expect(JSON.parse(JSON.stringify(r))).toEqual(r);
}

/** A query with something searchable in it was answered, not swallowed by the catch-all (which
 * returns an empty `normalized`). */
function expectAnswered(r: SearchResult): void {
  expect(r.normalized).not.toBe('');
}

describe('bad input (real corpus)', () => {
  it('a 1 MB paste is read up to the cap, answers like its first RAW_QUERY_CAP characters', () => {
    const pastes = [
      '会议强调，各级审计机关要认真贯彻落实全国审计工作会议精神。'.repeat(40_000).slice(0, 1_000_000),
      'The meeting stressed that audit institutions at all levels should '.repeat(16_000).slice(0, 1_000_000),
      '<div onclick="x()">两个维护</div>\n'.repeat(40_000).slice(0, 1_000_000),
      '\ud800'.repeat(1_000_000),
    ];
    for (const q of pastes) {
      const r = search.search(q);
      expect(r.truncated).toBe(true);
      expect(r.query.length).toBe(q.length);
      expectWithinCaps(r);
      const capped = search.search(cutSafe(q, QUERY_SEND_CAP));
      expect(ids(r)).toEqual(ids(capped));
      expect(r.normalized.length).toBeLessThanOrEqual(cutSafe(q, RAW_QUERY_CAP).length);
    }
    expect(ids(search.search(pastes[0]!))).toEqual(expect.arrayContaining(['000/p06']));
    expect(ids(search.search(pastes[1]!))).toEqual(expect.arrayContaining(['002/p06']));
  });

  it('lone surrogates, bidi, zero-width and BOM marks are ignored: the same answer as without', () => {
    const marks = [
      '\ud800',
      '\udfff',
      '\u200b',
      '\u200d',
      '\u200e',
      '\u200f',
      '\u202e',
      '\u2066',
      '\ufeff',
      '\u061c',
    ];
    for (const clean of ['two safeguards', '两个维护', 'Vũ Đại Thắng', 'CCP', 'sige yishi']) {
      const want = ids(search.search(clean));
      expect(want.length, clean).toBeGreaterThan(0);
      for (const m of marks) {
        const dirty = [...clean].join(m) + m;
        const r = search.search(`${m}${dirty}`);
        expectAnswered(r);
        expectWithinCaps(r);
        expect(ids(r), JSON.stringify(dirty)).toEqual(want);
      }
    }
  });

  it('regex metacharacters are text: they neither throw nor change the answer to the words', () => {
    for (const q of [
      '(two safeguards',
      'two safeguards.*',
      '[两个维护',
      '两个维护$^',
      'CCP|CPC\\',
      '+?{2,}*',
      '\\b\\d+\\',
      '(?<=a)b',
      '.*.*.*.*.*.*a',
    ]) {
      const r = search.search(q);
      expectWithinCaps(r);
      if (/[a-z\u4e00-\u9fff]/i.test(q)) expectAnswered(r);
    }
    expect(ids(search.search('(two safeguards)*'))).toEqual(ids(search.search('two safeguards')));
    expect(ids(search.search('两个维护$^'))).toEqual(expect.arrayContaining(['001/p05']));
  });

  it('markup is text: tags and entities are searched as characters, never rendered', () => {
    for (const q of [
      '<script>alert(1)</script>两个维护',
      '<b>CCP</b>',
      '&lt;img src=x onerror=alert(1)&gt;',
      '<!-- -->',
      ']]><![CDATA[',
    ]) {
      const r = search.search(q);
      expectAnswered(r);
      expectWithinCaps(r);
      for (const h of r.hits) expect(h.snippet).not.toMatch(/<script|onerror/);
    }
    expect(ids(search.search('<script>alert(1)</script>两个维护'))).toEqual(
      expect.arrayContaining(['001/p05']),
    );
  });

  it('any string, any limit: an answer within the caps', () => {
    const piece = fc.constantFrom(
      '\ud800',
      '\u200f',
      '\u202e',
      '<a href="#">',
      '.*',
      '(',
      '两个维护',
      'CCP',
      'sige',
      'đổi mới',
      ' ',
      '？',
    );
    const str = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 120 }),
      fc.array(piece, { maxLength: 40 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(str, fc.integer({ min: 1, max: MAX_LIMIT }), (q, limit) => {
        const r = search.search(q, { limit });
        expectWithinCaps(r, limit);
        if (/[\p{L}\p{N}]/u.test(q.replace(/[\ud800-\udfff]/g, ''))) expectAnswered(r);
      }),
      { numRuns: 300 },
    );
  });
});
