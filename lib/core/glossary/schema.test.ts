// The glossary schema: what it accepts, what the model looks like, and where its issues point.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../../scripts/lib-yaml.ts';
import { formatDiagnostic } from './diagnostics.ts';
import { ConceptSchema } from './schema.ts';
import { validateGlossary } from './validate.ts';

const LABELS = '{ en: Six Guarantees, ja: 六つの保障, zh-Hans: 六保, zh-Hant: 六保 }';

function check(yaml: string): string[] {
  const y = parseYaml('g.yaml', yaml);
  expect(y.diagnostics).toEqual([]);
  return validateGlossary([y]).diagnostics.map(formatDiagnostic);
}

describe('the concept schema', () => {
  it('reads a concept into the model: member ids renamed, text trimmed, lists defaulted', () => {
    const r = v.safeParse(ConceptSchema, {
      id: 'six-guarantees',
      category: 'formulation',
      labels: { en: 'Six Guarantees', ja: '六つの保障', 'zh-Hans': '六保', 'zh-Hant': '六保' },
      definition: '  Six things to guarantee. ',
      members: [{ labels: { en: 'jobs' } }, { concept: 'basic-livelihood', labels: { en: 'basic needs' } }],
      origin: null,
    });
    expect(r.issues).toBeUndefined();
    expect(r.output).toEqual({
      id: 'six-guarantees',
      category: 'formulation',
      labels: { en: 'Six Guarantees', ja: '六つの保障', 'zh-Hans': '六保', 'zh-Hant': '六保' },
      aliases: {},
      definition: { en: 'Six things to guarantee.' },
      related: [],
      members: [{ labels: { en: 'jobs' } }, { labels: { en: 'basic needs' }, conceptId: 'basic-livelihood' }],
      origin: null,
    });
  });

  it('a list where a mapping belongs is one error, not a cascade of missing keys', () => {
    expect(check(`- [id, category]\n`)).toEqual([
      'g.yaml:1:3: error: expected a concept (a mapping), found a list',
    ]);
    expect(
      check(`- id: x-y\n  category: plan\n  labels: [a]\n  definition: d\n  rules: { a: [] }\n`),
    ).toEqual([
      'g.yaml:3:11: error: labels of concept "x-y" must be a mapping',
      'g.yaml:5:15: error: rule for "a" in concept "x-y" must be a mapping',
    ]);
  });

  it('reports every unknown key, not just the first', () => {
    expect(
      check(`- id: x-y\n  category: plan\n  labels: ${LABELS}\n  definition: d\n  note: a\n  see: b\n`),
    ).toEqual([
      'g.yaml:5:3: error: unknown key "note" in concept "x-y"',
      'g.yaml:6:3: error: unknown key "see" in concept "x-y"',
    ]);
  });

  it('points at the list entry as written, even after an entry before it was dropped', () => {
    expect(
      check(
        `- id: x-y\n  category: plan\n  labels: ${LABELS}\n  aliases:\n    ja: [5, 層]\n  definition: d\n`,
      ),
    ).toEqual([
      'g.yaml:5:10: error: alias of concept "x-y" must be a non-empty string, found number 5',
      'g.yaml:5:13: error: alias "層" of concept "x-y" is shorter than 2 CJK characters and has no rule (add one under rules)',
    ]);
  });

  it('member errors name the member and point at its labels', () => {
    const yaml = `- id: x-y\n  category: plan\n  labels: ${LABELS}\n  definition: d\n  members:\n    - labels: { ja: 雇用 }\n    - concept: 5\n      labels: { en: b }\n`;
    expect(check(yaml)).toEqual([
      'g.yaml:6:7: error: member 1 of concept "x-y" is missing the en label',
      'g.yaml:7:16: error: member concept of concept "x-y" must be an id',
    ]);
  });
});
