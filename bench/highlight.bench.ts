// Page-highlighter benchmark (`npm run bench -- highlight`): our content script vs mark.js vs
// advanced-mark.js, in headless Chromium, on the same pages, in the same run, at CPU throttling 1× and 4×.
//
//   npm run bench -- highlight [--no-build] [--reps 5] [--pages guardian-1,infinite-scroll]
//                              [--throttles 1,4] [--docs] [--docs-from bench/results/x.md]
//                              [--md-from-json bench/results/x.json [--docs]] [--edits 10000]
//                              [--quiet-ms 1500] [--peer-timeout-ms 20000] [--combine true] [--pairs 41]
//                              [--out bench/results] [--quick]
//
// Writes bench/results/highlight-<date>T<hhmm>.json and .md; --docs also replaces the "Page highlighter"
// section of docs/benchmarks.md with the generated Markdown. --quick: one page at 1×, one round, 3 pairs,
// small batches, results in $TMPDIR/policy-lens-bench-quick (a smoke run, not a record). Not part of
// `npm test` (timings are noisy). What every number means is written into the Markdown (highlight/method.ts).
// Modules: highlight/in-page.ts (runs in the tab), driver.ts (browser), edits.ts (DOM-edit measure),
// targets.ts and report.ts (Markdown), peers.ts (mark.js / advanced-mark.js), pages.ts (what is served).
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, type ChromiumSession } from '../e2e/harness.ts';
import { log, ROOT, utcStamp } from './lib/cli.ts';
import { cpuModel } from './lib/machine.ts';
import { round } from './lib/stats.ts';
import * as driver from './highlight/driver.ts';
import { measureEdits } from './highlight/edits.ts';
import { parseOptions, type HighlightOptions } from './highlight/options.ts';
import { readCorpus, servePages } from './highlight/pages.ts';
import { buildPeers, splitAliases, type Peer, type PeerId } from './highlight/peers.ts';
import { markdown, updateDocs } from './highlight/report.ts';
import { fmt, summarise } from './highlight/targets.ts';
import type { PageRow, PeerResult, Size } from './highlight/types.ts';

function machine() {
  return {
    cpu: cpuModel(),
    cores: cpus().length,
    ramGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

/** Content script sizes of the benchmarked test build and of the store build. */
function measureSize(): Size {
  const js = readFileSync(driver.CONTENT_JS);
  const matcher = JSON.parse(readFileSync(join(ROOT, 'generated', 'matcher.json'), 'utf8')) as {
    trie: string;
  };
  const storeJs = existsSync(driver.STORE_CONTENT_JS) ? readFileSync(driver.STORE_CONTENT_JS) : null;
  return {
    raw: js.length,
    gzip: gzipSync(js, { level: 9 }).length,
    includesMatcher: matcher.trie.length > 0 && js.includes(matcher.trie.slice(0, 64)),
    otherFiles: readdirSync(join(driver.EXT_DIR, 'content-scripts')).filter((f) => f !== 'content.js'),
    storeRaw: storeJs ? storeJs.length : NaN,
    storeGzip: storeJs ? gzipSync(storeJs, { level: 9 }).length : NaN,
  };
}

interface Browsers {
  ext: ChromiumSession;
  bare: ChromiumSession;
  control: ChromiumSession;
}

/** One page at one throttle: ours, the DOM edits (ours / none / control), then each peer. */
async function measureRow(
  b: Browsers,
  o: HighlightOptions,
  peers: Peer[],
  serverUrl: string,
  done: PageRow[],
  [name, url, rate]: [string, string, number],
): Promise<PageRow> {
  const rowLoad = round(loadavg()[0]!, 2);
  log(`${name} @ ${rate}×: ours (load average ${rowLoad})`);
  const ours = await driver.measureOurs(b.ext, url, rate, o);
  log(
    `  ours ${fmt(ours.res.time.totalMs)} ms, longest ${fmt(ours.res.time.longestTaskMs)} ms, ${ours.res.highlights} highlights`,
  );
  const base = await driver.openBaseline(b.bare, url, rate, o);
  const ctl = await driver.openBaseline(b.control, url, rate, o);
  log('  DOM edits');
  const edits = await measureEdits(ours.page, ours.cdp, base.page, ctl.page, o);
  log(
    `  DOM edits ratio sync ${fmt(edits.ratioSync, 2)}, +µtasks ${fmt(edits.ratioWithMicrotasks, 2)}; ` +
      `MutationObserver-only control: ${fmt(edits.ratioSyncControl, 2)}, ${fmt(edits.ratioWithMicrotasksControl, 2)}`,
  );
  await ours.page.close();
  await base.page.close();
  await ctl.page.close();
  const peerRes = {} as Record<PeerId, PeerResult>;
  for (const peer of peers) {
    log(`  ${peer.label}`);
    const earlier = done.find((r) => r.page === name && r.rate < rate && r.peers[peer.id].timedOut);
    if (earlier) {
      // it did not finish at a lower throttle: it would only be slower here
      peerRes[peer.id] = {
        ...earlier.peers[peer.id],
        errors: [`skipped: did not finish at ${earlier.rate}×`],
      };
      continue;
    }
    const pr = (peerRes[peer.id] = await driver.measurePeer(b.bare, url, rate, peer, serverUrl, o));
    log(
      `  ${peer.label}: ${fmt(pr.time?.totalMs)} ms, longest ${fmt(pr.time?.longestTaskMs)} ms, ${pr.marks} marks`,
    );
  }
  return { load1: rowLoad, page: name, url, rate, ours: ours.res, baseline: base.res, peers: peerRes, edits };
}

/** Re-renders a recorded run's Markdown, or pastes an earlier Markdown into the docs. */
function renderOnly(o: HighlightOptions): boolean {
  if (o.mdFromJson !== null) {
    // Formatting only; every number comes from the JSON.
    const file = resolve(o.mdFromJson);
    const j = JSON.parse(readFileSync(file, 'utf8')) as {
      meta: Record<string, unknown>;
      size: Size;
      rows: PageRow[];
    };
    const md = markdown(summarise(j.rows, j.size), j.rows, j.meta);
    writeFileSync(file.replace(/\.json$/, '.md'), md);
    if (o.docs) updateDocs(md);
    console.log(md);
    return true;
  }
  if (o.docsFrom !== null) {
    // Paste an earlier run's Markdown (bench/results/highlight-<date>.md) into docs/benchmarks.md.
    updateDocs(readFileSync(resolve(o.docsFrom), 'utf8'));
    log('docs/benchmarks.md updated');
    return true;
  }
  return false;
}

/** Writes <out>/highlight-<stamp>.json (Prettier-formatted, as committed) and .md. */
async function writeResults(o: HighlightOptions, jsonFile: string, data: unknown, md: string): Promise<void> {
  mkdirSync(o.outDir, { recursive: true });
  const json = JSON.stringify(data, null, 2);
  let formatted: string;
  try {
    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(join(o.outDir, jsonFile))) ?? {};
    formatted = await prettier.format(json, { ...config, parser: 'json' });
  } catch {
    formatted = `${json}\n`;
  }
  writeFileSync(join(o.outDir, jsonFile), formatted);
  writeFileSync(join(o.outDir, jsonFile.replace(/\.json$/, '.md')), md);
}

async function main(): Promise<void> {
  const started = Date.now();
  const o = parseOptions(process.argv.slice(2));
  if (renderOnly(o)) return;
  const startLoad = round(loadavg()[0]!, 2);
  const buildInfo = o.noBuild ? { data: 'not rebuilt (--no-build)' } : await driver.build();
  if (!existsSync(driver.CONTENT_JS))
    throw new Error(`No content script at ${driver.CONTENT_JS}; run without --no-build.`);
  const size = measureSize();

  // Aliases and peers
  const corpus = readCorpus();
  const aliases = [...new Set(Object.values(corpus.variants).flat())].filter((a) => a.trim().length > 0);
  if (!aliases.length) console.warn('! generated/corpus.json has no variants: peers will mark nothing');
  const split = splitAliases(aliases);
  const peers = buildPeers(aliases, o.combine);
  const { server, peerDir, pageUrl } = await servePages(corpus, peers);

  log('launching Chromium with and without the extension');
  const b: Browsers = {
    ext: await launchChromium({ extensionDir: driver.EXT_DIR }),
    bare: await launchChromium({ noExtension: true }),
    control: await launchChromium({ extensionDir: driver.CONTROL_DIR }),
  };
  const rows: PageRow[] = [];
  const chromium = await driver.chromiumVersion(b.bare);
  try {
    for (const name of o.pages)
      for (const rate of o.throttles)
        rows.push(await measureRow(b, o, peers, server.url, rows, [name, pageUrl(name), rate]));
  } finally {
    for (const s of [b.ext, b.bare, b.control]) await s.close();
    await server.close();
    rmSync(peerDir, { recursive: true, force: true });
  }

  const date = new Date().toISOString();
  // e.g. highlight-2026-11-24T0310.json: one file per run, several runs a day
  const jsonFile = `highlight-${utcStamp(new Date(date))}.json`;
  const meta = {
    date,
    machine: machine(),
    chromium,
    flags: 'CHROMIUM_FLAGS of scripts/lib/find-browser.ts, headless',
    build: buildInfo,
    aliases: aliases.length,
    latinAliases: split.latin.length,
    otherAliases: split.other.length,
    peers: peers.map((p) => p.label),
    options: {
      reps: o.reps,
      pairs: o.pairs,
      edits: o.edits,
      quietMs: o.quietMs,
      peerTimeoutMs: o.peerTimeoutMs,
      combinePatterns: o.combine,
    },
    durationS: 0,
    loadAverage1: { start: startLoad, end: round(loadavg()[0]!, 2), rows: rows.map((r) => r.load1) },
    jsonFile,
    extensionConsoleErrors: b.ext.consoleErrors.filter((e) => /policy-lens|chrome-extension:/i.test(e)),
  };
  const summary = summarise(rows, size);
  meta.durationS = Math.round((Date.now() - started) / 1000);
  const md = markdown(summary, rows, meta);
  await writeResults(o, jsonFile, { meta, size, targets: summary.targets, rows }, md);
  if (o.docs) updateDocs(md);
  console.log(`\n${md}`);
  log(`done in ${meta.durationS} s → ${join(o.outDir, jsonFile)}${o.docs ? ' and docs/benchmarks.md' : ''}`);
}

await main();
// playwright keeps handles open on some failures
process.exit(0);
