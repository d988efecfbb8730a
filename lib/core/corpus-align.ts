// Corpus build, alignment: pairs the paragraphs of a document's language versions by structure
// (one to one when the structures agree, else longest common subsequence of headings and dates).

import { headingLevel } from './corpus-sections.ts';
import type { CorpusDocument, Passage } from './types.ts';

/** Coarse structural signature of a paragraph: heading level and whether it is a dateline. */
function signature(text: string): string {
  if (/^\d{4}-\d{2}-\d{2}( \d{1,2}:\d{2})?$/.test(text)) return 'date';
  const h = headingLevel(text);
  return h > 0 ? `h${h}` : 'p';
}

/**
 * Align the paragraphs of two language versions. Equal counts with equal structural
 * signatures align one to one (the case of 000 <-> 002: 10 passages each). Otherwise the
 * structural signatures are aligned by longest common subsequence and the runs between
 * anchors are paired one to one when they have equal length; unequal runs stay unaligned.
 * Returns index pairs [a, b].
 */
export function alignPassages(a: string[], b: string[]): Array<[number, number]> {
  const sa = a.map(signature);
  const sb = b.map(signature);
  if (a.length === b.length && sa.every((s, i) => s === sb[i])) return a.map((_, i) => [i, i]);
  // LCS on signatures, anchors only for headings and dates
  const n = sa.length;
  const m = sb.length;
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[i]![j] =
        sa[i] === sb[j] && sa[i] !== 'p' ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const anchors: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (sa[i] === sb[j] && sa[i] !== 'p' && dp[i]![j] === dp[i + 1]![j + 1]! + 1) {
      anchors.push([i, j]);
      i++;
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  const pairs: Array<[number, number]> = [];
  let pa = 0;
  let pb = 0;
  for (const [ai, bj] of [...anchors, [n, m] as [number, number]]) {
    if (ai - pa === bj - pb) for (let k = 0; k < ai - pa; k++) pairs.push([pa + k, pb + k]);
    if (ai < n && bj < m) pairs.push([ai, bj]);
    pa = ai + 1;
    pb = bj + 1;
  }
  return pairs;
}

/** Fill `aligned` on the passages of every document that lists other versions. */
export function alignVersions(docs: CorpusDocument[], passages: Passage[]): void {
  const byDoc = new Map<string, Passage[]>();
  for (const p of passages) {
    const list = byDoc.get(p.docId) ?? [];
    list.push(p);
    byDoc.set(p.docId, list);
  }
  for (const doc of docs) {
    for (const other of doc.versions) {
      if (other <= doc.id) continue; // each pair once
      const pa = byDoc.get(doc.id) ?? [];
      const pb = byDoc.get(other) ?? [];
      for (const [i, j] of alignPassages(
        pa.map((p) => p.text),
        pb.map((p) => p.text),
      )) {
        const x = pa[i]!;
        const y = pb[j]!;
        x.aligned = [...(x.aligned ?? []), y.id].sort();
        y.aligned = [...(y.aligned ?? []), x.id].sort();
      }
    }
  }
}
