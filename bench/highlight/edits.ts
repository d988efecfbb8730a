// Highlight bench, the DOM-edit measure: the page's own edits timed in our tab (highlights
// painted, taken out, held as live Ranges), in a tab without the extension and in the control's.
import type { CDPSession, Page } from 'playwright-core';
import { median } from '../lib/stats.ts';
import { sleep } from './driver.ts';
import { countHighlights, domEditBatch, type EditMode, type EditResult } from './in-page.ts';
import type { HighlightOptions } from './options.ts';
import type { EditsResult } from './types.ts';

/** Rounds of batches in rotating order in the three tabs, then the same-tab pairs. */
export async function measureEdits(
  extPage: Page,
  extCdp: CDPSession,
  basePage: Page,
  controlPage: Page,
  o: Pick<HighlightOptions, 'edits' | 'reps' | 'pairs'>,
): Promise<EditsResult> {
  const withExt: EditResult[] = [];
  const removed: EditResult[] = [];
  const live: EditResult[] = [];
  const without: EditResult[] = [];
  const control: EditResult[] = [];
  const tabs: Array<[Page, EditResult[], EditMode]> = [
    [extPage, withExt, 'painted'],
    [extPage, removed, 'removed'],
    [extPage, live, 'live'],
    [basePage, without, 'painted'],
    [controlPage, control, 'painted'],
  ];
  const rangesHeld = await extPage.evaluate(countHighlights);
  // one warm-up each, then o.reps rounds in rotating order; the pause between batches lets idle
  // rescans finish. Live Ranges stay registered with the document until collected: a GC after
  // each 'live' batch keeps them from slowing the next batch in that tab.
  const batch = async (p: Page, mode: EditMode) => {
    const r = await p.evaluate(domEditBatch, { edits: o.edits, mode });
    if (mode === 'live') await extCdp.send('HeapProfiler.collectGarbage');
    return r;
  };
  for (const [p, , mode] of tabs) await batch(p, mode);
  await sleep(1000);
  for (let r = 0; r < o.reps; r++) {
    for (let k = 0; k < tabs.length; k++) {
      const [p, into, mode] = tabs[(r + k) % tabs.length]!;
      into.push(await batch(p, mode));
      await sleep(500);
    }
  }
  // Same tab, paired: (painted, removed) back to back, alternating which goes first, 300 ms
  // apart; each pair's ratio, median over pairs. Within a pair the tab, page, observer and
  // machine state are the same, so this reads the cost of holding our highlights far more
  // precisely than medians taken across the rounds above.
  const pairSync: number[] = [];
  const pairMicro: number[] = [];
  for (let i = 0; i < o.pairs; i++) {
    const got: Partial<Record<EditMode, EditResult>> = {};
    for (const m of (i % 2 ? ['removed', 'painted'] : ['painted', 'removed']) as EditMode[]) {
      got[m] = await batch(extPage, m);
      await sleep(300);
    }
    pairSync.push(got.painted!.syncMs / got.removed!.syncMs);
    pairMicro.push(got.painted!.withMicrotasksMs / got.removed!.withMicrotasksMs);
  }
  const ms = (xs: EditResult[], k: 'syncMs' | 'withMicrotasksMs') => median(xs.map((x) => x[k]));
  const medianSyncWith = ms(withExt, 'syncMs');
  const medianSyncWithout = ms(without, 'syncMs');
  const medianSyncControl = ms(control, 'syncMs');
  const medianMicroWith = ms(withExt, 'withMicrotasksMs');
  const medianMicroWithout = ms(without, 'withMicrotasksMs');
  const medianMicroControl = ms(control, 'withMicrotasksMs');
  return {
    withExt,
    without,
    control,
    medianSyncWith,
    medianSyncWithout,
    medianSyncControl,
    ratioSync: medianSyncWith / medianSyncWithout,
    ratioSyncControl: medianSyncControl / medianSyncWithout,
    medianMicroWith,
    medianMicroWithout,
    medianMicroControl,
    ratioWithMicrotasks: medianMicroWith / medianMicroWithout,
    ratioWithMicrotasksControl: medianMicroControl / medianMicroWithout,
    removed,
    live,
    medianSyncRemoved: ms(removed, 'syncMs'),
    medianMicroRemoved: ms(removed, 'withMicrotasksMs'),
    medianSyncLive: ms(live, 'syncMs'),
    medianMicroLive: ms(live, 'withMicrotasksMs'),
    ratioSyncHighlights: medianSyncWith / ms(removed, 'syncMs'),
    ratioMicroHighlights: medianMicroWith / ms(removed, 'withMicrotasksMs'),
    ratioSyncLive: ms(live, 'syncMs') / ms(removed, 'syncMs'),
    ratioMicroLive: ms(live, 'withMicrotasksMs') / ms(removed, 'withMicrotasksMs'),
    rangesHeld,
    pairs: pairSync.length,
    pairedSync: median(pairSync),
    pairedMicro: median(pairMicro),
    target: withExt[0]?.target ?? '',
  };
}
