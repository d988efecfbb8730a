// Shared by the benches: the summary statistics every result file reports.

/** Rounds to `d` decimals; NaN and ±Infinity pass through (shown as "—" or null). */
export function round(x: number, d = 1): number {
  return Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : x;
}

export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Nearest-rank percentile, `p` in 0..1 (p = 0.5 of an even count is the lower middle). */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]! : NaN;
}

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

/** n / p50 / p95 / max, rounded to `digits` decimals (NaN where there are no samples). */
export function summary(xs: number[], digits = 2): Stats {
  return {
    n: xs.length,
    p50: round(percentile(xs, 0.5), digits),
    p95: round(percentile(xs, 0.95), digits),
    max: xs.length ? round(Math.max(...xs), digits) : NaN,
  };
}
