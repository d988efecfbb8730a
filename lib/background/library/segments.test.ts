// The library's stored search segments (issue #11 item 2), over fake-indexeddb: a restart answers
// from what was stored (no document matched, indexed or segmented again), deleting a document
// leaves the library as if it had never been imported, and a bad or stale segment is made again
// from the document's passages, logged, never fatal.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import corpusJson from '../../../generated/corpus.json';
import { bundledMatcherData } from '../../matcher-data.ts';
import type { DocumentImport } from '../../core/library/schema.ts';
import { createMatcher } from '../../core/term-matcher.ts';
import type { CorpusData } from '../../core/types.ts';
import * as segmentModule from '../../core/search/segment.ts';
import * as occurrencesModule from '../../core/pipeline/occurrences.ts';
import * as indexDataModule from '../../core/search/index-data.ts';
import { LibraryDb } from './db.ts';
import { Library } from './library.ts';
import { LibraryStore } from './store.ts';
import { UserSource } from './user-source.ts';

vi.mock('../../core/search/segment.ts', async (original) => {
  const m = await original<typeof segmentModule>();
  return { ...m, buildSegment: vi.fn(m.buildSegment) };
});
vi.mock('../../core/pipeline/occurrences.ts', async (original) => {
  const m = await original<typeof occurrencesModule>();
  return { ...m, computeOccurrences: vi.fn(m.computeOccurrences) };
});
vi.mock('../../core/search/index-data.ts', async (original) => {
  const m = await original<typeof indexDataModule>();
  return { ...m, buildSearchIndex: vi.fn(m.buildSearchIndex) };
});

const data = corpusJson as unknown as CorpusData;
const matcher = createMatcher(bundledMatcherData);

const doc = (title: string, text: string, lang: DocumentImport['meta']['lang']): DocumentImport => ({
  meta: { title, lang, date: '2024-03-05', translation: false, tags: [], format: 'txt' },
  text,
});
const DOCS = [
  doc(
    '工作报告',
    '一、总体要求\n\n坚决做到两个维护，扎实推进共同富裕。\n\n二、重点任务\n\n发展新质生产力。',
    'zh-Hans',
  ),
  doc(
    'Audit notes',
    'The meeting decided on auditing the village accounts.\n\nSix stabilities and six guarantees.',
    'en',
  ),
  doc('Nghị quyết', 'Tinh gọn bộ máy của hệ thống chính trị.\n\nĐổi mới mô hình tăng trưởng.', 'vi'),
];
const QUERIES = [
  '两个维护',
  'auditing',
  'six stabilties',
  'tinh gon bo may',
  'what did the meeting decide',
  '发展',
];

let dbCount = 0;
function open(name: string, skipped: string[] = [], bundledData: CorpusData = data) {
  const store = new LibraryStore(new LibraryDb(name), (table, key, problem) =>
    skipped.push(`${table}:${String(key)}:${problem}`),
  );
  let n = 0;
  const library = new Library({
    store,
    bundled: { data: () => bundledData, matcher: () => matcher },
    randomId: () => `id${String(++n).padStart(4, '0')}`,
    now: () => new Date(Date.UTC(2026, 11, 6, 12, 0, n)),
  });
  return { store, library, user: new UserSource(library) };
}

async function answers(user: UserSource) {
  const out: unknown[] = [];
  for (const q of QUERIES) out.push(await user.search(q, { limit: 20 }));
  return out;
}

const calls = () => ({
  segment: vi.mocked(segmentModule.buildSegment).mock.calls.length,
  occurrences: vi.mocked(occurrencesModule.computeOccurrences).mock.calls.length,
  index: vi.mocked(indexDataModule.buildSearchIndex).mock.calls.length,
});

beforeEach(() => vi.clearAllMocks());

describe('stored segments', () => {
  it('a restart answers from the stored segments: nothing is matched, segmented or indexed again', async () => {
    const name = `segments-${++dbCount}`;
    const first = open(name);
    for (const d of DOCS) expect((await first.library.importDocument(d)).ok).toBe(true);
    expect(calls().segment).toBe(DOCS.length); // made once, at import
    const before = await answers(first.user);
    expect(before.some((r) => (r as { hits: unknown[] }).hits.length > 0)).toBe(true);
    first.store.db.close();

    vi.clearAllMocks();
    const skipped: string[] = [];
    const restarted = open(name, skipped);
    expect(await answers(restarted.user)).toEqual(before);
    expect(calls()).toEqual({ segment: 0, occurrences: 0, index: 0 });
    expect(skipped).toEqual([]);
  });

  it('stores with the document exactly the segment the document makes', async () => {
    const { store, library } = open(`segments-${++dbCount}`);
    const r = await library.importDocument(DOCS[0]!);
    if (!r.ok) throw new Error(r.error);
    const passages = (await store.passages()).filter((p) => p.docId === r.id);
    const row = await store.db.segments.get(r.id);
    expect(row?.search).toEqual(segmentModule.buildSegment(passages));
    expect(segmentModule.segmentProblem(row?.search, passages)).toBe('');
  });

  it('importing then deleting a document leaves the answers of a library that never had it', async () => {
    const a = open(`segments-${++dbCount}`);
    const b = open(`segments-${++dbCount}`);
    await a.library.importDocument(DOCS[0]!);
    await b.library.importDocument(DOCS[0]!);
    await a.library.importDocument(DOCS[2]!);
    const added = await a.library.importDocument(DOCS[1]!);
    if (!added.ok) throw new Error(added.error);
    await b.library.importDocument(DOCS[2]!);
    expect(await answers(a.user)).not.toEqual(await answers(b.user));
    expect((await a.library.deleteDocument(added.id)).ok).toBe(true);
    expect(await answers(a.user)).toEqual(await answers(b.user));
    expect(await a.store.db.segments.get(added.id)).toBeUndefined();
    expect(await a.store.db.userOcc.get(added.id)).toBeUndefined();
  });

  it('a bad segment is made again from the passages, logged, and written back', async () => {
    const name = `segments-${++dbCount}`;
    const first = open(name);
    for (const d of DOCS) await first.library.importDocument(d);
    const before = await answers(first.user);
    const row = (await first.store.db.segments.get('user-id0001'))!;
    const { index, body } = row.search.bigrams;
    expect(index.length).toBeGreaterThan(0);
    // its sparse index points past the table's bytes
    const bigrams = { ...row.search.bigrams, body: body.slice(0, index[index.length - 1]!) };
    await first.store.db.segments.put({ ...row, search: { ...row.search, bigrams } });
    await first.store.db.segments.put({
      ...(await first.store.db.segments.get('user-id0002'))!,
      search: 'garbage' as never,
    });
    first.store.db.close();

    vi.clearAllMocks();
    const skipped: string[] = [];
    const restarted = open(name, skipped);
    expect(await answers(restarted.user)).toEqual(before);
    expect(calls().segment).toBe(2);
    expect(skipped.sort()).toEqual([
      expect.stringMatching(/^segments:user-id0001:bad postings/),
      expect.stringMatching(/^segments:user-id0002:search: no search segment/),
    ]);
    const passages = await restarted.store.passages();
    for (const id of ['user-id0001', 'user-id0002']) {
      const stored = await restarted.store.db.segments.get(id);
      const own = passages.filter((p) => p.docId === id);
      expect(segmentModule.segmentProblem(stored?.search, own)).toBe('');
    }
  });

  it('a segment of the previous format (version 1) is made again from the passages and written back', async () => {
    const name = `segments-${++dbCount}`;
    const first = open(name);
    for (const d of DOCS) await first.library.importDocument(d);
    const before = await answers(first.user);
    const row = (await first.store.db.segments.get('user-id0002'))!;
    // what a version 1 build stored: 32-bit arrays of hashes, starts and (passage, position) pairs
    const u32 = (n: number) => new Uint32Array(n);
    const postings = { hash: u32(1), start: Uint32Array.of(0, 1), post: Uint32Array.of(0, 0) };
    const v1 = {
      ...row.search,
      v: 1,
      key: row.search.key.replace(/^2\./, '1.'),
      words: postings,
      bigrams: postings,
      chunks: Uint32Array.from(row.search.chunks),
      grams: { keys: u32(0), start: u32(1), chunks: u32(0) },
    };
    await first.store.db.segments.put({ ...row, search: v1 as never });
    first.store.db.close();

    vi.clearAllMocks();
    const skipped: string[] = [];
    const restarted = open(name, skipped);
    expect(await answers(restarted.user)).toEqual(before);
    expect(calls().segment).toBe(1);
    expect(skipped).toEqual([expect.stringMatching(/^segments:user-id0002:another segment version/)]);
    const stored = await restarted.store.db.segments.get('user-id0002');
    expect(stored?.search.v).toBe(segmentModule.SEGMENT_VERSION);
    const own = (await restarted.store.passages()).filter((p) => p.docId === 'user-id0002');
    expect(segmentModule.segmentProblem(stored?.search, own)).toBe('');
  });

  it('a missing segment (a document of the previous database version) is made without a log line', async () => {
    const name = `segments-${++dbCount}`;
    const first = open(name);
    await first.library.importDocument(DOCS[1]!);
    const before = await answers(first.user);
    await first.store.db.segments.clear();
    await first.store.db.userOcc.clear();
    first.store.db.close();
    vi.clearAllMocks();
    const skipped: string[] = [];
    const restarted = open(name, skipped);
    expect(await answers(restarted.user)).toEqual(before);
    expect(skipped).toEqual([]);
    expect(await restarted.store.db.segments.count()).toBe(1);
    expect(await restarted.store.db.userOcc.count()).toBe(1);
  });

  it('after a glossary change (an extension update) the documents are matched again', async () => {
    const name = `segments-${++dbCount}`;
    const first = open(name);
    await first.library.importDocument(DOCS[0]!);
    first.store.db.close();
    vi.clearAllMocks();
    const skipped: string[] = [];
    const updated = { ...data, concepts: data.concepts.slice(1) };
    const restarted = open(name, skipped, updated);
    await restarted.user.search('两个维护');
    expect(calls().occurrences).toBeGreaterThan(0);
    expect(skipped).toEqual([expect.stringMatching(/^segments:user-id0001:matched with another glossary/)]);
  });
});
