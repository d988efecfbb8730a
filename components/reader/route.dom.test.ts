import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from './route.ts';

describe('parseRoute', () => {
  it('library', () => {
    expect(parseRoute('')).toEqual({ view: 'library' });
    expect(parseRoute('#')).toEqual({ view: 'library' });
    expect(parseRoute('#???')).toEqual({ view: 'library' });
  });
  it('document and passage', () => {
    expect(parseRoute('#003')).toEqual({ view: 'document', docId: '003' });
    expect(parseRoute('#003/p12')).toEqual({ view: 'document', docId: '003', passageId: '003/p12' });
    expect(parseRoute('#003%2Fp12')).toEqual({ view: 'document', docId: '003', passageId: '003/p12' });
  });
  it('parallel in both spellings', () => {
    expect(parseRoute('#000?parallel')).toEqual({ view: 'parallel', docId: '000' });
    expect(parseRoute('#parallel/000')).toEqual({ view: 'parallel', docId: '000' });
    expect(parseRoute('#000/p03?parallel')).toEqual({ view: 'parallel', docId: '000', passageId: '000/p03' });
  });
  it('concept', () => {
    expect(parseRoute('#concept/two-safeguards')).toEqual({ view: 'concept', conceptId: 'two-safeguards' });
  });
  it('glossary', () => {
    expect(parseRoute('#glossary')).toEqual({ view: 'glossary' });
  });
  it('round-trips', () => {
    for (const h of ['#', '#003', '#003/p12', '#000?parallel', '#concept/x-y', '#glossary']) {
      expect(routeHash(parseRoute(h))).toBe(h);
    }
  });
});
