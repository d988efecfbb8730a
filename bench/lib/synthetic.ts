// The synthetic corpus for search benchmarks: `k` copies of every document of the shipped corpus,
// passages rotated per copy and a per-copy token appended, concepts and occurrences carried along.
// Built by the benchmarks at run time; never shipped.
import type { CorpusData, Occurrence, Passage } from '../../lib/core/types.ts';

export function scale(d: CorpusData, k: number): CorpusData {
  const byDoc = new Map<string, Passage[]>();
  for (const p of d.passages) {
    const l = byDoc.get(p.docId) ?? [];
    l.push(p);
    byDoc.set(p.docId, l);
  }
  const out: CorpusData = { ...d, documents: [], passages: [], occurrences: {} };
  for (const c of d.concepts) out.occurrences[c.id] = [];
  const occByPassage = new Map<string, Array<{ id: string; o: Occurrence }>>();
  for (const [id, list] of Object.entries(d.occurrences)) {
    for (const o of list) {
      const l = occByPassage.get(o.passageId) ?? [];
      l.push({ id, o });
      occByPassage.set(o.passageId, l);
    }
  }
  for (let copy = 0; copy < k; copy++) {
    for (const doc of d.documents) {
      const ps = byDoc.get(doc.id) ?? [];
      const docId = `${doc.id}c${copy}`;
      const rot = ps.length ? copy % ps.length : 0;
      const rotated = [...ps.slice(rot), ...ps.slice(0, rot)];
      const ids: string[] = [];
      rotated.forEach((p, i) => {
        const id = `${docId}/p${String(i).padStart(2, '0')}`;
        const text = `${p.text} [${copy}]`;
        out.passages.push({ ...p, id, docId, index: i, text });
        ids.push(id);
        for (const { id: cid, o } of occByPassage.get(p.id) ?? []) {
          out.occurrences[cid]!.push({ ...o, passageId: id, docId });
        }
      });
      out.documents.push({
        ...doc,
        id: docId,
        passageIds: ids,
        text: rotated.map((p) => p.text).join('\n\n'),
      });
    }
  }
  return out;
}
