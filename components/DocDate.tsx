import { formatDocDate, htmlDateTime } from '../lib/core/date-format.ts';
import { uiLocale } from '../lib/i18n.ts';

/**
 * A document's date or publication stamp from the manifest, in the UI locale, with a
 * machine-readable `datetime` (omitted when the value is not a date: it is shown verbatim).
 */
export function DocDate({ value }: { value: string }) {
  return <time dateTime={htmlDateTime(value)}>{formatDocDate(value, uiLocale())}</time>;
}
