// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hasProse, isTinyFrame, whenWorthScanning } from './frame-gate.ts';

function fakeCtx() {
  const ac = new AbortController();
  return {
    isValid: true,
    onInvalidated(cb: () => void) {
      ac.signal.addEventListener('abort', cb);
      return () => ac.signal.removeEventListener('abort', cb);
    },
    addEventListener(target: EventTarget, type: string, fn: (e: Event) => void) {
      target.addEventListener(type, fn, { signal: ac.signal });
    },
    invalidate() {
      this.isValid = false;
      ac.abort();
    },
  };
}

const el = (tag: string, ...kids: Array<Node | string>) => {
  const e = document.createElement(tag);
  e.append(...kids);
  return e;
};
const setBody = (...kids: Array<Node | string>) => document.body.replaceChildren(...kids);

const flushMutations = () => new Promise<void>((ok) => setTimeout(ok, 0));

describe('hasProse', () => {
  it('counts letters of any script outside scripts and styles', () => {
    setBody(el('noscript', 'var abc = 1;'), el('style', 'p{}'), '  \n 12 ');
    expect(hasProse(document.body)).toBe(false);
    setBody(el('div', ' ', el('span', 'a'), ' '));
    expect(hasProse(document.body)).toBe(false); // one letter
    expect(hasProse(document.body, 1)).toBe(true);
    setBody(el('div', el('span', 'a'), el('b', 'b')));
    expect(hasProse(document.body)).toBe(true); // letters add up across nodes
    setBody(el('p', '两个'));
    expect(hasProse(document.body)).toBe(true);
    expect(hasProse(document.body.firstChild!.firstChild)).toBe(true); // a text node
    expect(hasProse(null)).toBe(false);
  });
});

describe('whenWorthScanning', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  it('starts at once in a frame with prose', () => {
    setBody(el('p', 'Two safeguards'));
    const start = vi.fn();
    whenWorthScanning(fakeCtx(), start);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('waits in an empty frame until prose is added, then starts once', async () => {
    setBody(el('noscript', 'enable js'));
    const start = vi.fn();
    whenWorthScanning(fakeCtx(), start);
    expect(start).not.toHaveBeenCalled();
    document.body.append(
      document.createElement('div'),
      ' ',
      Object.assign(document.createElement('style'), { textContent: 'abc {}' }),
    );
    await flushMutations();
    expect(start).not.toHaveBeenCalled();
    const p = document.createElement('p');
    p.textContent = '两个维护';
    document.body.append(p);
    await flushMutations();
    expect(start).toHaveBeenCalledTimes(1);
    p.append('more');
    await flushMutations();
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('starts when edited text becomes prose', async () => {
    const t = document.createTextNode(' ');
    document.body.replaceChildren(t);
    const start = vi.fn();
    whenWorthScanning(fakeCtx(), start);
    t.data = 'ok';
    await flushMutations();
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('waits in a tiny or hidden frame until it is resized', () => {
    setBody(el('p', 'Two safeguards'));
    const w = vi.spyOn(window, 'innerWidth', 'get').mockReturnValue(1);
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(1);
    expect(isTinyFrame(window)).toBe(true);
    const start = vi.fn();
    whenWorthScanning(fakeCtx(), start);
    expect(start).not.toHaveBeenCalled();
    window.dispatchEvent(new Event('resize'));
    expect(start).not.toHaveBeenCalled();
    w.mockReturnValue(300);
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(250);
    window.dispatchEvent(new Event('resize'));
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('never starts after the context is invalidated', async () => {
    document.body.replaceChildren();
    const ctx = fakeCtx();
    const start = vi.fn();
    whenWorthScanning(ctx, start);
    ctx.invalidate();
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Two safeguards' }));
    await flushMutations();
    expect(start).not.toHaveBeenCalled();
  });
});
