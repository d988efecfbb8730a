// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { matcherFile } from '../core/term-matcher-file.ts';
import { packMatcher } from '../core/term-matcher-packed.ts';
import { compileMatcher, createMatcher } from '../core/term-matcher.ts';
import { createPageMatcher } from './page-matcher.ts';

const compiled = () =>
  createMatcher(
    compileMatcher([{ text: '两个维护', concept: 0, flags: 0 }], {
      ids: ['two-safeguards'],
      categories: ['formulation'],
    }),
  );
const packed = () => packMatcher(compiled());
/** The packaged file as fetch().arrayBuffer() gives it. */
const file = (edit: (b: Uint8Array) => void = () => undefined) => {
  const b = matcherFile(compiled()).slice();
  edit(b);
  return b.buffer as ArrayBuffer;
};

describe('createPageMatcher', () => {
  it('asks for the matcher only when loaded, once, and finds with it when it is here', async () => {
    const fetch = vi.fn(() => Promise.resolve(packed()));
    const m = createPageMatcher(fetch);
    expect(fetch).not.toHaveBeenCalled();
    expect(m.ready()).toBe(false);
    expect(m.find('坚决做到两个维护')).toEqual([]); // nothing to find with yet
    const ready = vi.fn();
    m.load(ready);
    m.load(ready);
    expect(m.loading()).toBe(true);
    await vi.waitFor(() => expect(ready).toHaveBeenCalledTimes(2));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(m.ready()).toBe(true);
    expect(m.loading()).toBe(false);
    expect(m.find('坚决做到两个维护')).toEqual([{ start: 4, end: 8, conceptId: 'two-safeguards' }]);
    expect(m.categoryOf('two-safeguards')).toBe('formulation');
    expect(m.categoryOf('nope')).toBeUndefined();
    m.load(ready); // already here: at once, no new request
    expect(ready).toHaveBeenCalledTimes(3);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('tries again when the background does not answer, and stays quiet when it never does', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const flaky = vi.fn().mockRejectedValueOnce(new Error('no receiver')).mockResolvedValue(packed());
    const m = createPageMatcher(flaky);
    const ready = vi.fn();
    m.load(ready);
    await vi.waitFor(() => expect(ready).toHaveBeenCalledTimes(1));
    expect(m.ready()).toBe(true);

    const down = vi.fn(() => Promise.reject(new Error('gone')));
    const dead = createPageMatcher(down);
    dead.load(ready);
    await vi.waitFor(() => expect(dead.loading()).toBe(false), { timeout: 3000 });
    expect(dead.ready()).toBe(false);
    expect(down).toHaveBeenCalledTimes(3);
    expect(dead.find('两个维护')).toEqual([]);
    expect(debug).toHaveBeenCalledWith('[policy-lens] matcher unavailable', expect.any(Error));
    debug.mockRestore();
  });

  it('reads the packaged file when there is one, and does not ask the background', async () => {
    const fetch = vi.fn(() => Promise.resolve(packed()));
    const read = vi.fn(() => Promise.resolve(file()));
    const m = createPageMatcher(fetch, undefined, read);
    const ready = vi.fn();
    m.load(ready);
    await vi.waitFor(() => expect(ready).toHaveBeenCalledTimes(1));
    expect(read).toHaveBeenCalledTimes(1);
    expect(fetch).not.toHaveBeenCalled();
    expect(m.find('坚决做到两个维护')).toEqual([{ start: 4, end: 8, conceptId: 'two-safeguards' }]);
    expect(m.categoryOf('two-safeguards')).toBe('formulation');
  });

  it('falls back to the message when the file is corrupt or cannot be read, quietly', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error');
    const warn = vi.spyOn(console, 'warn');
    const reads = [
      () => Promise.resolve(file((b) => b.fill(0, 0, 4))), // not a matcher file
      () => Promise.resolve(file((b) => b.fill(0x7f, 16, 40))), // header garbled
      () => Promise.resolve(file().slice(0, 100)), // truncated
      () => Promise.reject(new TypeError('Failed to fetch')),
    ];
    for (const read of reads) {
      const fetch = vi.fn(() => Promise.resolve(packed()));
      const m = createPageMatcher(fetch, undefined, read);
      const ready = vi.fn();
      m.load(ready);
      await vi.waitFor(() => expect(ready).toHaveBeenCalledTimes(1));
      expect(fetch).toHaveBeenCalledTimes(1);
      expect(m.find('坚决做到两个维护')).toEqual([{ start: 4, end: 8, conceptId: 'two-safeguards' }]);
    }
    expect(debug).toHaveBeenCalledWith(
      '[policy-lens] matcher file unusable, asking the background',
      expect.any(Error),
    );
    expect(error).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
    debug.mockRestore();
    error.mockRestore();
    warn.mockRestore();
  });
});
