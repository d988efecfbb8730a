// How the user lists' matcher file should travel to a frame (issue #12 item 8, #15):
// `npm run bench -- startup-user-wire [--terms 5000] [--reps 9] [--quick]`.
//
// The file (lib/core/term-matcher-file.ts) of a generated list of `terms` terms (the start-up
// bench's list), and in a fresh headless Chromium page per sample, the page-side work of each
// form a runtime message could carry it in, up to the bytes in an ArrayBuffer:
//  a. base64 string: JSON.parse of the message text (what Chrome's bindings do with a message) +
//     Uint8Array.fromBase64 (what the content script does now in Chrome);
//  b. array of numbers: JSON.parse + new Uint8Array(array);
//  c. a Uint8Array sent as is: Chrome's JSON turns it into {"0":n,"1":n,...}; JSON.parse +
//     copying the values out;
//  d. the ArrayBuffer by structured clone (Firefox's messages; timed here as structuredClone in
//     the Chromium page, the same algorithm): what the content script does now in Firefox.
// Prints the table docs/benchmarks.md "Start-up" quotes (date, machine, load).
import { cpus, loadavg } from 'node:os';
import { launchChromium } from '../e2e/harness.ts';
import { compileUserMatcher } from '../lib/core/library/user-matcher.ts';
import { matcherFile, matcherFileToWire } from '../lib/core/term-matcher-file.ts';
import { createMatcher } from '../lib/core/term-matcher.ts';
import { cli, log, saveResult } from './lib/cli.ts';
import { cpuModel } from './lib/machine.ts';
import { median, round } from './lib/stats.ts';
import { generatedUserList } from './startup-user-list.ts';

const { num, outDir } = cli();
const terms = num('terms', 5000, 500);
const reps = num('reps', 9, 3);
const out = outDir();

const list = {
  id: 'Lbench',
  name: 'Bench',
  colour: 1,
  format: 'json' as const,
  createdAt: new Date(0).toISOString(),
  terms: generatedUserList(terms).map((t) => ({ ...t })),
};
const build = compileUserMatcher([list as never]);
if (!build.compiled) throw new Error('no matcher');
const file = matcherFile(createMatcher(build.compiled), { hanFold: build.compiled.hanFold });
const b64 = matcherFileToWire(file, false) as string;
const forms = {
  'a. base64 string': JSON.stringify({ matcher: b64 }),
  'b. array of numbers': JSON.stringify({ matcher: [...file] }),
  'c. Uint8Array as Chrome serialises it': JSON.stringify({ matcher: file }),
};
log(`${terms} terms: matcher file ${file.length} B`);

type Kind = keyof typeof forms | 'd. ArrayBuffer, structured clone';
const KINDS: Kind[] = [...(Object.keys(forms) as Kind[]), 'd. ArrayBuffer, structured clone'];

/** In the page: the work from the message's text (or buffer) to the file's bytes. */
function inPage(arg: { kind: string; text: string; b64: string }): number {
  const g = globalThis as unknown as { __keep?: unknown };
  if (arg.kind.startsWith('d.')) {
    const src = (Uint8Array as unknown as { fromBase64(s: string): Uint8Array }).fromBase64(arg.b64).buffer;
    const t0 = performance.now();
    g.__keep = structuredClone(src);
    return performance.now() - t0;
  }
  const t0 = performance.now();
  const msg = JSON.parse(arg.text) as { matcher: unknown };
  let bytes: Uint8Array;
  if (arg.kind.startsWith('a.'))
    bytes = (Uint8Array as unknown as { fromBase64(s: string): Uint8Array }).fromBase64(
      msg.matcher as string,
    );
  else if (arg.kind.startsWith('b.')) bytes = new Uint8Array(msg.matcher as number[]);
  else {
    const o = msg.matcher as Record<string, number>;
    const n = Object.keys(o).length;
    bytes = new Uint8Array(n);
    for (let i = 0; i < n; i++) bytes[i] = o[i]!;
  }
  g.__keep = bytes;
  return performance.now() - t0;
}

const session = await launchChromium({ noExtension: true });
const samples: Record<string, number[]> = Object.fromEntries(KINDS.map((k) => [k, []]));
try {
  for (let r = 0; r < reps; r++)
    for (let k = 0; k < KINDS.length; k++) {
      const kind = KINDS[(k + r) % KINDS.length]!;
      const page = await session.context.newPage();
      await page.goto('about:blank');
      const text = kind in forms ? forms[kind as keyof typeof forms] : '';
      samples[kind]!.push(await page.evaluate(inPage, { kind, text, b64: kind.startsWith('d.') ? b64 : '' }));
      await page.close();
    }
} finally {
  await session.close();
}
const rows = KINDS.map((kind) => ({
  kind,
  chars: kind in forms ? forms[kind as keyof typeof forms].length : file.length,
  medianMs: round(median(samples[kind]!), 2),
  minMs: round(Math.min(...samples[kind]!), 2),
  maxMs: round(Math.max(...samples[kind]!), 2),
}));
const meta = {
  date: new Date().toISOString(),
  machine: `${cpuModel()}, ${cpus().length} cores`,
  load1: round(loadavg()[0]!, 2),
  terms,
  fileBytes: file.length,
  reps,
};
const saved = saveResult('startup-user-wire', { meta, rows, samples }, out);
console.log(
  `\n${meta.date}, ${meta.machine}, load ${meta.load1}; user list ${terms} terms, matcher file ${file.length} B; ${reps} samples each (fresh page); raw data \`${saved}\`\n\n` +
    '| form on the message | chars (bytes for d) | in-page ms, median (min–max) |\n|---|--:|--:|\n' +
    rows.map((r) => `| ${r.kind} | ${r.chars} | ${r.medianMs} (${r.minMs}–${r.maxMs}) |`).join('\n'),
);
process.exit(0);
