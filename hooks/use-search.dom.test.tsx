import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { SearchResult } from '../lib/core/types.ts';

// Each searchCorpus call returns a promise the test resolves by hand, in any order.
const pending = new Map<string, (r: SearchResult) => void>();
vi.mock('../lib/messaging.ts', () => ({
  requestFromBackground: (_type: string, payload: { query: string }) =>
    new Promise<SearchResult>((resolve) => pending.set(payload.query, resolve)),
}));

const { useSearch } = await import('./use-search.ts');

const result = (query: string): SearchResult => ({
  query,
  normalized: query,
  truncated: false,
  expandedConceptIds: [],
  concepts: [],
  hits: [],
  suggestions: [],
});

describe('useSearch', () => {
  it('keeps one request in flight: superseded queries are skipped, the latest wins', async () => {
    let seen: ReturnType<typeof useSearch> | undefined;
    function Probe({ q }: { q: string }) {
      seen = useSearch(q);
      return null;
    }
    const root = document.createElement('div');
    await act(() => render(<Probe q="t" />, root));
    await act(() => render(<Probe q="tw" />, root));
    await act(() => render(<Probe q="two" />, root));
    expect(seen!.pending).toBe(true);
    // "tw" and "two" wait for the answer to "t"; only the latest of them goes out.
    expect([...pending.keys()]).toEqual(['t']);
    await act(async () => pending.get('t')!(result('t')));
    expect(seen!.result).toBeUndefined(); // the stale answer is not shown
    expect([...pending.keys()]).toEqual(['t', 'two']);
    await act(async () => pending.get('two')!(result('two')));
    expect(seen!.answered).toBe('two');
    expect(seen!.result?.query).toBe('two');
    expect(seen!.pending).toBe(false);
    // A trailing space asks nothing new; clearing the box clears the result without asking.
    await act(() => render(<Probe q="two " />, root));
    await act(() => render(<Probe q="  " />, root));
    expect(seen!.result).toBeUndefined();
    expect(pending.size).toBe(2);
    render(null, root);
    pending.clear();
  });

  it('request() sends at once; the re-render with the same query sends nothing more', async () => {
    let seen: ReturnType<typeof useSearch> | undefined;
    function Probe({ q }: { q: string }) {
      seen = useSearch(q);
      return null;
    }
    const root = document.createElement('div');
    await act(() => render(<Probe q="" />, root));
    await act(() => seen!.request('safeguards'));
    expect([...pending.keys()]).toEqual(['safeguards']);
    await act(() => render(<Probe q="safeguards" />, root));
    expect(pending.size).toBe(1);
    await act(async () => pending.get('safeguards')!(result('safeguards')));
    expect(seen!.answered).toBe('safeguards');
    expect(seen!.pending).toBe(false);
    render(null, root);
    pending.clear();
  });
});
