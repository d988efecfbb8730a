import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TermListSummary, UserDocSummary } from '../lib/core/library/schema.ts';

// The Library section with the real hook and readers, the background faked at `send`: what the
// user sees, what is sent, and what is not sent when a file is bad.
vi.mock('wxt/browser', async () => ({
  browser: { i18n: (await import('../lib/i18n.testing.ts')).fakeI18n },
}));
const { LibrarySection } = await import('../components/options/LibrarySection.tsx');
const { useLibrary } = await import('./use-library.ts');
const en = (await import('../public/_locales/en/messages.json')).default;

type Call = { type: string; payload: unknown };
function fakeBackground(answers: Record<string, (payload: never) => unknown> = {}) {
  const calls: Call[] = [];
  const docs: UserDocSummary[] = [];
  const lists: TermListSummary[] = [];
  let n = 0;
  const send = vi.fn(async (type: string, payload: unknown) => {
    calls.push({ type, payload });
    if (answers[type]) return answers[type](payload as never);
    switch (type) {
      case 'listLibrary':
        return { version: n, documents: [...docs], termLists: [...lists] };
      case 'importDocument': {
        const p = payload as { meta: UserDocSummary['meta']; text: string };
        const id = `user-doc${++n}`;
        docs.push({
          id,
          meta: p.meta,
          addedAt: '2026-01-01T00:00:00Z',
          chars: p.text.length,
          passageCount: 2,
          conceptCount: 1,
        });
        return { ok: true, id, passageCount: 2, conceptCount: 1 };
      }
      case 'deleteDocument': {
        const i = docs.findIndex((d) => d.id === (payload as { docId: string }).docId);
        docs.splice(i, 1);
        return { ok: true };
      }
      case 'importTermList': {
        const p = payload as { name: string; colour: number; format: 'csv'; terms: unknown[] };
        const id = `Llist${++n}`;
        lists.push({
          id,
          name: p.name,
          colour: p.colour,
          format: p.format,
          createdAt: '',
          termCount: p.terms.length,
          occurrenceCount: 0,
        });
        return { ok: true, id, passageCount: 0, conceptCount: 0 };
      }
      default:
        throw new Error(`unexpected ${type}`);
    }
  });
  return { send, calls, docs, lists };
}

function mount(send: unknown) {
  const root = document.body.appendChild(document.createElement('div'));
  function Harness() {
    return <LibrarySection lib={useLibrary(send as never)} />;
  }
  render(<Harness />, root);
  return root;
}
const sent = (calls: Call[], type: string) => calls.filter((c) => c.type === type);
const file = (name: string, text: string, type = 'text/plain') => new File([text], name, { type });
function choose(input: HTMLInputElement, files: File[]) {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
});

describe('Library section: documents', () => {
  it('imports good files of a drop and names the bad one; nothing is sent for it', async () => {
    const bg = fakeBackground();
    root = mount(bg.send);
    await vi.waitFor(() => expect(root!.textContent).toContain(en.libNoDocuments.message));
    const input = root.querySelector<HTMLInputElement>('input[type=file]#lib-files')!;
    expect(root.querySelector('label[for=lib-files]')?.textContent).toBe(en.libAddFiles.message);
    expect(input.multiple).toBe(true);
    await act(() =>
      choose(input, [
        file('report.txt', 'The State Council met.\n\nIt set the target.'),
        file('slides.pptx', 'x'),
        file('notes.md', '# Plenum notes\n\nThe *plenum* ended.'),
      ]),
    );
    await vi.waitFor(() => expect(sent(bg.calls, 'importDocument')).toHaveLength(2));
    expect(
      sent(bg.calls, 'importDocument').map((c) => (c.payload as { meta: { title: string } }).meta.title),
    ).toEqual(['report', 'Plenum notes']);
    await vi.waitFor(() => expect(root!.querySelectorAll('.lib-docs li')).toHaveLength(2));
    expect(root.querySelector('[role=alert]')?.textContent).toMatch(
      /^slides\.pptx: unsupported file type \.pptx/,
    );
    expect(root.querySelector('[role=status]')?.textContent).toContain(
      'Added “Plenum notes”: 2 passages, 1 concepts',
    );
    expect(root.querySelector('[role=progressbar]')).toBeNull();
    expect(root.querySelector<HTMLAnchorElement>('.lib-docs a')?.getAttribute('href')).toBe(
      '/reader.html#user-doc1',
    );
  });

  it('shows progress while a job runs; Cancel stops before the next file', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const bg = fakeBackground();
    let inFlight = 0;
    const slow = vi.fn(async (type: string, payload: unknown) => {
      if (type === 'importDocument') {
        inFlight++;
        await gate;
      }
      return bg.send(type, payload);
    });
    root = mount(slow);
    await vi.waitFor(() => expect(root!.textContent).toContain(en.libNoDocuments.message));
    await act(() =>
      choose(root!.querySelector<HTMLInputElement>('#lib-files')!, [
        file('a.txt', 'first'),
        file('b.txt', 'second'),
      ]),
    );
    const bar = await vi.waitFor(() => {
      const b = root!.querySelector('[role=progressbar]');
      expect(b).not.toBeNull();
      return b!;
    });
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('100');
    expect(bar.getAttribute('aria-label')).toContain('a.txt');
    await vi.waitFor(() => expect(inFlight).toBe(1));
    const cancel = [...root.querySelectorAll('button')].find((b) => b.textContent === en.libCancel.message)!;
    await act(() => cancel.click());
    release();
    await vi.waitFor(() => expect(root!.querySelector('[role=progressbar]')).toBeNull());
    expect(sent(bg.calls, 'importDocument')).toHaveLength(1); // a.txt was already on its way
    expect(root.querySelector('[role=status]')?.textContent).toContain(en.libCancelled.message);
  });

  it('deletes only after the confirmation; Keep takes it back', async () => {
    const bg = fakeBackground();
    await bg.send('importDocument', {
      meta: { title: 'Work report', lang: 'en', date: '', tags: [], translation: false, format: 'txt' },
      text: 'x',
    });
    root = mount(bg.send);
    const del = await vi.waitFor(() => {
      const b = root!.querySelector<HTMLButtonElement>('button[aria-label="Delete “Work report”"]');
      expect(b).not.toBeNull();
      return b!;
    });
    await act(() => del.click());
    const keep = [...root.querySelectorAll('button')].find(
      (b) => b.textContent === en.libDeleteKeep.message,
    )!;
    expect(root.textContent).toContain('Delete “Work report” for good?');
    await act(() => keep.click());
    expect(sent(bg.calls, 'deleteDocument')).toHaveLength(0);
    await act(() =>
      root!.querySelector<HTMLButtonElement>('button[aria-label="Delete “Work report”"]')!.click(),
    );
    const yes = root.querySelector<HTMLButtonElement>('.lib-confirm button.danger')!;
    expect(document.activeElement).toBe(yes);
    await act(() => yes.click());
    await vi.waitFor(() =>
      expect(sent(bg.calls, 'deleteDocument')).toEqual([
        { type: 'deleteDocument', payload: { docId: 'user-doc1' } },
      ]),
    );
    await vi.waitFor(() => expect(root!.textContent).toContain(en.libNoDocuments.message));
  });
});

describe('Library section: term lists', () => {
  it('a bad CSV names the row and nothing is sent; a good one goes with the chosen colour', async () => {
    const bg = fakeBackground();
    root = mount(bg.send);
    await vi.waitFor(() => expect(root!.textContent).toContain(en.libNoLists.message));
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[type=radio][name=lib-list-colour]')];
    expect(radios.map((r) => r.getAttribute('aria-label'))).toEqual([
      'Teal',
      'Rose',
      'Indigo',
      'Brown',
      'Green',
      'Purple',
      'Slate',
      'Pink',
    ]);
    expect(radios[0]!.checked).toBe(true);
    const fileInput = root.querySelector<HTMLInputElement>('#lib-list-file')!;
    const submit = () => root!.querySelector<HTMLFormElement>('form.lib-list-import')!.requestSubmit();

    await act(() => choose(fileInput, [file('terms.csv', 'term,definition\na,"ok"\nb,"unclosed\n')]));
    await act(() => submit());
    await vi.waitFor(() =>
      expect(root!.querySelector('[role=alert]')?.textContent).toMatch(/terms\.csv, row 3.*unclosed quote/),
    );
    expect(sent(bg.calls, 'importTermList')).toHaveLength(0);

    await act(() =>
      choose(root!.querySelector<HTMLInputElement>('#lib-list-file')!, [
        file('mine.csv', 'term,aliases\n共同富裕,common prosperity|CP\n'),
      ]),
    );
    await act(() => radios[2]!.click());
    await act(() => submit());
    await vi.waitFor(() => expect(sent(bg.calls, 'importTermList')).toHaveLength(1));
    expect(sent(bg.calls, 'importTermList')[0]!.payload).toMatchObject({
      name: 'mine', // the name follows the file chosen, until the user types one
      colour: 2,
      format: 'csv',
      fileName: 'mine.csv',
      terms: [{ term: '共同富裕', aliases: ['common prosperity', 'CP'] }],
    });
    await vi.waitFor(() => expect(root!.querySelector('[data-list]')?.textContent).toContain('terms'));
    expect(root.querySelector('[role=alert]')?.textContent).toBe('');
  });
});
