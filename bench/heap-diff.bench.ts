// Where our heap goes on a page: takes a V8 heap snapshot of the same page with and without the
// extension (two browsers, same settle time) and prints the self-size difference per node type
// and constructor/name, largest first. A diagnostic for the "< 3 MB heap per tab" target of the
// highlighter benchmark (bench/highlight.bench.ts measures the target itself).
//
//   npm run bench -- heap-diff [--page nytimes-1] [--ext .output-bench/chrome-mv3] [--top 40] [--settle-ms 6000]
//                              [--out bench/results] [--quick]
// (--quick: 1 s settle time, results in $TMPDIR/policy-lens-bench-quick)
import { cli, saveResult } from './lib/cli.ts';
import { resolve } from 'node:path';
import { launchChromium, type ChromiumSession } from '../e2e/harness.ts';
import { diffSnapshots, formatDiff, snapshotSummary, type SnapshotSummary } from './lib/heap-snapshot.ts';

const argv = process.argv.slice(2);
const { opt, num, outDir } = cli(argv);
const PAGE = opt('page', 'nytimes-1');
const EXT = resolve(opt('ext', '.output-bench/chrome-mv3'));
const TOP = num('top', 40);
const SETTLE_MS = num('settle-ms', 6000, 1000);

async function measure(session: ChromiumSession): Promise<{
  summary: SnapshotSummary;
  usage: { usedSize: number; embedderHeapUsedSize?: number };
}> {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  await page.goto(`${session.baseUrl}/real/${PAGE}.html`, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForTimeout(SETTLE_MS);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as {
    usedSize: number;
    embedderHeapUsedSize?: number;
  };
  const summary = await snapshotSummary(cdp);
  return { summary, usage };
}

const ours = await launchChromium({ extensionDir: EXT });
const bare = await launchChromium({ noExtension: true });
try {
  const [a, b] = [await measure(ours), await measure(bare)];
  const mib = (n: number) => (n / 2 ** 20).toFixed(3);
  const total = (u: typeof a.usage) => u.usedSize + (u.embedderHeapUsedSize ?? 0);
  console.log(
    `${PAGE}: getHeapUsage ours ${mib(total(a.usage))} MiB, bare ${mib(total(b.usage))} MiB, Δ ${mib(total(a.usage) - total(b.usage))} MiB`,
  );
  const diff = diffSnapshots(a.summary, b.summary, TOP);
  for (const l of formatDiff(diff)) console.log(l);
  const file = saveResult(
    `heap-${PAGE}`,
    {
      date: new Date().toISOString(),
      page: PAGE,
      extension: EXT,
      heapUsage: { ours: a.usage, bare: b.usage, deltaBytes: total(a.usage) - total(b.usage) },
      deltaByTypeBytes: Object.fromEntries(diff.byType),
      largest: diff.largest,
    },
    outDir(),
  );
  console.log(`\n→ ${file}`);
} finally {
  await ours.close();
  await bare.close();
}
