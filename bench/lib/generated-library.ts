// A synthetic personal library for search benchmarks (issue #11 item 2): `n` passages of generated
// text of about `chars` characters each, built from the shipped corpus's own vocabulary (its
// passages cut into words and CJK runs, reshuffled by a seeded PRNG) with glossary names mixed in
// as real occurrences. No third-party text; built at run time, never shipped.
import type { CorpusData, CorpusDocument, Occurrence, Passage } from '../../lib/core/types.ts';

/** mulberry32: a small seeded PRNG (the same library every run). */
/** mulberry32: the same pseudo-random sequence for a seed on every run (shared by the benches). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pieces of the corpus: Latin words (with their spacing) per language family, CJK runs. */
function vocabulary(d: CorpusData): { latin: string[]; cjk: string[] } {
  const latin: string[] = [];
  const cjk: string[] = [];
  for (const p of d.passages) {
    for (const m of p.text.matchAll(/[\p{Script=Latin}\d'’-]+/gu)) latin.push(m[0]);
    // CJK text as runs of 2–8 characters, the grain of Chinese/Japanese words and phrases.
    for (const m of p.text.matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu)) {
      const run = m[0];
      for (let i = 0; i < run.length; i += 4) cjk.push(run.slice(i, i + 2 + ((i * 7) % 7)));
    }
  }
  return { latin, cjk };
}

export interface LibraryOptions {
  passages: number;
  /** Characters per passage, about. */
  chars: number;
  seed?: number;
  /** Passages per document. */
  perDoc?: number;
}

export function generateLibrary(d: CorpusData, o: LibraryOptions): CorpusData {
  const rnd = prng(o.seed ?? 11);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const { latin, cjk } = vocabulary(d);
  const names = d.concepts.flatMap((c) =>
    (['en', 'ja', 'zh-Hans', 'vi'] as const).flatMap((l) =>
      c.labels[l] ? [{ id: c.id, text: c.labels[l]! }] : [],
    ),
  );
  const perDoc = o.perDoc ?? 50;
  const out: CorpusData = { ...d, documents: [], passages: [], occurrences: {} };
  for (const c of d.concepts) out.occurrences[c.id] = [];
  const template = d.documents[0]!;
  for (let i = 0; i < o.passages; i++) {
    const docId = `lib${String(Math.floor(i / perDoc)).padStart(5, '0')}`;
    const index = i % perDoc;
    const id = `${docId}/p${String(index).padStart(3, '0')}`;
    // A third of the library in English-like text, two thirds in CJK-like text (the corpus's mix).
    const english = rnd() < 0.34;
    let text = '';
    const occ: Array<{ cid: string; start: number; end: number }> = [];
    while (text.length < o.chars) {
      if (rnd() < 0.02) {
        const n = pick(names);
        occ.push({ cid: n.id, start: text.length, end: text.length + n.text.length });
        text += n.text;
        text += english ? ' ' : '、';
      } else if (english) text += `${pick(latin)} `;
      else text += pick(cjk);
    }
    const passage: Passage = { id, docId, index, text, start: 0, end: text.length, section: [] };
    out.passages.push(passage);
    for (const { cid, start, end } of occ) {
      const list = out.occurrences[cid]!;
      const e: Occurrence = { docId, passageId: id, start, end };
      list.push(e);
    }
    if (index === 0) {
      const doc: CorpusDocument = {
        ...template,
        id: docId,
        title: `Synthetic ${docId}`,
        titleEn: `Synthetic ${docId}`,
        versions: [],
        passageIds: [],
        text: '',
      };
      out.documents.push(doc);
    }
    out.documents[out.documents.length - 1]!.passageIds.push(id);
  }
  const textOf = new Map(out.passages.map((p) => [p.id, p.text]));
  for (const doc of out.documents) doc.text = doc.passageIds.map((pid) => textOf.get(pid)!).join('\n\n');
  return out;
}
