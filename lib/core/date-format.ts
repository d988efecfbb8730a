// Dates of the corpus as people read them. The manifest holds calendar dates ('2021-01-21') and
// publication stamps as the source page printed them ('2021-01-22 16:36'): wall-clock times of
// the publisher with no time zone. They are formatted as UTC instants built from their own
// fields, so no time zone of the reader can move the day or the hour.

export interface DocDateParts {
  year: number;
  month: number;
  day: number;
  /** Present only when the value carries a time of day. */
  hour?: number;
  minute?: number;
}

// yyyy-mm-dd, optionally followed (space, "T", or nothing, as some pages print it) by hh:mm[:ss]
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:(?:[ T]|(?=\d{2}:))(\d{2}):(\d{2})(?::\d{2})?)?$/;

/** Pure: the fields of a manifest date or stamp, or undefined when it is not a real one. */
export function parseDocDate(value: string): DocDateParts | undefined {
  const m = DATE_RE.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2023-02-30 over to March: only a date that survives the round trip is real.
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day)
    return undefined;
  if (m[4] === undefined) return { year, month, day };
  const [hour, minute] = [Number(m[4]), Number(m[5])];
  if (hour > 23 || minute > 59) return undefined;
  return { year, month, day, hour, minute };
}

/** Pure: the value for `<time datetime>` (a valid HTML date or local date-time), if it parses. */
export function htmlDateTime(value: string): string | undefined {
  const p = parseDocDate(value);
  if (!p) return undefined;
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${String(p.year).padStart(4, '0')}-${two(p.month)}-${two(p.day)}`;
  return p.hour === undefined ? date : `${date}T${two(p.hour)}:${two(p.minute ?? 0)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions = withTime
      ? { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }
      : { dateStyle: 'long', timeZone: 'UTC' };
    try {
      f = new Intl.DateTimeFormat(locale, opts);
    } catch {
      // A malformed locale tag (RangeError) must not cost the reader the date.
      f = new Intl.DateTimeFormat('en', opts);
    }
    formatters.set(key, f);
  }
  return f;
}

/**
 * Pure: a manifest date ('2023-07-03') or publication stamp ('2023-07-03 09:00') in `locale`
 * (a BCP 47 tag: 'en', 'ja', 'zh-CN'), with the time only when the value has one. A value that
 * is not a date is returned as it is (trimmed): shown verbatim rather than lost.
 */
export function formatDocDate(value: string, locale: string): string {
  const p = parseDocDate(value);
  if (!p) return value.trim();
  const instant = Date.UTC(p.year, p.month - 1, p.day, p.hour ?? 0, p.minute ?? 0);
  return formatter(locale, p.hour !== undefined).format(instant);
}
