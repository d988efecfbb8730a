import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { SearchResult } from '../lib/core/types.ts';

// The popup's search after a failed request: the error is shown for that query, and retry asks
// for it again.
const calls: string[] = [];
let failing = true;
vi.mock('../lib/messaging.ts', () => ({
  requestFromBackground: (_type: string, payload: { query: string }) => {
    calls.push(payload.query);
    return failing
      ? Promise.reject(new Error('Could not establish connection'))
      : Promise.resolve<SearchResult>({
          query: payload.query,
          normalized: payload.query,
          truncated: false,
          expandedConceptIds: [],
          concepts: [],
          hits: [],
          suggestions: [],
        });
  },
}));

const { useSearch } = await import('./use-search.ts');

describe('useSearch retry', () => {
  it('shows the error, then retry sends the query again and shows its answer', async () => {
    let seen: ReturnType<typeof useSearch> | undefined;
    function Probe({ q }: { q: string }) {
      seen = useSearch(q);
      return null;
    }
    const root = document.createElement('div');
    await act(() => render(<Probe q="six" />, root));
    await vi.waitFor(() => expect(seen?.error).toMatch(/Could not establish/));
    expect(seen?.pending).toBe(false);
    expect(seen?.answered).toBe('six');
    failing = false;
    await act(() => seen!.retry());
    await vi.waitFor(() => expect(seen?.result?.query).toBe('six'));
    expect(seen?.error).toBeUndefined();
    expect(calls).toEqual(['six', 'six']);
    render(null, root);
  });
});
