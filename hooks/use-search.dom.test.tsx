import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { SearchResult } from '../lib/core/types.ts';

// Each searchCorpus call returns a promise the test resolves by hand, in any order.
const pending = new Map<string, (r: SearchResult) => void>();
vi.mock('../lib/messaging.ts', () => ({
  sendToBackground: (_type: string, payload: { query: string }) =>
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
  it('keeps only the answer to the latest query, whatever order answers arrive in', async () => {
    let seen: ReturnType<typeof useSearch> | undefined;
    function Probe({ q }: { q: string }) {
      seen = useSearch(q);
      return null;
    }
    const root = document.createElement('div');
    await act(() => render(<Probe q="tw" />, root));
    await act(() => render(<Probe q="two" />, root));
    expect(seen!.pending).toBe(true);
    // The newer answer arrives first, then the stale one.
    await act(async () => pending.get('two')!(result('two')));
    await act(async () => pending.get('tw')!(result('tw')));
    expect(seen!.answered).toBe('two');
    expect(seen!.result?.query).toBe('two');
    expect(seen!.pending).toBe(false);
    // Clearing the box clears the result without asking the background.
    const calls = pending.size;
    await act(() => render(<Probe q="  " />, root));
    expect(seen!.result).toBeUndefined();
    expect(pending.size).toBe(calls);
    render(null, root);
  });
});
