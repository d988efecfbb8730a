// The pure pipeline on a small hand-made corpus: assembly, determinism, injected converters and
// the one-document entry point the background will run on an import.
import { describe, expect, it } from 'vitest';
import type { ManifestEntry } from '../corpus.ts';
import type { Concept } from '../types.ts';
import { buildCorpus } from './build-corpus.ts';
import { ingestDocument } from './ingest.ts';
import { buildMatcherEntries } from './matcher-entries.ts';
import { canonicalize, stableJson } from './stable-json.ts';

const entry = (id: string, lang: 'zh-Hans' | 'en', versions: string[] = []): ManifestEntry => ({
  id,
  title: `Doc ${id}`,
  titleSupplied: false,
  titleEn: `Doc ${id}`,
  date: '2021-01-21',
  place: 'Dalian',
  body: 'Standing Committee',
  lang,
  originalLang: 'zh-Hans',
  translation: lang !== 'zh-Hans',
  seedFile: `${id}.txt`,
  versions,
});

const concept = (id: string, zh: string, en: string): Concept => ({
  id,
  category: 'formulation',
  labels: { en, ja: zh, 'zh-Hans': zh, 'zh-Hant': zh },
  aliases: {},
  definition: { en: '' },
  related: [],
});

// Toy converters: enough to prove they are used (the build injects opencc-js).
const convert = {
  toTraditional: (s: string) => s.replace(/稳/g, '穩').replace(/护/g, '護'),
  toSimplified: (s: string) => s.replace(/穩/g, '稳').replace(/護/g, '护'),
};

const documents = [
  { entry: entry('000', 'zh-Hans', ['001']), text: '会议强调\n做好“六稳”工作。\n坚决做到“两个维护”。\n' },
  {
    entry: entry('001', 'en', ['000']),
    text: 'The meeting stressed\nSix Stabilities work.\nthe Two Safeguards.\n',
  },
];
// Given out of id order: the corpus lists concepts by id.
const concepts = [
  concept('two-safeguards', '两个维护', 'Two Safeguards'),
  concept('six-stabilities', '六稳', 'Six Stabilities'),
];

describe('buildCorpus', () => {
  it('assembles documents, passages, concepts, variants and occurrences', () => {
    const b = buildCorpus({ documents, concepts, convert });
    expect(b.data.concepts.map((c) => c.id)).toEqual(['six-stabilities', 'two-safeguards']);
    expect(b.data.documents.map((d) => d.id)).toEqual(['000', '001']);
    expect(b.data.passages.map((p) => p.id)).toEqual([
      '000/p00',
      '000/p01',
      '000/p02',
      '001/p00',
      '001/p01',
      '001/p02',
    ]);
    expect(b.data.variants['six-stabilities']).toEqual(expect.arrayContaining(['六稳', '六穩']));
    expect(b.data.occurrences['six-stabilities']!.map((o) => o.passageId)).toEqual(['000/p01', '001/p01']);
    expect(b.data.occurrences['two-safeguards']!.map((o) => o.passageId)).toEqual(['000/p02', '001/p02']);
    // versions with equal structure align one to one
    expect(b.data.passages[1]!.aligned).toEqual(['001/p01']);
    expect(b.parsed.map((p) => p.passageLines)).toEqual([
      [1, 2, 3],
      [1, 2, 3],
    ]);
    expect(b.diagnostics).toEqual([]);
    expect(b.compiled).toBeDefined();
    expect(b.searchIndex()).toBe(b.searchIndex()); // built once
  });

  it('is deterministic and independent of the concepts’ input order', () => {
    const a = buildCorpus({ documents, concepts, convert });
    const b = buildCorpus({ documents, concepts: [...concepts].reverse(), convert });
    expect(stableJson(a.data)).toBe(stableJson(b.data));
    expect(stableJson(a.compiled)).toBe(stableJson(b.compiled));
    expect(stableJson(a.searchIndex())).toBe(stableJson(b.searchIndex()));
  });

  it('reports a concept that occurs nowhere, at its origin', () => {
    const b = buildCorpus({
      documents,
      concepts: [...concepts, concept('six-guarantees', '六保', 'Six Guarantees')],
      origins: { 'six-guarantees': { file: 'corpus/glossary/x.yaml', line: 3, col: 5 } },
      convert,
    });
    expect(b.diagnostics).toEqual([
      expect.objectContaining({ file: 'corpus/glossary/x.yaml', line: 3, severity: 'error' }),
    ]);
  });

  it('uses the injected converters and generator', () => {
    const calls: string[] = [];
    const { entries } = buildMatcherEntries([concepts[1]!], convert, (alias, _lang, conv) => {
      calls.push(alias);
      return [conv.toTraditional(alias)];
    });
    expect(entries.map((e) => e.text)).toEqual(expect.arrayContaining(['六稳', '六穩']));
    expect(calls).toContain('六稳');
  });

  it('lists a gated form as shared when two concepts claim it or one declares it shared', () => {
    const school: Concept = {
      ...concept('party-school', '中央党校', 'Central Party School'),
      aliases: { 'zh-Hans': ['国家行政学院', '党校'] },
      rules: { 国家行政学院: { needsContext: true }, 党校: { needsContext: true } },
      shared: ['国家行政学院'],
    };
    const { contextShared } = buildMatcherEntries([school], convert, (a) => [a]);
    expect(contextShared).toEqual({ 国家行政学院: [0] });
  });
});

describe('ingestDocument', () => {
  it('parses one document and finds its concepts with a given matcher', () => {
    const { matcher } = buildCorpus({ documents, concepts, convert });
    const r = ingestDocument(
      { entry: entry('user-1', 'zh-Hans'), text: '\n標題\n堅持“六穩”和“两个维护”。\n' },
      matcher,
    );
    expect(r.passages.map((p) => p.text)).toEqual(['標題', '堅持“六穩”和“两个维护”。']);
    expect(r.passageLines).toEqual([2, 3]);
    expect(Object.keys(r.occurrences).sort()).toEqual(['six-stabilities', 'two-safeguards']);
    const o = r.occurrences['six-stabilities']![0]!;
    expect(r.passages[1]!.text.slice(o.start, o.end)).toBe('六穩');
  });
});

describe('stable JSON', () => {
  it('sorts keys at every level, drops undefined, flattens typed arrays', () => {
    expect(stableJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[{"y":2,"z":1}]},"b":1}\n',
    );
    expect(canonicalize(new Uint8Array([1, 2]))).toEqual([1, 2]);
  });
});
