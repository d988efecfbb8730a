import { describe, expect, it } from 'vitest';
import type { SearchResult } from '../types.ts';
import { ConceptNames } from './concept-names.ts';
import { createSearch } from './create-search.ts';
import { buildSearchIndex } from './index-data.ts';
import { pinyinWords, querySyllables, segmentPinyin } from './pinyin.ts';
import { makeFixture } from './search.fixture.ts';
import { cjkSegments } from './understand.ts';

const data = makeFixture();
const index = buildSearchIndex(data);
const search = createSearch(data, index);
const ids = (r: SearchResult) => r.hits.map((h) => h.passageId);

describe('query understanding: reading the query', () => {
  it('drops question words and particles of zh and ja, and Japanese kana', () => {
    expect(cjkSegments('两个维护是什么').map((s) => s.w)).toEqual(['两个维护']);
    expect(cjkSegments('二つの確立とは何ですか').map((s) => s.w)).toEqual(['確立']);
    expect(cjkSegments('会议对审计工作有什么要求').map((s) => s.w)).toEqual(['会议', '审计工作', '要求']);
  });
  it('reads pinyin with tone marks folded, tone numbers, and no spaces', () => {
    const known = new Set(['si', 'ge', 'yi', 'shi', 'xi', 'an', 'xian']);
    expect(pinyinWords('si4ge4 yi4shi2')).toEqual(['sige', 'yishi']);
    expect(pinyinWords('what is it?')).toBeNull();
    expect(segmentPinyin('sigeyishi', known)).toEqual(['si', 'ge', 'yi', 'shi']);
    expect(segmentPinyin('xian', known)).toEqual(['xian']); // fewest syllables
    expect(querySyllables(['sige', 'belt'], known)).toBeNull();
  });
  it('knows acronyms: short one-word names and the initials of long names when unique', () => {
    const cewc = {
      id: 'cewc',
      category: 'event' as const,
      labels: {
        en: 'Central Economic Work Conference',
        ja: '中央経済工作会議',
        'zh-Hans': '中央经济工作会议',
        'zh-Hant': '中央經濟工作會議',
      },
      aliases: { en: ['NPCX'] },
      definition: { en: '' },
      related: [],
    };
    const withCewc = {
      ...data,
      concepts: [...data.concepts, cewc],
      occurrences: { ...data.occurrences, cewc: [] },
    };
    const names = new ConceptNames(buildSearchIndex(withCewc), 64);
    expect(names.acronym('cewc')).toEqual(['cewc']);
    expect(names.acronym('npcx')).toEqual(['cewc']);
    expect(names.acronym('cwc')).toEqual([]);
  });
});

describe('query understanding: answers', () => {
  it('a question finds the passage about its subject (OR of the content words)', () => {
    // Before issue #11 every word had to be in the passage: zero results.
    const r = search.search('what did the meeting say about digital villages?');
    expect(ids(r)[0]).toBe('002/p03');
  });
  it('a question naming a concept finds it across languages', () => {
    expect(ids(search.search('what are the four consciousnesses'))).toContain('001/p00');
    expect(ids(search.search('四个意识是什么'))).toContain('001/p00');
  });
  it('several misspelt words are forgiven, each within its bound', () => {
    expect(ids(search.search('digtal vilages constrution'))[0]).toBe('002/p03');
  });
  it('a long pasted sentence finds the passage holding most of it', () => {
    const r = search.search(
      '秀洲区委把巡视整改作为坚决捍卫“两个确立”、坚决做到“两个维护”的实际行动，坚决抓好整改工作。',
    );
    expect(ids(r)[0]).toBe('003/p00');
  });
  it('the confidence floor: a query the corpus cannot answer answers nothing', () => {
    for (const q of ['belt and road', 'one country two systems', 'zero covid policy', '一带一路', '两会']) {
      const r = search.search(q);
      expect({ q, hits: ids(r) }).toEqual({ q, hits: [] });
    }
  });
  it('fuzzy fragments of a several-word query need most of its words', () => {
    // "ment and sa" was the answer to "belt and road": no fuzzy span without the query's terms.
    const r = search.search('the plan of the centre and sea');
    expect(r.hits.filter((h) => h.kind === 'fuzzy')).toEqual([]);
  });
});

describe('honest answers', () => {
  const bri = {
    id: 'belt-and-road',
    category: 'plan' as const,
    labels: { en: 'Belt and Road Initiative', ja: '一帯一路', 'zh-Hans': '一带一路', 'zh-Hant': '一帶一路' },
    aliases: { en: ['BRI', 'belt and road'] },
    definition: { en: 'China’s programme of overseas infrastructure finance.' },
    related: [],
  };
  const withBri = {
    ...data,
    concepts: [...data.concepts, bri],
    occurrences: { ...data.occurrences, [bri.id]: [] },
  };
  const s = createSearch(withBri, buildSearchIndex(withBri));
  it('a concept the glossary knows but no passage holds is the answer: the concept itself', () => {
    for (const q of [
      'belt and road',
      '一带一路',
      '一帯一路',
      'BRI',
      'what is the belt and road initiative?',
    ]) {
      const r = s.search(q);
      expect({ q, hits: r.hits }).toEqual({ q, hits: [] });
      expect({ q, answer: r.conceptAnswers?.[0] }).toMatchObject({
        q,
        answer: { id: 'belt-and-road', occurrenceCount: 0, definition: bri.definition, category: 'plan' },
      });
    }
  });
  it('nothing known: no hits, no concept answer, close spellings suggested when there are any', () => {
    const r = s.search('weather in beijing');
    expect(r.hits).toEqual([]);
    expect(r.conceptAnswers ?? []).toEqual([]);
    expect(s.search('Safegards').suggestions).toContain('Two Safeguards');
  });
  it('with hits, there is no concept answer', () => {
    expect(s.search('two safeguards').conceptAnswers).toBeUndefined();
  });
});
