// The card's data caches start over when the user's library changes (issue #12: a definition
// edited, a list deleted, documents added), and not otherwise.
import { describe, expect, it, vi } from 'vitest';

const sent = vi.hoisted(() => [] as string[]);
vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      sendMessage: (msg: { type: string; payload: { conceptId?: string } }) => {
        sent.push(msg.type);
        if (msg.type === 'getConceptDetails')
          return Promise.resolve({ concept: { id: msg.payload.conceptId }, occurrences: [] });
        if (msg.type === 'listDocuments')
          return Promise.resolve([
            { id: 'user-a1', title: 'Mine', date: '2025', lang: 'en', origin: 'user' },
          ]);
        return Promise.resolve(undefined);
      },
    },
  },
}));

describe('card data caches', () => {
  it('ask once per concept and document list, again after forgetCachedData', async () => {
    const { fetchConceptDetails, fetchCardDocs, forgetCachedData } = await import('./concept-data.ts');
    await fetchConceptDetails('u.Labc.0');
    await fetchConceptDetails('u.Labc.0');
    expect(await fetchCardDocs()).toEqual({
      'user-a1': { id: 'user-a1', title: 'Mine', date: '2025', lang: 'en', origin: 'user' },
    });
    await fetchCardDocs();
    expect(sent).toEqual(['getConceptDetails', 'listDocuments']);
    forgetCachedData();
    await fetchConceptDetails('u.Labc.0');
    await fetchCardDocs();
    expect(sent).toEqual(['getConceptDetails', 'listDocuments', 'getConceptDetails', 'listDocuments']);
  });
});
