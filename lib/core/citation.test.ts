import { describe, expect, it } from 'vitest';
import { formatCitation, passageNumber, passageUrl } from './citation.ts';

const doc = {
  id: '000',
  title: '譚作鈞氏は市委員会常務委員会拡大会議を主宰し',
  titleEn: 'Tan Zuojun presided over the enlarged meeting of the Municipal Standing Committee',
  date: '2021-01-22',
  place: 'Dalian',
  body: 'CPC Dalian Municipal Committee',
};
const reader = 'chrome-extension://abcdef/reader.html';

describe('passageUrl', () => {
  it('appends the passage id as the hash', () => {
    expect(passageUrl(reader, '000/p12')).toBe(`${reader}#000/p12`);
  });
  it('replaces an existing hash', () => {
    expect(passageUrl(`${reader}#concept/x`, '003/p01')).toBe(`${reader}#003/p01`);
  });
});

describe('formatCitation', () => {
  it('formats plain text with title, English title, place, date, passage number and link', () => {
    const c = formatCitation(doc, { id: '000/p12', index: 12 }, reader);
    expect(c.text).toBe(
      '譚作鈞氏は市委員会常務委員会拡大会議を主宰し (Tan Zuojun presided over the enlarged meeting of the Municipal Standing Committee). Dalian, 2021-01-22, para. 13. chrome-extension://abcdef/reader.html#000/p12',
    );
    expect(c.url).toBe(`${reader}#000/p12`);
  });

  it('formats Markdown with a link on the title', () => {
    const c = formatCitation(doc, { id: '000/p12', index: 12 }, reader);
    expect(c.markdown).toBe(
      '[譚作鈞氏は市委員会常務委員会拡大会議を主宰し](chrome-extension://abcdef/reader.html#000/p12) (*Tan Zuojun presided over the enlarged meeting of the Municipal Standing Committee*). Dalian, 2021-01-22, para. 13.',
    );
  });

  it('omits the English title when it equals the title', () => {
    const en = { ...doc, title: 'Report', titleEn: 'Report' };
    const c = formatCitation(en, { id: '002/p00', index: 0 }, reader);
    expect(c.text).toBe(`Report. Dalian, 2021-01-22, para. 1. ${reader}#002/p00`);
    expect(c.markdown).toBe(`[Report](${reader}#002/p00). Dalian, 2021-01-22, para. 1.`);
  });

  it('escapes Markdown syntax in titles and collapses whitespace', () => {
    const odd = { ...doc, title: 'A [draft]\n*plan*', titleEn: 'The_plan' };
    const c = formatCitation(odd, { id: '001/p02', index: 2 }, reader);
    expect(c.markdown.startsWith('[A \\[draft\\] \\*plan\\*](')).toBe(true);
    expect(c.markdown).toContain('(*The\\_plan*)');
    expect(c.text.startsWith('A [draft] *plan* (The_plan).')).toBe(true);
  });

  it('encodes characters that would end a Markdown link target', () => {
    const c = formatCitation(doc, { id: '000/p01', index: 1 }, 'moz-extension://x y/reader.html');
    expect(c.markdown).toContain('(moz-extension://x%20y/reader.html#000/p01)');
    const paren = formatCitation(doc, { id: '000/p01', index: 1 }, 'moz-extension://x/a(1).html');
    expect(paren.markdown).toContain('(moz-extension://x/a%281%29.html#000/p01)');
  });

  it('localises the passage label and skips an empty place', () => {
    const c = formatCitation({ ...doc, place: '' }, { id: '000/p04', index: 4 }, reader, {
      paraLabel: '段落',
    });
    expect(c.text).toContain('. 2021-01-22, 段落 5. ');
  });

  it('numbers passages from 1', () => {
    expect(passageNumber({ id: '000/p00', index: 0 })).toBe(1);
  });
});
