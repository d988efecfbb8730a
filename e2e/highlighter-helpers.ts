// Helpers for the highlighter e2e specs (test builds only: they use the __E2E_HOOKS__ stats hook).
import type { Page } from 'playwright-core';

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
