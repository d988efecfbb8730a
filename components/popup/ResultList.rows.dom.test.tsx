import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { groupHitsByDocument } from '../../lib/core/hit-groups.ts';
import type { ConceptSummary, SearchHit } from '../../lib/core/types.ts';
import { ResultList } from './ResultList.tsx';

// Counts how often a row's snippet is rendered: a row that is not re-rendered renders no snippet.
const snippetRenders = vi.hoisted(() => ({ n: 0 }));
vi.mock('../MarkedText.tsx', () => ({
  MarkedText: ({ text }: { text: string }) => {
    snippetRenders.n++;
    return <>{text}</>;
  },
}));

const hit = (passageId: string, snippet: string, marks: Array<[number, number]> = []): SearchHit => ({
  passageId,
  docId: passageId.slice(0, 3),
  score: 0,
  kind: 'exact',
  snippet,
  marks,
  conceptIds: ['c1'],
});
const answer = () => [hit('001/p01', 'alpha', [[0, 2]]), hit('001/p02', 'beta'), hit('002/p01', 'gamma')];
const docs = new Map();
const concepts = new Map<string, ConceptSummary>();

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function show(
  hits: SearchHit[],
  o: { busy?: boolean; activeId?: string; onOpen?: (h: SearchHit) => void } = {},
) {
  snippetRenders.n = 0;
  void act(() =>
    render(
      <ResultList
        groups={groupHitsByDocument(hits)}
        answered="q"
        busy={o.busy ?? false}
        activeId={o.activeId}
        docs={docs}
        concepts={concepts}
        labelLang="en"
        expanded={[]}
        onOpen={o.onOpen ?? (() => undefined)}
        onHover={() => undefined}
      />,
      root,
    ),
  );
  return snippetRenders.n;
}

describe('ResultList rows', () => {
  it('a keystroke (busy, new handler closures, same answer) re-renders no row', () => {
    const hits = answer();
    expect(show(hits)).toBe(3);
    const onOpen = vi.fn();
    expect(show(hits, { busy: true, onOpen })).toBe(0);
    expect(root.querySelector('#results')!.getAttribute('aria-busy')).toBe('true');
    // the rows call the handler of the latest render
    void act(() => (root.querySelector('[data-passage="002/p01"]') as HTMLElement).click());
    expect(onOpen).toHaveBeenCalledWith(hits[2]);
  });

  it('a new answer re-renders only the rows whose passage, snippet, marks or selection changed', () => {
    show(answer());
    expect(show(answer())).toBe(0); // equal content in new objects
    const next = answer();
    next[0] = hit('001/p01', 'alpha', [[0, 3]]);
    next[2] = hit('002/p01', 'gamma!');
    expect(show(next)).toBe(2);
    expect(root.querySelector('[data-passage="002/p01"]')!.textContent).toContain('gamma!');
    expect(show(next, { activeId: 'hit-001-p02' })).toBe(1);
    expect(root.querySelector('[aria-selected=true]')!.id).toBe('hit-001-p02');
    // a new passage in front: only it renders (the others keep their keyed rows)
    expect(show([hit('003/p01', 'delta'), ...next], { activeId: 'hit-001-p02' })).toBe(1);
  });
});
