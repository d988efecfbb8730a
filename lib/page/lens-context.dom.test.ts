// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { createLensContext } from './lens-context.ts';

vi.mock('wxt/browser', () => ({ browser: { runtime: { id: 'policy-lens@policy-lens.org' } } }));

describe('lens context', () => {
  it('cannot be ended by the page: WXT start-up events and messages under our id do nothing', () => {
    const ctx = createLensContext({ world: {} });
    const ended = vi.fn();
    ctx.onInvalidated(ended);
    // What WXT 0.21's ContentScriptContext listens for (and what its postMessage leaked).
    const name = 'policy-lens@policy-lens.org:content:wxt:content-script-started';
    document.dispatchEvent(
      new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'forged' } }),
    );
    window.postMessage({ type: name, contentScriptName: 'content', messageId: 'forged' }, '*');
    window.dispatchEvent(new Event('policy-lens@policy-lens.org:content:wxt:locationchange'));
    expect(ctx.isValid).toBe(true);
    expect(ended).not.toHaveBeenCalled();
  });

  it('is ended by a newer instance started in the same isolated world, not in another', () => {
    const world = {};
    const old = createLensContext({ world });
    const ended = vi.fn();
    old.onInvalidated(ended);
    const other = createLensContext({ world: {} }); // another world (the page cannot reach ours)
    expect(old.isValid).toBe(true);
    const newer = createLensContext({ world });
    expect(ended).toHaveBeenCalledTimes(1);
    expect(old.isInvalid).toBe(true);
    expect(newer.isValid).toBe(true);
    expect(other.isValid).toBe(true);
  });

  it('ends when the extension is gone (orphaned script) as soon as anyone asks', () => {
    let alive = true;
    const ctx = createLensContext({ world: {}, alive: () => alive });
    const ended = vi.fn();
    ctx.onInvalidated(ended);
    const clicks = vi.fn();
    ctx.addEventListener(document, 'click', clicks);
    expect(ctx.isValid).toBe(true);
    alive = false;
    expect(ctx.isInvalid).toBe(true);
    expect(ended).toHaveBeenCalledTimes(1);
    document.body.click();
    expect(clicks).not.toHaveBeenCalled(); // its listeners went with it
  });
});
