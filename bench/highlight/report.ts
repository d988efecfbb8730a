// Highlight bench, report: the Markdown of a run (tables, targets, method) and its section of
// docs/benchmarks.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/cli.ts';
import { method } from './method.ts';
import { fmt, heapDelta, type Summary } from './targets.ts';
import type { PageRow, PeerResult, RunOptions } from './types.ts';

const DOCS = join(ROOT, 'docs', 'benchmarks.md');

/**
 * One Markdown table after its caption. `head` is the header row as written (cells separated by
 * " | "); the first two columns (page, throttle) are left-aligned, the numbers right-aligned; a
 * row of cells per result row (null: the row has no such measure).
 */
function table(caption: string, head: string, rows: Array<string[] | null>): string[] {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const columns = head.split(' | ').length;
  return [
    caption,
    '',
    `| ${head} |`,
    `|---|---|${'--:|'.repeat(columns - 2)}`,
    ...rows.filter((r) => r !== null).map(line),
    '',
  ];
}

function mainThreadTable(rows: PageRow[], o: RunOptions): string[] {
  const peerCells = (p: PeerResult) =>
    p.timedOut
      ? [`> ${o.peerTimeoutMs / 1000} s`, `> ${o.peerTimeoutMs / 1000} s`, '—']
      : [fmt(p.time?.totalMs), fmt(p.time?.longestTaskMs), String(p.marks)];
  return table(
    '**Main-thread time** (ms; wall time of the attributed intervals, CPU = thread time of our outermost trace events; load = 1-min load average when the row started):',
    'Page | CPU × | load | Ours ms | Ours CPU ms | Ours longest task (wall / CPU) | Ours highlights | ' +
      'mark.js ms | mark.js longest | mark.js marks | advanced-mark.js ms | adv. longest | adv. marks',
    rows.map((r) => {
      const t = r.ours.time;
      return [
        r.page,
        `${r.rate}×`,
        fmt(r.load1),
        fmt(t.totalMs),
        fmt(t.eventCpuMs),
        `${fmt(t.longestTaskMs)} / ${fmt(t.longestTaskCpuMs)}`,
        String(r.ours.highlights),
        ...peerCells(r.peers.markjs),
        ...peerCells(r.peers.advanced),
      ];
    }),
  );
}

function heapAndEditsTable(rows: PageRow[]): string[] {
  const triple = (a: number, b: number, c: number) => `${fmt(a)} / ${fmt(b)} / ${fmt(c)}`;
  return table(
    '**Heap and page DOM edits** (DOM-edit medians in ms: no extension / ours / MutationObserver-only control):',
    'Page | CPU × | Our heap Δ (MiB) | frames | DOM edits sync (none / ours / control) | ratio ours | ' +
      'ratio control | +µtasks (none / ours / control) | ratio ours | ratio control',
    rows.map((r) => {
      const e = r.edits;
      return [
        r.page,
        `${r.rate}×`,
        fmt(heapDelta(r) / 2 ** 20, 2),
        String(r.ours.contexts),
        triple(e.medianSyncWithout, e.medianSyncWith, e.medianSyncControl),
        fmt(e.ratioSync, 2),
        fmt(e.ratioSyncControl, 2),
        triple(e.medianMicroWithout, e.medianMicroWith, e.medianMicroControl),
        fmt(e.ratioWithMicrotasks, 2),
        fmt(e.ratioWithMicrotasksControl, 2),
      ];
    }),
  );
}

function sameTabTable(rows: PageRow[]): string[] {
  const pair = (a: number, b: number, d = 1) => `${fmt(a, d)} / ${fmt(b, d)}`;
  return table(
    "**Our highlights and the page's DOM edits, same tab** (medians in ms, sync loop / +µtasks): our highlights as painted (StaticRange), taken out of `CSS.highlights`, and the same ranges held as live `Range`s instead:",
    'Page | CPU × | ranges held | painted | removed | live Ranges | ratio painted / removed | ' +
      'ratio live / removed | paired painted / removed (pairs)',
    rows.map(({ page, rate, edits: e }) =>
      e.rangesHeld === undefined // runs from before this measure
        ? null
        : [
            page,
            `${rate}×`,
            String(e.rangesHeld),
            pair(e.medianSyncWith, e.medianMicroWith),
            pair(e.medianSyncRemoved, e.medianMicroRemoved),
            pair(e.medianSyncLive, e.medianMicroLive),
            pair(e.ratioSyncHighlights, e.ratioMicroHighlights, 2),
            pair(e.ratioSyncLive, e.ratioMicroLive, 2),
            e.pairs ? `${pair(e.pairedSync, e.pairedMicro, 2)} (${e.pairs})` : '—',
          ],
    ),
  );
}

function loadRange(meta: Record<string, unknown>): string {
  const l = meta.loadAverage1 as { start: number; end: number; rows: number[] };
  const all = [l.start, l.end, ...l.rows];
  return `${Math.min(...all).toFixed(1)}–${Math.max(...all).toFixed(1)}`;
}

export function markdown(result: Summary, rows: PageRow[], meta: Record<string, unknown>): string {
  const m = meta.machine as { cpu: string; cores: number; ramGiB: number };
  const o = meta.options as RunOptions;
  const s = result.size;
  return [
    '## Page highlighter',
    '',
    `Run ${String(meta.date)} · ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM · ${String(meta.chromium)} headless · ` +
      `${String(meta.aliases)} aliases (${String(meta.latinAliases)} Latin-edged, ${String(meta.otherAliases)} other) · ` +
      `${o.reps} DOM-edit repetitions · 1-min load average ${loadRange(meta)} (shared machine) · ` +
      `run took ${String(meta.durationS)} s including the build · ` +
      `raw data: \`bench/results/${String(meta.jsonFile)}\``,
    '',
    `Content script (store build, \`.output-bench-store\`): **${s.storeRaw} B** raw, ` +
      `**${s.storeGzip} B** gzip -9. Benchmarked test build (\`.output-bench\`, E2E_HOOKS=1): ` +
      `${s.raw} B raw, ${s.gzip} B gzip. Matcher data bundled in it: ${s.includesMatcher ? 'yes' : 'NO'}.`,
    '',
    ...mainThreadTable(rows, o),
    ...heapAndEditsTable(rows),
    ...sameTabTable(rows),
    'Targets (computed by the script from the rows above):',
    '',
    ...result.targets.map((t) => `- ${t.met ? '✅ met' : '❌ not met'} — ${t.name}: ${t.detail}`),
    '',
    method(o),
    '',
  ].join('\n');
}

/** Replaces the "Page highlighter" section of docs/benchmarks.md with `md` (or appends it). */
export function updateDocs(md: string): void {
  const header =
    '# Benchmarks\n\nRecorded results of the benchmarks in `bench/`. Each section is written from a real run;\nsee the section for the command and the machine.\n';
  let doc = existsSync(DOCS) ? readFileSync(DOCS, 'utf8') : header;
  const start = doc.search(/^## Page highlighter\s*$/m);
  const section =
    `${md.trim()}\n\nCommand: \`npm run bench -- highlight --docs\` (builds \`.output-bench\` and ` +
    `\`.output-bench-store\` first; options: see the comment at the top of \`bench/highlight.bench.ts\`).\n`;
  if (start < 0) {
    doc = `${doc.trimEnd()}\n\n${section}`;
  } else {
    const rest = doc.slice(start + 3);
    const next = rest.search(/^## /m);
    const end = next < 0 ? doc.length : start + 3 + next;
    doc = `${doc.slice(0, start)}${section}${next < 0 ? '' : '\n'}${doc.slice(end)}`;
  }
  writeFileSync(DOCS, doc.endsWith('\n') ? doc : `${doc}\n`);
}
