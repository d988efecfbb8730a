// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConceptDetails } from '../../lib/core/types.ts';
import { setFakeLocale } from '../../lib/i18n.testing.ts';
import { fireTrusted } from '../../lib/page/testing.ts';
import { HoverCard, type HoverCardProps } from '../HoverCard.tsx';

// The card's strings come from public/_locales through browser.i18n, like every other UI.
vi.mock('wxt/browser', async () => ({
  browser: { i18n: (await import('../../lib/i18n.testing.ts')).fakeI18n },
}));
afterEach(() => setFakeLocale('en'));

const details: ConceptDetails = {
  concept: {
    id: 'two-safeguards',
    category: 'formulation',
    labels: { en: 'Two Safeguards', ja: '二つの擁護', 'zh-Hans': '两个维护', 'zh-Hant': '兩個維護' },
    aliases: {},
    definition: { en: 'A loyalty pledge <b>not markup</b>.' },
    members: [{ labels: { en: 'uphold the core', ja: '核心の擁護' } }],
    related: [],
  },
  occurrences: [
    { docId: '001', passageId: '001/p03', snippet: '…「二つの擁護」を…', marks: [[2, 7]] },
    { docId: '003', passageId: '003/p12', snippet: 'a 两个维护 b', marks: [[2, 6]] },
    { docId: '001', passageId: '001/p09', snippet: '二つの擁護', marks: [[0, 5]] },
  ],
};

function mount(over: Partial<HoverCardProps> = {}) {
  const host = document.createElement('div');
  document.body.replaceChildren(host);
  const props: HoverCardProps = {
    conceptId: 'two-safeguards',
    category: 'formulation',
    term: '二つの擁護',
    details,
    docs: {
      '001': { id: '001', title: '全市会議', date: '2021-01-15', lang: 'ja' },
      '003': { id: '003', title: '嘉兴会议', date: '2021-03-02', lang: 'zh-Hans' },
    },
    nameLang: 'ja',
    onOpenPassage: vi.fn(),
    onSearch: vi.fn(),
    onClose: vi.fn(),
    ...over,
  };
  void act(() => render(<HoverCard {...props} />, host));
  return { host, props };
}

describe('HoverCard', () => {
  it('shows the pinyin of the Chinese name when the background has it, and no empty row otherwise', () => {
    const { host } = mount({ details: { ...details, pinyin: 'liǎng gè wéi hù' } });
    const row = host.querySelector('.names .pinyin')!;
    expect(row.querySelector('dt')!.textContent).toBe('Pinyin');
    expect(row.querySelector('dd')!.textContent).toBe('liǎng gè wéi hù');
    expect(row.querySelector('dd')!.getAttribute('lang')).toBe('zh-Latn-pinyin');
    const { host: without } = mount();
    expect(without.querySelector('.names .pinyin')).toBeNull();
    expect(without.querySelector('.names')!.textContent).not.toContain('Pinyin');
  });
  it('shows names with the page language first, the definition as text, members and documents', () => {
    const { host } = mount();
    const card = host.querySelector('.card')!;
    expect(card.getAttribute('role')).toBe('dialog');
    expect(card.querySelector('.title')!.textContent).toBe('二つの擁護');
    const names = [...card.querySelectorAll('.name')].map((n) => [
      n.querySelector('dt')!.textContent,
      n.querySelector('dd')!.textContent,
    ]);
    expect(names[0]).toEqual(['Japanese', '二つの擁護']);
    expect(names.map(([, v]) => v)).toEqual(['二つの擁護', 'Two Safeguards', '两个维护', '兩個維護']);
    expect(card.querySelector('dd[lang="zh-Hant"]')!.textContent).toBe('兩個維護');
    // Text stays text: no element is created from the definition's angle brackets.
    expect(card.querySelector('.definition')!.textContent).toBe('A loyalty pledge <b>not markup</b>.');
    expect(card.querySelector('.definition b')).toBeNull();
    expect(card.querySelector('.members li')!.textContent).toBe('核心の擁護');
    const docs = [...card.querySelectorAll<HTMLElement>('.doc')].map((d) => [
      d.dataset.doc,
      d.querySelector('.doc-title')!.textContent,
      [...d.querySelectorAll<HTMLElement>('.snippet')].map((s) => s.dataset.passage),
    ]);
    expect(docs).toEqual([
      ['001', '全市会議', ['001/p03', '001/p09']],
      ['003', '嘉兴会议', ['003/p12']],
    ]);
    expect([...card.querySelectorAll('.snippet mark')].map((m) => m.textContent)).toEqual([
      '二つの擁護',
      '二つの擁護',
      '两个维护',
    ]);
    expect(card.querySelector('.corpus h3')!.textContent).toMatch(/3 passages in 2 documents/);
  });

  it('names the category and counts from public/_locales, in the UI locale', () => {
    let { host } = mount({ details: { ...details, occurrences: details.occurrences.slice(0, 1) } });
    const chip = host.querySelector('.cat')!;
    expect(chip.classList.contains('cat-formulation')).toBe(true);
    expect(chip.textContent).toBe('Formulation');
    expect(host.querySelector('.corpus h3')!.textContent).toBe('1 passage in 1 document of the corpus');
    setFakeLocale('ja');
    ({ host } = mount());
    expect(host.querySelector('.cat')!.textContent).toBe('スローガン・提法');
    expect(host.querySelector('.corpus h3')!.textContent).toBe('コーパスの 2 文書・3 段落に出現');
    expect(host.querySelector('.name dt')!.textContent).toBe('日本語');
  });

  it('calls back for passages, search and close; never focuses anything', () => {
    const { host, props } = mount();
    const active = document.activeElement;
    fireTrusted(host.querySelector('[data-passage="003/p12"]')!, 'click', 'MouseEvent');
    expect(props.onOpenPassage).toHaveBeenCalledWith('003/p12');
    fireTrusted(host.querySelector('.search')!, 'click', 'MouseEvent');
    expect(props.onSearch).toHaveBeenCalledWith('二つの擁護');
    host.querySelector<HTMLElement>('.close')!.click();
    expect(props.onClose).toHaveBeenCalled();
    expect(document.activeElement).toBe(active);
  });

  it('opens no tab on a script .click() (a page looping over the buttons)', () => {
    const { host, props } = mount();
    for (let i = 0; i < 3; i++) {
      host.querySelector<HTMLElement>('[data-passage="003/p12"]')!.click();
      host.querySelector<HTMLElement>('.search')!.click();
    }
    expect(props.onOpenPassage).not.toHaveBeenCalled();
    expect(props.onSearch).not.toHaveBeenCalled();
  });

  it('limits snippets per document and expands on request', () => {
    const { host } = mount({ perDoc: 1 });
    expect(host.querySelectorAll('[data-doc="001"] .snippet')).toHaveLength(1);
    void act(() => host.querySelector<HTMLElement>('[data-doc="001"] .more')!.click());
    expect(host.querySelectorAll('[data-doc="001"] .snippet')).toHaveLength(2);
  });

  it('shows loading and unavailable states', () => {
    let { host } = mount({ details: undefined });
    expect(host.querySelector('.status')!.textContent).toBe('Loading…');
    setFakeLocale('ja');
    ({ host } = mount({ details: undefined, failed: true }));
    expect(host.querySelector('.status')!.textContent).toMatch(/詳細を取得できません/);
    expect(host.querySelector('.title')!.textContent).toBe('二つの擁護');
  });
});
