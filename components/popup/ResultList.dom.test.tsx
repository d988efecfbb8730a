import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConceptSummary, SearchHit } from '../../lib/core/types.ts';
import { PageConcepts } from './PageConcepts.tsx';
import { ResultList, orderChips } from './ResultList.tsx';
import { groupHitsByDocument } from '../../lib/core/hit-groups.ts';

const hit = (
  passageId: string,
  snippet: string,
  marks: Array<[number, number]>,
  conceptIds: string[] = [],
): SearchHit => ({
  passageId,
  docId: passageId.slice(0, 3),
  score: 0,
  kind: 'exact',
  snippet,
  marks,
  conceptIds,
});

const summaries = new Map<string, ConceptSummary>([
  [
    'two-safeguards',
    {
      id: 'two-safeguards',
      category: 'formulation',
      labels: { en: 'Two Safeguards', ja: '二つの擁護', 'zh-Hans': '两个维护', 'zh-Hant': '兩個維護' },
      occurrenceCount: 2,
    },
  ],
]);

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});
function mount(vnode: preact.VNode): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  void act(() => render(vnode, root));
  return root;
}

describe('ResultList', () => {
  const hits = [
    hit('003/p03', '「<b>二つの維持</b>」を', [[1, 13]], ['x', 'two-safeguards']),
    hit('001/p05', '二つの擁護', [[0, 5]]),
    hit('003/p10', 'plain', []),
  ];

  it('renders a listbox of options grouped by document, marks as <mark> text (no HTML parsing)', () => {
    const onOpen = vi.fn();
    const el = mount(
      <ResultList
        groups={groupHitsByDocument(hits)}
        answered="q"
        busy={false}
        activeId="hit-001-p05"
        docs={new Map([['003', { title: 'Doc three', date: '2023-07-03', lang: 'ja' }]])}
        concepts={summaries}
        labelLang="ja"
        expanded={['two-safeguards']}
        onOpen={onOpen}
        onHover={() => undefined}
      />,
    );
    const lb = el.querySelector('[role=listbox]')!;
    expect(lb.getAttribute('data-answered')).toBe('q');
    const groups = lb.querySelectorAll('[role=group]');
    expect(groups).toHaveLength(2);
    expect(groups[0]!.querySelector('.doc-title')!.textContent).toBe('Doc three');
    expect(groups[0]!.querySelectorAll('[role=option]')).toHaveLength(2);
    const marks = [...lb.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['<b>二つの維持</b>', '二つの擁護']);
    expect(lb.querySelector('b')).toBeNull();
    const active = lb.querySelector('[aria-selected=true]')!;
    expect(active.id).toBe('hit-001-p05');
    // Chips: named concept first, label in the UI language, unknown ids as-is.
    const chips = [...groups[0]!.querySelectorAll('.chip')].map((c) => c.textContent);
    expect(chips).toEqual(['二つの擁護', 'x']);
    void act(() => (lb.querySelector('[data-passage="003/p10"]') as HTMLElement).click());
    expect(onOpen).toHaveBeenCalledWith(hits[2]);
  });

  it('orderChips puts the query’s concepts first', () => {
    expect(orderChips(['a', 'b', 'c'], ['c'])).toEqual(['c', 'a', 'b']);
  });
});

describe('PageConcepts', () => {
  it('lists concepts with counts and reveals on click', () => {
    const onReveal = vi.fn();
    const el = mount(
      <PageConcepts
        concepts={[
          { conceptId: 'two-safeguards', category: 'formulation', label: 'Two Safeguards', count: 2 },
        ]}
        capped={false}
        enabled
        onReveal={onReveal}
        labelFor={(c) => `L:${c.label}`}
      />,
    );
    const b = el.querySelector('button.page-concept') as HTMLButtonElement;
    expect(b.querySelector('.label')!.textContent).toBe('L:Two Safeguards');
    expect(b.querySelector('.count')!.textContent).toBe('2');
    void act(() => b.click());
    expect(onReveal).toHaveBeenCalledWith('two-safeguards');
  });

  it('says when the page cannot be read', () => {
    const el = mount(
      <PageConcepts
        concepts={null}
        capped={false}
        enabled={false}
        onReveal={() => undefined}
        labelFor={(c) => c.label}
      />,
    );
    expect(el.textContent).toContain('pageUnavailable');
  });
});
