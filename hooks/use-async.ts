// Small shared state machine for request/response hooks: discards responses that arrive
// after the inputs changed (stale) or after unmount.
import { useEffect, useState } from 'preact/hooks';

export interface AsyncState<T> {
  data: T | undefined;
  loading: boolean;
  error: string | undefined;
}

export function useAsync<T>(fn: (() => Promise<T>) | null, deps: unknown[]): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({
    data: undefined,
    loading: fn !== null,
    error: undefined,
  });
  useEffect(() => {
    if (!fn) {
      setState({ data: undefined, loading: false, error: undefined });
      return;
    }
    let live = true;
    setState((s) => ({ data: s.data, loading: true, error: undefined }));
    fn().then(
      (data) => live && setState({ data, loading: false, error: undefined }),
      (e: unknown) => live && setState({ data: undefined, loading: false, error: String(e) }),
    );
    return () => {
      live = false;
    };
  }, deps);
  return state;
}
