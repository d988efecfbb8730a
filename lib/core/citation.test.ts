import { describe, expect, it } from 'vitest';
import { mdEscape, mdUrl, oneLine, passageNumber, passageUrl } from './citation.ts';

const reader = 'chrome-extension://abcdef/reader.html';

describe('passageUrl', () => {
  it('appends the passage id as the hash', () => {
    expect(passageUrl(reader, '000/p12')).toBe(`${reader}#000/p12`);
  });
  it('replaces an existing hash', () => {
    expect(passageUrl(`${reader}#concept/x`, '003/p01')).toBe(`${reader}#003/p01`);
  });
});

describe('Markdown and whitespace', () => {
  it('escapes Markdown syntax in link text', () => {
    expect(mdEscape('A [draft] *plan* The_plan')).toBe('A \\[draft\\] \\*plan\\* The\\_plan');
  });

  it('encodes characters that would end a Markdown link target', () => {
    expect(mdUrl('moz-extension://x y/reader.html#000/p01')).toBe(
      'moz-extension://x%20y/reader.html#000/p01',
    );
    expect(mdUrl('moz-extension://x/a(1).html')).toBe('moz-extension://x/a%281%29.html');
  });

  it('collapses whitespace to one line', () => {
    expect(oneLine(' A [draft]\n*plan*  ')).toBe('A [draft] *plan*');
  });

  it('numbers passages from 1', () => {
    expect(passageNumber({ id: '000/p00', index: 0 })).toBe(1);
  });
});
