// Small shared state machine for request/response hooks: discards responses that arrive after
// the inputs changed (stale) or after unmount, and always ends in data or an error (never an
// endless "loading"): an answer of `undefined` (no one answered: e.g. the background dropped a
// message it found invalid) is an error, and so is no answer within ANSWER_TIMEOUT_MS.
import { useCallback, useEffect, useState } from 'preact/hooks';

export interface AsyncState<T> {
  data: T | undefined;
  loading: boolean;
  error: string | undefined;
  /** Asks again (after an error). */
  retry(): void;
}

/**
 * How long an answer may take before the UI offers Retry. Far above a cold background start
 * (corpus load included); only a lost request reaches it.
 */
export const ANSWER_TIMEOUT_MS = 20_000;

function settle<T>(p: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error('no answer in time')), ANSWER_TIMEOUT_MS);
  });
  return Promise.race([p, timeout])
    .then((data) => {
      if (data === undefined) throw new Error('no answer');
      return data;
    })
    .finally(() => clearTimeout(timer));
}

export function useAsync<T>(fn: (() => Promise<T>) | null, deps: unknown[]): AsyncState<T> {
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const [state, setState] = useState<Omit<AsyncState<T>, 'retry'>>({
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
    let run: Promise<T>;
    try {
      run = settle(fn());
    } catch (e) {
      run = Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    run.then(
      (data) => live && setState({ data, loading: false, error: undefined }),
      (e: unknown) => live && setState({ data: undefined, loading: false, error: String(e) }),
    );
    return () => {
      live = false;
    };
  }, [...deps, attempt]);
  return { ...state, retry };
}
