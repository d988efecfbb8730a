import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConceptSummary, SearchResult } from '../../lib/core/types.ts';
import type * as Messaging from '../../lib/messaging.ts';

// The reader's glossary browser and search box (issue #11 item 3), with the background as a test
// double behind sendToBackground and requestFromBackground (the search's Port).
vi.mock('wxt/browser', async () => ({
  browser: {
    i18n: (await import('../../lib/i18n.testing.ts')).fakeI18n,
    runtime: { getURL: (p: string) => `chrome-extension://test${p}` },
  },
}));
const send = vi.hoisted(() => vi.fn());
vi.mock('../../lib/messaging.ts', async (original) => ({
  ...(await original<typeof Messaging>()),
  sendToBackground: send,
  requestFromBackground: send,
}));

const { App } = await import('./App.tsx');
const en = (await import('../../public/_locales/en/messages.json')).default;

const concept = (
  id: string,
  category: ConceptSummary['category'],
  en: string,
  zh: string,
  country: 'CN' | 'VN',
): ConceptSummary => ({
  id,
  category,
  labels: { en, ja: zh, 'zh-Hans': zh, 'zh-Hant': zh },
  occurrenceCount: 1,
  country,
});
const SUMMARIES = [
  concept('two-safeguards', 'formulation', 'Two Safeguards', '两个维护', 'CN'),
  concept('four-consciousnesses', 'formulation', 'Four Consciousnesses', '四个意识', 'CN'),
  concept('communist-party-of-china', 'institution', 'Communist Party of China', '中国共产党', 'CN'),
  concept('tinh-gon-manh', 'formulation', 'Lean, Compact, Strong', '精简强', 'VN'),
  concept('quang-ninh-province', 'place', 'Quang Ninh Province', '广宁省', 'VN'),
];

const hit = (passageId: string) => ({
  passageId,
  docId: passageId.slice(0, 3),
  score: 0.1,
  kind: 'concept' as const,
  snippet: `Snippet of ${passageId}`,
  marks: [[0, 7]] as Array<[number, number]>,
  conceptIds: [],
});
/** What the search answers: "CCP" names the Communist Party of China and finds two passages. */
function searchAnswer(query: string): SearchResult {
  const ccp = query.toLowerCase() === 'ccp';
  return {
    query,
    normalized: query.toLowerCase(),
    truncated: false,
    expandedConceptIds: ccp ? ['communist-party-of-china'] : [],
    concepts: ccp ? [{ conceptId: 'communist-party-of-china', score: 0 }] : [],
    hits: ccp ? [hit('003/p00'), hit('003/p72')] : [],
    suggestions: [],
  };
}
function background(type: string, payload: { query?: string }): unknown {
  if (type === 'listDocuments')
    return Promise.resolve([
      { id: '003', title: 'Xiuzhou report', date: '2023-07-03', lang: 'ja', versions: [] },
    ]);
  if (type === 'getConceptSummaries') return Promise.resolve(SUMMARIES);
  if (type === 'searchCorpus') return Promise.resolve(searchAnswer(payload.query ?? ''));
  if (type === 'getDocument' || type === 'getConceptDetails') return Promise.resolve(null);
  return Promise.reject(new Error(`unexpected ${type}`));
}

const root = document.createElement('div');
const listed = () =>
  [...root.querySelectorAll('.glossary-list li')].map((li) => li.getAttribute('data-concept'));
async function visit(hash: string) {
  await act(async () => {
    location.hash = hash;
    await new Promise((r) => setTimeout(r, 0));
  });
}
async function type(input: HTMLInputElement, value: string) {
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
  });
}
async function choose(select: HTMLSelectElement, value: string) {
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('reader: glossary browser and search box', () => {
  beforeAll(() => {
    window.scrollTo = () => undefined;
    Element.prototype.scrollIntoView = () => undefined;
    document.body.append(root);
  });
  beforeEach(async () => {
    send.mockReset();
    send.mockImplementation(background);
    await visit('#');
    await act(() => render(<App />, root));
  });
  afterEach(() => render(null, root));
  afterAll(() => new Promise((r) => setTimeout(r, 150)));

  it('filters by country: Vietnam keeps Vietnam’s concepts, China China’s', async () => {
    await visit('#glossary');
    await vi.waitFor(() => expect(listed()).toHaveLength(5));
    const country = root.querySelector<HTMLSelectElement>('select.glossary-country')!;
    expect([...country.options].map((o) => o.textContent)).toEqual([
      en.glossaryAllCountries.message,
      en.countryCN.message,
      en.countryVN.message,
    ]);
    await choose(country, 'VN');
    expect(listed().sort()).toEqual(['quang-ninh-province', 'tinh-gon-manh']);
    await choose(country, 'CN');
    expect(listed().sort()).toEqual(['communist-party-of-china', 'four-consciousnesses', 'two-safeguards']);
    // With the category too.
    await choose(root.querySelector<HTMLSelectElement>('select.glossary-category')!, 'institution');
    expect(listed()).toEqual(['communist-party-of-china']);
  });

  it('filters as you type with the search’s reading (an acronym), each concept opening its view', async () => {
    await visit('#glossary');
    await vi.waitFor(() => expect(listed()).toHaveLength(5));
    await type(root.querySelector<HTMLInputElement>('input.glossary-filter')!, 'CCP');
    await vi.waitFor(() => expect(listed()).toEqual(['communist-party-of-china']));
    const link = root.querySelector<HTMLAnchorElement>('.glossary-list a')!;
    expect(link.getAttribute('href')).toBe('#concept/communist-party-of-china');
  });

  it('the search box gives the popup’s results and opens a passage in the reader', async () => {
    await visit('#search');
    const box = await vi.waitFor(() => {
      const b = root.querySelector<HTMLInputElement>('input[type="search"]');
      expect(b).not.toBeNull();
      return b!;
    });
    await type(box, 'CCP');
    await vi.waitFor(() => expect(root.querySelectorAll('[role="option"]')).toHaveLength(2));
    expect(send.mock.calls.filter((c) => c[0] === 'searchCorpus').at(-1)?.[1]).toMatchObject({
      query: 'CCP',
    });
    expect(location.hash).toBe('#search/CCP');
    await act(async () => {
      root.querySelector<HTMLElement>('[role="option"]')!.click();
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(location.hash).toBe('#003/p00');
  });

  it('#search/<q> opens the search with that query asked', async () => {
    await visit('#search/ccp');
    await vi.waitFor(() => expect(root.querySelectorAll('[role="option"]')).toHaveLength(2));
    expect(root.querySelector<HTMLInputElement>('input[type="search"]')!.value).toBe('ccp');
  });
});
