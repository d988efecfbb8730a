import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CorpusDocument, Passage } from '../../lib/core/types.ts';
import type * as Messaging from '../../lib/messaging.ts';

// Every failure path of the reader's routes ends in a visible state: "Not found", or an error
// with Retry; never "Loading…" for good. The background is a test double behind sendToBackground.
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
}));

const { App } = await import('./App.tsx');
const en = (await import('../../public/_locales/en/messages.json')).default;

function passage(docId: string, n: number): Passage {
  return {
    id: `${docId}/p${n}`,
    docId,
    index: n,
    text: `Paragraph ${n} of ${docId}.`,
    start: 0,
    end: 1,
    section: [],
  };
}
function bundle(id: string, versions: string[] = []) {
  const document: CorpusDocument = {
    id,
    title: `Title ${id}`,
    titleSupplied: false,
    titleEn: `Title ${id}`,
    date: '2024-01-01',
    place: 'Somewhere',
    body: 'A body',
    lang: 'en',
    originalLang: 'en',
    translation: false,
    seedFile: `${id}.txt`,
    versions,
    removed: [],
    text: '',
    passageIds: [`${id}/p1`, `${id}/p2`],
  };
  return { document, passages: [passage(id, 1), passage(id, 2)], conceptsByPassage: {} };
}

/** The document list fails until the first test has seen its error (the list is cached after). */
let listFails = true;
/** A background that knows documents good1…good3 (good2 names a missing other version). */
function background(type: string, payload: { docId?: string; conceptId?: string }): unknown {
  if (type === 'listDocuments') return listFails ? Promise.reject(new Error('down')) : Promise.resolve([]);
  if (type === 'getConceptSummaries') return Promise.resolve([]);
  if (type === 'getConceptDetails') return Promise.resolve(null);
  if (type === 'getDocument') {
    const id = payload.docId ?? '';
    const known: Record<string, string[]> = { good1: [], good2: ['gone9'], good3: [] };
    return Promise.resolve(id in known ? bundle(id, known[id]) : null);
  }
  return Promise.reject(new Error(`unexpected ${type}`));
}

const root = document.createElement('div');
const text = () => root.textContent ?? '';
const asked = (type: string) => send.mock.calls.filter((c) => c[0] === type).map((c) => c[1] as unknown);

async function visit(hash: string) {
  await act(async () => {
    location.hash = hash;
    await new Promise((r) => setTimeout(r, 0));
  });
}
/** Waits until the view settles, then checks it is not an endless "Loading…". */
async function settled(check: () => void) {
  await vi.waitFor(check);
  expect(text()).not.toContain(en.loading.message);
}
const notFound = () => expect(root.querySelector('h1')?.textContent).toBe(en.notFound.message);
const retryButton = () =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === en.retry.message) as
    HTMLButtonElement | undefined;

describe('reader routes: every failure ends in a visible state', () => {
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
  // Preact's effect scheduler falls back to a 100 ms timer: let it run before jsdom goes away.
  afterAll(() => new Promise((r) => setTimeout(r, 150)));

  it('the library: a failed document list shows an error with Retry, and Retry asks again', async () => {
    await settled(() => expect(retryButton()).toBeDefined());
    listFails = false;
    await act(() => retryButton()!.click());
    await settled(() => expect(root.querySelector('#library-h')).not.toBeNull());
    expect(asked('listDocuments')).toHaveLength(2);
  });

  it('concept ids no concept can have say "Not found" without asking the background', async () => {
    for (const id of ['<img src=x onerror=alert(1)>', 'a'.repeat(121), '六稳', 'two safeguards']) {
      await visit('#');
      await visit(`#concept/${encodeURIComponent(id)}`);
      await settled(notFound);
    }
    expect(asked('getConceptDetails')).toEqual([]);
  });

  it('unknown concept ids (and __proto__) say "Not found"', async () => {
    for (const id of ['__proto__', 'no-such-concept']) {
      await visit('#');
      await visit(`#concept/${id}`);
      await settled(notFound);
    }
    expect(asked('getConceptDetails')).toEqual([
      { conceptId: '__proto__' },
      { conceptId: 'no-such-concept' },
    ]);
  });

  it('unknown document ids say "Not found", in the document and the parallel view', async () => {
    for (const hash of ['#nodoc', '#nodoc/p3', '#nodoc?parallel', '#parallel/nodoc']) {
      await visit('#');
      await visit(hash);
      await settled(notFound);
    }
  });

  it('a parallel view whose other version is missing says there is none', async () => {
    await visit('#good2?parallel');
    await settled(() => expect(text()).toContain(en.noParallel.message));
  });

  it('a paragraph the document does not have: the document, and a notice naming it', async () => {
    await visit('#good1/p99');
    await settled(() => expect(root.querySelector('#doc-title')?.textContent).toBe('Title good1'));
    expect(root.querySelector('[data-missing-passage]')?.textContent).toBe(
      en.passageMissing.message.replace('$1', 'good1/p99'),
    );
    await visit('#good1/p2');
    await settled(() => expect(root.querySelector('[data-missing-passage]')).toBeNull());
  });

  it('a background that rejects: an error with Retry, and Retry asks again', async () => {
    let fail = true;
    send.mockImplementation((type: string, payload: { docId?: string }) =>
      type === 'getDocument' && fail
        ? Promise.reject(new Error('worker restarting'))
        : background(type, payload),
    );
    await visit('#good3');
    await settled(() =>
      expect(root.querySelector('[role=alert]')?.textContent).toContain(en.loadFailed.message),
    );
    fail = false;
    await act(() => retryButton()!.click());
    await settled(() => expect(root.querySelector('#doc-title')?.textContent).toBe('Title good3'));
    expect(asked('getDocument')).toEqual([{ docId: 'good3' }, { docId: 'good3' }]);
  });

  it('a background that throws, or drops the message unanswered: an error with Retry', async () => {
    send.mockImplementation((type: string, payload: { conceptId?: string }) => {
      if (type === 'getConceptDetails') throw new Error('no receiving end');
      return background(type, payload);
    });
    await visit('#concept/throws');
    await settled(() => expect(retryButton()).toBeDefined());
    send.mockImplementation((type: string, payload: { conceptId?: string }) =>
      type === 'getConceptDetails' ? Promise.resolve(undefined) : background(type, payload),
    );
    await visit('#');
    await visit('#concept/unanswered');
    await settled(() => expect(retryButton()).toBeDefined());
    expect(root.querySelector('[role=alert]')?.textContent).toContain(en.loadFailed.message);
  });
});
