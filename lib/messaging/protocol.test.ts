// The message schemas at their edges: the caps of lib/core/limits.ts, ids, numbers.
import { describe, expect, it } from 'vitest';
import { HASH_MAX, ID_MAX, QUERY_SEND_CAP, REPORT_CONCEPTS_MAX } from '../core/limits.ts';
import { BACKGROUND_MESSAGES, CONTENT_MESSAGES, isContentAnswer, isMessage } from './protocol.ts';

const ALL = [...BACKGROUND_MESSAGES, ...CONTENT_MESSAGES];
const ok = (type: string, payload: unknown) => isMessage({ type, payload }, ALL);

describe('message payloads', () => {
  it('ids: the id characters, 1 to ID_MAX of them', () => {
    expect(ok('getConceptDetails', { conceptId: 'six-stabilities' })).toBe(true);
    expect(ok('getDocument', { docId: '000/p03' })).toBe(true);
    expect(ok('getConceptDetails', { conceptId: 'a'.repeat(ID_MAX) })).toBe(true);
    expect(ok('getConceptDetails', { conceptId: 'a'.repeat(ID_MAX + 1) })).toBe(false);
    expect(ok('getConceptDetails', { conceptId: '' })).toBe(false);
    expect(ok('getConceptSummaries', { ids: ['a', 'b c'] })).toBe(false);
    expect(ok('getConceptSummaries', {})).toBe(true);
  });

  it('strings are capped by lib/core/limits.ts', () => {
    expect(ok('openReader', { hash: 'x'.repeat(HASH_MAX) })).toBe(true);
    expect(ok('openReader', { hash: 'x'.repeat(HASH_MAX + 1) })).toBe(false);
    expect(ok('openSearch', { query: 'x'.repeat(QUERY_SEND_CAP) })).toBe(true);
    expect(ok('openSearch', { query: 'x'.repeat(QUERY_SEND_CAP + 1) })).toBe(false);
  });

  it('numbers: a positive integer limit, integer counts, a direction of 1 or -1', () => {
    expect(ok('searchCorpus', { query: 'x', limit: 1 })).toBe(true);
    expect(ok('searchCorpus', { query: 'x', limit: 0 })).toBe(false);
    expect(ok('searchCorpus', { query: 'x', limit: 1.5 })).toBe(false);
    expect(ok('revealConcept', { conceptId: 'x', direction: -1 })).toBe(true);
    expect(ok('revealConcept', { conceptId: 'x', direction: 2 })).toBe(false);
    expect(ok('reportPageConcepts', { distinct: 1, total: 2.5, capped: false })).toBe(false);
  });

  it('frame reports: at most REPORT_CONCEPTS_MAX [id, count] pairs', () => {
    const pairs = (n: number) => Array.from({ length: n }, (_, i) => [`c${i}`, 1]);
    const report = (concepts: unknown) =>
      ok('reportPageConcepts', { distinct: 1, total: 1, capped: false, concepts });
    expect(report(pairs(REPORT_CONCEPTS_MAX))).toBe(true);
    expect(report(pairs(REPORT_CONCEPTS_MAX + 1))).toBe(false);
    expect(report([['c1', 'one']])).toBe(false);
    expect(report([['<b>', 1]])).toBe(false);
  });

  it('extra payload keys are ignored, as before', () => {
    expect(ok('listDocuments', { extra: 1 })).toBe(true);
    expect(ok('getFrameConcepts', undefined)).toBe(false);
  });
});

describe("a content script's answers", () => {
  it('are checked by the popup against the shape the protocol promises', () => {
    const concept = { conceptId: 'six-stabilities', category: 'formulation', label: '六稳', count: 3 };
    expect(isContentAnswer('getPageConcepts', { concepts: [concept], capped: false, enabled: true })).toBe(
      true,
    );
    expect(
      isContentAnswer('getPageConcepts', {
        concepts: [{ ...concept, category: 'x' }],
        capped: false,
        enabled: true,
      }),
    ).toBe(false);
    expect(isContentAnswer('getPageConcepts', undefined)).toBe(false);
    expect(isContentAnswer('revealConcept', { found: true })).toBe(true);
    expect(isContentAnswer('revealConcept', { found: 'yes' })).toBe(false);
  });
});
