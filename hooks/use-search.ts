// Corpus search through the background. At most one searchCorpus request is in flight: keystrokes
// typed while it is out are coalesced (the latest query wins and goes out when the answer comes
// back), so a slow search never queues up superseded ones in the service worker. Only the answer
// to the latest query is shown (never a stale one).
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { QUERY_SEND_CAP, cutSafe } from '../lib/core/limits.ts';
import type { SearchResult } from '../lib/core/types.ts';
import { requestFromBackground } from '../lib/messaging.ts';

export interface SearchState {
  /** Result for `query` (the latest answered query). */
  result: SearchResult | undefined;
  /** The query `result` answers. */
  answered: string;
  pending: boolean;
  error: string | undefined;
}

export interface Search extends SearchState {
  /**
   * Asks for `query` now (e.g. from the input handler, before the re-render the new query causes).
   * The hook asks for its `query` argument itself too; asking twice for one query sends once.
   */
  request(query: string): void;
  /** Asks again for the latest query (after an error). */
  retry(): void;
}

const EMPTY: SearchState = { result: undefined, answered: '', pending: false, error: undefined };

export function useSearch(query: string, limit = 40): Search {
  const [state, setState] = useState<SearchState>(EMPTY);
  /** The query the box holds now (trimmed): the only one whose answer is shown. */
  const wanted = useRef<string | null>(null);
  /** The query of the request in flight, if any. */
  const inFlight = useRef<string | null>(null);
  const limitRef = useRef(limit);
  limitRef.current = limit;

  const send = useCallback((q: string) => {
    inFlight.current = q;
    const done = (next: SearchState) => {
      inFlight.current = null;
      const w = wanted.current;
      if (w === q) setState(next);
      else if (w) send(w); // superseded while in flight: ask for the latest query now
    };
    // One character more than the search reads tells it the query was cut; a 1 MB paste sent
    // whole through messaging would cost ~50 ms (the popup's box holds no more anyway).
    requestFromBackground('searchCorpus', {
      query: cutSafe(q, QUERY_SEND_CAP),
      limit: limitRef.current,
    }).then(
      (result) => done({ result, answered: q, pending: false, error: undefined }),
      (e: unknown) => done({ result: undefined, answered: q, pending: false, error: String(e) }),
    );
  }, []);

  const request = useCallback(
    (raw: string) => {
      const q = raw.trim();
      if (q === wanted.current) return; // already asked (or answered): e.g. a trailing space
      wanted.current = q;
      if (!q) {
        setState(EMPTY);
        return;
      }
      setState((s) => (s.pending ? s : { ...s, pending: true }));
      if (inFlight.current === null) send(q);
    },
    [send],
  );

  const retry = useCallback(() => {
    const q = wanted.current;
    if (!q || inFlight.current !== null) return;
    setState((s) => ({ ...s, pending: true, error: undefined }));
    send(q);
  }, [send]);

  // Layout effect: a query set without the input handler (suggestion picked, Esc, ?q=) still
  // leaves before the browser paints.
  useLayoutEffect(() => request(query), [query, request]);
  return { ...state, request, retry };
}
