// How a frame could receive the matcher, timed in a Chromium page, the three ways in the same run
// (`npm run bench -- matcher-delivery --before <dir> [--reps 9] [--quick]`):
//   a. the message as before this format: JSON envelope with base64 tables (`--before <dir>`: a
//      checkout root whose lib/core packs the old format, e.g. `git archive <commit> lib/core`);
//   b. the same message with this checkout's narrow tables;
//   c. a build-time binary file fetched as an ArrayBuffer (its small JSON header, then the tables
//      viewed in place, no copy).
// In-page main-thread work per frame: (a, b) JSON.parse of the message text (what the messaging
// bindings do) + native base64 decode + views; (c) header parse + views, after arrayBuffer() (the
// body arrives in chunks copied as they come; its wall time is the loader's, not measured here). Each sample in a fresh page, the order
// rotated each round. Page-level simulation: the extension's messaging itself is not in it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../e2e/harness.ts';
import { startStaticServer } from '../scripts/lib/static-server.ts';
import type * as Packed from '../lib/core/term-matcher-packed.ts';
import type * as TermMatcher from '../lib/core/term-matcher.ts';
import { cli, log, ROOT, saveResult } from './lib/cli.ts';
import { cpuModel } from './lib/machine.ts';
import { median, round } from './lib/stats.ts';

const { opt, num, outDir } = cli();
const before = resolve(opt('before', ROOT));
const reps = num('reps', 9, 3);

const load = async (root: string) => ({
  tm: (await import(pathToFileURL(join(root, 'lib/core/term-matcher.ts')).href)) as typeof TermMatcher,
  pk: (await import(pathToFileURL(join(root, 'lib/core/term-matcher-packed.ts')).href)) as typeof Packed,
});
const data = JSON.parse(readFileSync(join(ROOT, 'generated', 'matcher.json'), 'utf8'));
const extras = {
  hanFold: data.hanFold,
  needsContext: data.needsContext,
  contextShared: data.contextShared,
  countries: data.countries,
};
const old = await load(before);
const now = await load(ROOT);
const a = JSON.stringify(old.pk.packMatcher(old.tm.createMatcher(data), extras));
const packedB = now.pk.packMatcher(now.tm.createMatcher(data), extras);
const b = JSON.stringify(packedB);
const tables = now.pk.fromBase64(packedB.data);
const header = new TextEncoder().encode(JSON.stringify({ ...packedB, data: '' }));
const at = (4 + header.length + 3) & ~3;
const c = new Uint8Array(at + tables.length);
new DataView(c.buffer).setUint32(0, header.length, true);
c.set(header, 4);
c.set(tables, at);

const dir = mkdtempSync(join(tmpdir(), 'policy-lens-delivery-'));
writeFileSync(join(dir, 'a.json'), a);
writeFileSync(join(dir, 'b.json'), b);
writeFileSync(join(dir, 'c.json'), c); // .json: the server knows the type; the body is binary
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>delivery</title><p>x</p>');
const server = await startStaticServer({ '/': dir });
const session = await launchChromium({ noExtension: true });

/** In the page: the main-thread cost of making the matcher's tables usable from what arrived. */
async function inPage(kind: string): Promise<number> {
  const res = await fetch(`/${kind}.json`);
  const view = (buf: ArrayBuffer, off: number, lengths: number[]) => {
    // the tables' element sizes do not matter for the cost: one view each
    let o = off;
    const out: Uint8Array[] = [];
    for (const n of lengths) {
      out.push(new Uint8Array(buf, o, n));
      o += n;
    }
    return out;
  };
  if (kind === 'c') {
    const buf = await res.arrayBuffer();
    const t0 = performance.now();
    const len = new DataView(buf).getUint32(0, true);
    const head = JSON.parse(new TextDecoder().decode(new Uint8Array(buf, 4, len))) as { lengths: number[] };
    view(buf, (4 + len + 3) & ~3, head.lengths);
    return performance.now() - t0;
  }
  const text = await res.text();
  const t0 = performance.now();
  const msg = JSON.parse(text) as { data: string; lengths: number[] };
  const from = (Uint8Array as unknown as { fromBase64(s: string): Uint8Array }).fromBase64(msg.data);
  view(from.buffer as ArrayBuffer, 0, msg.lengths);
  return performance.now() - t0;
}

const kinds = ['a', 'b', 'c'];
const samples: Record<string, number[]> = { a: [], b: [], c: [] };
const load1 = [round(loadavg()[0]!, 2)];
try {
  for (let r = -1; r < reps; r++)
    for (let k = 0; k < kinds.length; k++) {
      const kind = kinds[(k + Math.max(r, 0)) % kinds.length]!;
      const page = await session.context.newPage();
      await page.goto(`${server.url}/index.html`);
      const ms = await page.evaluate(inPage, kind);
      await page.close();
      if (r >= 0) samples[kind]!.push(ms); // round -1: warm-up
    }
} finally {
  await session.close();
  await server.close();
}
load1.push(round(loadavg()[0]!, 2));
const bytes = { a: a.length, b: b.length, c: c.length };
const result = {
  date: new Date().toISOString(),
  machine: `${cpuModel()}, ${cpus().length} cores`,
  load1,
  reps,
  bytes,
  samples,
  medians: Object.fromEntries(kinds.map((k) => [k, round(median(samples[k]!), 2)])),
  spread: Object.fromEntries(
    kinds.map((k) => [k, [round(Math.min(...samples[k]!), 2), round(Math.max(...samples[k]!), 2)]]),
  ),
};
log(JSON.stringify(result.medians), JSON.stringify(result.spread));
const file = saveResult('matcher-delivery', result, outDir());
console.log(
  `\n${result.date}, ${result.machine}, load ${load1.join('–')}, ${reps} rounds, raw data \`${file}\`\n`,
);
console.log('| delivery | bytes received | in-page ms, median (min–max) |\n|---|--:|--:|');
const names: Record<string, string> = {
  a: 'a. message, base64 tables, before',
  b: 'b. message, base64 narrow tables',
  c: 'c. binary file, ArrayBuffer views',
};
for (const k of kinds)
  console.log(
    `| ${names[k]} | ${bytes[k as keyof typeof bytes]} | ${result.medians[k]} (${result.spread[k]![0]}–${result.spread[k]![1]}) |`,
  );
process.exit(0);
