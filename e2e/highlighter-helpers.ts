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

export async function lensStats(page: Page): Promise<LensStats> {
  return page.evaluate(
    () =>
      new Promise<LensStats>((ok) => {
        document.addEventListener(
          'policy-lens:e2e-stats-result',
          (e) => ok(JSON.parse((e as CustomEvent<string>).detail)),
          {
            once: true,
          },
        );
        document.dispatchEvent(new CustomEvent('policy-lens:e2e-stats'));
      }),
  );
}

export async function settled(page: Page, timeout = 20_000): Promise<LensStats> {
  const end = Date.now() + timeout;
  let last: LensStats | undefined;
  while (Date.now() < end) {
    last = await lensStats(page).catch(() => undefined);
    if (last && last.slices > 0 && !last.pending) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`content script did not settle: ${JSON.stringify(last)}`);
}
