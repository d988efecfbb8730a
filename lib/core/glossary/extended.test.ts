// The extended entry format of issue #10: definitions per language, sources, forms, and the
// rules needsContext / compound / optional — what the schema accepts and what it reports.
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../../scripts/lib-yaml.ts';
import { formatDiagnostic } from './diagnostics.ts';
import { validateGlossary } from './validate.ts';

const LABELS = '{ en: Two Sessions, ja: 両会, zh-Hans: 两会, zh-Hant: 兩會 }';
const head = `- id: two-sessions\n  category: event\n  labels: ${LABELS}\n`;

function run(yaml: string, completeness?: boolean) {
  const y = parseYaml('g.yaml', yaml);
  expect(y.diagnostics).toEqual([]);
  const r = validateGlossary([y], completeness ? { completeness } : {});
  return { concepts: r.concepts, messages: r.diagnostics.map(formatDiagnostic) };
}

describe('extended glossary entries', () => {
  it('reads a definition map, sources and forms', () => {
    const r = run(
      `${head}  definition:\n    en: The annual plenary sessions.\n    ja: 毎年の全体会議。\n    zh-Hans: 每年的全体会议。\n` +
        `  sources: [https://example.org/a]\n  forms:\n    - { lang: ja, text: 両会, url: 'https://example.org/b' }\n`,
    );
    expect(r.messages).toEqual([]);
    expect(r.concepts[0]!.definition).toEqual({
      en: 'The annual plenary sessions.',
      ja: '毎年の全体会議。',
      'zh-Hans': '每年的全体会议。',
    });
    expect(r.concepts[0]!.sources).toEqual(['https://example.org/a']);
    expect(r.concepts[0]!.forms).toEqual([{ lang: 'ja', text: '両会', url: 'https://example.org/b' }]);
  });

  it('a plain definition string is the English one', () => {
    expect(run(`${head}  definition: Plain.\n`).concepts[0]!.definition).toEqual({ en: 'Plain.' });
  });

  it('reports a definition without en, an unknown language, a source that is no URL, a bad form', () => {
    expect(
      run(
        `${head}  definition:\n    ja: 会議。\n    fr: Réunions.\n  sources: [not a url]\n  forms:\n    - { lang: de, text: x, url: 'https://e.org' }\n`,
      ).messages,
    ).toEqual([
      'g.yaml:4:3: error: concept "two-sessions" has no en definition',
      'g.yaml:6:5: error: unknown language "fr" in definition of concept "two-sessions"',
      'g.yaml:7:13: error: source of concept "two-sessions" must be an http(s) URL, found "not a url"',
      'g.yaml:9:15: error: form of concept "two-sessions" has unknown language "de" (expected en, ja, zh-Hans, zh-Hant or vi)',
    ]);
  });

  it('needsContext is a rule (a short alias may carry it); compound and optional must fit the alias', () => {
    const yaml =
      `${head}  aliases:\n    en: [NPC, Two Meetings]\n    ja: [全人代会議]\n  definition: d\n  rules:\n` +
      `    NPC: { needsContext: true, caseSensitive: true }\n    全人代会議: { compound: 全人代|会 }\n    Two Meetings: { optional: [Three] }\n`;
    expect(run(yaml).messages).toEqual([
      'g.yaml:10:24: error: rule compound "全人代|会" in concept "two-sessions" is not "全人代会議" split by |',
      'g.yaml:11:31: error: optional part "Three" of "Two Meetings" in concept "two-sessions" is not a part of that alias',
    ]);
  });

  it('completeness (the build asks for it): one error per missing item of each concept', () => {
    const yaml = `${head}  definition: d\n`;
    expect(run(yaml).messages).toEqual([]);
    expect(run(yaml, true).messages).toEqual([
      'g.yaml:1:7: error: concept "two-sessions" has no ja definition',
      'g.yaml:1:7: error: concept "two-sessions" has no source URL (sources:)',
      'g.yaml:1:7: error: concept "two-sessions" has no zh-Hans definition',
    ]);
  });
});
