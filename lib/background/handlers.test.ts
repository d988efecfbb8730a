import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CorpusSource } from './sources/corpus-source.ts';

// A minimal fake of the WebExtension APIs the background uses.
const calls: Array<[string, unknown]> = [];
let listener: ((msg: unknown, sender: object) => unknown) | null = null;
const fake = {
  runtime: {
    getURL: (p: string) => `chrome-extension://abc${p}`,
    onMessage: {
      addListener: (l: typeof listener) => (listener = l),
      removeListener: () => (listener = null),
    },
  },
  action: {
    setBadgeText: (d: unknown) => calls.push(['setBadgeText', d]),
    setBadgeBackgroundColor: (d: unknown) => calls.push(['setBadgeBackgroundColor', d]),
  } as Record<string, unknown> | undefined,
  browserAction: undefined as Record<string, unknown> | undefined,
  tabs: {
    get: async (id: number) => ({ id, index: 4, windowId: 9 }),
    query: async () => [{ id: 1, index: 0, windowId: 9 }],
    create: async (d: unknown) => calls.push(['tabs.create', d]),
  },
};
vi.mock('wxt/browser', () => ({ browser: fake }));

const { makeFixture } = await import('../core/search/search.fixture.ts');
const { buildSearchIndex } = await import('../core/search/index-data.ts');
const { createBundledSource } = await import('./sources/bundled-source.ts');
const { badgeText, createHandlers, PageReports, popupSearchUrl, registerHandlers } =
  await import('./handlers.ts');

const data = makeFixture();
const index = buildSearchIndex(data);
const service = createBundledSource(() => ({ data, index }));

describe('background handlers', () => {
  beforeEach(() => {
    calls.length = 0;
  });
  it('answers searchCorpus through the one search function', async () => {
    const h = createHandlers(service);
    const r = await h.searchCorpus({ query: '两个维护', limit: 5 }, {});
    expect(r.hits.map((x) => x.passageId)).toEqual(expect.arrayContaining(['001/p00', '003/p00']));
  });
  it('answers the concept and document messages', async () => {
    const h = createHandlers(service);
    expect((await h.getConceptDetails({ conceptId: 'two-safeguards' }, {}))?.occurrences.length).toBe(2);
    expect(await h.getConceptDetails({ conceptId: 'missing' }, {})).toBeNull();
    expect((await h.getConceptSummaries({}, {})).length).toBe(data.concepts.length);
    expect((await h.listDocuments({}, {})).map((d) => d.id)).toEqual(['000', '001', '002', '003', '004']);
    expect((await h.getDocument({ docId: '004' }, {}))?.passages.length).toBe(2);
  });
  it('answers over any CorpusSource, passing the query, limit and ids on and awaiting it', async () => {
    const asked: unknown[] = [];
    const source: CorpusSource = {
      id: 'fake',
      kind: 'remote',
      search: async (query, opts) => {
        asked.push(['search', query, opts]);
        return { ...(await service.search(query, opts)), query: 'from fake' };
      },
      conceptDetails: async (id) => (asked.push(['details', id]), null),
      conceptSummaries: async (ids) => (asked.push(['summaries', ids]), []),
      listDocuments: async () => (asked.push(['list']), []),
      getDocument: async (id) => (asked.push(['doc', id]), null),
    };
    const h = createHandlers(source);
    expect((await h.searchCorpus({ query: '六稳', limit: 3 }, {})).query).toBe('from fake');
    await h.searchCorpus({ query: 'x' }, {});
    expect(await h.getConceptDetails({ conceptId: 'c' }, {})).toBeNull();
    expect(await h.getConceptSummaries({ ids: ['a'] }, {})).toEqual([]);
    expect(await h.listDocuments({}, {})).toEqual([]);
    expect(await h.getDocument({ docId: 'd' }, {})).toBeNull();
    expect(asked).toEqual([
      ['search', '六稳', { limit: 3 }],
      ['search', 'x', {}],
      ['details', 'c'],
      ['summaries', ['a']],
      ['list'],
      ['doc', 'd'],
    ]);
  });
});

describe('background handlers: badge, tabs and registration', () => {
  beforeEach(() => {
    calls.length = 0;
  });
  it('sets the badge for the sender tab (action, or browserAction on Firefox MV2)', async () => {
    const h = createHandlers(service);
    await h.reportPageConcepts({ distinct: 7, total: 20, capped: false }, { tabId: 3 });
    expect(calls).toEqual([
      ['setBadgeText', { tabId: 3, text: '7' }],
      ['setBadgeBackgroundColor', { tabId: 3, color: expect.any(String) }],
    ]);
    calls.length = 0;
    const action = fake.action;
    fake.browserAction = action;
    fake.action = undefined;
    await h.reportPageConcepts({ distinct: 0, total: 0, capped: false }, { tabId: 3 });
    fake.action = action;
    fake.browserAction = undefined;
    expect(calls[0]).toEqual(['setBadgeText', { tabId: 3, text: '' }]);
    calls.length = 0;
    await h.reportPageConcepts({ distinct: 7, total: 20, capped: false }, {}); // no tab: ignored
    expect(calls).toEqual([]);
  });
  it('the badge counts distinct concepts over all frames of a tab', async () => {
    const h = createHandlers(service);
    await h.reportPageConcepts(
      {
        distinct: 2,
        total: 5,
        capped: false,
        concepts: [
          ['a', 3],
          ['b', 2],
        ],
      },
      { tabId: 8, frameId: 0 },
    );
    await h.reportPageConcepts(
      {
        distinct: 2,
        total: 2,
        capped: false,
        concepts: [
          ['b', 1],
          ['c', 1],
        ],
      },
      { tabId: 8, frameId: 4 },
    );
    const texts = calls.filter(([k]) => k === 'setBadgeText').map(([, d]) => (d as { text: string }).text);
    expect(texts).toEqual(['2', '3']);
    // The top frame asks for the other frames' counts (for the popup's list), not its own.
    expect(await h.getFrameConcepts({}, { tabId: 8, frameId: 0 })).toEqual([
      ['b', 1],
      ['c', 1],
    ]);
    expect(await h.getFrameConcepts({}, { tabId: 8, frameId: 4 })).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
    // Summed over frames, most frequent first.
    expect(await h.getFrameConcepts({}, { tabId: 8, frameId: 99 })).toEqual([
      ['a', 3],
      ['b', 3],
      ['c', 1],
    ]);
    expect(await h.getFrameConcepts({}, { frameId: 0 })).toEqual([]); // not from a tab
    const r = new PageReports();
    r.report(1, 0, { distinct: 4, capped: true });
    expect(r.summary(1)).toEqual({ distinct: 4, capped: true });
    r.clear(1);
    expect(r.summary(1)).toEqual({ distinct: 0, capped: false });
  });
  it('openSearch opens popup.html?q= next to the sender tab', async () => {
    const h = createHandlers(service);
    await h.openSearch({ query: ' 两个 维护 ' }, { tabId: 2 });
    expect(calls).toEqual([
      [
        'tabs.create',
        {
          url: `chrome-extension://abc/popup.html?q=${encodeURIComponent('两个 维护')}`,
          index: 5,
          windowId: 9,
          openerTabId: 2,
        },
      ],
    ]);
  });
  it('popupSearchUrl cuts the query at URL_QUERY_CAP without splitting a surrogate pair', async () => {
    const { URL_QUERY_CAP } = await import('../core/limits.ts');
    const q = (url: string) => decodeURIComponent(new URL(url).searchParams.get('q') ?? '');
    expect(q(popupSearchUrl('x'.repeat(URL_QUERY_CAP + 10))).length).toBe(URL_QUERY_CAP);
    const cut = q(popupSearchUrl('a' + '𠀀'.repeat(URL_QUERY_CAP)));
    expect(cut.length).toBe(URL_QUERY_CAP - 1);
    expect(cut.endsWith('𠀀')).toBe(true);
  });
  it('badgeText', () => {
    expect(badgeText(0, false)).toBe('');
    expect(badgeText(12, true)).toBe('12+');
    expect(badgeText(5000, false)).toBe('999+');
  });
  it('openReader opens reader.html#hash next to the sender tab', async () => {
    const h = createHandlers(service);
    await h.openReader({ hash: '#003/p03' }, { tabId: 5 });
    expect(calls).toEqual([
      [
        'tabs.create',
        { url: 'chrome-extension://abc/reader.html#003/p03', index: 5, windowId: 9, openerTabId: 5 },
      ],
    ]);
  });
  it('registerHandlers validates messages and ignores foreign ones', async () => {
    const off = registerHandlers(service);
    expect(listener).not.toBeNull();
    expect(listener!({ type: 'searchCorpus', payload: { query: 42 } }, {})).toBeUndefined();
    expect(listener!({ type: 'somethingElse', payload: {} }, {})).toBeUndefined();
    const r = (await listener!({ type: 'searchCorpus', payload: { query: '六稳' } }, { tab: { id: 1 } })) as {
      hits: unknown[];
    };
    expect(r.hits.length).toBeGreaterThan(0);
    off();
    expect(listener).toBeNull();
  });
});
