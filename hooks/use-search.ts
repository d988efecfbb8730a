// Corpus search through the background. Every keystroke sends a request; only the response
// to the latest query is kept (responses can arrive out of order).
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SearchResult } from '../lib/core/types.ts';
import { sendToBackground } from '../lib/messaging.ts';

export interface SearchState {
  /** Result for `query` (the latest answered query). */
  result: SearchResult | undefined;
  /** The query `result` answers. */
  answered: string;
  pending: boolean;
  error: string | undefined;
}

/**
 * The search reads at most RAW_QUERY_CAP (1024) characters of a query (lib/core/search.ts); one
 * more tells it the query was cut. Sending a 1 MB paste through messaging would cost ~50 ms.
 */
const SEND_CAP = 1025;

export function useSearch(query: string, limit = 40): SearchState {
  const seq = useRef(0);
  const [state, setState] = useState<SearchState>({
    result: undefined,
    answered: '',
    pending: false,
    error: undefined,
  });
  // Layout effect: the request leaves before the browser paints, not a frame later.
  useLayoutEffect(() => {
    const my = ++seq.current;
    const q = query.trim();
    if (!q) {
      setState({ result: undefined, answered: '', pending: false, error: undefined });
      return;
    }
    setState((s) => ({ ...s, pending: true }));
    sendToBackground('searchCorpus', { query: q.slice(0, SEND_CAP), limit }).then(
      (result) => {
        if (my !== seq.current) return; // stale
        setState({ result, answered: q, pending: false, error: undefined });
      },
      (e: unknown) => {
        if (my !== seq.current) return;
        setState({ result: undefined, answered: q, pending: false, error: String(e) });
      },
    );
  }, [query, limit]);
  return state;
}
