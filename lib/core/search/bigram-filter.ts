// Stages 3 and 4: character-bigram prefilter choosing the few strings fuse.js bitap runs on.

export function bigramKeys(pattern: string): Set<number> {
  const keys = new Set<number>();
  for (let i = 0; i + 1 < pattern.length; i++)
    keys.add(pattern.charCodeAt(i) * 65536 + pattern.charCodeAt(i + 1));
  return keys;
}

/** [start, end) of the part of `text` (about 3 pattern lengths) richest in the pattern's bigrams. */
export function densestWindow(text: string, keys: ReadonlySet<number>, m: number): [number, number] {
  const width = Math.max(8, 2 * m);
  if (text.length <= width + m) return [0, text.length];
  const hit = new Uint8Array(text.length);
  for (let i = 0; i + 1 < text.length; i++) {
    if (keys.has(text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1))) hit[i] = 1;
  }
  let sum = 0;
  for (let i = 0; i < width; i++) sum += hit[i]!;
  let best = sum;
  let bestAt = 0;
  for (let i = width; i < text.length; i++) {
    sum += hit[i]! - hit[i - width]!;
    if (sum > best) {
      best = sum;
      bestAt = i - width + 1;
    }
  }
  const pad = Math.ceil(m / 2);
  return [Math.max(0, bestAt - pad), Math.min(text.length, bestAt + width + pad)];
}

/** Character-bigram inverted index over a list of strings: the cheap prefilter before fuse.js. */
export class BigramFilter {
  private readonly lists = new Map<number, Int32Array>();
  private readonly sizes: Int32Array;
  private readonly counts: Int32Array;

  constructor(strings: readonly string[]) {
    const lists = new Map<number, number[]>();
    this.sizes = new Int32Array(strings.length);
    this.counts = new Int32Array(strings.length);
    for (let si = 0; si < strings.length; si++) {
      const s = strings[si]!;
      let distinct = 0;
      for (let i = 0; i + 1 < s.length; i++) {
        const key = s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);
        let l = lists.get(key);
        if (!l) lists.set(key, (l = []));
        if (l[l.length - 1] !== si) {
          l.push(si);
          distinct++;
        }
      }
      this.sizes[si] = Math.max(1, distinct);
    }
    for (const [k, l] of lists) this.lists.set(k, Int32Array.from(l));
  }

  /**
   * Up to `max` string indices sharing the most distinct bigrams with `pattern` (at least a
   * quarter of them). `dice`: rank by 2*shared/(|pattern|+|string|) instead of by shared count
   * (for short strings such as concept names). Work is bounded by the posting lists touched.
   */
  candidates(pattern: string, max: number, dice: boolean): number[] {
    const keys = bigramKeys(pattern);
    if (keys.size === 0) return [];
    const counts = this.counts;
    const touched: number[] = [];
    for (const k of keys) {
      const l = this.lists.get(k);
      if (!l) continue;
      for (let j = 0; j < l.length; j++) {
        const si = l[j]!;
        if (counts[si] === 0) touched.push(si);
        counts[si]!++;
      }
    }
    const minShared = Math.max(1, Math.ceil(keys.size * 0.25));
    const out = dice
      ? this.byDice(touched, keys.size, minShared, max)
      : byShared(touched, counts, minShared, max);
    for (const si of touched) counts[si] = 0;
    return out;
  }

  private byDice(touched: number[], keyCount: number, minShared: number, max: number): number[] {
    const counts = this.counts;
    const cand = touched.filter((si) => counts[si]! >= minShared);
    const rank = new Map(cand.map((si) => [si, (2 * counts[si]!) / (keyCount + this.sizes[si]!)]));
    cand.sort((a, b) => rank.get(b)! - rank.get(a)! || a - b);
    return cand.slice(0, max);
  }
}

/** Bucketed by shared count (<= keys.size): linear in the strings touched, no full sort. */
export function byShared(touched: number[], counts: Int32Array, minShared: number, max: number): number[] {
  const buckets: number[][] = [];
  for (const si of touched) {
    const c = counts[si]!;
    if (c >= minShared) (buckets[c] ??= []).push(si);
  }
  const out: number[] = [];
  for (let c = buckets.length - 1; c >= minShared && out.length < max; c--) {
    const b = buckets[c];
    if (!b) continue;
    b.sort((x, y) => x - y);
    for (const si of b) {
      if (out.length >= max) break;
      out.push(si);
    }
  }
  return out;
}
