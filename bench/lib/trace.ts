// Shared by the benches: records a Chromium trace over CDP and attributes main-thread time to one script.
//
// What counts as "time spent in a script" (see docs/benchmarks.md, "Page highlighter"):
//  1. Trace events: every complete ("X") event on any thread whose args carry the script's URL
//     (args.data.url or args.fileName) — in practice EvaluateScript (first run of the script, with
//     the microtasks it triggers), FunctionCall (timer, idle-callback, event-listener,
//     MutationObserver and rAF callbacks) and v8.compile. Nested events are merged, not added.
//  2. CPU-profile samples (category disabled-by-default-v8.cpu_profiler, ~0.2 ms interval): every
//     sample whose stack contains a frame of the script. This catches promise continuations
//     (async functions resumed in a RunMicrotasks) that have no FunctionCall event of their own.
// The script's time is the length of the union of both sets of intervals, per thread.
// Its longest task is the largest amount of that time inside one top-level RunTask (a task of the
// thread's scheduler), reported together with that task's whole duration.
import type { CDPSession } from 'playwright-core';

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
];

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs. */
  tdur?: number;
  id?: string;
  args?: Record<string, unknown>;
}

export interface Tracer {
  stop(): Promise<TraceEvent[]>;
}

export async function startTrace(cdp: CDPSession): Promise<Tracer> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: Array<Record<string, unknown>> }) => {
    for (const ev of e.value) events.push(ev as unknown as TraceEvent);
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReportEvents',
  });
  return {
    async stop() {
      const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
      await cdp.send('Tracing.end');
      await done;
      cdp.off('Tracing.dataCollected', onData);
      return events;
    },
  };
}

type Interval = [number, number];

function mergeIntervals(list: Interval[]): Interval[] {
  const sorted = list.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Interval[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function overlap(merged: Interval[], a: number, b: number): number {
  // merged is sorted and disjoint; binary search the first interval ending after a
  let lo = 0;
  let hi = merged.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (merged[mid]![1] <= a) lo = mid + 1;
    else hi = mid;
  }
  let sum = 0;
  for (let k = lo; k < merged.length && merged[k]![0] < b; k++) {
    sum += Math.min(b, merged[k]![1]) - Math.max(a, merged[k]![0]);
  }
  return sum;
}

export interface ScriptTime {
  /** Union of event and sample time, ms. */
  totalMs: number;
  /** Trace events with the script's URL only (merged), ms. */
  eventMs: number;
  /** CPU-profile samples with a frame of the script only, ms. */
  sampleMs: number;
  /**
   * Thread (CPU) time of the script's outermost trace events (not nested in another of its
   * events), ms: less sensitive to a loaded machine than wall time. Misses sample-only time.
   */
  eventCpuMs: number;
  /** Largest such CPU time inside one top-level task, ms. */
  longestTaskCpuMs: number;
  /** Largest script time inside one top-level task, ms. */
  longestTaskMs: number;
  /** Whole duration of that task (it may include the page's own work), ms. */
  longestTaskWholeMs: number;
  /** Longest whole task that contains any of the script's time, ms. */
  longestContainingTaskMs: number;
  /** Top-level tasks that contain any of the script's time. */
  tasks: number;
  /** Tasks in which the script ran more than 50 ms. */
  tasksOver50: number;
  /** Our events inside the longest task: name, function, duration (ms), start after trace start (ms). */
  longestTaskDetail: Array<{ name: string; fn: string; ms: number; atMs: number }>;
  /** Event names that carried the URL, with counts. */
  eventNames: Record<string, number>;
  samples: number;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string };
}

/** The script's event and sample intervals of one thread (key `pid:tid`), µs. */
type Threads = Map<string, { ev: Interval[]; smp: Interval[] }>;

interface OurEvent {
  key: string;
  name: string;
  fn: string;
  a: number;
  b: number;
  cpu: number;
}

function threadOf(byThread: Threads, pid: number, tid: number) {
  const key = `${pid}:${tid}`;
  let t = byThread.get(key);
  if (!t) byThread.set(key, (t = { ev: [], smp: [] }));
  return t;
}

/** (1) Complete events whose args carry the script's URL. */
function collectEvents(events: TraceEvent[], isOurs: (url: string) => boolean, byThread: Threads) {
  const ourEvents: OurEvent[] = [];
  const eventNames: Record<string, number> = {};
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const data = (e.args?.data ?? {}) as { url?: unknown };
    const url =
      typeof data.url === 'string' ? data.url : typeof e.args?.fileName === 'string' ? e.args.fileName : '';
    if (!url || !isOurs(url)) continue;
    eventNames[e.name] = (eventNames[e.name] ?? 0) + 1;
    threadOf(byThread, e.pid, e.tid).ev.push([e.ts, e.ts + e.dur]);
    const fn = (e.args?.data as { functionName?: string } | undefined)?.functionName ?? '';
    ourEvents.push({
      key: `${e.pid}:${e.tid}`,
      name: e.name,
      fn,
      a: e.ts,
      b: e.ts + e.dur,
      cpu: e.tdur ?? e.dur,
    });
  }
  return { ourEvents, eventNames };
}

/** (2) CPU-profile samples with a frame of the script; returns how many. */
function collectSamples(events: TraceEvent[], isOurs: (url: string) => boolean, byThread: Threads): number {
  // CPU profiles: a "Profile" event (on the profiled thread) then "ProfileChunk"s with the same id.
  const profiles = new Map<
    string,
    {
      pid: number;
      tid: number;
      start: number;
      t: number;
      nodes: Map<number, ProfileNode>;
      ours: Map<number, boolean>;
    }
  >();
  let samples = 0;
  for (const e of events) {
    if (e.name !== 'Profile' && e.name !== 'ProfileChunk') continue;
    const key = `${e.pid}:${e.id ?? ''}`;
    const data = (e.args?.data ?? {}) as {
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
    if (e.name === 'Profile') {
      profiles.set(key, {
        pid: e.pid,
        tid: e.tid,
        start: data.startTime ?? e.ts,
        t: data.startTime ?? e.ts,
        nodes: new Map(),
        ours: new Map(),
      });
      continue;
    }
    const p = profiles.get(key);
    if (!p) continue;
    for (const n of data.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    const oursNode = (id: number): boolean => {
      const known = p.ours.get(id);
      if (known !== undefined) return known;
      const n = p.nodes.get(id);
      const v =
        !!n &&
        ((!!n.callFrame.url && isOurs(n.callFrame.url)) || (n.parent !== undefined && oursNode(n.parent)));
      p.ours.set(id, v);
      return v;
    };
    // A sample stands for the time until the next one; the last of a chunk gets the median gap.
    const times: number[] = [];
    for (let k = 0; k < ids.length; k++) {
      p.t += deltas[k] ?? 0;
      times.push(p.t);
    }
    for (let k = 0; k < ids.length; k++) {
      if (!oursNode(ids[k]!)) continue;
      const t0 = times[k]!;
      const gap = k + 1 < times.length ? times[k + 1]! - t0 : Math.min(deltas[k] ?? 200, 1000);
      threadOf(byThread, p.pid, p.tid).smp.push([t0, t0 + Math.min(Math.max(gap, 0), 1000)]);
      samples++;
    }
  }
  return samples;
}

/** Top-level tasks (RunTask) of the threads the script ran on, merged, per thread. */
function topTasks(events: TraceEvent[], byThread: Threads): Map<string, Interval[]> {
  const tasksByThread = new Map<string, Interval[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'RunTask' || !e.dur) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!byThread.has(key)) continue;
    let list = tasksByThread.get(key);
    if (!list) tasksByThread.set(key, (list = []));
    list.push([e.ts, e.ts + e.dur]);
  }
  for (const [key, list] of tasksByThread) tasksByThread.set(key, mergeIntervals(list));
  return tasksByThread;
}

/** Totals (µs) and the task holding most of the script's time. */
function wallTimes(byThread: Threads, tasksByThread: Map<string, Interval[]>) {
  const r = {
    total: 0,
    evTotal: 0,
    smpTotal: 0,
    longest: 0,
    longestWhole: 0,
    longestContaining: 0,
    tasks: 0,
    over50: 0,
    longestAt: null as { key: string; a: number; b: number } | null,
  };
  for (const [key, t] of byThread) {
    const all = mergeIntervals([...t.ev, ...t.smp]);
    for (const [a, b] of mergeIntervals(t.ev)) r.evTotal += b - a;
    for (const [a, b] of mergeIntervals(t.smp)) r.smpTotal += b - a;
    for (const [a, b] of all) r.total += b - a;
    for (const [a, b] of tasksByThread.get(key) ?? []) {
      const mine = overlap(all, a, b);
      if (mine <= 0) continue;
      r.tasks++;
      if (mine > 50_000) r.over50++;
      if (mine > r.longest) {
        r.longest = mine;
        r.longestWhole = b - a;
        r.longestAt = { key, a, b };
      }
      r.longestContaining = Math.max(r.longestContaining, b - a);
    }
  }
  return r;
}

/** CPU time (µs) of the script's outermost events, in all and in its busiest task. */
function cpuTimes(ourEvents: OurEvent[], tasksByThread: Map<string, Interval[]>) {
  let eventCpu = 0;
  let longestCpu = 0;
  const sorted = [...ourEvents].sort((x, y) =>
    x.key < y.key ? -1 : x.key > y.key ? 1 : x.a - y.a || y.b - x.b,
  );
  let cur: { key: string; b: number } | null = null;
  const perTask = new Map<string, number>();
  for (const e of sorted) {
    if (cur && cur.key === e.key && e.a < cur.b) continue; // nested in an outer event of ours
    cur = { key: e.key, b: e.b };
    eventCpu += e.cpu;
    const task = (tasksByThread.get(e.key) ?? []).find(([a, b]) => a <= e.a && e.b <= b);
    const tk = task ? `${e.key}@${task[0]}` : `${e.key}@${e.a}`;
    perTask.set(tk, (perTask.get(tk) ?? 0) + e.cpu);
  }
  for (const v of perTask.values()) longestCpu = Math.max(longestCpu, v);
  return { eventCpu, longestCpu };
}

/** Attributes main-thread time to every script whose URL satisfies `isOurs`. */
export function scriptTime(events: TraceEvent[], isOurs: (url: string) => boolean): ScriptTime {
  let traceStart = Infinity;
  for (const e of events) if (e.ts > 0 && e.ph !== 'M') traceStart = Math.min(traceStart, e.ts);
  const byThread: Threads = new Map();
  const { ourEvents, eventNames } = collectEvents(events, isOurs, byThread);
  const samples = collectSamples(events, isOurs, byThread);
  const tasksByThread = topTasks(events, byThread);
  const w = wallTimes(byThread, tasksByThread);
  const { eventCpu, longestCpu } = cpuTimes(ourEvents, tasksByThread);
  const at = w.longestAt;
  const longestTaskDetail = at
    ? ourEvents
        .filter((e) => e.key === at.key && e.a >= at.a && e.b <= at.b)
        .sort((x, y) => y.b - y.a - (x.b - x.a))
        .slice(0, 6)
        .map((e) => ({ name: e.name, fn: e.fn, ms: (e.b - e.a) / 1000, atMs: (e.a - traceStart) / 1000 }))
    : [];
  return {
    longestTaskDetail,
    eventCpuMs: eventCpu / 1000,
    longestTaskCpuMs: longestCpu / 1000,
    totalMs: w.total / 1000,
    eventMs: w.evTotal / 1000,
    sampleMs: w.smpTotal / 1000,
    longestTaskMs: w.longest / 1000,
    longestTaskWholeMs: w.longestWhole / 1000,
    longestContainingTaskMs: w.longestContaining / 1000,
    tasks: w.tasks,
    tasksOver50: w.over50,
    eventNames,
    samples,
  };
}
