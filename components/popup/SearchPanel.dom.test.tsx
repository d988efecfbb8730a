import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import { SearchPanel } from './SearchPanel.tsx';

vi.mock('wxt/browser', async () => ({
  browser: { i18n: (await import('../../lib/i18n.testing.ts')).fakeI18n },
}));

describe('SearchPanel', () => {
  it('a failed search shows why, with a Retry button that asks again', async () => {
    const onRetry = vi.fn();
    const root = document.createElement('div');
    const noop = () => undefined;
    await act(() =>
      render(
        <SearchPanel
          query="six"
          inputRef={{ current: null }}
          showing={undefined}
          answered=""
          pending={false}
          error="Error: Could not establish connection"
          groups={[]}
          count={0}
          activeId={undefined}
          docs={new Map()}
          concepts={undefined}
          suggested={[]}
          labelLang="en"
          onInput={noop}
          onKeyDown={noop}
          onOpen={noop}
          onHover={noop}
          onPick={noop}
          onOpenConcept={noop}
          onRetry={onRetry}
        />,
        root,
      ),
    );
    const alert = root.querySelector('[role=alert]');
    expect(alert?.textContent).toContain(en.searchFailed.message);
    const button = alert?.querySelector('button');
    expect(button?.textContent).toBe(en.retry.message);
    button?.click();
    expect(onRetry).toHaveBeenCalledTimes(1);
    render(null, root);
  });

  it('no passage but a known concept: the concept card, with pinyin and "not in the library yet"', async () => {
    const onOpenConcept = vi.fn();
    const root = document.createElement('div');
    const noop = () => undefined;
    const showing = {
      query: 'belt and road',
      normalized: 'belt and road',
      truncated: false,
      expandedConceptIds: [],
      concepts: [],
      hits: [],
      suggestions: [],
      conceptAnswers: [
        {
          id: 'belt-and-road',
          category: 'plan' as const,
          labels: {
            en: 'Belt and Road Initiative',
            ja: '一帯一路',
            'zh-Hans': '一带一路',
            'zh-Hant': '一帶一路',
          },
          pinyin: 'yī dài yī lù',
          definition: { en: 'Infrastructure <b>finance</b>.' },
          occurrenceCount: 0,
        },
      ],
    };
    const panel = (s: typeof showing) => (
      <SearchPanel
        query={s.query}
        inputRef={{ current: null }}
        showing={s}
        answered={s.query}
        pending={false}
        error={undefined}
        groups={[]}
        count={0}
        activeId={undefined}
        docs={new Map()}
        concepts={undefined}
        suggested={[]}
        labelLang="en"
        onInput={noop}
        onKeyDown={noop}
        onOpen={noop}
        onHover={noop}
        onPick={noop}
        onOpenConcept={onOpenConcept}
      />
    );
    await act(() => render(panel(showing), root));
    const card = root.querySelector('[data-concept="belt-and-road"]')!;
    expect(card.querySelector('h3')?.textContent).toBe('Belt and Road Initiative');
    expect(card.textContent).toContain('一带一路');
    expect(card.querySelector('.pinyin')?.textContent).toContain('yī dài yī lù');
    expect(card.querySelector('.definition')?.textContent).toBe('Infrastructure <b>finance</b>.');
    expect(card.querySelector('.definition b')).toBeNull();
    expect(card.textContent).toContain(en.notInLibrary.message);
    card.querySelector('button')!.click();
    expect(onOpenConcept).toHaveBeenCalledWith('belt-and-road');
    // Nothing known: say so (no card).
    await act(() => render(panel({ ...showing, query: 'weather', conceptAnswers: [] }), root));
    expect(root.querySelector('.concept-answers')).toBeNull();
    expect(root.querySelector('.no-results')?.textContent).toContain(
      en.nothingKnown.message.replace('$1', 'weather'),
    );
    render(null, root);
  });
});
