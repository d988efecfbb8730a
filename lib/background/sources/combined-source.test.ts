// The combined source over two fixture sources: merge order, limit, routing, a failing source.
import { describe, expect, it } from 'vitest';
import { makeFixture } from '../../core/search/search.fixture.ts';
import { buildSearchIndex } from '../../core/search/index-data.ts';
import type { ConceptSummary, CorpusData, SearchHit, SearchResult } from '../../core/types.ts';
import { createBundledSource } from './bundled-source.ts';
import { combineSources } from './combined-source.ts';
import type { CorpusSource, DocumentView } from './corpus-source.ts';

const hit = (passageId: string, kind: SearchHit['kind'], score: number): SearchHit => ({
  passageId,
  docId: passageId.split('/')[0]!,
  score,
  kind,
  snippet: passageId,
  marks: [],
  conceptIds: [],
});
const result = (hits: SearchHit[], extra: Partial<SearchResult> = {}): SearchResult => ({
  query: 'q',
  normalized: 'q',
  truncated: false,
  expandedConceptIds: [],
  concepts: [],
  hits,
  suggestions: [],
  ...extra,
});
const summary = (id: string, occurrenceCount: number): ConceptSummary => ({
  id,
  category: 'formulation',
  labels: { en: id, ja: id, 'zh-Hans': id, 'zh-Hant': id },
  occurrenceCount,
});
const doc = (id: string) =>
  ({ document: { id }, passages: [], conceptsByPassage: {} }) as unknown as DocumentView;

/** A source answering from fixed data; `calls` records what it was asked. */
function fake(id: string, answers: { search?: SearchResult; summaries?: ConceptSummary[]; docs?: string[] }) {
  const calls: string[] = [];
  const source: CorpusSource = {
    id,
    kind: 'user',
    search: async (_q, opts) => {
      calls.push(`search:${opts?.limit ?? ''}`);
      return answers.search ?? result([]);
    },
    conceptDetails: async (cid) => {
      calls.push(`details:${cid}`);
      const s = answers.summaries?.find((x) => x.id === cid);
      if (!s) return null;
      const occ = { docId: id, passageId: `${id}/p00`, snippet: id, marks: [] as Array<[number, number]> };
      return { concept: { id: cid, source: id } as never, occurrences: [occ] };
    },
    conceptSummaries: async (ids) => {
      calls.push('summaries');
      const all = answers.summaries ?? [];
      return ids ? all.filter((s) => ids.includes(s.id)) : all;
    },
    listDocuments: async () => {
      calls.push('list');
      return (answers.docs ?? []).map((d) => ({ id: d }) as never);
    },
    getDocument: async (docId) => {
      calls.push(`doc:${docId}`);
      return answers.docs?.includes(docId) ? doc(docId) : null;
    },
  };
  return { source, calls };
}

/** A source whose every query fails (synchronously for search, by rejection otherwise). */
function broken(id: string): CorpusSource {
  const fail = () => Promise.reject(new Error(`${id} is down`));
  return {
    id,
    kind: 'remote',
    search: () => {
      throw new Error(`${id} is down`);
    },
    conceptDetails: fail,
    conceptSummaries: fail,
    listDocuments: fail,
    getDocument: fail,
  };
}

const quiet = () => undefined;

describe('combined source: search', () => {
  const a = fake('a', {
    search: result([hit('a/p0', 'exact', 0.05), hit('a/p1', 'fuzzy', 0.3)], {
      concepts: [{ conceptId: 'x', score: 0.2 }],
      expandedConceptIds: ['x'],
    }),
  });
  const b = fake('b', {
    search: result([hit('b/p0', 'exact', 0.01), hit('b/p1', 'concept', 0.1), hit('b/p2', 'fuzzy', 0.3)], {
      concepts: [
        { conceptId: 'x', score: 0.1 },
        { conceptId: 'y', score: 0.15 },
      ],
      expandedConceptIds: ['y', 'x'],
      truncated: true,
    }),
  });

  it('merges hits by kind, then score; ties keep source order', async () => {
    const r = await combineSources([a.source, b.source]).search('q');
    expect(r.hits.map((h) => h.passageId)).toEqual(['b/p0', 'a/p0', 'b/p1', 'a/p1', 'b/p2']);
    expect(r.concepts).toEqual([
      { conceptId: 'x', score: 0.1 },
      { conceptId: 'y', score: 0.15 },
    ]);
    expect(r.expandedConceptIds).toEqual(['x', 'y']);
    expect(r.truncated).toBe(true);
    expect(r.suggestions).toEqual([]);
  });

  it('passes the limit on and cuts the merged list to it (default and maximum like the core)', async () => {
    a.calls.length = 0;
    const r = await combineSources([a.source, b.source]).search('q', { limit: 3 });
    expect(r.hits.map((h) => h.passageId)).toEqual(['b/p0', 'a/p0', 'b/p1']);
    expect(a.calls).toEqual(['search:3']);
    const many = (id: string) =>
      fake(id, { search: result(Array.from({ length: 150 }, (_, i) => hit(`${id}/p${i}`, 'fuzzy', 0.5))) });
    const c = combineSources([many('m').source, many('n').source]);
    expect((await c.search('q')).hits.length).toBe(20);
    expect((await c.search('q', { limit: 1000 })).hits.length).toBe(200);
  });

  it('offers suggestions only when no source has a hit', async () => {
    const none = fake('none', { search: result([], { suggestions: ['六稳', '六保'] }) });
    const other = fake('other', { search: result([], { suggestions: ['六保', '两个维护'] }) });
    expect((await combineSources([none.source, other.source]).search('q')).suggestions).toEqual([
      '六稳',
      '六保',
      '两个维护',
    ]);
    expect((await combineSources([none.source, a.source]).search('q')).suggestions).toEqual([]);
  });

  it('answers with the concepts when no source has a hit, occurrences summed over sources', async () => {
    const answer = (occurrenceCount: number) => ({
      id: 'belt-and-road',
      category: 'plan' as const,
      labels: { en: 'Belt and Road', ja: '一帯一路', 'zh-Hans': '一带一路', 'zh-Hant': '一帶一路' },
      definition: { en: 'd' },
      occurrenceCount,
    });
    const one = fake('one', { search: result([], { conceptAnswers: [answer(0)] }) });
    const two = fake('two', { search: result([], { conceptAnswers: [answer(2)] }) });
    const r = await combineSources([one.source, two.source]).search('q');
    expect(r.conceptAnswers).toEqual([answer(2)]);
    expect((await combineSources([one.source, a.source]).search('q')).conceptAnswers).toBeUndefined();
  });

  it('leaves a failing source out and logs it; all failing gives an empty result', async () => {
    const errors: string[] = [];
    const c = combineSources([broken('down'), a.source], { onError: (id, op) => errors.push(`${id}:${op}`) });
    const r = await c.search('q');
    expect(r.hits.map((h) => h.passageId)).toEqual(['a/p0', 'a/p1']);
    expect(errors).toEqual(['down:search']);
    const empty = await combineSources([broken('x'), broken('y')], { onError: quiet }).search('六稳');
    expect(empty).toMatchObject({ query: '六稳', hits: [], concepts: [], suggestions: [] });
  });

  it('returns a lone answer exactly as its source gave it', async () => {
    const only = await b.source.search('q');
    expect(await combineSources([b.source]).search('q')).toEqual(only);
  });
});

describe('combined source: concepts and documents', () => {
  const a = fake('a', { summaries: [summary('x', 2), summary('y', 1)], docs: ['a1', 'a2'] });
  const b = fake('b', { summaries: [summary('y', 3), summary('z', 4)], docs: ['b1'] });
  const errors: string[] = [];
  const c = combineSources([a.source, broken('down'), b.source], {
    onError: (id, op) => errors.push(`${id}:${op}`),
  });

  it('merges concept details: the first source’s concept, everyone’s occurrences', async () => {
    const d = await c.conceptDetails('y');
    expect(d?.concept).toEqual({ id: 'y', source: 'a' });
    expect(d?.occurrences.map((o) => o.docId)).toEqual(['a', 'b']);
    expect((await c.conceptDetails('z'))?.occurrences.length).toBe(1);
    expect(await c.conceptDetails('nowhere')).toBeNull();
  });

  it('sums summaries over sources, in the order of the ids asked for', async () => {
    expect((await c.conceptSummaries()).map((s) => [s.id, s.occurrenceCount])).toEqual([
      ['x', 2],
      ['y', 4],
      ['z', 4],
    ]);
    expect((await c.conceptSummaries(['z', 'x', 'missing'])).map((s) => s.id)).toEqual(['z', 'x']);
  });

  it('concatenates document lists and routes getDocument to the owning source', async () => {
    expect((await c.listDocuments()).map((d) => d.id)).toEqual(['a1', 'a2', 'b1']);
    a.calls.length = 0;
    b.calls.length = 0;
    expect((await c.getDocument('b1'))?.document.id).toBe('b1');
    expect(a.calls).toEqual([]); // b owns it: a is not asked
    expect(b.calls).toEqual(['doc:b1']);
    expect(await c.getDocument('nowhere')).toBeNull();
    expect(errors).toContain('down:getDocument');
  });

  it('routes a document it has not listed by asking the sources in order', async () => {
    const x = fake('x', { docs: ['x1'] });
    const y = fake('y', { docs: ['y1'] });
    const fresh = combineSources([x.source, y.source]);
    expect((await fresh.getDocument('y1'))?.document.id).toBe('y1');
    expect(x.calls).toEqual(['doc:y1']);
    x.calls.length = 0;
    await fresh.getDocument('y1');
    expect(x.calls).toEqual([]); // remembered
  });
});

describe('combined source over two bundled corpora', () => {
  const full = makeFixture();
  /** The fixture corpus restricted to some documents (each is a whole corpus of its own). */
  const part = (ids: string[]): CorpusData => {
    const keep = new Set(ids);
    const occurrences = Object.fromEntries(
      Object.entries(full.occurrences).map(([id, list]) => [id, list.filter((o) => keep.has(o.docId))]),
    );
    return {
      ...full,
      documents: full.documents.filter((d) => keep.has(d.id)),
      passages: full.passages.filter((p) => keep.has(p.docId)),
      occurrences,
    };
  };
  const source = (id: string, data: CorpusData) =>
    createBundledSource(() => ({ data, index: buildSearchIndex(data) }), id);
  const c = combineSources([source('one', part(['000', '001', '002'])), source('two', part(['003', '004']))]);

  it('finds passages of both and answers each document from its owner', async () => {
    const r = await c.search('两个维护', { limit: 5 });
    expect(r.hits.map((h) => h.passageId)).toEqual(expect.arrayContaining(['001/p00', '003/p00']));
    expect((await c.listDocuments()).map((d) => d.id)).toEqual(['000', '001', '002', '003', '004']);
    expect((await c.getDocument('004'))?.passages.length).toBe(2);
    expect((await c.conceptDetails('two-safeguards'))?.occurrences.length).toBe(2);
  });
});
