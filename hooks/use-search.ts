// Corpus search through the background. Every keystroke sends a request; only the response
// to the latest query is kept (responses can arrive out of order).
import { useEffect, useRef, useState } from 'preact/hooks';
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

export function useSearch(query: string, limit = 40): SearchState {
  const seq = useRef(0);
  const [state, setState] = useState<SearchState>({
    result: undefined,
    answered: '',
    pending: false,
    error: undefined,
  });
  useEffect(() => {
    const my = ++seq.current;
    const q = query.trim();
    if (!q) {
      setState({ result: undefined, answered: '', pending: false, error: undefined });
      return;
    }
    setState((s) => ({ ...s, pending: true }));
    sendToBackground('searchCorpus', { query: q, limit }).then(
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
