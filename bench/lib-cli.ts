// Shared by the bench scripts: command-line options and where results are recorded.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
export const RESULTS_DIR = join(ROOT, 'bench', 'results');

/** `--name value` options and `--name` flags of this process (names with or without `--`). */
export function cli(argv: readonly string[] = process.argv.slice(2)) {
  const key = (name: string) => (name.startsWith('--') ? name : `--${name}`);
  return {
    opt(name: string, dflt: string): string {
      const k = argv.indexOf(key(name));
      return k >= 0 && argv[k + 1] ? argv[k + 1]! : dflt;
    },
    flag(name: string): boolean {
      return argv.includes(key(name));
    },
  };
}

/**
 * Writes `data` to bench/results/<prefix>-<UTC date>T<hhmm>Z.json (the file the docs cite) and
 * returns its path relative to the project.
 */
export function saveResult(prefix: string, data: unknown, dir = RESULTS_DIR): string {
  const stamp = new Date().toISOString().slice(0, 16).replace(':', '');
  const file = join(dir, `${prefix}-${stamp}Z.json`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
  return relative(ROOT, file);
}
