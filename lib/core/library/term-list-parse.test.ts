// Term-list import (issue #12, items 3 and 5): every accepted shape, and every bad file rejected
// whole with a message naming the file and the row or line a person would look at.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { TERM_LIST_MAX_TERMS } from '../limits.ts';
import { UserTermSchema } from './schema.ts';
import { normalizeLang } from './term-fields.ts';
import { parseTermList, type TermListParse } from './term-list-parse.ts';

function ok(r: TermListParse) {
  if (!r.ok) throw new Error(`expected ok, got: ${r.error}`);
  return r;
}
function error(r: TermListParse): string {
  if (r.ok) throw new Error(`expected an error, got ${r.terms.length} terms`);
  return r.error;
}

describe('CSV', () => {
  it('reads every column, in any order and case, with a BOM and CRLF', () => {
    const csv =
      '\uFEFFDefinition,TERM,Aliases,Lang,Category,Source\r\n' +
      '"The 2021-25 plan, China\'s fourteenth",十四五,"14th Five-Year Plan | 第十四个五年规划",zh-CN,Plan,https://www.gov.cn/x\r\n' +
      ',Common prosperity,共同富裕,,,\r\n';
    const r = ok(parseTermList('terms.csv', csv));
    expect(r.format).toBe('csv');
    expect(r.warnings).toEqual([]);
    expect(r.terms).toEqual([
      {
        term: '十四五',
        aliases: ['14th Five-Year Plan', '第十四个五年规划'],
        definition: "The 2021-25 plan, China's fourteenth",
        lang: 'zh-Hans',
        category: 'plan',
        source: 'https://www.gov.cn/x',
      },
      { term: 'Common prosperity', aliases: ['共同富裕'] },
    ]);
  });

  it('needs only the term column; blank rows are skipped; quoted cells may span lines', () => {
    const r = ok(parseTermList('t.csv', 'term\n\nalpha\n"beta\ngamma"\n\n'));
    expect(r.terms.map((t) => t.term)).toEqual(['alpha', 'beta\ngamma']);
  });

  it('reads TSV by extension and by sniffing a .csv whose header has tabs', () => {
    const tsv = 'term\taliases\tdefinition\nĐổi mới\tdoi moi|renovation\tReform policy, 1986\n';
    for (const name of ['list.tsv', 'list.csv']) {
      const r = ok(parseTermList(name, tsv));
      expect(r.format).toBe('tsv');
      expect(r.terms).toEqual([
        { term: 'Đổi mới', aliases: ['doi moi', 'renovation'], definition: 'Reform policy, 1986' },
      ]);
    }
  });

  it('reads semicolon CSV (European spreadsheets)', () => {
    const r = ok(parseTermList('l.csv', 'term;definition\nA term;with, a comma\n'));
    expect(r.terms).toEqual([{ term: 'A term', aliases: [], definition: 'with, a comma' }]);
  });

  it('maps common language spellings and documents unknown ones', () => {
    expect(normalizeLang('zh-CN')).toBe('zh-Hans');
    expect(normalizeLang('zh')).toBe('zh-Hans');
    expect(normalizeLang('zh_TW')).toBe('zh-Hant');
    expect(normalizeLang('zh-HK')).toBe('zh-Hant');
    expect(normalizeLang('zh-Hant-CN')).toBe('zh-Hant');
    expect(normalizeLang('EN-us')).toBe('en');
    expect(normalizeLang('ja-JP')).toBe('ja');
    expect(normalizeLang('vi-VN')).toBe('vi');
    expect(normalizeLang('Japanese')).toBe('ja');
    expect(normalizeLang('zh-CHT')).toBe('zh-Hant');
    expect(normalizeLang('cmn-Hant')).toBe('zh-Hant');
    expect(normalizeLang('')).toBeUndefined();
    expect(normalizeLang('fr')).toBeNull();
    expect(normalizeLang('zhx')).toBeNull();
  });

  it('merges a repeated term into its first row and says so', () => {
    const csv = 'term,aliases,definition\nSix Stabilities,六稳,first\nsix stabilities,稳就业|六稳,second\n';
    const r = ok(parseTermList('d.csv', csv));
    expect(r.terms).toEqual([{ term: 'Six Stabilities', aliases: ['六稳', '稳就业'], definition: 'first' }]);
    expect(r.warnings).toEqual([
      'd.csv, row 3: "six stabilities" repeats row 2; merged into it (its definition ignored: the first one is kept)',
    ]);
  });

  it('warns about columns it does not read', () => {
    const r = ok(parseTermList('c.csv', 'term,notes\nx term,whatever\n'));
    expect(r.warnings).toEqual(['c.csv, row 1: column "notes" is not one the extension reads; ignored']);
  });

  it.each([
    ['an unclosed quote', 'term,definition\na,"ok"\nb,"unclosed\nc,d\n', 'terms.csv, row 3: unclosed quote'],
    [
      'an unclosed quote after a cell spanning lines',
      'term,definition\n"two\nlines",x\nb,"open\n',
      'terms.csv, row 3 (line 4): unclosed quote',
    ],
    ['a stray quote', 'term\n"a"b\n', 'terms.csv, row 2: stray quote after a quoted cell'],
    ['no term column', 'name,definition\na,b\n', 'terms.csv, row 1: no "term" column'],
    ['an empty file', '', 'terms.csv, row 1: the file is empty'],
    ['a header only', 'term,definition\n', 'terms.csv, row 2: the file holds no term'],
    ['a missing term', 'term,definition\na,b\n,orphan definition\n', 'terms.csv, row 3: no term'],
    [
      'an unknown category',
      'term,category\na,plan\nb,slogan\n',
      'terms.csv, row 3: unknown category "slogan"',
    ],
    ['an unknown language', 'term,lang\na,fr\n', 'terms.csv, row 2: unknown language "fr"'],
    [
      'a bad URL',
      'term,source\na,javascript:alert(1)\n',
      'terms.csv, row 2: source "javascript:alert(1)" is not an http(s) URL',
    ],
    [
      'a URL without host',
      'term,source\na,https://\n',
      'terms.csv, row 2: source "https://" is not an http(s) URL',
    ],
    [
      'too many cells',
      'term,definition\na,b,c\n',
      'terms.csv, row 2: 3 cells but the header names 2 columns',
    ],
    ['two term columns', 'term,Term\na,b\n', 'terms.csv, row 1: two columns are named "term"'],
    ['a term too long', `term\n${'x'.repeat(201)}\n`, 'terms.csv, row 2: "xxxx'],
  ])('rejects %s, naming the file and the row', (_what, csv, start) => {
    expect(error(parseTermList('terms.csv', csv))).toContain(start);
  });

  it(`rejects more than ${TERM_LIST_MAX_TERMS} terms, naming the first row over`, () => {
    const rows = Array.from({ length: TERM_LIST_MAX_TERMS + 1 }, (_, i) => `term ${i}`);
    const e = error(parseTermList('big.csv', `term\n${rows.join('\n')}\n`));
    expect(e).toBe(
      `big.csv, row ${TERM_LIST_MAX_TERMS + 2}: more than 20,000 terms (the most one list may hold)`,
    );
    const fits = ok(parseTermList('big.csv', `term\n${rows.slice(1).join('\n')}\n`));
    expect(fits.terms).toHaveLength(TERM_LIST_MAX_TERMS);
  });
});

const TBX3 = `<?xml version="1.0" encoding="UTF-8"?>
<?xml-model href="TBXcoreStructV03.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
<tbx style="dca" type="TBX-Basic" xml:lang="zh-CN" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
  <text>
    <body>
      <conceptEntry id="c1">
        <descrip type="subjectField">formulation</descrip>
        <langSec xml:lang="en">
          <descripGrp><descrip type="definition">Six areas to keep stable &amp; steady.</descrip></descripGrp>
          <termSec><term>Six Stabilities</term></termSec>
          <termSec><term>six <hi>stables</hi></term></termSec>
        </langSec>
        <langSec xml:lang="zh-CN">
          <termSec><term>六稳</term><xref type="externalCrossReference" target="https://www.gov.cn/6">gov.cn</xref></termSec>
        </langSec>
      </conceptEntry>
      <conceptEntry id="c2">
        <langSec xml:lang="vi"><termSec><term>Đổi mới</term></termSec></langSec>
      </conceptEntry>
    </body>
  </text>
</tbx>
`;

const TBX2 = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>v2</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="t1">
      <descrip type="definition">Entry-level definition.</descrip>
      <langSet xml:lang="en"><tig><term>Common prosperity</term></tig></langSet>
      <langSet xml:lang="zh-TW"><ntig><termGrp><term>共同富裕</term></termGrp></ntig></langSet>
    </termEntry>
  </body></text>
</martif>
`;

describe('TBX', () => {
  it('reads TBX-Basic v3: the source language term first, the rest as aliases', () => {
    const r = ok(parseTermList('glossary.tbx', TBX3));
    expect(r.format).toBe('tbx');
    expect(r.terms).toEqual([
      {
        term: '六稳',
        aliases: ['Six Stabilities', 'six stables'],
        lang: 'zh-Hans',
        definition: 'Six areas to keep stable & steady.',
        category: 'formulation',
        source: 'https://www.gov.cn/6',
      },
      { term: 'Đổi mới', aliases: [], lang: 'vi' },
    ]);
  });

  it('reads TBX v2 (martif, langSet, tig, ntig) from a .xml file', () => {
    const r = ok(parseTermList('export.xml', TBX2));
    expect(r.terms).toEqual([
      {
        term: 'Common prosperity',
        aliases: ['共同富裕'],
        lang: 'en',
        definition: 'Entry-level definition.',
      },
    ]);
  });

  it('rejects a file that is not XML with the line of the fault', () => {
    const broken = '<?xml version="1.0"?>\n<tbx>\n<text><body>\n<conceptEntry>\n</body></text></tbx>\n';
    expect(error(parseTermList('glossary.tbx', broken))).toMatch(/^glossary\.tbx, line 5: not XML: /);
    expect(error(parseTermList('glossary.tbx', 'term,definition\na,b\n'))).toMatch(
      /^glossary\.tbx, line 1: not XML: /,
    );
  });

  it('rejects XML that is not TBX', () => {
    expect(error(parseTermList('g.tbx', '<html><body/></html>'))).toBe(
      'g.tbx, line 1: not a TBX file (its root element is <html>, not <tbx> or <martif>)',
    );
    expect(error(parseTermList('g.xml', '<?xml version="1.0"?><rss/>'))).toContain('g.xml, line 1: ');
  });

  it('rejects an entry without a term, naming its line', () => {
    const tbx = TBX2.replace(
      '<tig><term>Common prosperity</term></tig>',
      '<tig><term> </term></tig>',
    ).replace('<ntig><termGrp><term>共同富裕</term></termGrp></ntig>', '');
    expect(error(parseTermList('g.tbx', tbx))).toBe('g.tbx, line 6: termEntry "t1" has no term');
  });

  it('refuses entity declarations (billion laughs)', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY a "aaaaaaaaaa">${Array.from(
      { length: 8 },
      (_, i) => `<!ENTITY b${i} "${(i === 0 ? '&a;' : `&b${i - 1};`).repeat(10)}">`,
    ).join(
      '',
    )}]><tbx><text><body><conceptEntry><langSec xml:lang="en"><termSec><term>&b7;</term></termSec></langSec></conceptEntry></body></text></tbx>`;
    expect(error(parseTermList('lol.tbx', lol))).toMatch(/^lol\.tbx, line 1: declares XML entities/);
  });
});

describe('YAML and JSON', () => {
  const GLOSSARY = `- id: six-stabilities
  category: formulation
  labels: { en: Six Stabilities, ja: 六つの安定, zh-Hans: 六稳, zh-Hant: 六穩 }
  aliases:
    zh-Hans: [稳就业]
  definition:
    en: Keep six areas stable.
    ja: 六つの分野を安定させる。
  sources: [https://www.gov.cn/6]
`;

  it('reads the glossary format: English label first, other labels and aliases after', () => {
    const r = ok(parseTermList('mine.yaml', GLOSSARY));
    expect(r.format).toBe('yaml');
    expect(r.terms).toEqual([
      {
        term: 'Six Stabilities',
        aliases: ['六つの安定', '六稳', '六穩', '稳就业'],
        lang: 'en',
        definition: 'Keep six areas stable.',
        category: 'formulation',
        source: 'https://www.gov.cn/6',
      },
    ]);
  });

  it('rejects a glossary the build would reject, with the line of the problem', () => {
    const bad = GLOSSARY.replace('category: formulation', 'category: slogan');
    expect(error(parseTermList('mine.yaml', bad))).toBe(
      'mine.yaml, line 2: concept "six-stabilities" has unknown category "slogan" (expected one of formulation, plan, campaign, institution, document, person, place, event, ideology)',
    );
    const noLabel = GLOSSARY.replace(', zh-Hant: 六穩', '');
    expect(error(parseTermList('mine.yaml', noLabel))).toBe(
      'mine.yaml, line 3: concept "six-stabilities" is missing the zh-Hant label',
    );
  });

  it('rejects YAML that does not parse, with its line', () => {
    expect(error(parseTermList('x.yml', '- id: a\n  labels: [unclosed\n'))).toMatch(
      /^x\.yml, line \d: YAML: /,
    );
  });

  it('reads every bundled glossary file as a term list', () => {
    const dir = join(__dirname, '../../../corpus/glossary');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
      const r = parseTermList(f, readFileSync(join(dir, f), 'utf8'));
      expect(r.ok && r.terms.length, r.ok ? f : r.error).toBeGreaterThan(0);
    }
  });

  it('reads the glossary format written as JSON, with lines for errors', () => {
    const json = JSON.stringify(
      [{ id: 'x-y', category: 'plan', labels: { en: 'X', ja: 'X', 'zh-Hans': 'X', 'zh-Hant': 'X' } }],
      null,
      2,
    );
    expect(error(parseTermList('g.json', json))).toBe('g.json, line 2: concept "x-y" has no definition');
  });

  it('reads a list of term objects, bare or under "terms", in JSON or YAML', () => {
    const terms = [{ term: '两个维护', aliases: ['Two Upholds'], lang: 'zh', category: 'formulation' }];
    const want = [{ term: '两个维护', aliases: ['Two Upholds'], lang: 'zh-Hans', category: 'formulation' }];
    expect(ok(parseTermList('a.json', JSON.stringify(terms))).terms).toEqual(want);
    expect(ok(parseTermList('a.json', JSON.stringify({ name: 'mine', terms }))).terms).toEqual(want);
    expect(
      ok(
        parseTermList(
          'a.yaml',
          '- term: 两个维护\n  aliases: [Two Upholds]\n  lang: zh\n  category: formulation\n',
        ),
      ).terms,
    ).toEqual(want);
  });

  it('names the line of a bad term object', () => {
    const json = '[\n  {"term": "a"},\n  {"term": "b", "source": "ftp://x"}\n]';
    expect(error(parseTermList('a.json', json))).toBe(
      'a.json, line 3: source "ftp://x" is not an http(s) URL',
    );
    expect(error(parseTermList('a.json', '[\n{"term": "a"},\n{"term": 5}\n]'))).toBe(
      'a.json, line 3: term must be a string',
    );
  });

  it('rejects JSON that does not parse, with its line', () => {
    expect(error(parseTermList('a.json', '[\n {"term": "a"},\n {"term": "b",,}\n]'))).toMatch(
      /^a\.json, line 3: /,
    );
  });
});

describe('any format', () => {
  it('rejects an unsupported type by name', () => {
    expect(error(parseTermList('list.docx', 'x'))).toBe(
      'list.docx: unsupported type ".docx" (a term list is .csv, .tsv, .tbx, .yaml or .json)',
    );
  });

  it('returns only terms that pass UserTermSchema', () => {
    for (const [name, text] of [
      ['a.csv', 'term,aliases\n x ,  | y |\n'],
      ['b.tbx', TBX3],
      ['c.xml', TBX2],
    ] as const) {
      for (const t of ok(parseTermList(name, text)).terms) expect(v.parse(UserTermSchema, t)).toEqual(t);
    }
  });
});
