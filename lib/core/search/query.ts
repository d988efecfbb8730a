// Stage 1 (query): the query as searched (capped, cleaned, normalised) and the result limit.
import { normalizeQuery } from '../normalize.ts';
import { cutSafe, DEFAULT_LIMIT, EXACT_CAP, MAX_LIMIT, RAW_QUERY_CAP } from '../limits.ts';

// Control characters are exactly what this strips from queries.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes what a user cannot see or mean in a query; never throws. */
export function cleanQuery(s: string): string {
  return s
    .replace(LONE_SURROGATE, '')
    .replace(INVISIBLE, '')
    .replace(/\uFFFD/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The query as searched: capped, cleaned, normalizeQuery'd (NFKC, width, case, dashes). */
export function normalizeSearchQuery(raw: string): string {
  return cleanQuery(normalizeQuery(cleanQuery(raw)));
}

export interface ReadQuery {
  /** The query as given ('' for a non-string). */
  query: string;
  /** Normalised, at most EXACT_CAP long ('' when nothing searchable is left). */
  normalized: string;
  truncated: boolean;
  limit: number;
}

/** Reads a caller's query and limit; anything invalid falls back to a safe value, never throws. */
export function readQuery(query: unknown, limit: unknown): ReadQuery {
  const q0 = typeof query === 'string' ? query : '';
  let n = DEFAULT_LIMIT;
  if (typeof limit === 'number' && Number.isFinite(limit) && limit >= 1)
    n = Math.min(MAX_LIMIT, Math.floor(limit));
  // The raw cap comes first: normalising a 1 MB paste would cost more than the search.
  let truncated = q0.length > RAW_QUERY_CAP;
  let normalized = normalizeSearchQuery(cutSafe(q0, RAW_QUERY_CAP));
  if (normalized.length > EXACT_CAP) {
    normalized = cutSafe(normalized, EXACT_CAP).trimEnd();
    truncated = true;
  }
  return { query: q0, normalized, truncated, limit: n };
}
