// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CardUi } from './card-ui.ts';
import { createLensContext } from './lens-context.ts';
import { REST_MS, startHover } from './hover.ts';
import { fireTrusted } from './testing.ts';
import type { Hit } from './types.ts';

vi.mock('wxt/browser', () => ({ browser: { runtime: { id: 'x' } } }));

function setup() {
  HTMLElement.prototype.scrollIntoView = () => undefined; // jsdom has no layout
  const link = document.createElement('a');
  link.href = '#a';
  link.textContent = 'a link';
  const p = document.createElement('p');
  p.textContent = 'The 十四五 plan.';
  document.body.replaceChildren(link, p);
  const text = p.firstChild as Text;
  const hit: Hit = {
    conceptId: '14th-fyp',
    category: 'plan',
    text: '十四五',
    container: document.querySelector('p')!,
    pieces: [{ node: text, start: 4, end: 7 }],
    ranges: [],
  };
  const ctx = createLensContext({ world: {} });
  let open: Hit | null = null;
  const card = {
    open: vi.fn(async (h: Hit) => {
      open = h;
    }),
    close: vi.fn(() => {
      open = null;
    }),
    reposition: vi.fn(),
    get hit() {
      return open;
    },
    pinned: false,
    contains: () => false,
    focus: vi.fn(() => true),
    host: null,
  } satisfies CardUi;
  startHover(ctx, {
    hitAt: () => hit,
    hitsAt: () => [hit],
    hits: () => [hit],
    isShown: () => true,
    card,
  });
  return { ctx, card, hit };
}

const altShiftJ = { key: 'J', code: 'KeyJ', altKey: true, shiftKey: true };

describe('hover: only the user drives the card', () => {
  let ctx: ReturnType<typeof createLensContext> | undefined;
  afterEach(() => ctx?.invalidate());

  it('ignores synthetic Alt+Shift+J and pointer events from page script', async () => {
    const s = setup();
    ctx = s.ctx;
    window.dispatchEvent(new KeyboardEvent('keydown', { ...altShiftJ, bubbles: true, cancelable: true }));
    document.dispatchEvent(new PointerEvent('pointermove', { clientX: 5, clientY: 5, bubbles: true }));
    await new Promise((r) => setTimeout(r, REST_MS + 50));
    expect(s.card.open).not.toHaveBeenCalled();
    // The same pointer move by the user opens it after the same rest.
    fireTrusted(document, 'pointermove', 'PointerEvent', { clientX: 5, clientY: 5 });
    await new Promise((r) => setTimeout(r, REST_MS + 50));
    expect(s.card.open).toHaveBeenCalledWith(s.hit, false);
  });

  it('opens on the real key press; the next Tab goes into the card, not to the page', async () => {
    const s = setup();
    ctx = s.ctx;
    expect(fireTrusted(document.body, 'keydown', 'KeyboardEvent', altShiftJ)).toBe(false); // handled
    expect(s.card.open).toHaveBeenCalledWith(s.hit, true);
    // A forged Tab does not move focus anywhere.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }));
    expect(s.card.focus).not.toHaveBeenCalled();
    expect(fireTrusted(document.body, 'keydown', 'KeyboardEvent', { key: 'Tab', code: 'Tab' })).toBe(false);
    expect(s.card.focus).toHaveBeenCalledTimes(1);
    // Only the first Tab: after that the browser moves focus as usual.
    expect(fireTrusted(document.body, 'keydown', 'KeyboardEvent', { key: 'Tab', code: 'Tab' })).toBe(true);
    expect(s.card.focus).toHaveBeenCalledTimes(1);
  });

  it('a Tab after a card the pointer opened is left to the page', async () => {
    const s = setup();
    ctx = s.ctx;
    await s.card.open(s.hit); // opened by hover, not by the keyboard
    expect(fireTrusted(document.body, 'keydown', 'KeyboardEvent', { key: 'Tab', code: 'Tab' })).toBe(true);
    expect(s.card.focus).not.toHaveBeenCalled();
  });

  it('Escape closes the card only when the user presses it', async () => {
    const s = setup();
    ctx = s.ctx;
    await s.card.open(s.hit);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(s.card.close).not.toHaveBeenCalled();
    fireTrusted(document.body, 'keydown', 'KeyboardEvent', { key: 'Escape', code: 'Escape' });
    expect(s.card.close).toHaveBeenCalled();
  });
});
