import { describe, expect, it } from 'vitest';
import { SAVE_FEEDBACK_MS, saveFeedback, type ActionApi } from './save-feedback.ts';

function fakeAction() {
  const state = new Map<number, { text: string; color: string; title: string }>();
  const at = (tabId: number) =>
    state.get(tabId) ?? state.set(tabId, { text: '', color: '', title: 'Policy Lens' }).get(tabId)!;
  const api: ActionApi = {
    setBadgeText: ({ tabId, text }) => void (at(tabId).text = text),
    setBadgeBackgroundColor: ({ tabId, color }) => void (at(tabId).color = color),
    setTitle: ({ tabId, title }) => void (at(tabId).title = title),
  };
  return { api, at };
}

function fakeTimers() {
  let now = 0;
  const due: Array<{ at: number; f: () => void; id: number }> = [];
  let next = 1;
  return {
    set: (f: () => void, ms: number) => (due.push({ at: now + ms, f, id: next }), next++),
    clear: (h: unknown) => {
      const i = due.findIndex((d) => d.id === h);
      if (i >= 0) due.splice(i, 1);
    },
    advance(ms: number) {
      now += ms;
      for (const d of due.filter((x) => x.at <= now)) {
        due.splice(due.indexOf(d), 1);
        d.f();
      }
    },
  };
}

const strings = {
  defaultTitle: 'Policy Lens',
  saving: 'Reading this page…',
  saved: (a: { passageCount: number; conceptCount: number }) =>
    `Added to your library: ${a.passageCount} paragraphs, ${a.conceptCount} concepts.`,
  failed: (r: string) => `Not added to your library: ${r}`,
};

describe('context-menu save feedback on the toolbar button', () => {
  it('shows busy, then the saved title, then goes back to normal on that tab only', async () => {
    const { api, at } = fakeAction();
    const timers = fakeTimers();
    const fb = saveFeedback(api, strings, timers);
    await fb.busy(7);
    expect(at(7)).toMatchObject({ text: '…', title: 'Reading this page…' });
    await fb.done(7, { ok: true, id: 'user-a', passageCount: 3, conceptCount: 1 });
    expect(at(7)).toMatchObject({ text: '✓', title: 'Added to your library: 3 paragraphs, 1 concepts.' });
    expect(at(8)).toMatchObject({ text: '', title: 'Policy Lens' });
    timers.advance(SAVE_FEEDBACK_MS - 1);
    expect(at(7).text).toBe('✓');
    timers.advance(1);
    expect(at(7)).toMatchObject({ text: '', title: 'Policy Lens' });
  });

  it('says why a page was not added, in a different colour', async () => {
    const { api, at } = fakeAction();
    const fb = saveFeedback(api, strings, fakeTimers());
    await fb.done(3, { ok: true, id: 'user-a', passageCount: 1, conceptCount: 0 });
    const okColour = at(3).color;
    await fb.done(3, { ok: false, error: 'No article was found on this page.' });
    expect(at(3)).toMatchObject({
      text: '!',
      title: 'Not added to your library: No article was found on this page.',
    });
    expect(at(3).color).not.toBe(okColour);
  });

  it('a second save on the tab restarts the clock: the first one’s reset does not cut the second short', async () => {
    const { api, at } = fakeAction();
    const timers = fakeTimers();
    const fb = saveFeedback(api, strings, timers);
    await fb.done(1, { ok: true, id: 'user-a', passageCount: 1, conceptCount: 0 });
    timers.advance(SAVE_FEEDBACK_MS - 100);
    await fb.done(1, { ok: true, id: 'user-b', passageCount: 2, conceptCount: 0 });
    timers.advance(200);
    expect(at(1)).toMatchObject({ text: '✓', title: 'Added to your library: 2 paragraphs, 0 concepts.' });
    timers.advance(SAVE_FEEDBACK_MS);
    expect(at(1).text).toBe('');
  });

  it('a closed tab (the API throws) is not an error', async () => {
    const boom = () => {
      throw new Error('No tab with id: 9');
    };
    const fb = saveFeedback(
      { setBadgeText: boom, setBadgeBackgroundColor: boom, setTitle: boom },
      strings,
      fakeTimers(),
    );
    await expect(fb.busy(9)).resolves.toBeUndefined();
    await expect(fb.done(9, { ok: false, error: 'x' })).resolves.toBeUndefined();
  });
});
