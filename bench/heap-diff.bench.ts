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
import type { CDPSession } from 'playwright-core';
import { launchChromium, type ChromiumSession } from '../e2e/harness.ts';

const argv = process.argv.slice(2);
const { opt, num, outDir } = cli(argv);
const PAGE = opt('page', 'nytimes-1');
const EXT = resolve(opt('ext', '.output-bench/chrome-mv3'));
const TOP = num('top', 40);
const SETTLE_MS = num('settle-ms', 6000, 1000);

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

async function snapshot(cdp: CDPSession): Promise<Map<string, { size: number; count: number }>> {
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e: { chunk: string }) => void chunks.push(e.chunk));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  const snap = JSON.parse(chunks.join('')) as Snapshot;
  const f = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [iType, iName, iSize] = ['type', 'name', 'self_size'].map((n) => f.indexOf(n)) as [
    number,
    number,
    number,
  ];
  const out = new Map<string, { size: number; count: number }>();
  for (let i = 0; i < snap.nodes.length; i += f.length) {
    const type = types[snap.nodes[i + iType]!] ?? '?';
    let name = snap.strings[snap.nodes[i + iName]!] ?? '?';
    if (type === 'string' || type === 'concatenated string' || type === 'sliced string')
      name = name.length > 40 ? `${name.slice(0, 40)}… (${name.length})` : name;
    if (type === 'code' || type === 'hidden' || type === 'array') name = name.slice(0, 60);
    // typed-array backing stores: keyed by size, so buffers of a given shape can be traced
    if (name === 'system / JSArrayBufferData') name += ` ${snap.nodes[i + iSize]} B`;
    const key = `${type}\t${name}`;
    const e = out.get(key) ?? { size: 0, count: 0 };
    e.size += snap.nodes[i + iSize]!;
    e.count++;
    out.set(key, e);
  }
  return out;
}

async function measure(session: ChromiumSession): Promise<{
  byKey: Map<string, { size: number; count: number }>;
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
  const byKey = await snapshot(cdp);
  return { byKey, usage };
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
  const keys = new Set([...a.byKey.keys(), ...b.byKey.keys()]);
  const rows = [...keys].map((k) => {
    const x = a.byKey.get(k) ?? { size: 0, count: 0 };
    const y = b.byKey.get(k) ?? { size: 0, count: 0 };
    return { k, d: x.size - y.size, n: x.count - y.count };
  });
  const byType = new Map<string, number>();
  for (const r of rows) byType.set(r.k.split('\t')[0]!, (byType.get(r.k.split('\t')[0]!) ?? 0) + r.d);
  console.log('\nΔ by node type (KiB):');
  for (const [t, d] of [...byType].sort((p, q) => q[1] - p[1]))
    console.log(`  ${(d / 1024).toFixed(1)}\t${t}`);
  console.log(`\nlargest Δ (KiB, count):`);
  const top = rows.sort((p, q) => q.d - p.d).slice(0, TOP);
  for (const r of top) console.log(`  ${(r.d / 1024).toFixed(1)}\t${r.n}\t${r.k.replaceAll('\n', ' ')}`);
  const file = saveResult(
    `heap-${PAGE}`,
    {
      date: new Date().toISOString(),
      page: PAGE,
      extension: EXT,
      heapUsage: { ours: a.usage, bare: b.usage, deltaBytes: total(a.usage) - total(b.usage) },
      deltaByTypeBytes: Object.fromEntries([...byType].sort((p, q) => q[1] - p[1])),
      largest: top.map((r) => ({ node: r.k, deltaBytes: r.d, count: r.n })),
    },
    outDir(),
  );
  console.log(`\n→ ${file}`);
} finally {
  await ours.close();
  await bare.close();
}
