// What holding highlight ranges costs the page's own DOM edits, in isolation (no extension, no
// MutationObserver): one page of 200 paragraphs, each with two terms; the same edit loop as the
// highlighter benchmark (append a <p>, set its text, insert a <span> at the start of a paragraph,
// remove both) under different kinds of held ranges. Explains the "same tab" DOM-edit rows of
// bench/highlight.bench.ts.
//
//   npm run bench -- ranges [--reps 9] [--iterations 4000] [--observer] [--out bench/results] [--quick]
//
// --quick: one round of 400 iterations, results in $TMPDIR/policy-lens-bench-quick.
//
// --observer registers a MutationObserver with the content script's options (subtree, childList,
// characterData, filtered attributes; empty callback) on the document for every mode.
import { cli, saveResult } from './lib/cli.ts';
import { median } from './lib/stats.ts';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium } from '../scripts/lib/find-browser.ts';

const argv = process.argv.slice(2);
const { num, outDir } = cli(argv);
const REPS = num('reps', 9, 1);
const ITERATIONS = num('iterations', 4000, 400);
const OBSERVER = argv.includes('--observer');

const MODES = {
  none: 'no ranges',
  'static-edited': 'StaticRange highlights in CSS.highlights, in the edited paragraphs',
  'static-elsewhere': 'StaticRange highlights in CSS.highlights, only in paragraphs not edited',
  'static-unregistered': 'StaticRange objects held, not registered',
  'live-edited': 'live Range highlights in CSS.highlights, in the edited paragraphs',
} as const;
type Mode = keyof typeof MODES;

/** Runs in the page: sets up `mode`, times the edit loop, tears down. */
async function editLoop({
  mode,
  iterations,
  observer,
}: {
  mode: Mode;
  iterations: number;
  observer: boolean;
}): Promise<number> {
  const mo = observer ? new MutationObserver(() => {}) : null;
  mo?.observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['hidden', 'open', 'class', 'style', 'contenteditable'],
  });
  const reg = (CSS as unknown as { highlights: Map<string, unknown> }).highlights;
  reg.clear();
  const ps = [...document.querySelectorAll('article > p')];
  const edited = ps.slice(0, 50);
  const held: AbstractRange[] = [];
  if (mode !== 'none') {
    const where = mode === 'static-elsewhere' ? ps.slice(100) : ps;
    for (const p of where) {
      const t = p.firstChild as Text;
      for (const w of ['Two Safeguards', 'six stabilities']) {
        const i = t.data.indexOf(w);
        if (mode === 'live-edited') {
          const r = document.createRange();
          r.setStart(t, i);
          r.setEnd(t, i + w.length);
          held.push(r);
        } else {
          held.push(
            new StaticRange({ startContainer: t, startOffset: i, endContainer: t, endOffset: i + w.length }),
          );
        }
      }
    }
    if (mode !== 'static-unregistered') {
      const H = (globalThis as unknown as { Highlight: new (...r: AbstractRange[]) => unknown }).Highlight;
      reg.set('bench', new H(...held));
    }
    // let one frame paint them (markers exist), as on a real page
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
  }
  const target = document.querySelector('article')!;
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) {
    const p = document.createElement('p');
    p.textContent = 'Update ' + i;
    target.appendChild(p);
    p.textContent = 'Updated ' + i;
    const host = edited[i % edited.length]!;
    const s = document.createElement('span');
    s.textContent = '• ';
    host.insertBefore(s, host.firstChild);
    target.removeChild(p);
    host.removeChild(s);
  }
  const dt = performance.now() - t0;
  await Promise.resolve(); // let the observer's (empty) callback run
  mo?.disconnect();
  reg.clear();
  held.length = 0; // drop the ranges (live ones stay registered until collected)
  return dt;
}

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_FLAGS });
try {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  const paras = Array.from(
    { length: 200 },
    (_, i) =>
      `<p>Paragraph ${i}: the Two Safeguards and the six stabilities were discussed by delegates.</p>`,
  ).join('');
  await page.setContent(`<!doctype html><html lang="en"><body><article>${paras}</article></body></html>`);
  const load = loadavg()[0]!;
  const times: Record<string, number[]> = {};
  const modes = Object.keys(MODES) as Mode[];
  for (let r = 0; r < REPS; r++) {
    for (let k = 0; k < modes.length; k++) {
      const mode = modes[(r + k) % modes.length]!; // rotating order
      (times[mode] ??= []).push(
        await page.evaluate(editLoop, { mode, iterations: ITERATIONS, observer: OBSERVER }),
      );
      await cdp.send('HeapProfiler.collectGarbage'); // unregisters dropped live Ranges
    }
  }
  const base = median(times.none!);
  const version = browser.version();
  console.log(
    `\nRange cost on DOM edits · ${new Date().toISOString()} · Chromium ${version} headless · ` +
      `${ITERATIONS} iterations (×5 mutations), ${REPS} rounds, medians · ` +
      `${OBSERVER ? 'with' : 'no'} MutationObserver · 1-min load ${load.toFixed(1)}\n`,
  );
  console.log('| ranges held (400 = 2 per paragraph) | median ms | ratio to none |');
  console.log('|---|--:|--:|');
  for (const m of modes)
    console.log(
      `| ${MODES[m]} | ${median(times[m]!).toFixed(1)} | ${(median(times[m]!) / base).toFixed(2)} |`,
    );
  const file = saveResult(
    OBSERVER ? 'ranges-observer' : 'ranges',
    {
      date: new Date().toISOString(),
      chromium: version,
      iterations: ITERATIONS,
      rounds: REPS,
      observer: OBSERVER,
      loadAverage1: load,
      medianMs: Object.fromEntries(modes.map((m) => [m, median(times[m]!)])),
      ratioToNone: Object.fromEntries(modes.map((m) => [m, median(times[m]!) / base])),
      times,
    },
    outDir(),
  );
  console.log(`\n→ ${file}`);
} finally {
  await browser.close();
}
