// Stages 3 and 4: edit distances that re-rank what fuse.js bitap accepted.

/** Edit distance with adjacent transpositions (optimal string alignment); callers cap the inputs. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
        v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length]!;
}

/**
 * Best approximate occurrence of `pattern` anywhere in `text` (Sellers' algorithm, edit distance
 * with free start and end in the text): the distance and the [start, end) of the matched span.
 */
export function bestSubstringMatch(
  pattern: string,
  text: string,
): { dist: number; start: number; end: number } {
  const m = pattern.length;
  const n = text.length;
  if (m === 0) return { dist: 0, start: 0, end: 0 };
  // column over the pattern; D[i] = distance of pattern[0..i) ending at the current text position
  let D = new Int32Array(m + 1);
  let S = new Int32Array(m + 1); // start position in text of the alignment in D[i]
  let D2 = new Int32Array(m + 1);
  let S2 = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    D[i] = i;
    S[i] = 0;
  }
  let best = { dist: m, start: 0, end: 0 };
  for (let j = 1; j <= n; j++) {
    const c = text.charCodeAt(j - 1);
    D2[0] = 0;
    S2[0] = j;
    for (let i = 1; i <= m; i++) {
      const sub = D[i - 1]! + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      const del = D[i]! + 1; // text char not in the pattern
      const ins = D2[i - 1]! + 1; // pattern char not in the text
      if (sub <= del && sub <= ins) {
        D2[i] = sub;
        S2[i] = S[i - 1]!;
      } else if (ins <= del) {
        D2[i] = ins;
        S2[i] = S2[i - 1]!;
      } else {
        D2[i] = del;
        S2[i] = S[i]!;
      }
    }
    const d = D2[m]!;
    if (d < best.dist || (d === best.dist && j - S2[m]! < best.end - best.start))
      best = { dist: d, start: S2[m]!, end: j };
    [D, D2] = [D2, D];
    [S, S2] = [S2, S];
  }
  return best;
}

/** 1 for equal strings, 0 for nothing in common: edit distance over the longer length. */
export function similarity(a: string, b: string): number {
  const m = Math.max(a.length, b.length);
  return m === 0 ? 1 : 1 - editDistance(a, b) / m;
}
