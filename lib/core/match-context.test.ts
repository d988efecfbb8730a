import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptWithContext, contextRules, type ContextRules } from './match-context.ts';
import type { TermMatch } from './types.ts';

/** Terms (every occurrence) in `text`; those listed in `gated` need context. */
function setup(text: string, terms: string[], gated: string[]) {
  const matches: TermMatch[] = [];
  for (const t of terms)
    for (let i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + 1))
      matches.push({ start: i, end: i + t.length, conceptId: t });
  matches.sort((a, b) => a.start - b.start);
  const rules: ContextRules = { needsContext: (_, m) => gated.includes(m.conceptId) };
  return { matches, rules };
}
const accepted = (text: string, terms: string[], gated: string[], window = 300) => {
  const { matches, rules } = setup(text, terms, gated);
  return acceptWithContext(text, matches, rules, window).map((m) => m.conceptId);
};

describe('needsContext: accepted only with evidence nearby', () => {
  it('CPC as cost per click stays unmarked; CPC beside the Party stands', () => {
    expect(accepted('Our CPC fell to forty cents while the CPM stayed flat.', ['CPC'], ['CPC'])).toEqual([]);
    expect(
      accepted(
        'The Communist Party of China said the CPC will meet.',
        ['Communist Party of China', 'CPC'],
        ['CPC'],
      ),
    ).toEqual(['Communist Party of China', 'CPC']);
  });

  it('a sports "Politburo" and a council "Resolution 18" have no evidence', () => {
    expect(accepted("Fans call the club's directors the Politburo.", ['Politburo'], ['Politburo'])).toEqual(
      [],
    );
    expect(
      accepted('The council adopted Resolution 18 on parking.', ['Resolution 18'], ['Resolution 18']),
    ).toEqual([]);
  });

  it('two ambiguous terms cannot vouch for each other', () => {
    expect(accepted('The NPC met the CPC.', ['NPC', 'CPC'], ['NPC', 'CPC'])).toEqual([]);
  });

  it('evidence must be within the window', () => {
    const far = `To Lam spoke. ${'x'.repeat(400)} The Politburo met.`;
    expect(accepted(far, ['To Lam', 'Politburo'], ['Politburo'])).toEqual(['To Lam']);
    expect(accepted(far, ['To Lam', 'Politburo'], ['Politburo'], 500)).toEqual(['To Lam', 'Politburo']);
  });

  it('property: equals a brute-force oracle', () => {
    const m = fc.record({
      start: fc.integer({ min: 0, max: 2000 }),
      len: fc.integer({ min: 1, max: 20 }),
      g: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(m, { maxLength: 12 }), fc.integer({ min: 0, max: 600 }), (ms, window) => {
        const matches = ms
          .map((x, k) => ({ start: x.start, end: x.start + x.len, conceptId: `${x.g ? 'g' : 'f'}${k}` }))
          .sort((a, b) => a.start - b.start);
        const rules: ContextRules = { needsContext: (_, x) => x.conceptId.startsWith('g') };
        const got = acceptWithContext('', matches, rules, window);
        const want = matches.filter(
          (x) =>
            !x.conceptId.startsWith('g') ||
            matches.some((e) => {
              if (e.conceptId.startsWith('g')) return false;
              const gap = e.start >= x.end ? e.start - x.end : x.start >= e.end ? x.start - e.end : 0;
              return gap <= window;
            }),
        );
        expect(got).toEqual(want);
      }),
    );
  });
});

describe('a gated form two countries share: the nearest evidence with a country decides', () => {
  // concept ids: 'cpc' (China, index 0), 'cpv' (Vietnam, 1), 'xi' (China, 2), 'lam' (Vietnam, 3), 'gen' (none, 4)
  const ids = ['cpc', 'cpv', 'xi', 'lam', 'gen'];
  const rules = contextRules(
    {
      needsContext: ['0 politburo', '1 politburo'],
      contextShared: { politburo: [0, 1] },
      countries: 'cvcv-',
    },
    ids,
  );
  /** `terms`: [surface, concept id]; each occurrence is a match of that concept. */
  const run = (text: string, terms: Array<[string, string]>) => {
    const ms: TermMatch[] = [];
    for (const [t, id] of terms)
      for (let i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + 1))
        ms.push({ start: i, end: i + t.length, conceptId: id });
    ms.sort((a, b) => a.start - b.start);
    return acceptWithContext(text, ms, rules).map((m) => `${text.slice(m.start, m.end)}=${m.conceptId}`);
  };

  it("Chinese evidence makes it China's, Vietnamese evidence Vietnam's, whatever the automaton chose", () => {
    expect(
      run('Xi told the Politburo.', [
        ['Xi', 'xi'],
        ['Politburo', 'cpv'],
      ]),
    ).toEqual(['Xi=xi', 'Politburo=cpc']);
    expect(
      run('Lam told the Politburo.', [
        ['Lam', 'lam'],
        ['Politburo', 'cpc'],
      ]),
    ).toEqual(['Lam=lam', 'Politburo=cpv']);
  });

  it('the nearest evidence wins when both countries are near', () => {
    const text = 'Xi met Lam; the Politburo of his party agreed.';
    expect(
      run(text, [
        ['Xi', 'xi'],
        ['Lam', 'lam'],
        ['Politburo', 'cpc'],
      ]),
    ).toContain('Politburo=cpv');
  });

  it("evidence with no country vouches for the term but leaves the automaton's choice", () => {
    expect(
      run('The Gen said the Politburo met.', [
        ['Gen', 'gen'],
        ['Politburo', 'cpc'],
      ]),
    ).toEqual(['Gen=gen', 'Politburo=cpc']);
  });

  it('without evidence it is dropped as before', () => {
    expect(run('Fans call the board the Politburo.', [['Politburo', 'cpc']])).toEqual([]);
  });
});
