// Matcher bench in node (`npm run bench -- matcher [--core <dir>] [--runs 15] [--label x] [--quick]`):
// what a frame receives and holds, and how fast it scans, for the bundled glossary.
//
//   - states, terminals, bytes of the packed tables (and per state), base64 and message JSON size;
//   - unpackMatcher (what a frame does with the message) p50 / max;
//   - scan throughput of findTermMatches on the corpus passages (dense in terms) and on the text of
//     the real pages in ../shared/real-pages (mostly none), MB/s of UTF-16 units, best of runs.
//
// `--core <dir>`: a checkout's root whose lib/core is measured instead (e.g. the commit before a
// change, `git archive <commit> lib/core | tar -x -C <dir>`), always with this checkout's
// generated/matcher.json, so two runs compare formats on the same data.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REAL_PAGES } from '../e2e/harness.ts';
import type * as TermMatcher from '../lib/core/term-matcher.ts';
import type * as Packed from '../lib/core/term-matcher-packed.ts';
import { cli, log, ROOT, saveResult } from './lib/cli.ts';
import { cpuModel } from './lib/machine.ts';
import { median, round } from './lib/stats.ts';

const { opt, num, outDir } = cli();
const core = resolve(opt('core', ROOT));
const runs = num('runs', 15, 3);
const label = opt('label', '');

const tm = (await import(pathToFileURL(join(core, 'lib/core/term-matcher.ts')).href)) as typeof TermMatcher;
const pk = (await import(pathToFileURL(join(core, 'lib/core/term-matcher-packed.ts')).href)) as typeof Packed;

const data = JSON.parse(readFileSync(join(ROOT, 'generated', 'matcher.json'), 'utf8'));
const corpus = JSON.parse(readFileSync(join(ROOT, 'generated', 'corpus.json'), 'utf8')) as {
  passages: Array<{ text: string }>;
};
const dense = corpus.passages.map((p) => p.text);
// page text, roughly: scripts, styles and tags gone, entities left as they are
const pages = readdirSync(REAL_PAGES)
  .filter((f) => f.endsWith('.html'))
  .map((f) =>
    readFileSync(join(REAL_PAGES, f), 'utf8')
      .replace(/<(script|style)[^]*?<\/\1>/gi, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' '),
  );

const extras = {
  hanFold: data.hanFold,
  needsContext: data.needsContext,
  contextShared: data.contextShared,
  countries: data.countries,
};
const m = tm.createMatcher(data);
const packed = pk.packMatcher(m, extras);
const json = JSON.stringify(packed);
const N = data.states as number;
const tableBytes = Math.floor((packed.data.replace(/=+$/, '').length * 3) / 4);

const unpackMs: number[] = [];
for (let k = 0; k < runs; k++) {
  const msg = JSON.parse(json); // what the frame's messaging hands it
  const t0 = performance.now();
  pk.unpackMatcher(msg);
  unpackMs.push(performance.now() - t0);
}

function throughput(texts: string[]): { mbps: number; units: number; matches: number } {
  const units = texts.reduce((a, t) => a + t.length, 0);
  let best = Infinity;
  let matches = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    matches = 0;
    for (const t of texts) matches += tm.findTermMatches(m, t).length;
    best = Math.min(best, performance.now() - t0);
  }
  return { mbps: round(units / 1e6 / (best / 1000), 2), units, matches };
}

const result = {
  date: new Date().toISOString(),
  label,
  core,
  machine: `${cpuModel()}, ${cpus().length} cores, node ${process.version}`,
  load1: round(loadavg()[0]!, 2),
  states: N,
  terminals: m.patternCount,
  tableBytes,
  bytesPerState: round(tableBytes / N, 2),
  base64Chars: packed.data.length,
  messageJsonChars: json.length,
  unpackMs: { p50: round(median(unpackMs), 3), max: round(Math.max(...unpackMs), 3) },
  corpus: throughput(dense),
  realPages: throughput(pages),
};
log(JSON.stringify(result, null, 1));
const file = saveResult(`matcher${label ? `-${label}` : ''}`, result, outDir());
console.log(
  `| ${label || 'ours'} | ${N} | ${tableBytes} | ${result.bytesPerState} | ${packed.data.length} | ${json.length} | ${result.unpackMs.p50} | ${result.corpus.mbps} | ${result.realPages.mbps} |  (${file}, load ${result.load1})`,
);
