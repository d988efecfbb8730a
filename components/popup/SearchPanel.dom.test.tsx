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
});
