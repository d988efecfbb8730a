import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';

// "Add this page to my library": the tab id goes to the background; its answer is shown.
vi.mock('wxt/browser', async () => ({
  browser: { i18n: (await import('../lib/i18n.testing.ts')).fakeI18n },
}));
const { SavePage } = await import('../components/popup/SavePage.tsx');
const { useSavePage } = await import('./use-save-page.ts');

function mount(send: unknown, tabId: number) {
  const root = document.body.appendChild(document.createElement('div'));
  function Harness() {
    const s = useSavePage(send as never);
    return <SavePage state={s.state} onSave={() => void s.save(tabId)} />;
  }
  render(<Harness />, root);
  return root;
}

describe('Add this page to my library', () => {
  it('sends savePage with the tab id and shows what was added, or why not', async () => {
    const answers = [
      { ok: true, id: 'user-abcd1', passageCount: 12, conceptCount: 4 },
      { ok: false, error: 'the page holds no article text' },
    ];
    const send = vi.fn(async () => answers.shift());
    const root = mount(send, 42);
    const button = root.querySelector<HTMLButtonElement>('button[data-action=save-page]')!;
    expect(button.textContent).toBe('Add this page to my library');
    await act(() => button.click());
    expect(send).toHaveBeenCalledWith('savePage', { tabId: 42 });
    await vi.waitFor(() =>
      expect(root.querySelector('[role=status]')?.textContent).toBe(
        'Added to your library: 12 passages, 4 concepts.',
      ),
    );
    await act(() => button.click());
    await vi.waitFor(() =>
      expect(root.querySelector('[role=status]')?.textContent).toBe(
        'This page could not be added: the page holds no article text',
      ),
    );
    render(null, root);
  });
});
