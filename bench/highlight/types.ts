// Highlight bench: the shape of one measured row, as recorded in bench/results/highlight-*.json.
import type { ScriptTime } from '../lib/trace.ts';
import type { PeerId } from './peers.ts';
import type { EditResult } from './in-page.ts';

export interface Heap {
  usedSize: number;
  embedderHeapUsedSize: number;
}

export interface OursResult {
  time: ScriptTime;
  /** ms between our last traced activity and the end of the trace (small = maybe cut short). */
  idleBeforeTraceEndMs: number;
  highlights: number;
  highlightsByName: Record<string, number>;
  topTexts: Array<[string, number]>;
  distinctTexts: number;
  heap: Heap;
  settledAfterMs: number;
  settleTimedOut: boolean;
  /** The content script's own stats at the end (E2E hook): slices, busyMs, maxSliceMs, phases. */
  lensStats: Record<string, unknown> | null;
  visibility: string;
  spinProbeMs: number;
  contexts: number;
  /** Console messages of the tab that mention policy-lens or our extension (any level). */
  console: string[];
}

export interface BaselineResult {
  heap: Heap;
  spinProbeMs: number;
}

export interface PeerResult {
  time: ScriptTime | null;
  /** performance.now() around the synchronous mark() calls (first call, and all calls). */
  firstMarkMs: number;
  allMarksMs: number;
  markCalls: number;
  matches: number;
  marks: number;
  topTexts: Array<[string, number]>;
  errors: string[];
  timedOut: boolean;
}

export interface EditsResult {
  withExt: EditResult[];
  without: EditResult[];
  control: EditResult[];
  medianSyncWith: number;
  medianSyncWithout: number;
  medianSyncControl: number;
  ratioSync: number;
  ratioSyncControl: number;
  medianMicroWith: number;
  medianMicroWithout: number;
  medianMicroControl: number;
  ratioWithMicrotasks: number;
  ratioWithMicrotasksControl: number;
  /** Same tab as `withExt`, our highlights taken out of CSS.highlights for the batch. */
  removed: EditResult[];
  /** Same tab, the same ranges as live Ranges instead of ours. */
  live: EditResult[];
  medianSyncRemoved: number;
  medianMicroRemoved: number;
  medianSyncLive: number;
  medianMicroLive: number;
  /** Highlights present vs removed, same tab (the cost of holding our highlights). */
  ratioSyncHighlights: number;
  ratioMicroHighlights: number;
  ratioSyncLive: number;
  ratioMicroLive: number;
  /** Painted ranges in the tab when the edits ran. */
  rangesHeld: number;
  /** Paired same-tab measure: median over pairs of painted / removed (sync, +µtasks). */
  pairs: number;
  pairedSync: number;
  pairedMicro: number;
  target: string;
}

export interface PageRow {
  /** 1-minute load average of the machine when the row started (other sessions share it). */
  load1: number;
  page: string;
  url: string;
  rate: number;
  ours: OursResult;
  baseline: BaselineResult;
  peers: Record<PeerId, PeerResult>;
  edits: EditsResult;
}

/** Content script sizes, bytes (NaN: no store build). */
export interface Size {
  raw: number;
  gzip: number;
  includesMatcher: boolean;
  otherFiles?: string[];
  storeRaw: number;
  storeGzip: number;
}

/** meta.options of a result file. */
export interface RunOptions {
  reps: number;
  pairs?: number;
  edits: number;
  quietMs: number;
  peerTimeoutMs: number;
  combinePatterns: boolean | number;
}
