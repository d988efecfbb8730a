import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../scripts/lib-yaml.ts';
import {
  aliasLength,
  checkCorpusOccurrences,
  checkVariantCollisions,
  conceptAliases,
  formatDiagnostic,
  isShortAlias,
  readOrdinaryWords,
  ruleFlags,
  sortDiagnostics,
  validateExclusions,
  validateGlossary,
  type ParsedFile,
} from './glossary.ts';
import { normalizeForMatch } from './normalize.ts';

const ROOT = join(import.meta.dirname, '../..');
const DIR = 'tests/fixtures/glossary-bad';
const normalize = (s: string) => normalizeForMatch(s).text;

function load(rel: string) {
  return parseYaml(rel, readFileSync(join(ROOT, rel), 'utf8'));
}
const ordinaryWords = readOrdinaryWords(load(`${DIR}/ordinary-words.yaml`)).words;

function check(name: string): string[] {
  const y = load(`${DIR}/${name}`);
  const r = validateGlossary([y], { normalize, ordinaryWords });
  return sortDiagnostics([...y.diagnostics, ...r.diagnostics]).map(formatDiagnostic);
}

const F = (name: string) => `${DIR}/${name}`;

describe('glossary validation: one bad fixture per failure kind, exact messages', () => {
  it('YAML syntax errors carry file:line:col and stop the content checks of that file', () => {
    expect(check('yaml-syntax.yaml')).toEqual([
      `${F('yaml-syntax.yaml')}:4:3: error: YAML: Flow map in block collection must be sufficiently indented and end with a }`,
    ]);
  });
  it('duplicate keys in a mapping', () => {
    expect(check('duplicate-key.yaml')).toEqual([
      `${F('duplicate-key.yaml')}:3:3: error: YAML: Map keys must be unique`,
    ]);
  });
  it('a file that is not a list', () => {
    expect(check('not-a-list.yaml')).toEqual([
      `${F('not-a-list.yaml')}:1:1: error: expected a list of concepts, found a mapping`,
    ]);
  });
  it('unknown keys', () => {
    expect(check('unknown-key.yaml')).toEqual([
      `${F('unknown-key.yaml')}:5:3: error: unknown key "synonyms" in concept "six-guarantees"`,
    ]);
  });
  it('a missing required label', () => {
    expect(check('missing-label.yaml')).toEqual([
      `${F('missing-label.yaml')}:3:3: error: concept "six-guarantees" is missing the zh-Hant label`,
    ]);
  });
  it('vi aliases without a vi label', () => {
    expect(check('vi-label.yaml')).toEqual([
      `${F('vi-label.yaml')}:3:3: error: concept "four-good-party-cells" has vi aliases but no vi label`,
    ]);
  });
  it('an unknown category', () => {
    expect(check('bad-category.yaml')).toEqual([
      `${F('bad-category.yaml')}:2:13: error: concept "six-guarantees" has unknown category "slogan" (expected one of formulation, plan, campaign, institution, document, person, place, event, ideology)`,
    ]);
  });
  it('an id that is not kebab-case', () => {
    expect(check('bad-id.yaml')).toEqual([
      `${F('bad-id.yaml')}:1:7: error: id "Six_Guarantees" is not kebab-case ASCII`,
    ]);
  });
  it('missing id, category and definition', () => {
    expect(check('missing-fields.yaml')).toEqual([
      `${F('missing-fields.yaml')}:1:3: error: concept #1 has no category`,
      `${F('missing-fields.yaml')}:1:3: error: concept #1 has no definition`,
      `${F('missing-fields.yaml')}:1:3: error: concept #1 has no id`,
    ]);
  });
  it('wrong types: unknown label language, aliases not a list, empty definition, related not a list', () => {
    expect(check('schema-types.yaml')).toEqual([
      `${F('schema-types.yaml')}:3:70: error: unknown language "fr" in labels of concept "six-guarantees"`,
      `${F('schema-types.yaml')}:5:9: error: ja aliases of concept "six-guarantees" must be a list`,
      `${F('schema-types.yaml')}:6:15: error: definition of concept "six-guarantees" must be a non-empty string or a mapping of language to text`,
      `${F('schema-types.yaml')}:7:12: error: related of concept "six-guarantees" must be a list of ids`,
    ]);
  });
});

describe('glossary validation across concepts: one bad fixture per failure kind, exact messages', () => {
  it('duplicate ids', () => {
    expect(check('duplicate-id.yaml')).toEqual([
      `${F('duplicate-id.yaml')}:6:7: error: duplicate id "six-guarantees" (first defined at ${F('duplicate-id.yaml')}:1:7)`,
    ]);
  });
  it('related pointing at an unknown id', () => {
    expect(check('unknown-related.yaml')).toEqual([
      `${F('unknown-related.yaml')}:5:13: error: concept "six-guarantees" is related to unknown id "six-stabilities"`,
    ]);
  });
  it('member concept pointing at an unknown id', () => {
    expect(check('unknown-member.yaml')).toEqual([
      `${F('unknown-member.yaml')}:7:16: error: member 2 of concept "six-guarantees" points at unknown id "basic-livelihood"`,
    ]);
  });
  it('an alias claimed by two concepts', () => {
    expect(check('alias-collision.yaml')).toEqual([
      `${F('alias-collision.yaml')}:10:53: error: alias "六保" is claimed by six-stabilities and six-guarantees (declare it under shared in both)`,
    ]);
  });
  it('an alias declared under shared in both concepts is fine; in one only is not', () => {
    const mk = (sharedA: boolean, sharedB: boolean): ParsedFile => ({
      file: 'x.yaml',
      locate: () => ({ line: 1, col: 1 }),
      data: [
        {
          id: 'a-concept',
          category: 'institution',
          labels: { en: 'Party Central Committee', ja: '党中央', 'zh-Hans': '党中央', 'zh-Hant': '黨中央' },
          definition: 'a',
          ...(sharedA ? { shared: ['党中央'] } : {}),
        },
        {
          id: 'b-concept',
          category: 'institution',
          labels: {
            en: 'Central Committee',
            ja: '中央委員会',
            'zh-Hans': '中央委员会',
            'zh-Hant': '中央委員會',
          },
          aliases: { ja: ['党中央'] },
          definition: 'b',
          ...(sharedB ? { shared: ['党中央'] } : {}),
        },
      ],
    });
    expect(validateGlossary([mk(true, true)], { normalize }).diagnostics).toEqual([]);
    expect(validateGlossary([mk(true, false)], { normalize }).diagnostics.map((d) => d.message)).toEqual([
      'alias "党中央" is claimed by a-concept and b-concept (declare it under shared in both)',
    ]);
  });
  it('short aliases without a rule (CJK < 2, Latin < 4)', () => {
    expect(check('short-alias.yaml')).toEqual([
      `${F('short-alias.yaml')}:5:10: error: alias "層" of concept "grassroots" is shorter than 2 CJK characters and has no rule (add one under rules)`,
      `${F('short-alias.yaml')}:15:10: error: alias "EU" of concept "european-union" is shorter than 4 Latin letters and has no rule (add one under rules)`,
    ]);
  });
  it('an alias on the ordinary-words list without a rule', () => {
    expect(check('ordinary-word.yaml')).toEqual([
      `${F('ordinary-word.yaml')}:5:10: error: alias "トップ" of concept "number-one-leader" is on the list of ordinary words (corpus/ordinary-words.yaml) and has no rule`,
    ]);
  });
  it('rules and shared entries that do not fit', () => {
    expect(check('bad-rules.yaml')).toEqual([
      `${F('bad-rules.yaml')}:7:5: error: rule for "トップ" in concept "number-one-leader", which is not one of its labels or aliases`,
      `${F('bad-rules.yaml')}:8:14: error: unknown rule "quoted" for "第一責任者" in concept "number-one-leader" (expected quotedOnly, caseSensitive, corpusOnly, needsContext, compound or optional)`,
      `${F('bad-rules.yaml')}:9:24: error: rule corpusOnly for "一把手" in concept "number-one-leader" must be true or false`,
      `${F('bad-rules.yaml')}:10:12: error: shared "一把手さん" in concept "number-one-leader" is not one of its labels or aliases`,
    ]);
  });
  it('a concept that occurs nowhere in the corpus (reported at its id)', () => {
    const y = load(`${DIR}/not-in-corpus.yaml`);
    const r = validateGlossary([y], { normalize });
    expect(r.diagnostics).toEqual([]);
    expect(checkCorpusOccurrences(r.concepts, r.origins, () => 0).map(formatDiagnostic)).toEqual([
      `${F('not-in-corpus.yaml')}:1:7: error: concept "dual-circulation" occurs nowhere in the corpus (corpus/documents/)`,
    ]);
    expect(checkCorpusOccurrences(r.concepts, r.origins, () => 3)).toEqual([]);
  });
  it('exclusion files: schema, duplicates, all errors at once', () => {
    const y = load(`${DIR}/exclusions/bad.yaml`);
    const r = validateExclusions([y]);
    const E = `${DIR}/exclusions/bad.yaml`;
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      `${E}:3:9: error: duplicate exclusion "大連市生態環境保護責任リスト" (first at ${E}:1:9)`,
      `${E}:5:3: error: exclusion has no reason`,
      `${E}:6:9: error: term of exclusion must be a non-empty string, found string ""`,
      `${E}:8:3: error: unknown key "note" in exclusion`,
      `${E}:9:3: error: expected an exclusion {term, reason}, found string "just a string"`,
    ]);
    expect(r.exclusions.map((e) => e.term)).toEqual([
      '大連市生態環境保護責任リスト',
      '大連市生態環境保護責任リスト',
    ]);
  });
  it('every failure is reported, not just the first', () => {
    const files = ['unknown-key.yaml', 'bad-id.yaml', 'short-alias.yaml'].map((f) => load(`${DIR}/${f}`));
    const r = validateGlossary(files, { normalize });
    // unknown key + bad id + 2 short aliases + the two six-guarantees concepts colliding on
    // "Six Guarantees", "六つの保障" and "六保" (zh-Hant 六保 is the same alias)
    expect(r.diagnostics.length).toBe(7);
    expect(r.diagnostics.filter((d) => d.message.includes('claimed by')).length).toBe(3);
  });
});

describe('generated variant collisions', () => {
  const concept = (id: string, zh: string, shared?: string[]) => ({
    id,
    category: 'plan' as const,
    labels: { en: id, ja: zh, 'zh-Hans': zh, 'zh-Hant': zh },
    aliases: {},
    definition: { en: 'x' },
    related: [],
    ...(shared ? { shared } : {}),
  });
  const origins = { a: { file: 'g.yaml', line: 1, col: 7 }, b: { file: 'g.yaml', line: 9, col: 7 } };
  it('reports a generated form claimed by two concepts, at the second concept', () => {
    const concepts = [concept('a', '十四五'), concept('b', '14五')];
    const sources = [
      { conceptId: 'a', alias: '十四五', forms: ['十四五', '14五'] },
      { conceptId: 'b', alias: '14五', forms: ['14五', '十四五'] },
    ];
    expect(checkVariantCollisions(concepts, sources, origins, (s) => s).map(formatDiagnostic)).toEqual([
      'g.yaml:9:7: error: generated variant "十四五" (of "十四五" and "14五") is claimed by a and b (declare the aliases under shared in both)',
      'g.yaml:9:7: error: generated variant "14五" (of "十四五" and "14五") is claimed by a and b (declare the aliases under shared in both)',
    ]);
  });
  it('accepts forms of aliases both concepts share', () => {
    const concepts = [concept('a', '十四五', ['十四五']), concept('b', '14五', ['14五'])];
    const sources = [
      { conceptId: 'a', alias: '十四五', forms: ['十四五', '14五'] },
      { conceptId: 'b', alias: '14五', forms: ['14五', '十四五'] },
    ];
    expect(checkVariantCollisions(concepts, sources, origins, (s) => s)).toEqual([]);
  });
});

describe('glossary helpers', () => {
  it('alias length counts CJK characters and Latin letters', () => {
    expect(aliasLength('六保')).toEqual({ cjk: 2, latin: 0 });
    expect(aliasLength('Ban Chấp hành')).toEqual({ cjk: 0, latin: 11 });
    expect(isShortAlias('保')).toBe(true);
    expect(isShortAlias('六保')).toBe(false);
    expect(isShortAlias('CPC')).toBe(true);
    expect(isShortAlias('NQ/TW')).toBe(false);
  });
  it('rule flags', () => {
    expect(ruleFlags(undefined)).toBe(0);
    expect(ruleFlags({ caseSensitive: true })).toBe(1);
    expect(ruleFlags({ quotedOnly: true, corpusOnly: true })).toBe(6);
  });
  it('conceptAliases lists labels first, then aliases, with their rules', () => {
    const a = conceptAliases({
      id: 'x',
      category: 'formulation',
      labels: { en: 'Top Leader', ja: '一把手', 'zh-Hans': '一把手', 'zh-Hant': '一把手' },
      aliases: { ja: ['トップ', '一把手'] },
      rules: { トップ: { quotedOnly: true } },
      definition: { en: '' },
      related: [],
    });
    expect(a.map((x) => `${x.lang}:${x.text}:${ruleFlags(x.rule)}`)).toEqual([
      'en:Top Leader:0',
      'ja:一把手:0',
      'zh-Hans:一把手:0',
      'zh-Hant:一把手:0',
      'ja:トップ:2',
    ]);
  });
});
