// Popup open benchmark: `npm run bench -- popup-open [--ext .output-e2e/chrome-mv3] [--runs 10]
// [--out bench/results] [--quick]` (build first: `E2E_HOOKS=1 PL_OUT_DIR=.output-e2e npx wxt build`, or
// pass any built chrome-mv3 dir). --quick: 2 runs, results in $TMPDIR/policy-lens-bench-quick.
//
// Measures in headless Chromium, with the extension loaded, the popup page opened as a tab:
//   - open → first contentful paint (PerformanceObserver 'paint'), from navigation start;
//   - open → ready (search box focused and the suggested concepts rendered);
//   - open with ?q=<query> → first results rendered (the listbox answers the query);
//   - per keystroke, typing real queries at ~12 keys/s: input event → the results for exactly
//     that input rendered (DOM committed), and → the next animation frame after it (painted).
// Reports p50 / p95 / max. Times come from the page's own clock (performance.now()).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHROME_BUILD, launchChromium } from '../e2e/harness.ts';
import { cli } from './lib/cli.ts';
import { summary, type Stats } from './lib/stats.ts';

const { opt, num, outDir: out } = cli();
const ext = resolve(opt('--ext', CHROME_BUILD));
const runs = num('--runs', 10, 2);
const outDir = out();

const QUERIES = [
  'two safeguards',
  'rural revitalization',
  'Vu Dai Thang',
  '谭作钧',
  '两个维护',
  '全面从严治党',
  '巡視整備',
  '習近平新時代',
  'inspecton rectificaton',
];

// Runs in the popup page before its own scripts (CDP, so the extension CSP does not apply).
function instrument(): void {
  const w = window as unknown as {
    __pl: {
      fcp?: number;
      ready?: number;
      firstResults?: number;
      keys: Array<{ value: string; dom: number; paint: number }>;
    };
  };
  w.__pl = { keys: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') w.__pl.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  const pending = new Map<string, number>();
  document.addEventListener(
    'input',
    (e) => {
      const v = (e.target as HTMLInputElement).value.trim();
      if (v) pending.set(v, performance.now());
    },
    true,
  );
  const check = () => {
    const results = document.getElementById('results');
    const q = document.getElementById('q') as HTMLInputElement | null;
    if (
      !w.__pl.ready &&
      q &&
      document.activeElement === q &&
      document.querySelector('.suggested .chip-button')
    )
      w.__pl.ready = performance.now();
    const answered = results?.getAttribute('data-answered') ?? '';
    if (answered && results?.querySelector('[role=option]') && w.__pl.firstResults === undefined)
      w.__pl.firstResults = performance.now();
    const t0 = pending.get(answered);
    if (answered && t0 !== undefined && q?.value.trim() === answered) {
      pending.delete(answered);
      const dom = performance.now();
      requestAnimationFrame(() =>
        w.__pl.keys.push({ value: answered, dom: dom - t0, paint: performance.now() - t0 }),
      );
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
}

const stats = (xs: number[]) => summary(xs, 1);

const s = await launchChromium({ extensionDir: ext });
const fcp: number[] = [];
const ready: number[] = [];
const firstResults: number[] = [];
const keyDom: number[] = [];
const keyPaint: number[] = [];
try {
  await s.context.addInitScript(instrument);
  // Warm the background (first search builds its indexes) so runs measure steady state;
  // the cold first query is reported separately.
  const cold = await s.openExtensionPage(`popup.html?q=${encodeURIComponent(QUERIES[0]!)}`);
  await cold.waitForFunction(
    () => (window as unknown as { __pl: { firstResults?: number } }).__pl.firstResults,
  );
  const coldFirst = await cold.evaluate(
    () => (window as unknown as { __pl: { firstResults: number } }).__pl.firstResults,
  );
  await cold.close();

  for (let r = 0; r < runs; r++) {
    const q = QUERIES[r % QUERIES.length]!;
    const p = await s.openExtensionPage(`popup.html?q=${encodeURIComponent(q)}`);
    await p.waitForFunction(() => {
      const pl = (window as unknown as { __pl: { firstResults?: number; fcp?: number } }).__pl;
      return pl.firstResults !== undefined && pl.fcp !== undefined;
    });
    const m = await p.evaluate(
      () => (window as unknown as { __pl: { fcp: number; firstResults: number } }).__pl,
    );
    fcp.push(m.fcp);
    firstResults.push(m.firstResults);
    await p.close();

    const e = await s.openExtensionPage('popup.html');
    await e.setViewportSize({ width: 420, height: 600 });
    await e.waitForFunction(
      () => (window as unknown as { __pl: { ready?: number } }).__pl.ready !== undefined,
    );
    ready.push(await e.evaluate(() => (window as unknown as { __pl: { ready: number } }).__pl.ready));
    await e.close();
  }

  const t = await s.openExtensionPage('popup.html');
  await t.setViewportSize({ width: 420, height: 600 });
  await t.waitForSelector('#q');
  for (let r = 0; r < Math.max(1, Math.ceil(runs / 5)); r++) {
    for (const q of QUERIES) {
      await t.fill('#q', '');
      await t.keyboard.type(q, { delay: 80 });
      await t.waitForFunction(
        (v) => document.getElementById('results')?.getAttribute('data-answered') === v,
        q.trim(),
        { timeout: 10_000 },
      );
      await t.waitForTimeout(100);
    }
  }
  const keys = await t.evaluate(
    () => (window as unknown as { __pl: { keys: Array<{ dom: number; paint: number }> } }).__pl.keys,
  );
  for (const k of keys) {
    keyDom.push(k.dom);
    keyPaint.push(k.paint);
  }
  await t.close();

  const result = {
    date: new Date().toISOString(),
    extension: ext,
    runs,
    queries: QUERIES,
    coldFirstResultsMs: +coldFirst.toFixed(1),
    openToFirstPaintMs: stats(fcp),
    openToReadyMs: stats(ready),
    openWithQueryToFirstResultsMs: stats(firstResults),
    keystrokeToResultsDomMs: stats(keyDom),
    keystrokeToResultsPaintMs: stats(keyPaint),
  };
  mkdirSync(outDir, { recursive: true });
  const day = result.date.slice(0, 10);
  writeFileSync(join(outDir, `popup-open-${day}.json`), JSON.stringify(result, null, 2) + '\n');
  const row = (name: string, v: Stats) => `| ${name} | ${v.n} | ${v.p50} | ${v.p95} | ${v.max} |`;
  const md = [
    `# Popup benchmark ${day}`,
    '',
    `Headless Chromium, extension ${ext}, ${runs} runs. Cold first query (background builds its indexes): ${result.coldFirstResultsMs} ms.`,
    '',
    '| measure (ms) | n | p50 | p95 | max |',
    '| --- | --- | --- | --- | --- |',
    row('open → first contentful paint', result.openToFirstPaintMs),
    row('open → ready (focused box, suggestions)', result.openToReadyMs),
    row('open with ?q= → first results', result.openWithQueryToFirstResultsMs),
    row('keystroke → results in the DOM', result.keystrokeToResultsDomMs),
    row('keystroke → results painted', result.keystrokeToResultsPaintMs),
    '',
  ].join('\n');
  writeFileSync(join(outDir, `popup-open-${day}.md`), md);
  console.log(md);
} finally {
  await s.close();
}
