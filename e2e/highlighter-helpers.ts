// Helpers for the highlighter e2e specs (test builds only: they use the __E2E_HOOKS__ hooks).
import type { Frame, Page } from 'playwright-core';
import type { Frame as PptrFrame, Page as PptrPage } from 'puppeteer-core';

export interface LensStats {
  distinct: number;
  total: number;
  capped: boolean;
  pending: boolean;
  slices: number;
  busyMs: number;
  maxSliceMs: number;
}

/**
 * The stats hook's answer, or null while the content script is not listening yet. The hook
 * answers synchronously inside dispatchEvent, so this never waits on the content script.
 */
export async function statsNow(page: Page): Promise<LensStats | null> {
  return page.evaluate(() => {
    let answer: string | null = null;
    const on = (e: Event) => {
      answer = (e as CustomEvent<string>).detail;
    };
    document.addEventListener('policy-lens:e2e-stats-result', on, { once: true });
    document.dispatchEvent(new CustomEvent('policy-lens:e2e-stats'));
    document.removeEventListener('policy-lens:e2e-stats-result', on);
    return answer === null ? null : (JSON.parse(answer) as LensStats);
  });
}

/**
 * Waits until the scan has run and has nothing pending. The bound is generous (a busy 2-core
 * machine runs idle slices late); only a scan that never settles reaches it.
 */
export async function settled(page: Page, timeout = 45_000): Promise<LensStats> {
  const end = Date.now() + timeout;
  let last: LensStats | null = null;
  while (Date.now() < end) {
    last = await statsNow(page).catch(() => null);
    if (last && last.slices > 0 && !last.pending) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`content script did not settle within ${timeout} ms: ${JSON.stringify(last)}`);
}

/** One element of the open card (see lib/page/test-hooks.ts exposeCardHook). */
export interface CardPart {
  text: string;
  data: Record<string, string | undefined>;
  rect: { x: number; y: number; width: number; height: number };
}

export interface CardSnapshot {
  /** Tag of our card host in this document (random per content-script instance). */
  tag: string;
  open: boolean;
  /** Elements of the open card matching the selector asked for. */
  parts: CardPart[];
  /** `localName.className` of the focused element inside the card, if any. */
  focused: string | null;
}

type Target = Page | Frame | PptrPage | PptrFrame;

/**
 * The card as the content script sees it: its shadow root is closed, so page script (and so a
 * test's page.evaluate) cannot read it; the E2E-build hook answers in the card's document.
 */
export async function cardSnapshot(target: Target, selector = ''): Promise<CardSnapshot> {
  const ask = (sel: string) => {
    const box: { v: string | null } = { v: null };
    const on = (e: Event) => (box.v = (e as CustomEvent<string>).detail);
    document.addEventListener('policy-lens:e2e-card-result', on);
    document.dispatchEvent(new CustomEvent('policy-lens:e2e-card', { detail: sel }));
    document.removeEventListener('policy-lens:e2e-card-result', on);
    return box.v;
  };
  const json = await (target as Page).evaluate(ask, selector);
  if (!json) throw new Error('the card hook did not answer (no content script here, or not an E2E build)');
  return JSON.parse(json) as CardSnapshot;
}

/** Texts of the open card's elements matching `selector`. */
export async function cardTexts(target: Target, selector: string): Promise<string[]> {
  return (await cardSnapshot(target, selector)).parts.map((p) => p.text);
}

/** Polls the card hook until `ok` holds (behaviour, not time: the timeout only ends a failure). */
export async function waitForCard(
  target: Target,
  selector: string,
  ok: (s: CardSnapshot) => boolean,
  timeout = 5000,
): Promise<CardSnapshot> {
  const end = Date.now() + timeout;
  let last: CardSnapshot | undefined;
  for (;;) {
    last = await cardSnapshot(target, selector).catch(() => undefined);
    if (last && ok(last)) return last;
    if (Date.now() > end) throw new Error(`card not as expected: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Clicks the n-th element matching `selector` in the open card with the real mouse. */
export async function clickInCard(page: Page, selector: string, nth = 0): Promise<void> {
  const part = (await cardSnapshot(page, `!${selector}`)).parts[nth];
  if (!part) throw new Error(`no "${selector}" in the card`);
  const { x, y, width, height } = part.rect;
  await page.mouse.click(x + width / 2, y + height / 2);
}

/**
 * Runs in the page (pass it to evaluate): viewport centre of the `nth` painted range reading
 * `text`, in reading order, or null. Plain function, no closure: Playwright and Puppeteer both
 * serialise it.
 */
export function paintedTermCentre([text, nth]: readonly [string, number]): { x: number; y: number } | null {
  const reg = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
  const found: DOMRect[] = [];
  for (const [name, hl] of reg) {
    if (!name.startsWith('policy-lens-') || name === 'policy-lens-active') continue;
    for (const r of hl) {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      if (live.toString() === text) found.push(live.getClientRects()[0]!);
    }
  }
  found.sort((a, b) => a.top - b.top || a.left - b.left);
  const b = found[nth];
  return b ? { x: b.left + b.width / 2, y: b.top + b.height / 2 } : null;
}
