// Citations of a passage (issue #12, item 7): what each format names, the link to the original with
// a text directive, and never an extension URL where others would follow it.
import { describe, expect, it } from 'vitest';
import { formatCitations, type CitationSource } from './citation-formats.ts';
import { encodeTextDirective, passageLink, textDirective } from './text-fragment.ts';

const READER = 'chrome-extension://abcdef/reader.html';

const SAVED: CitationSource = {
  id: 'user-abc1',
  title: '2025年政府工作报告',
  titleEn: '',
  date: '2025-03-05',
  place: '',
  body: '国务院',
  lang: 'zh-Hans',
  translation: false,
  url: 'https://www.gov.cn/yaowen/content_7013163.htm',
  accessed: '2026-12-01',
  site: '中国政府网',
};
const SAVED_P = { id: 'user-abc1/p02', index: 2, text: '今年发展主要预期目标是：国内生产总值增长5%左右。' };
const SAVED_LINK = `${SAVED.url}#:~:text=${encodeURIComponent(SAVED_P.text)}`;

const BUNDLED: CitationSource = {
  id: '000',
  title: '譚作鈞氏は市委員会常務委員会拡大会議を主宰し',
  titleEn: 'Tan Zuojun presides over an enlarged meeting',
  date: '2021-01-21',
  place: 'Dalian, Liaoning, China',
  body: 'Standing Committee of the CPC Dalian Municipal Committee (enlarged meeting)',
  lang: 'ja',
  originalLang: 'zh-Hans',
  translation: true,
};
const BUNDLED_P = { id: '000/p12', index: 12, text: '会議は…' };

describe('text directives', () => {
  it('percent-encodes the directive delimiters and the dash', () => {
    expect(encodeTextDirective('Hai-phong, A&B 5%')).toBe('Hai%2Dphong%2C%20A%26B%205%25');
  });

  it('quotes a short passage whole', () => {
    expect(textDirective('  Short   passage\n here. ')).toBe('text=Short%20passage%20here.');
  });

  it('gives a long Latin passage as its first and last four words', () => {
    const text =
      'The Party Central Committee decided on 5 March 2025 that the pilot zones, including Hai-phong and Da Nang, will expand trade.';
    expect(textDirective(text)).toBe(
      'text=The%20Party%20Central%20Committee,Nang%2C%20will%20expand%20trade.',
    );
  });

  it('cuts a long Chinese passage at punctuation, where words end', () => {
    const text =
      '坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展，更好统筹国内国际两个大局，统筹发展和安全，全面深化改革开放，保持经济运行在合理区间。';
    expect(text.length).toBeGreaterThan(80);
    expect(textDirective(text)).toBe(
      `text=${encodeURIComponent('坚持稳中求进工作总基调')},${encodeURIComponent('保持经济运行在合理区间。')}`,
    );
  });

  it('adds the directive after the page’s own fragment, and not to a PDF', () => {
    expect(passageLink('https://x.org/a#sec', 'Some words')).toBe('https://x.org/a#sec:~:text=Some%20words');
    expect(passageLink('https://x.org/a', 'Some words')).toBe('https://x.org/a#:~:text=Some%20words');
    expect(passageLink('https://x.gov.vn/files/NQ18.PDF', 'Some words')).toBe(
      'https://x.gov.vn/files/NQ18.PDF',
    );
  });
});

describe('formatCitations: a saved page', () => {
  const c = formatCitations(SAVED, SAVED_P, { readerUrl: READER });

  it('links the original with a text directive, never the reader', () => {
    expect(c.link).toBe(SAVED_LINK);
    for (const s of [c.plain, c.markdown, c.bibtex, JSON.stringify(c.csl)])
      expect(s).not.toContain('chrome-extension');
  });

  it('plain: body, title, site, date, passage, link, access date', () => {
    expect(c.plain).toBe(
      `国务院. 2025年政府工作报告. 中国政府网, 2025-03-05, para. 3. ${SAVED_LINK} (accessed 2026-12-01)`,
    );
  });

  it('Markdown: the title links to the passage on the original', () => {
    expect(c.markdown).toBe(
      `国务院. [2025年政府工作报告](${SAVED_LINK}). 中国政府网, 2025-03-05, para. 3. Accessed 2026-12-01.`,
    );
  });

  it('BibTeX: an @online entry with url and urldate', () => {
    expect(c.bibtex).toBe(
      [
        '@online{policylens:user-abc1:p3,',
        '  author = {{国务院}},',
        '  title = {{2025年政府工作报告}},',
        '  year = {2025},',
        '  date = {2025-03-05},',
        `  url = {${SAVED_LINK}},`,
        '  urldate = {2026-12-01},',
        '  organization = {中国政府网},',
        '  language = {Chinese (Simplified)},',
        '  note = {para. 3},',
        '}',
      ].join('\n'),
    );
  });

  it('CSL-JSON: a webpage with issued and accessed date-parts', () => {
    expect(c.csl).toEqual({
      id: 'policylens:user-abc1:p3',
      type: 'webpage',
      title: '2025年政府工作报告',
      author: [{ literal: '国务院' }],
      issued: { 'date-parts': [[2025, 3, 5]] },
      accessed: { 'date-parts': [[2026, 12, 1]] },
      URL: SAVED_LINK,
      publisher: '国务院',
      'container-title': '中国政府网',
      language: 'zh-Hans',
      note: 'para. 3',
    });
  });
});

describe('formatCitations: a translation without an original URL', () => {
  const c = formatCitations(BUNDLED, BUNDLED_P, { readerUrl: `${READER}#concept/x` });
  const reader = `${READER}#000/p12`;

  it('says it is a translation, and from what', () => {
    expect(c.plain).toBe(
      'Standing Committee of the CPC Dalian Municipal Committee (enlarged meeting). 譚作鈞氏は市委員会常務委員会拡大会議を主宰し (Tan Zuojun presides over an enlarged meeting). Dalian, Liaoning, China, 2021-01-21, para. 13. Translation from Chinese (Simplified). ' +
        reader,
    );
    expect(c.markdown).toContain('. Translation from Chinese (Simplified).');
  });

  it('links the reader only in plain text and Markdown, as the one link there is', () => {
    expect(c.link).toBe(reader);
    expect(c.markdown).toContain(`](${reader})`);
    expect(c.bibtex).not.toContain('chrome-extension');
    expect(c.bibtex.startsWith('@misc{policylens:000:p13,\n')).toBe(true);
    expect(c.bibtex).toContain('  note = {para. 13. Translation from Chinese (Simplified)},');
    expect(c.csl.URL).toBeUndefined();
    expect(c.csl.type).toBe('document');
    expect(c.csl.issued).toEqual({ 'date-parts': [[2021, 1, 21]] });
    expect(c.csl.note).toBe(
      'para. 13. Translation from Chinese (Simplified). English title: Tan Zuojun presides over an enlarged meeting',
    );
  });

  it('names the original title of a translation when it is known', () => {
    const withOriginal = { ...BUNDLED, originalTitle: '谭作钧主持召开市委常委会扩大会议' };
    const o = formatCitations(withOriginal, BUNDLED_P, { readerUrl: READER });
    expect(o.plain).toContain(
      '(Tan Zuojun presides over an enlarged meeting) [谭作钧主持召开市委常委会扩大会议].',
    );
    expect(o.csl['original-title']).toBe('谭作钧主持召开市委常委会扩大会议');
    expect(o.bibtex).toContain('  origtitle = {谭作钧主持召开市委常委会扩大会议},');
  });

  it('uses the labels the UI gives', () => {
    const l = formatCitations({ ...SAVED, translation: true, originalLang: 'vi' }, SAVED_P, {
      readerUrl: READER,
      paraLabel: '段落',
      accessedLabel: '閲覧日',
      translationLabel: 'ベトナム語からの翻訳',
    });
    expect(l.plain).toContain(', 段落 3. ベトナム語からの翻訳. ');
    expect(l.plain.endsWith('(閲覧日 2026-12-01)')).toBe(true);
  });

  it('says "Machine translation" for a machine’s, in every format', () => {
    const m = formatCitations({ ...BUNDLED, machineTranslation: true }, BUNDLED_P, { readerUrl: READER });
    expect(m.plain).toContain(', para. 13. Machine translation from Chinese (Simplified). ');
    expect(m.markdown).toContain('. Machine translation from Chinese (Simplified).');
    expect(m.bibtex).toContain('  note = {para. 13. Machine translation from Chinese (Simplified)},');
    expect(m.csl.note).toBe(
      'para. 13. Machine translation from Chinese (Simplified). English title: Tan Zuojun presides over an enlarged meeting',
    );
    // …and nothing of the kind for a text that is not a translation.
    const own = formatCitations({ ...BUNDLED, translation: false, machineTranslation: true }, BUNDLED_P, {
      readerUrl: READER,
    });
    expect(own.plain).not.toMatch(/translation/i);
  });

  it('has no access date without an original URL', () => {
    const f = formatCitations({ ...BUNDLED, accessed: '2026-01-01' }, BUNDLED_P, { readerUrl: READER });
    expect(f.plain).not.toContain('2026-01-01');
    expect(f.csl.accessed).toBeUndefined();
  });
});

describe('formatCitations: a translation with its original’s page', () => {
  const ORIGINAL = 'http://www.xiuzhou.gov.cn/art/2023/7/3/art_1684797_59215654.html';
  const doc = { ...BUNDLED, originalUrl: ORIGINAL, accessed: '2026-01-01' };
  const c = formatCitations(doc, BUNDLED_P, { readerUrl: READER });

  it('links the original’s page as it is (the passage’s words are the translation’s)', () => {
    expect(c.link).toBe(ORIGINAL);
    expect(c.plain.endsWith(`. Translation from Chinese (Simplified). ${ORIGINAL}`)).toBe(true);
    expect(c.markdown).toContain(`[譚作鈞氏は市委員会常務委員会拡大会議を主宰し](${ORIGINAL})`);
    for (const s of [c.plain, c.markdown, c.bibtex, JSON.stringify(c.csl)])
      expect(s).not.toContain('chrome-extension');
  });

  it('gives BibTeX and CSL the original’s page, with no access date (nobody saved it)', () => {
    expect(c.bibtex.startsWith('@online{policylens:000:p13,\n')).toBe(true);
    expect(c.bibtex).toContain(`  url = {${ORIGINAL}},`);
    expect(c.bibtex).not.toContain('urldate');
    expect(c.csl.URL).toBe(ORIGINAL);
    expect(c.csl.accessed).toBeUndefined();
    expect(c.plain).not.toContain('2026-01-01');
  });

  it('prefers the page the text itself was taken from, with a text directive', () => {
    const own = formatCitations({ ...doc, url: 'https://jp.example.org/a.html' }, BUNDLED_P, {
      readerUrl: READER,
    });
    expect(own.link).toBe(`https://jp.example.org/a.html#:~:text=${encodeURIComponent('会議は…')}`);
  });
});

describe('formatCitations: escaping', () => {
  const odd: CitationSource = {
    id: 'user-x1',
    title: 'R&D 50% of $GDP #1 {draft} under_score ~x^2 \\ [note] *b*',
    date: '',
    lang: 'en',
    translation: false,
    url: 'https://example.org/a_b?q={x}',
  };
  const c = formatCitations(
    odd,
    { id: 'user-x1/p00', index: 0, text: 'Words (here) - and more' },
    { readerUrl: READER },
  );

  it('escapes TeX specials in BibTeX fields and keeps braces out of the url', () => {
    expect(c.bibtex).toContain(
      '  title = {{R\\&D 50\\% of \\$GDP \\#1 \\{draft\\} under\\_score \\~{}x\\^{}2 \\textbackslash{} [note] *b*}},',
    );
    expect(c.bibtex).toContain(
      '  url = {https://example.org/a_b?q=%7Bx%7D#:~:text=Words%20(here)%20%2D%20and%20more},',
    );
    expect(c.bibtex).not.toMatch(/year|date/);
  });

  it('escapes Markdown in the link text and keeps parentheses out of the link target', () => {
    expect(
      c.markdown.startsWith('[R&D 50% of $GDP #1 {draft} under\\_score ~x^2 \\\\ \\[note\\] \\*b\\*]('),
    ).toBe(true);
    expect(c.markdown).toContain('#:~:text=Words%20%28here%29%20%2D%20and%20more)');
  });

  it('gives CSL no dates when the document has none', () => {
    expect(c.csl.issued).toBeUndefined();
    expect(c.csl.title).toBe(odd.title);
  });
});
