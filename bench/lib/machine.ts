// Shared by the benches: what machine a run was on (results are only comparable on the same one).
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** The CPU model name (/proc/cpuinfo on Linux, where node's own name can be empty). */
export function cpuModel(): string {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) return m[1]!.trim();
  } catch {
    // not Linux: node's name below
  }
  return cpus()[0]?.model ?? 'unknown';
}
