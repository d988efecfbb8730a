import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ANSWER_TIMEOUT_MS, type AsyncState, useAsync } from './use-async.ts';

// useAsync always ends in data or an error: never "loading" for good.
let seen: AsyncState<string> | undefined;
function Probe({ fn }: { fn: () => Promise<string> }) {
  seen = useAsync(fn, []);
  return null;
}
const root = document.createElement('div');

describe('useAsync', () => {
  afterEach(() => {
    render(null, root);
    vi.useRealTimers();
  });

  it('an answer of undefined (no one answered) is an error, and retry asks again', async () => {
    const fn = vi
      .fn<() => Promise<string>>()
      .mockResolvedValueOnce(undefined as never)
      .mockResolvedValueOnce('ok');
    await act(() => render(<Probe fn={fn} />, root));
    await vi.waitFor(() => expect(seen?.loading).toBe(false));
    expect(seen?.error).toMatch(/no answer/);
    expect(seen?.data).toBeUndefined();
    await act(() => seen!.retry());
    await vi.waitFor(() => expect(seen?.data).toBe('ok'));
    expect(seen?.error).toBeUndefined();
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('a function that throws at once is an error, not an exception', async () => {
    const fn = () => {
      throw new Error('boom');
    };
    await act(() => render(<Probe fn={fn} />, root));
    await vi.waitFor(() => expect(seen?.error).toMatch(/boom/));
    expect(seen?.loading).toBe(false);
  });

  it('a request that never settles becomes an error after ANSWER_TIMEOUT_MS', async () => {
    vi.useFakeTimers();
    await act(() => render(<Probe fn={() => new Promise<string>(() => undefined)} />, root));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(ANSWER_TIMEOUT_MS - 1);
    });
    expect(seen?.loading).toBe(true);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1);
    });
    expect(seen?.loading).toBe(false);
    expect(seen?.error).toMatch(/no answer in time/);
  });
});
