// Shared by the benches: a tab's heap snapshot (V8 and, in current Chromium, Blink's C++ heap)
// summed per node type and name, and the difference of two such summaries, largest first.
import type { CDPSession } from 'playwright-core';

export interface SnapshotSummary {
  /** `<type>\t<name>` -> bytes (self size) and node count. */
  byKey: Map<string, { size: number; count: number }>;
  /** Total self size of the snapshot. */
  total: number;
}

interface RawSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

/** Two forced GCs, then a snapshot, summarised (the raw snapshot is dropped). */
export async function snapshotSummary(cdp: CDPSession): Promise<SnapshotSummary> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => void chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.disable');
  const snap = JSON.parse(chunks.join('')) as RawSnapshot;
  chunks.length = 0;
  const f = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [iType, iName, iSize] = ['type', 'name', 'self_size'].map((n) => f.indexOf(n)) as [
    number,
    number,
    number,
  ];
  const byKey = new Map<string, { size: number; count: number }>();
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += f.length) {
    const type = types[snap.nodes[i + iType]!] ?? '?';
    let name = snap.strings[snap.nodes[i + iName]!] ?? '?';
    if (type === 'string' || type === 'concatenated string' || type === 'sliced string')
      name = name.length > 40 ? `${name.slice(0, 40)}… (${name.length})` : name;
    if (type === 'code' || type === 'hidden' || type === 'array' || type === 'native')
      name = name.slice(0, 60);
    // typed-array backing stores: keyed by size, so buffers of a given shape can be traced
    if (name === 'system / JSArrayBufferData') name += ` ${snap.nodes[i + iSize]} B`;
    const key = `${type}\t${name}`;
    const e = byKey.get(key) ?? { size: 0, count: 0 };
    const size = snap.nodes[i + iSize]!;
    e.size += size;
    e.count++;
    total += size;
    byKey.set(key, e);
  }
  return { byKey, total };
}

export interface SnapshotDiff {
  /** Self-size difference a − b per node type, largest first (bytes). */
  byType: Array<[string, number]>;
  /** The `top` largest differences per type and name. */
  largest: Array<{ node: string; deltaBytes: number; count: number }>;
  totalDeltaBytes: number;
}

export function diffSnapshots(a: SnapshotSummary, b: SnapshotSummary, top = 40): SnapshotDiff {
  const keys = new Set([...a.byKey.keys(), ...b.byKey.keys()]);
  const rows = [...keys].map((k) => {
    const x = a.byKey.get(k) ?? { size: 0, count: 0 };
    const y = b.byKey.get(k) ?? { size: 0, count: 0 };
    return { node: k.replaceAll('\n', ' '), deltaBytes: x.size - y.size, count: x.count - y.count };
  });
  const byType = new Map<string, number>();
  for (const r of rows) {
    const t = r.node.split('\t')[0]!;
    byType.set(t, (byType.get(t) ?? 0) + r.deltaBytes);
  }
  return {
    byType: [...byType].sort((p, q) => q[1] - p[1]),
    largest: rows.sort((p, q) => q.deltaBytes - p.deltaBytes).slice(0, top),
    totalDeltaBytes: a.total - b.total,
  };
}

/** The diff as console lines (KiB). */
export function formatDiff(d: SnapshotDiff): string[] {
  const kib = (n: number) => (n / 1024).toFixed(1);
  return [
    `snapshot Δ total ${kib(d.totalDeltaBytes)} KiB; by node type (KiB):`,
    ...d.byType.map(([t, n]) => `  ${kib(n)}\t${t}`),
    'largest Δ (KiB, count):',
    ...d.largest.map((r) => `  ${kib(r.deltaBytes)}\t${r.count}\t${r.node}`),
  ];
}
