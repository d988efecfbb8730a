import { describe, expect, it } from 'vitest';
import { formatDocDate, htmlDateTime, parseDocDate } from './date-format.ts';

// ICU separates "9:00" and "AM" with a narrow no-break space (U+202F) in recent versions.
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('parseDocDate', () => {
  it('reads manifest dates and publication stamps', () => {
    expect(parseDocDate('2021-01-21')).toEqual({ year: 2021, month: 1, day: 21 });
    expect(parseDocDate('2021-01-22 16:36')).toEqual({ year: 2021, month: 1, day: 22, hour: 16, minute: 36 });
    expect(parseDocDate('2021-01-22T16:36:05')).toEqual({
      year: 2021,
      month: 1,
      day: 22,
      hour: 16,
      minute: 36,
    });
    // As the page of document 003 prints it: date and time run together.
    expect(parseDocDate('2023-07-0309:00')).toEqual({ year: 2023, month: 7, day: 3, hour: 9, minute: 0 });
  });

  it('rejects what is not a real date or time', () => {
    for (const bad of [
      '',
      '2023',
      '2023-7-3',
      '2023-02-30',
      '2023-13-01',
      '2023-07-03 24:00',
      '2023-07-03 9:00',
      'soon',
    ])
      expect(parseDocDate(bad), bad).toBeUndefined();
  });
});

describe('formatDocDate', () => {
  it('writes a date in the UI locale, without a time', () => {
    expect(formatDocDate('2023-07-03', 'en')).toBe('July 3, 2023');
    expect(formatDocDate('2023-07-03', 'ja')).toBe('2023年7月3日');
    expect(formatDocDate('2023-07-03', 'zh-CN')).toBe('2023年7月3日');
  });

  it('keeps date and time apart in every locale', () => {
    expect(plain(formatDocDate('2023-07-03 09:00', 'en'))).toBe('July 3, 2023 at 9:00 AM');
    expect(plain(formatDocDate('2023-07-03 09:00', 'ja'))).toBe('2023年7月3日 9:00');
    expect(plain(formatDocDate('2023-07-03 09:00', 'zh-CN'))).toBe('2023年7月3日 09:00');
    expect(plain(formatDocDate('2021-01-22 16:36', 'en'))).toBe('January 22, 2021 at 4:36 PM');
    expect(plain(formatDocDate('2023-07-0309:00', 'ja'))).toBe('2023年7月3日 9:00');
  });

  it('shows the wall-clock day and hour the source printed, whatever the time zone', () => {
    // Midnight and the last minute of a day are where a time-zone shift would change the date.
    expect(plain(formatDocDate('2024-12-31 23:59', 'en'))).toBe('December 31, 2024 at 11:59 PM');
    expect(plain(formatDocDate('2024-01-01 00:00', 'en'))).toBe('January 1, 2024 at 12:00 AM');
    expect(formatDocDate('2024-01-01', 'ja')).toBe('2024年1月1日');
  });

  it('returns anything else verbatim (trimmed) instead of losing it', () => {
    expect(formatDocDate('  early 2021 ', 'en')).toBe('early 2021');
    expect(formatDocDate('2023-02-30', 'en')).toBe('2023-02-30');
  });

  it('falls back to English for a malformed locale tag', () => {
    expect(formatDocDate('2023-07-03', 'not a locale!')).toBe('July 3, 2023');
  });
});

describe('htmlDateTime', () => {
  it('gives valid <time datetime> values', () => {
    expect(htmlDateTime('2023-07-03')).toBe('2023-07-03');
    expect(htmlDateTime('2023-07-03 09:00')).toBe('2023-07-03T09:00');
    expect(htmlDateTime('2023-07-0309:00')).toBe('2023-07-03T09:00');
    expect(htmlDateTime('soon')).toBeUndefined();
  });
});
