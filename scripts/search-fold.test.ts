import { describe, expect, it } from 'vitest';
import { createSearch } from '../lib/core/search/create-search.ts';
import { glossaryHanFold, tableHanFold } from '../lib/core/search/fold.ts';
import { HAN_FOLD_PAIRS } from '../lib/core/search/han-fold-table.ts';
import { buildSearchIndex } from '../lib/core/search/index-data.ts';
import { makeFixture } from '../lib/core/search/search.fixture.ts';
import { allHanChars, openccHanFold } from './search-fold.ts';

const pairs = (fold: string) => {
  const m = new Map<string, string>();
  for (let i = 0; i + 1 < fold.length; i += 2) m.set(fold[i]!, fold[i + 1]!);
  return m;
};

describe('openccHanFold', () => {
  it('maps traditional and shinjitai forms of the given characters to the simplified one', () => {
    const m = pairs(openccHanFold([...'監経團穩譚両'].sort()));
    expect(m.get('監')).toBe('监');
    expect(m.get('経')).toBe('经');
    expect(m.get('經')).toBe('经'); // traditional form of a shinjitai character in the corpus
    expect(m.get('團')).toBe('团');
    expect(m.get('団')).toBe('团');
    expect(m.get('穩')).toBe('稳');
    expect(m.get('両')).toBe('两');
    expect(openccHanFold(['a', '。', '𠮷'])).toBe('');
  });
  it('is deterministic and makes any-script queries match (监查 -> 監査)', () => {
    const data = makeFixture();
    const a = buildSearchIndex(data, { hanFold: openccHanFold });
    expect(JSON.stringify(buildSearchIndex(makeFixture(), { hanFold: openccHanFold }))).toBe(
      JSON.stringify(a),
    );
    const withOpencc = createSearch(data, a);
    expect(withOpencc.search('监查').hits[0]).toMatchObject({ kind: 'exact', docId: '000' });
    // the default (checked-in table) does the same; the glossary-only fold does not know 監/监
    expect(createSearch(data, buildSearchIndex(data)).search('监查').hits[0]).toMatchObject({
      kind: 'exact',
    });
    const glossaryOnly = buildSearchIndex(data, { hanFold: glossaryHanFold(data) });
    expect(
      createSearch(data, glossaryOnly)
        .search('监查')
        .hits.filter((h) => h.kind === 'exact'),
    ).toEqual([]);
  });
  it('the checked-in table (lib/core/search/han-fold-table.ts) matches the installed opencc-js', () => {
    expect(HAN_FOLD_PAIRS, 'run: node scripts/gen-search-han-fold.ts').toBe(openccHanFold(allHanChars()));
    const chars = [...'監経團穩譚両二つの'].sort();
    // the table also knows rarer forms of the same characters (糰 -> 团): a superset
    const table = pairs(tableHanFold(chars));
    for (const [f, c] of pairs(openccHanFold(chars))) expect(table.get(f)).toBe(c);
  });
});
