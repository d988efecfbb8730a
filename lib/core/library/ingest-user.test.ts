// A user's document through the corpus pipeline: paragraphs from plain text, no seed-page
// cleaning, passage ids and occurrences of bundled concepts as the build makes them.
import { describe, expect, it } from 'vitest';
import { bundledMatcherData } from '../../matcher-data.ts';
import { createMatcher } from '../term-matcher.ts';
import { ingestUserDocument, splitLong, userManifestEntry, userParagraphs } from './ingest-user.ts';
import type { UserDocumentRecord } from './schema.ts';

const matcher = createMatcher(bundledMatcherData);

const record = (text: string, meta: Partial<UserDocumentRecord['meta']> = {}): UserDocumentRecord => ({
  id: 'user-abcd1234',
  text,
  addedAt: '2026-12-06T10:00:00.000Z',
  meta: {
    title: 'A report',
    lang: 'zh-Hans',
    date: '2024-03-05',
    translation: false,
    tags: [],
    format: 'txt',
    ...meta,
  },
});

describe('userParagraphs', () => {
  it('splits on blank lines (whitespace-only lines too) and joins wrapped lines', () => {
    const text =
      'The Party will keep to the path of reform and opening up, which it has followed for\n' +
      'more than forty years and will keep following in the new era.\n' +
      '  \n' +
      'Second paragraph.\r\n\u3000\r\nThird.';
    expect(userParagraphs(text)).toEqual([
      'The Party will keep to the path of reform and opening up, which it has followed for more than forty years and will keep following in the new era.',
      'Second paragraph.',
      'Third.',
    ]);
  });

  it('keeps one paragraph per line in a text without blank lines (each line ends a sentence)', () => {
    const text = '政府工作报告\n一、过去一年的工作\n坚持稳中求进工作总基调。\n全面深化改革开放。';
    expect(userParagraphs(text)).toEqual([
      '政府工作报告',
      '一、过去一年的工作',
      '坚持稳中求进工作总基调。',
      '全面深化改革开放。',
    ]);
  });

  it('joins wrapped CJK lines without a space and Latin ones with one', () => {
    expect(userParagraphs('我们要坚持以人民为中心的发展思想，推动高质量发\n展，扎实推进共同富裕。')).toEqual([
      '我们要坚持以人民为中心的发展思想，推动高质量发展，扎实推进共同富裕。',
    ]);
  });

  it('starts a paragraph at a list item or a numbered heading', () => {
    expect(
      userParagraphs(
        'Three tasks for the year ahead are set out here in some detail\n- first task\n- second task',
      ),
    ).toEqual([
      'Three tasks for the year ahead are set out here in some detail',
      '- first task',
      '- second task',
    ]);
  });

  it('cuts an over-long paragraph at sentence ends, keeping every character but the cut spaces', () => {
    const sentence = '这是一个很长的句子，用来测试切分。';
    const long = sentence.repeat(400); // 6,800 characters, one line
    const parts = userParagraphs(long);
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(3000);
      expect(p.endsWith('。')).toBe(true);
    }
    expect(parts.join('')).toBe(long);
  });

  it('cuts text without any break point at the cap, never inside a surrogate pair', () => {
    const s = '𠀀'.repeat(10); // 20 UTF-16 units
    const parts = splitLong(s, 7);
    expect(parts.join('')).toBe(s);
    for (const p of parts) expect(p.length % 2).toBe(0);
  });
});

describe('ingestUserDocument', () => {
  it('makes passages with the build’s ids and offsets, and finds bundled concepts', () => {
    const r = ingestUserDocument(record('坚决做到两个维护。\n\n扎实推进共同富裕。'), matcher);
    expect(r.passages.map((p) => p.id)).toEqual(['user-abcd1234/p00', 'user-abcd1234/p01']);
    expect(r.document.text).toBe('坚决做到两个维护。\n\n扎实推进共同富裕。');
    expect(r.passages[1]!.start).toBe(11);
    expect(r.occurrences['two-safeguards']).toEqual([
      { passageId: 'user-abcd1234/p00', docId: 'user-abcd1234', start: 4, end: 8 },
    ]);
    expect(r.occurrences['common-prosperity']?.[0]?.passageId).toBe('user-abcd1234/p01');
  });

  it('finds a bundled concept written in traditional characters (Han folding)', () => {
    const r = ingestUserDocument(record('堅決做到兩個維護。', { lang: 'zh-Hant' }), matcher);
    expect(Object.keys(r.occurrences)).toContain('two-safeguards');
  });

  it('keeps lines the seed-page rules would drop as furniture', () => {
    const text = '> 两个维护 is quoted here\n\nCopyright law reform was discussed.\n\nPrint\n\nViews: 12';
    const r = ingestUserDocument(record(text, { lang: 'en' }), matcher);
    expect(r.passages.map((p) => p.text)).toEqual([
      '> 两个维护 is quoted here',
      'Copyright law reform was discussed.',
      'Print',
      'Views: 12',
    ]);
    expect(r.document.removed).toEqual([]);
  });

  it('uses three-digit passage numbers past 100 passages, like the build', () => {
    const text = Array.from({ length: 120 }, (_, i) => `Paragraph ${i}.`).join('\n\n');
    const r = ingestUserDocument(record(text, { lang: 'en' }), matcher);
    expect(r.passages[0]!.id).toBe('user-abcd1234/p000');
    expect(r.passages[119]!.id).toBe('user-abcd1234/p119');
  });

  it('gives sections from numbered headings', () => {
    const r = ingestUserDocument(
      record('一、总体要求\n\n坚持稳中求进。\n\n二、重点任务\n\n扎实推进共同富裕。'),
      matcher,
    );
    expect(r.passages.map((p) => p.section)).toEqual([
      ['一、总体要求'],
      ['一、总体要求'],
      ['二、重点任务'],
      ['二、重点任务'],
    ]);
  });
});

describe('userManifestEntry', () => {
  it('fills the document metadata of a saved page', () => {
    const e = userManifestEntry(
      record('x', {
        format: 'page',
        url: 'https://example.org/a',
        accessed: '2026-12-06',
        byline: 'Li Wei',
        site: 'Example',
        publisher: 'Xinhua',
        tags: ['economy'],
        translation: true,
        originalLang: 'zh-Hans',
        lang: 'en',
      }),
    );
    expect(e).toMatchObject({
      id: 'user-abcd1234',
      origin: 'user',
      url: 'https://example.org/a',
      accessed: '2026-12-06',
      byline: 'Li Wei',
      site: 'Example',
      body: 'Xinhua',
      place: '',
      titleEn: '',
      versions: [],
      tags: ['economy'],
      translation: true,
      originalLang: 'zh-Hans',
      lang: 'en',
    });
    expect(userManifestEntry(record('x')).body).toBe('');
  });
});
