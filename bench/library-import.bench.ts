// Library import benchmark (issue #12 item 8): `npm run bench -- library-import [--pages 300]
// [--runs 3] [--ext .output-e2e/chrome-mv3] [--out bench/results] [--quick]` (build first:
// `npm run e2e -- e2e/library-roundtrip.spec.ts`, or pass any built chrome-mv3 dir). --quick: 30
// pages, 1 run, results in $TMPDIR/policy-lens-bench-quick.
//
// A long PDF is made at run time: generated text from the shipped corpus's own vocabulary
// (bench/lib/generated-library.ts, no third-party text), four paragraphs a page, printed by
// Chromium's page.pdf(). It is imported through the options page's file input in the real
// extension (pdf.js in its bundled worker, the background's ingest and store), and timed from the
// file chosen (the input's change event) to the document stored (its row in the Library list,
// which the page shows once the background answered the import). Reported per run: that wall
// time, the CPU time of the browser's processes over it (/proc, every process under this one),
// how often the progress bar moved, the pages and characters stored; with the machine, its cores
// and the 1-min load average (a shared machine: compare CPU time more than wall time).
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { CHROME_BUILD, launchChromium } from '../e2e/harness.ts';
import type { CorpusData } from '../lib/core/types.ts';
import { cli, log, ROOT, saveResult } from './lib/cli.ts';
import { generateLibrary } from './lib/generated-library.ts';
import { cpuModel } from './lib/machine.ts';
import { round, summary } from './lib/stats.ts';

const { opt, num, quick, outDir: out } = cli();
const ext = resolve(opt('--ext', CHROME_BUILD));
const pages = num('--pages', 300, 30);
const runs = num('--runs', 3, 1);
const outDir = out();
/** Paragraphs a page and characters a paragraph: ≈ 3,300 characters a page, ≈ 1 M for 300. */
const PER_PAGE = 4;
const CHARS = 820;

/** Seconds of CPU (user + system) used so far by every live process under this one. */
function treeCpuSeconds(): number {
  const tick = 100; // USER_HZ on Linux
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parent.set(Number(name), Number(f[1]));
    cpu.set(Number(name), (Number(f[11]) + Number(f[12])) / tick);
  }
  let total = 0;
  for (const [pid, c] of cpu) {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p))
      if (p === process.pid) {
        total += c;
        break;
      }
  }
  return total;
}

function pdfHtml(): { html: string; chars: number } {
  const data = JSON.parse(readFileSync(join(ROOT, 'generated', 'corpus.json'), 'utf8')) as CorpusData;
  const lib = generateLibrary(data, { passages: pages * PER_PAGE, chars: CHARS, perDoc: pages * PER_PAGE });
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  let chars = 0;
  const sections: string[] = [];
  for (let i = 0; i < pages; i++) {
    const ps = lib.passages.slice(i * PER_PAGE, (i + 1) * PER_PAGE);
    chars += ps.reduce((n, p) => n + p.text.length, 0);
    sections.push(`<section>${ps.map((p) => `<p>${esc(p.text)}</p>`).join('')}</section>`);
  }
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Synthetic report</title>
<style>@page { size: A4; margin: 12mm } body { font: 9pt/1.35 'Noto Sans CJK SC', sans-serif }
section { break-after: page } p { margin: 0 0 6pt }</style></head><body>${sections.join('')}</body></html>`;
  return { html, chars };
}

// Runs in the options page: when the file was chosen, how the progress bar moved, when the
// document's row appeared (or an error).
function instrument(): void {
  const w = window as unknown as {
    __imp: {
      t0?: number;
      read?: number;
      stored?: number;
      error?: string;
      moves: number;
      max: number;
      pages: number;
    };
  };
  w.__imp = { moves: 0, max: 0, pages: 0 };
  document.getElementById('lib-files')!.addEventListener('change', () => (w.__imp.t0 = performance.now()), {
    capture: true,
  });
  let last = '';
  new MutationObserver(() => {
    const bar = document.querySelector('.lib-progress [role=progressbar]');
    const now = bar ? `${bar.getAttribute('aria-valuenow')} ${bar.getAttribute('aria-label')}` : '';
    if (bar && now !== last) {
      w.__imp.moves++;
      w.__imp.max = Math.max(w.__imp.max, Number(bar.getAttribute('aria-valuenow')));
      // "Reading <file>: page n of N": the last page read ends the reading phase.
      const m = /(\d+)\D+(\d+)$/.exec(bar.getAttribute('aria-label') ?? '');
      if (m && m[1] === m[2] && w.__imp.read === undefined) {
        w.__imp.read = performance.now();
        w.__imp.pages = Number(m[2]);
      }
    }
    last = now;
    if (w.__imp.stored === undefined && document.querySelector('.lib-docs [data-doc]'))
      w.__imp.stored = performance.now();
    const err = document.querySelector('.lib-errors')?.textContent ?? '';
    if (err) w.__imp.error = err;
  }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
}

interface Run {
  wallS: number;
  /** File chosen → last page read (pdf.js); the rest is the background's ingest and store. */
  readS: number;
  cpuS: number;
  progressMoves: number;
  pages: number;
  storedChars: number;
  load1: number;
}

async function storedChars(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const send = (m: unknown) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage(m);
    const list = (await send({ type: 'listLibrary', payload: {} })) as { documents: Array<{ id: string }> };
    const doc = (await send({ type: 'getUserDocument', payload: { docId: list.documents[0]!.id } })) as {
      text: string;
    };
    return doc.text.length;
  });
}

const dir = mkdtempSync(join(tmpdir(), 'policy-lens-import-bench-'));
const pdfPath = join(dir, `report-${pages}p.pdf`);
const results: Run[] = [];
const { html, chars: generatedChars } = pdfHtml();
let pdfBytes: number | undefined;
try {
  {
    const s = await launchChromium({ extensionDir: ext });
    try {
      const p = await s.openPage('/smoke.html');
      await p.setContent(html);
      writeFileSync(pdfPath, await p.pdf({ format: 'A4' }));
    } finally {
      await s.close();
    }
    pdfBytes = statSync(pdfPath).size;
    log(`PDF: ${pages} pages asked, ${generatedChars} characters, ${pdfBytes} bytes`);
  }
  for (let r = 0; r < runs; r++) {
    // A fresh profile each run: an empty library, nothing cached.
    const s = await launchChromium({ extensionDir: ext });
    try {
      const page = await s.openExtensionPage('options.html');
      await page.waitForSelector('#lib-files');
      await page.evaluate(instrument);
      const load1 = round(loadavg()[0]!, 2);
      const cpu0 = treeCpuSeconds();
      await page.setInputFiles('#lib-files', pdfPath);
      await page.waitForFunction(
        () => {
          const i = (window as unknown as { __imp: { stored?: number; error?: string } }).__imp;
          return i.stored !== undefined || i.error !== undefined;
        },
        undefined,
        { timeout: 900_000, polling: 50 },
      );
      const cpu1 = treeCpuSeconds();
      const imp = await page.evaluate(
        () =>
          (
            window as unknown as {
              __imp: {
                t0: number;
                read?: number;
                stored?: number;
                error?: string;
                moves: number;
                pages: number;
              };
            }
          ).__imp,
      );
      if (imp.stored === undefined) throw new Error(`import failed: ${imp.error}`);
      const run: Run = {
        wallS: round((imp.stored - imp.t0) / 1000, 2),
        readS: round(((imp.read ?? NaN) - imp.t0) / 1000, 2),
        cpuS: round(cpu1 - cpu0, 2),
        progressMoves: imp.moves,
        pages: imp.pages,
        storedChars: await storedChars(page),
        load1,
      };
      results.push(run);
      log(`run ${r + 1}/${runs}: ${JSON.stringify(run)}`);
    } finally {
      await s.close();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const wall = summary(results.map((r) => r.wallS));
const cpu = summary(results.map((r) => r.cpuS));
const pagesRead = results[0]?.pages ?? 0;
const meta = {
  date: new Date().toISOString(),
  machine: `${cpuModel()}, ${availableParallelism()} cores`,
  quick,
  pagesAsked: pages,
  pagesRead,
  generatedChars,
  pdfBytes,
  runs: results,
  wall,
  cpu,
  budgetS: 30,
};
console.log(`\n### Library import: a ${pagesRead}-page PDF (${meta.date.slice(0, 16)}Z, ${meta.machine})\n`);
console.log(
  '| run | pages | characters stored | file chosen → stored (s) | of which reading (s) | CPU, browser (s) | progress updates | load (1 min) |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const [i, r] of results.entries())
  console.log(
    `| ${i + 1} | ${pagesRead} | ${r.storedChars.toLocaleString('en')} | ${r.wallS} | ${r.readS} | ${r.cpuS} | ${r.progressMoves} | ${r.load1} |`,
  );
console.log(`\nwall p50 ${wall.p50} s, max ${wall.max} s; CPU p50 ${cpu.p50} s (budget: under 30 s)`);
console.log(`results: ${saveResult('library-import', meta, outDir)}`);
