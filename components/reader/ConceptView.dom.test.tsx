// The concept view of an entry from the national vocabulary: its definition in the reader's
// language, its sources as links that open in a new tab, and the honest "no passage yet".
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { ConceptDetails } from '../../lib/core/types.ts';
import { ConceptView, sourceLabel } from './ConceptView.tsx';

const details: ConceptDetails = {
  concept: {
    id: 'two-sessions',
    category: 'event',
    labels: { en: 'Two Sessions', ja: '両会', 'zh-Hans': '两会', 'zh-Hant': '兩會' },
    aliases: {},
    definition: { en: 'The annual plenary sessions.', ja: '毎年の全体会議。', 'zh-Hans': '每年的全体会议。' },
    related: [],
    sources: ['https://www.example.org/news/2025/03/two-sessions.html'],
  },
  occurrences: [],
};

describe('ConceptView', () => {
  it('shows the definition in the label language, the sources as new-tab links, and no passage yet', () => {
    const host = document.createElement('div');
    render(<ConceptView details={details} summaries={undefined} labelLang="ja" docs={new Map()} />, host);
    const def = [...host.querySelectorAll('p')].find((p) => p.textContent === '毎年の全体会議。');
    expect(def?.getAttribute('lang')).toBe('ja');
    const link = host.querySelector<HTMLAnchorElement>('ul.sources a')!;
    expect(link.href).toBe('https://www.example.org/news/2025/03/two-sessions.html');
    expect(link.target).toBe('_blank');
    expect(link.rel).toBe('noopener noreferrer');
    expect(link.textContent).toBe('example.org/news/2025/03/two-sessions.html');
    expect(host.textContent).toContain('conceptNoOccurrences');
  });

  it('labels a source by site and path, cut when long', () => {
    expect(sourceLabel('https://en.wikipedia.org/')).toBe('en.wikipedia.org');
    expect(sourceLabel('https://x.vn/%C4%91%E1%BA%A1i-h%E1%BB%99i')).toBe('x.vn/đại-hội');
    expect(sourceLabel(`https://a.org/${'p'.repeat(60)}`)).toBe(`a.org/${'p'.repeat(38)}…`);
  });
});
