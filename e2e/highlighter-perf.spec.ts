// How the content script shares the page: its scan runs in idle slices and the page's own tasks
// run between them; its highlights hold StaticRanges, which the page's DOM edits leave stale and
// the observer repaints. Behaviour only: no wall-clock bound here (a busy machine stretches every
// slice). The milliseconds are measured by the benchmarks: `npm run bench -- highlight` (slices,
// busy time, page edits; docs/benchmarks.md) and `npm run bench -- ranges` (StaticRange vs live
// Range under the page's edits).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlightedTexts, launchChromium, readHighlights, type ChromiumSession } from './harness.ts';
import { settled, statsNow, type LensStats } from './highlighter-helpers.ts';

const EXPECTED = JSON.parse(
  readFileSync(join(import.meta.dirname, 'real-pages.expected.json'), 'utf8'),
) as Record<string, string[]>;

/** Generous: only a scan that never settles reaches it, however busy the machine. */
const SCAN_BOUND_MS = 90_000;
/**
 * The page's CPU runs this many times slower (CDP), so that even on a fast machine each page's
 * scan needs many 8 ms slices: the test is about their order, not their length.
 */
const CPU_SLOWDOWN = 4;

interface ScanWatch {
  /** Stats read by page tasks while the scan was still pending, after it had scanned. */
  midScan: LensStats[];
  final: LensStats;
}

/**
 * Opens `path` with the CPU slowed down and reads the stats hook from a page task, again and
 * again, until the scan settles. Every read is a task of the page's event loop: one that sees the
 * scan pending after a scanning slice ran between two slices of the scan.
 */
async function watchScan(s: ChromiumSession, path: string): Promise<{ page: Page; watch: ScanWatch }> {
  const page = await s.context.newPage();
  const cdp = await s.context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.goto(s.baseUrl + path);
  const midScan: LensStats[] = [];
  const end = Date.now() + SCAN_BOUND_MS;
  while (Date.now() < end) {
    const st = await statsNow(page);
    // Slice 1 decodes the matcher; from slice 2 on the scanner walks the page.
    if (st && st.pending && st.slices >= 2) midScan.push(st);
    if (st && st.slices > 0 && !st.pending) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      return { page, watch: { midScan, final: st } };
    }
    await new Promise((ok) => setTimeout(ok, 10));
  }
  throw new Error(`${path}: the scan did not settle (bound ${SCAN_BOUND_MS} ms)`);
}

describe('content script scheduling (Chromium)', () => {
  let s: ChromiumSession;
  beforeAll(async () => {
    s = await launchChromium();
  });
  afterAll(async () => {
    await s?.close();
  });

  for (const file of ['guardian-1.html', 'wikipedia-2.html']) {
    it(`scans ${file} in idle slices with the page's tasks between them, to the end`, async () => {
      const { page, watch } = await watchScan(s, `/real/${file}`);
      console.log(
        `[scheduling] ${file}: ${watch.final.slices} slices, ${watch.midScan.length} page tasks ran mid-scan`,
      );
      // The page ran tasks while the scan was under way, and the scan went on in later slices.
      expect(watch.midScan.length).toBeGreaterThan(0);
      expect(watch.final.slices).toBeGreaterThan(watch.midScan[0]!.slices);
      // It finished: nothing pending, and what is painted is the reviewed result for the page.
      expect(watch.final.pending).toBe(false);
      expect(await highlightedTexts(page)).toEqual(EXPECTED[file]);
      await page.close();
    });
  }

  it("scans 6,000 terms in idle slices with the page's tasks between them, all counted", async () => {
    const { page, watch } = await watchScan(s, '/highlighter/many.html');
    // Hits grow between the page's tasks: the scan is visibly incremental, not one long task.
    const totals = new Set(watch.midScan.map((st) => st.total));
    expect(totals.size).toBeGreaterThan(1);
    expect(watch.final).toMatchObject({ total: 6000, capped: true, pending: false });
    expect(watch.final.slices).toBeGreaterThan(watch.midScan[0]!.slices);
    await page.close();
  });

  it("holds StaticRanges, which the page's own DOM edits leave stale and the observer repaints", async () => {
    const page = await s.openPage('/highlighter/many.html');
    await settled(page);
    const rangeKinds = () =>
      page.evaluate(() => {
        const kinds: Record<string, number> = {};
        for (const [name, hl] of (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> })
          .highlights)
          if (name.startsWith('policy-lens'))
            for (const r of hl) kinds[r.constructor.name] = (kinds[r.constructor.name] ?? 0) + 1;
        return kinds;
      });
    expect(await rangeKinds()).toEqual({ StaticRange: 5000 });
    // The page edits 1,000 of its highlighted paragraphs: inserts and removes a sibling, splits
    // and rejoins the text node, and puts one more character in front of the term. Held ranges
    // now point one character too early; stale StaticRanges must be repainted, not shown.
    await page.evaluate(() => {
      for (let i = 0; i < 1000; i++) {
        const t = document.getElementById(`p${(i * 7919) % 5000}`)!.firstChild as Text;
        const parent = t.parentNode!;
        const extra = document.createTextNode('x');
        parent.insertBefore(extra, t);
        parent.removeChild(extra);
        const tail = t.splitText(1);
        t.appendData(tail.data);
        tail.remove();
        t.insertData(0, '※');
      }
    });
    const after = await settled(page);
    expect(after).toMatchObject({ total: 6000, capped: true });
    expect(await rangeKinds()).toEqual({ StaticRange: 5000 });
    const painted = Object.values(await readHighlights(page)).flat();
    expect(painted).toHaveLength(5000);
    expect(new Set(painted)).toEqual(new Set(['两个维护']));
    await page.close();
  });
});
