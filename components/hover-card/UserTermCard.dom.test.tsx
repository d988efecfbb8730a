// @vitest-environment jsdom
// The hover card of a user term (issue #12): the list's name and colour instead of a category,
// the user's definition, and its occurrences in every document, the user's own marked.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { ConceptDetails } from '../../lib/core/types.ts';
import { HoverCard, type HoverCardProps } from '../HoverCard.tsx';
import { ConceptView } from '../reader/ConceptView.tsx';
import { PageConcepts } from '../popup/PageConcepts.tsx';

vi.mock('wxt/browser', async () => ({
  browser: { i18n: (await import('../../lib/i18n.testing.ts')).fakeI18n },
}));

const details: ConceptDetails = {
  concept: {
    id: 'u.Labc.0',
    category: 'formulation',
    labels: { en: '数字经济', ja: '数字经济', 'zh-Hans': '数字经济', 'zh-Hant': '数字经济' },
    aliases: {},
    definition: { en: 'My note: <i>not markup</i>, the platform sector.' },
    related: [],
  },
  list: { id: 'Labc', name: 'Economy watch', colour: 5 },
  occurrences: [
    { docId: 'user-k3x9', passageId: 'user-k3x9/p02', snippet: '发展数字经济', marks: [[2, 6]] },
    { docId: '003', passageId: '003/p12', snippet: '数字经济', marks: [[0, 4]] },
  ],
};
const docs = {
  '003': { id: '003', title: '嘉兴会议', date: '2021-03-02', lang: 'zh-Hans' as const },
  'user-k3x9': {
    id: 'user-k3x9',
    title: '工作报告 2025',
    date: '2025-03-05',
    lang: 'zh-Hans' as const,
    origin: 'user' as const,
  },
};

function mountCard(over: Partial<HoverCardProps> = {}) {
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  const props: HoverCardProps = {
    conceptId: 'u.Labc.0',
    term: '数字经济',
    details,
    docs,
    nameLang: 'zh-Hans',
    onOpenPassage: vi.fn(),
    onSearch: vi.fn(),
    onClose: vi.fn(),
    ...over,
  };
  void act(() => render(<HoverCard {...props} />, host));
  return host;
}

describe('a user term', () => {
  it('card: its list name and colour (no category), the definition as text, every document', () => {
    const host = mountCard();
    const chip = host.querySelector<HTMLElement>('.cat')!;
    expect(chip.classList.contains('list-5')).toBe(true);
    expect([...chip.classList].some((c) => c.startsWith('cat-'))).toBe(false);
    expect(chip.dataset.list).toBe('Labc');
    expect(chip.textContent).toBe('Your term list: Economy watch');
    expect(host.querySelector('.definition')!.textContent).toBe(
      'My note: <i>not markup</i>, the platform sector.',
    );
    expect(host.querySelector('.definition i')).toBeNull();
    const rows = [...host.querySelectorAll<HTMLElement>('.doc')].map((d) => [
      d.dataset.doc,
      d.querySelector('.mine')?.textContent ?? '',
    ]);
    expect(rows).toEqual([
      ['user-k3x9', 'Your document · '],
      ['003', ''],
    ]);
  });

  it('card while its details load: no category chip is made up', () => {
    const host = mountCard({ details: undefined });
    expect(host.querySelector('.cat')).toBeNull();
  });

  it('card: no definition given, no empty paragraph', () => {
    const host = mountCard({
      details: { ...details, concept: { ...details.concept, definition: { en: '' } } },
    });
    expect(host.querySelector('.definition')).toBeNull();
  });

  it('reader concept view: the list, the definition, occurrences by date with the user document marked', () => {
    const host = document.createElement('div');
    render(
      <ConceptView
        details={details}
        summaries={undefined}
        labelLang="en"
        docs={new Map(Object.entries(docs))}
      />,
      host,
    );
    const cat = host.querySelector<HTMLElement>('.concept-cat')!;
    expect(cat.classList.contains('list-5')).toBe(true);
    expect(cat.textContent).toBe('Your term list: Economy watch');
    expect(host.textContent).toContain('My note: <i>not markup</i>, the platform sector.');
    const groups = [...host.querySelectorAll<HTMLElement>('.occ-group')].map((g) => [
      g.dataset.doc,
      !!g.querySelector('.mine'),
    ]);
    expect(groups).toEqual([
      ['003', false], // 2021 before 2025
      ['user-k3x9', true],
    ]);
  });

  it('popup "On this page": a user term in its list colour with the list name', () => {
    const host = document.createElement('div');
    render(
      <PageConcepts
        concepts={[
          {
            conceptId: 'u.Labc.0',
            category: 'formulation',
            label: '数字经济',
            count: 2,
            list: { name: 'Economy watch', colour: 5 },
          },
          { conceptId: 'two-safeguards', category: 'formulation', label: '两个维护', count: 1 },
        ]}
        capped={false}
        enabled
        onReveal={() => undefined}
        labelFor={(c) => c.label}
      />,
      host,
    );
    const [user, bundled] = [...host.querySelectorAll<HTMLElement>('.page-concept')];
    expect(user!.className).toBe('page-concept list-5');
    expect(user!.querySelector('.list-name')!.textContent).toBe('Economy watch');
    expect(bundled!.className).toBe('page-concept cat-formulation');
    expect(bundled!.querySelector('.list-name')).toBeNull();
  });
});
