// Shared by the benches: command-line options, progress log and where results are recorded.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const RESULTS_DIR = join(ROOT, 'bench', 'results');

/**
 * `--name value` options and `--name` flags of this process (names with or without `--`).
 * `--quick` swaps in each option's quick default (a smoke run: smallest sizes, results to a temp
 * dir unless `--out` says otherwise), so every bench can be checked in a minute or two.
 */
export function cli(argv: readonly string[] = process.argv.slice(2)) {
  const key = (name: string) => (name.startsWith('--') ? name : `--${name}`);
  const flag = (name: string): boolean => argv.includes(key(name));
  const quick = flag('quick');
  const opt = (name: string, dflt: string, quickDflt = dflt): string => {
    const k = argv.indexOf(key(name));
    return k >= 0 && argv[k + 1] ? argv[k + 1]! : quick ? quickDflt : dflt;
  };
  return {
    opt,
    flag,
    quick,
    num: (name: string, dflt: number, quickDflt = dflt): number =>
      Number(opt(name, String(dflt), String(quickDflt))),
    /** `--out <dir>` (relative to the project), else bench/results; quick runs go to a temp dir. */
    outDir: (): string =>
      resolve(ROOT, opt('out', quick ? join(tmpdir(), 'policy-lens-bench-quick') : RESULTS_DIR)),
  };
}

/** `2026-11-24T0635`: the UTC minute of a run, as result files are named. */
export function utcStamp(date = new Date()): string {
  return date.toISOString().slice(0, 16).replace(':', '');
}

/**
 * Writes `data` to <dir>/<prefix>-<UTC date>T<hhmm>Z.json (the file the docs cite) and returns
 * its path relative to the project (absolute when outside it).
 */
export function saveResult(prefix: string, data: unknown, dir = RESULTS_DIR, date = new Date()): string {
  const file = join(dir, `${prefix}-${utcStamp(date)}Z.json`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
  const rel = relative(ROOT, file);
  return rel.startsWith('..') ? file : rel;
}

/** Progress line with the UTC time of day (long runs: to see where the time goes). */
export const log = (...a: unknown[]) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...a);
