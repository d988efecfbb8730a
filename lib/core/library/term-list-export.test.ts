// Term-list export (issue #12, item 6): CSV and TBX read back into the same terms; the Yomitan zip
// has the structure Yomitan's schemas ask for (format 3).
import { XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { TermListRecord } from './schema.ts';
import { termListToCsv, termListToTbx, termListToYomitan } from './term-list-export.ts';
import { parseTermList } from './term-list-parse.ts';

const LIST: TermListRecord = {
  id: 'Labcd1',
  name: 'My "policy" terms & more',
  colour: 2,
  format: 'csv',
  createdAt: '2026-12-06T10:00:00.000Z',
  terms: [
    {
      term: '十四五',
      aliases: ['14th Five-Year Plan', '第十四个五年规划'],
      definition: 'The 2021–25 plan, "fourteenth", with commas, <tags> & ampersands.\nSecond line.',
      lang: 'zh-Hans',
      category: 'plan',
      source: 'https://www.gov.cn/a?b=1&c=2',
    },
    { term: 'Đổi mới', aliases: ['doi moi'], lang: 'vi' },
    { term: 'pipe | in term', aliases: ['a|b alias', 'plain'] },
    { term: '共同富裕', aliases: [], definition: '  ', category: 'formulation' },
  ],
};
// What each term reads back as: a blank definition is no definition.
const EXPECTED = LIST.terms.map((t) => {
  const { definition, ...rest } = t;
  return definition?.trim() ? t : rest;
});

describe('CSV export', () => {
  it('reads back into the same terms', () => {
    const r = parseTermList('export.csv', termListToCsv(LIST));
    expect(r.ok && r.terms).toEqual(EXPECTED);
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('writes a header row and one row per term, BOM first', () => {
    const csv = termListToCsv(LIST);
    expect(csv.startsWith('\uFEFFterm,aliases,definition,lang,category,source\r\n')).toBe(true);
    expect(csv).toContain('Đổi mới,doi moi,,vi,,\r\n');
    expect(csv).toContain('pipe | in term,a\\|b alias|plain,');
  });
});

describe('TBX export', () => {
  it('is well-formed XML with a TBX-Basic root', () => {
    const tbx = termListToTbx(LIST);
    expect(XMLValidator.validate(tbx)).toBe(true);
    expect(tbx).toMatch(
      /<tbx style="dca" type="TBX-Basic" xml:lang="und" xmlns="urn:iso:std:iso:30042:ed-2">/,
    );
    expect(tbx).toContain('<title>My &quot;policy&quot; terms &amp; more</title>');
    expect(tbx.match(/<conceptEntry /g)).toHaveLength(4);
  });

  it('reads back into the same terms', () => {
    const r = parseTermList('export.tbx', termListToTbx(LIST));
    expect(r.ok && r.terms).toEqual(EXPECTED);
  });

  it('writes characters XML cannot hold as U+FFFD rather than a broken file', () => {
    const tbx = termListToTbx({ name: 'x', terms: [{ term: 'a\u0001b', aliases: [] }] });
    expect(XMLValidator.validate(tbx)).toBe(true);
    const r = parseTermList('x.tbx', tbx);
    expect(r.ok && r.terms).toEqual([{ term: 'a\uFFFDb', aliases: [] }]);
  });
});

describe('Yomitan export', () => {
  const unzip = (list: Parameters<typeof termListToYomitan>[0]) =>
    Object.fromEntries(
      Object.entries(unzipSync(termListToYomitan(list))).map(([k, v]) => [
        k,
        JSON.parse(strFromU8(v)) as unknown,
      ]),
    );

  it('holds index.json (format 3, sequenced), a term bank and the category tags', () => {
    const files = unzip(LIST);
    expect(Object.keys(files).sort()).toEqual(['index.json', 'tag_bank_1.json', 'term_bank_1.json']);
    expect(files['index.json']).toMatchObject({
      title: LIST.name,
      revision: LIST.createdAt,
      format: 3,
      sequenced: true,
    });
    expect(files['tag_bank_1.json']).toEqual([
      ['formulation', '', 0, 'Policy Lens category', 0],
      ['plan', '', 0, 'Policy Lens category', 0],
    ]);
  });

  it('has one row per term and alias, in the 8-column term-bank-v3 shape', () => {
    const rows = unzip(LIST)['term_bank_1.json'] as unknown[][];
    expect(rows).toHaveLength(4 + 2 + 1 + 2);
    for (const r of rows) {
      expect(r).toHaveLength(8);
      const [expression, reading, defTags, rules, score, gloss, seq, termTags] = r;
      expect(typeof expression).toBe('string');
      expect([reading, defTags, rules, termTags].every((x) => typeof x === 'string')).toBe(true);
      expect(typeof score).toBe('number');
      expect(Array.isArray(gloss) && gloss.length > 0 && gloss.every((g) => typeof g === 'string')).toBe(
        true,
      );
      expect(Number.isInteger(seq)).toBe(true);
    }
    expect(rows[0]).toEqual([
      '十四五',
      '',
      'plan',
      '',
      0,
      [
        LIST.terms[0]!.definition,
        'Also: 14th Five-Year Plan, 第十四个五年规划',
        'Source: https://www.gov.cn/a?b=1&c=2',
      ],
      1,
      '',
    ]);
    // An alias points at its term and shares its sequence.
    expect(rows[1]![0]).toBe('14th Five-Year Plan');
    expect((rows[1]![5] as string[])[0]).toBe(`十四五: ${LIST.terms[0]!.definition}`);
    expect(rows[1]![6]).toBe(1);
    expect(rows.map((r) => r[0])).toEqual([
      '十四五',
      '14th Five-Year Plan',
      '第十四个五年规划',
      'Đổi mới',
      'doi moi',
      'pipe | in term',
      'a|b alias',
      'plain',
      '共同富裕',
    ]);
  });

  it('splits a large list into term banks of 10,000 rows', () => {
    const terms = Array.from({ length: 12_000 }, (_, i) => ({ term: `t${i}`, aliases: [] }));
    const files = unzip({ name: 'big', createdAt: 'x', terms });
    expect(Object.keys(files).sort()).toEqual(['index.json', 'term_bank_1.json', 'term_bank_2.json']);
    expect((files['term_bank_2.json'] as unknown[]).length).toBe(2_000);
  });

  it('gives the same bytes for the same list', () => {
    expect(termListToYomitan(LIST)).toEqual(termListToYomitan(structuredClone(LIST)));
  });
});
