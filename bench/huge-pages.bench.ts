// Huge pages (issue #13, item 3): our content script on pages far beyond the bench pages, in
// headless Chromium with the built test extension vs the same page without it, same run.
//
//   npm run bench -- huge-pages [--no-build] [--pages nodes-200k,text-20mb,scroll-10k] [--quiet-ms 1500]
//                               [--out bench/results] [--quick]
//
// The pages are generated at run time into a temp dir (never committed):
//   nodes-200k  100,000 paragraphs, one text node each (≈ 200,000 DOM nodes), a policy term in 1 of 500;
//   text-20mb   a 20 MB text/plain document (the browser shows it as one <pre>), terms spread through;
//   scroll-10k  an infinite-scroll feed that appends 10,000 blocks, 50 per animation frame.
// Targets (issue #13): no task of ours over 50 ms at 1×; our retained heap ≤ 10 MB on text-20mb and
// ≤ 5 MB on scroll-10k (ours = our tab's V8 + Blink heap minus the same page's without the extension).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../e2e/harness.ts';
import { startStaticServer } from '../scripts/lib/static-server.ts';
import { cli, log, saveResult } from './lib/cli.ts';
import { cpuModel } from './lib/machine.ts';
import { round } from './lib/stats.ts';
import * as driver from './highlight/driver.ts';

const { opt, flag, num, outDir } = cli(process.argv.slice(2));
const PAGES = opt('pages', 'nodes-200k,text-20mb,scroll-10k', 'nodes-200k').split(',');
const TIMING = {
  quietMs: num('quiet-ms', 1500, 500),
  settleMaxMs: num('settle-max-ms', 180_000),
  peerTimeoutMs: 0,
};

// Terms the glossary knows in every script, and plain filler in the same languages.
const TERMS = ['the Two Safeguards', '两个维护', '習近平総書記', 'Nghị quyết 18-NQ/TW'];
const FILLER = [
  'The council met on Tuesday to discuss the budget for the coming year and the repair of roads.',
  '本市今天举行了春季运动会，来自各学校的学生参加了比赛。',
  '週末は晴れて気温が上がり、公園には多くの家族連れが訪れた。',
  'Thành phố đã hoàn thành việc sửa chữa cây cầu trước mùa mưa.',
];
const line = (i: number) =>
  i % 500 === 0 ? `${FILLER[i % 4]} ${TERMS[(i / 500) % 4]} ${i}.` : `${FILLER[i % 4]} ${i}.`;
const esc = (t: string) => t.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const DONE = `<script>document.documentElement.setAttribute('data-bench-done','1')</script>`;

function nodes200k(): string {
  const ps: string[] = [];
  for (let i = 0; i < 100_000; i++) ps.push(`<p>${esc(line(i))}</p>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>200k nodes</title></head><body><main>${ps.join('\n')}</main>${DONE}</body></html>`;
}

function text20mb(): string {
  const out: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < 20 * 1024 * 1024; i++) {
    const l = line(i);
    out.push(l);
    bytes += Buffer.byteLength(l) + 1;
  }
  return out.join('\n');
}

function scroll10k(): string {
  const blocks = JSON.stringify(Array.from({ length: 10_000 }, (_, i) => line(i)));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>10k scroll</title></head><body><main id="feed"></main>
<script>
const blocks = ${blocks};
let next = 0;
function step() {
  const feed = document.getElementById('feed');
  for (let k = 0; k < 50 && next < blocks.length; k++, next++) {
    const p = document.createElement('p');
    p.textContent = blocks[next];
    feed.append(p);
  }
  if (next < blocks.length) requestAnimationFrame(step);
  else document.documentElement.setAttribute('data-bench-done', '1');
}
requestAnimationFrame(step);
</script></body></html>`;
}

const GENERATORS: Record<string, { file: string; make: () => string }> = {
  'nodes-200k': { file: 'nodes-200k.html', make: nodes200k },
  'text-20mb': { file: 'text-20mb.txt', make: text20mb },
  'scroll-10k': { file: 'scroll-10k.html', make: scroll10k },
};

const MiB = 2 ** 20;

async function main(): Promise<void> {
  const started = Date.now();
  const buildInfo = flag('no-build') ? { data: 'not rebuilt (--no-build)' } : await driver.build();
  const dir = mkdtempSync(join(tmpdir(), 'policy-lens-huge-'));
  for (const name of PAGES) {
    const g = GENERATORS[name];
    if (!g) throw new Error(`unknown page ${name} (known: ${Object.keys(GENERATORS).join(', ')})`);
    writeFileSync(join(dir, g.file), g.make());
  }
  // '/gen/bench/' makes the driver wait for data-bench-done on the HTML pages (not on text/plain).
  const server = await startStaticServer({ '/gen/bench/': dir, '/gen/plain/': dir });
  const url = (name: string) =>
    `${server.url}/gen/${name === 'text-20mb' ? 'plain' : 'bench'}/${GENERATORS[name]!.file}`;
  const ext = await launchChromium({ extensionDir: driver.EXT_DIR });
  const bare = await launchChromium({ noExtension: true });
  const rows = [];
  try {
    for (const name of PAGES) {
      log(`${name}: ours (load average ${round(loadavg()[0]!, 2)})`);
      const ours = await driver.measureOurs(ext, url(name), 1, TIMING);
      await ours.page.close();
      const base = await driver.openBaseline(bare, url(name), 1, TIMING);
      await base.page.close();
      const heapOurs =
        ours.res.heap.usedSize +
        ours.res.heap.embedderHeapUsedSize -
        (base.res.heap.usedSize + base.res.heap.embedderHeapUsedSize);
      const row = {
        page: name,
        longestTaskMs: round(ours.res.time.longestTaskMs, 1),
        totalMs: round(ours.res.time.totalMs, 1),
        tasksOver50: ours.res.time.tasksOver50,
        highlights: ours.res.highlights,
        heapOursMiB: round(heapOurs / MiB, 2),
        heapWithMiB: round((ours.res.heap.usedSize + ours.res.heap.embedderHeapUsedSize) / MiB, 2),
        heapWithoutMiB: round((base.res.heap.usedSize + base.res.heap.embedderHeapUsedSize) / MiB, 2),
        settledAfterMs: ours.res.settledAfterMs,
        settleTimedOut: ours.res.settleTimedOut,
        console: ours.res.console,
      };
      log(`  ${JSON.stringify(row)}`);
      rows.push(row);
    }
  } finally {
    await ext.close();
    await bare.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const result = {
    meta: {
      date: new Date().toISOString(),
      machine: { cpu: cpuModel(), loadAverage1End: round(loadavg()[0]!, 2) },
      build: buildInfo,
      durationS: Math.round((Date.now() - started) / 1000),
    },
    rows,
  };
  log(`wrote ${saveResult('huge-pages', result, outDir())}`);
  console.log(JSON.stringify(result, null, 2));
}

await main();
process.exit(0);
