// Highlight bench, what runs in the page: functions serialised into a tab by page.evaluate (each
// self-contained: no imports, no closures over this module).

export function countHighlights(): number {
  const reg = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<unknown>> } }).CSS?.highlights;
  let n = 0;
  if (reg) for (const [name, hl] of reg) if (name.startsWith('policy-lens')) n += hl.size;
  return n;
}

export function highlightTexts(): { byName: Record<string, number>; texts: Record<string, number> } {
  const reg = (globalThis as unknown as { CSS?: { highlights?: Map<string, Set<AbstractRange>> } }).CSS
    ?.highlights;
  const byName: Record<string, number> = {};
  const texts: Record<string, number> = {};
  if (!reg) return { byName, texts };
  for (const [name, hl] of reg) {
    if (!name.startsWith('policy-lens')) continue;
    byName[name] = hl.size;
    for (const r of hl) {
      let t: string;
      try {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        t = range.toString();
      } catch {
        t = '<invalid range>';
      }
      texts[t] = (texts[t] ?? 0) + 1;
    }
  }
  return { byName, texts };
}

export function markTexts(): Record<string, number> {
  const texts: Record<string, number> = {};
  for (const m of document.querySelectorAll('mark[data-markjs]')) {
    const t = m.textContent ?? '';
    texts[t] = (texts[t] ?? 0) + 1;
  }
  return texts;
}

/** Fixed CPU work, to check that the throttling applies. */
export function spinProbe(): number {
  const t0 = performance.now();
  let x = 0;
  for (let k = 0; k < 3_000_000; k++) x = (x * 31 + k) | 0;
  (globalThis as unknown as { __sink: number }).__sink = x;
  return performance.now() - t0;
}

export type EditMode = 'painted' | 'removed' | 'live';

export interface EditResult {
  syncMs: number;
  withMicrotasksMs: number;
  target: string;
  paragraphs: number;
}

/**
 * The page's own DOM edits: `edits` mutations inside the article, 5 per iteration — append a new
 * <p>, set its textContent, insert a <span> at the start of an existing paragraph, remove both.
 * The batch leaves the DOM as it found it. Timed with performance.now(): the synchronous loop, and
 * the loop plus the microtask checkpoint after it (where MutationObserver callbacks of every world
 * run).
 */
export async function domEditBatch({ edits, mode }: { edits: number; mode: EditMode }): Promise<EditResult> {
  // Same-tab conditions for our tab (no-ops elsewhere): 'removed' takes our highlights out of
  // CSS.highlights for the batch; 'live' also puts the same ranges back as live Ranges (what a
  // highlighter that keeps Range objects would hold), to show what StaticRange avoids.
  const reg = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
  const ours = [...reg].filter(([k]) => k.startsWith('policy-lens'));
  let restore = () => {};
  if (mode !== 'painted' && ours.length) {
    for (const [k] of ours) reg.delete(k);
    if (mode === 'live') {
      const H = (globalThis as unknown as { Highlight: new () => Set<AbstractRange> }).Highlight;
      const live = new H();
      for (const [, h] of ours)
        for (const r of h) {
          const x = document.createRange();
          try {
            x.setStart(r.startContainer, r.startOffset);
            x.setEnd(r.endContainer, r.endOffset);
            live.add(x);
          } catch {
            // a range whose text left the page: not painted anyway
          }
        }
      reg.set('bench-live-ranges', live);
    }
    restore = () => {
      reg.delete('bench-live-ranges');
      for (const [k, h] of ours) reg.set(k, h);
    };
  }
  const pick = () => {
    for (const sel of ['article', 'main', '[role=main]', '#mw-content-text', '#content']) {
      const el = document.querySelector(sel);
      if (el && (el.textContent ?? '').length > 500) return { el, sel };
    }
    return { el: document.body, sel: 'body' };
  };
  const { el: target, sel } = pick();
  const paras = Array.from(target.querySelectorAll('p'))
    .filter((p) => p.firstChild)
    .slice(0, 50);
  const iterations = Math.round(edits / 5);
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) {
    const p = document.createElement('p');
    p.textContent = 'Update ' + i + ': markets were quiet on Tuesday.';
    target.appendChild(p);
    p.textContent = 'Updated ' + i + ': markets closed higher.';
    const host = paras.length ? paras[i % paras.length]! : target;
    const s = document.createElement('span');
    s.textContent = '• ';
    host.insertBefore(s, host.firstChild);
    target.removeChild(p);
    host.removeChild(s);
  }
  const t1 = performance.now();
  await Promise.resolve();
  const t2 = performance.now();
  restore();
  return { syncMs: t1 - t0, withMicrotasksMs: t2 - t0, target: sel, paragraphs: paras.length };
}

/** E2E builds: the content script's scan stats (`pending`, slices, busy ms…), or null. */
export function queryLensStats(): Promise<Record<string, unknown> | null> {
  return new Promise((ok) => {
    const on = (e: Event) => {
      document.removeEventListener('policy-lens:e2e-stats-result', on);
      try {
        ok(JSON.parse(String((e as CustomEvent).detail)) as Record<string, unknown>);
      } catch {
        ok(null);
      }
    };
    document.addEventListener('policy-lens:e2e-stats-result', on);
    document.dispatchEvent(new CustomEvent('policy-lens:e2e-stats'));
    setTimeout(() => {
      document.removeEventListener('policy-lens:e2e-stats-result', on);
      ok(null);
    }, 300);
  });
}
