// The reader: library, document view (sections, passage anchors, concept popovers), concept
// view, parallel view, citations (clipboard), the options page, and axe on each.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness.ts';

declare const chrome: {
  storage: {
    local: { set(v: object): Promise<void> };
    sync: { get(keys: null): Promise<Record<string, unknown>> };
  };
};

const AXE = readFileSync(join(import.meta.dirname, '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

async function axeViolations(page: Page): Promise<string[]> {
  // Extension pages forbid inline scripts (CSP): evaluate axe's source through DevTools instead.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    interface AxeResult {
      violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
    }
    const axe = (globalThis as unknown as { axe: { run: (ctx: Document, o: object) => Promise<AxeResult> } })
      .axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('reader', () => {
  let s: ChromiumSession;
  let page: Page;
  let base: string;
  const go = async (hash: string) => {
    await page.evaluate((h) => (location.hash = h), hash);
  };
  beforeAll(async () => {
    s = await launchChromium();
    // Permissions cannot be granted to chrome-extension:// origins: the clipboard is read back
    // from a fixture page instead (one clipboard per browser).
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.baseUrl });
    page = await s.openExtensionPage('reader.html');
    await page.setViewportSize({ width: 1200, height: 900 });
    base = page.url().split('#')[0]!;
  });
  afterAll(async () => {
    await s?.close();
  });

  it('library: every document, newest first, with place, language and concept count', async () => {
    await page.waitForSelector('.doc-card');
    const cards = await page.$$eval('.doc-card', (cs) =>
      cs.map((c) => ({
        id: c.getAttribute('data-doc'),
        date: c.querySelector('time')?.getAttribute('datetime') ?? '',
        text: c.textContent ?? '',
        concepts: Number(c.querySelector('.concept-count')?.textContent),
      })),
    );
    expect(cards.map((c) => c.id).sort()).toEqual(['000', '001', '002', '003', '004']);
    const dates = cards.map((c) => c.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(cards.find((c) => c.id === '004')!.text).toContain('Vietnam');
    expect(cards.find((c) => c.id === '002')!.text).toContain('English');
    expect(cards.every((c) => c.concepts > 0)).toBe(true);
    expect(await page.getByRole('heading', { level: 1, name: 'Library' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('document view: metadata header, section headings, highlighted concepts', async () => {
    await page.click('.doc-card[data-doc="003"] h2 a');
    await page.waitForSelector('#doc-title');
    expect(page.url()).toBe(`${base}#003`);
    const meta = await page.$eval('.doc-meta-list', (d) => d.textContent ?? '');
    for (const want of ['July 3, 2023', 'Xiuzhou', 'Japanese', 'Chinese (simplified)', 'Yes'])
      expect(meta).toContain(want);
    expect(await page.$eval('.doc-title-en', (e) => e.textContent)).toMatch(/Xiuzhou/);
    // Section structure as headings.
    const headings = await page.$$eval('.doc-body h2, .doc-body h3', (hs) =>
      hs.map((h) => h.textContent ?? ''),
    );
    expect(headings.some((h) => h.startsWith('一、'))).toBe(true);
    expect(headings.some((h) => h.startsWith('(一)'))).toBe(true);
    await page.waitForSelector('.term[data-concept]');
    expect(await page.locator('.term[data-concept]').count()).toBeGreaterThan(20);
  });

  it('a concept highlight opens the same card as on web pages (click/keyboard), Esc closes it and returns focus', async () => {
    const term = page.locator('.term[data-concept=two-safeguards]').first();
    await term.scrollIntoViewIfNeeded();
    await term.focus();
    await page.keyboard.press('Enter');
    // The page hover card (components/HoverCard.tsx) in a shadow root of the reader.
    const pop = page.locator('.concept-popover .card[role=dialog]');
    await pop.waitFor();
    expect(await pop.getAttribute('data-concept')).toBe('two-safeguards');
    await pop.locator('.definition').waitFor();
    // As on web pages: the name in the language of the text first (this passage is Japanese,
    // the term reads 「二つの維持」, an alias), then the names in every language.
    const names = await pop.locator('.names dd').allTextContents();
    expect(await pop.locator('h2').textContent()).toBe('二つの擁護');
    expect(names[0]).toBe('二つの擁護');
    expect(names).toContain('Two Safeguards');
    expect(await pop.locator('.snippet').count()).toBeGreaterThan(0);
    // Pinned: focus moved into the card.
    expect(
      await page.evaluate(
        () => document.querySelector('.concept-popover')?.shadowRoot?.activeElement?.className,
      ),
    ).toBe('card');
    expect(await term.getAttribute('aria-expanded')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await pop.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-concept'))).toBe(
      'two-safeguards',
    );
    // Hover opens it too.
    await term.hover();
    await pop.waitFor();
    await page.mouse.move(5, 5);
    await pop.waitFor({ state: 'detached' });
    // A snippet opens its passage in the reader.
    await term.click();
    await pop.waitFor();
    const passage = await pop.locator('.snippet').first().getAttribute('data-passage');
    await pop.locator('.snippet').first().click();
    await page.waitForFunction((p) => location.hash === `#${p}`, passage);
    await pop.waitFor({ state: 'detached' });
    await page.waitForSelector(`[data-passage="${passage}"].flash`);
    await go('#');
  });

  it('navigating to a passage anchor scrolls to it and flashes it', async () => {
    await go('#003/p40');
    const sel = '[data-passage="003/p40"]';
    await page.waitForSelector(`${sel}.flash`);
    const box = await page.$eval(sel, (el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, vh: window.innerHeight };
    });
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(box.vh);
    // Clicking a passage's own ¶ link routes there too.
    await page.click('[data-passage="003/p41"] .passage-anchor');
    await page.waitForSelector('[data-passage="003/p41"].flash');
    expect(page.url()).toBe(`${base}#003/p41`);
  });

  it('cites the original in four formats and copies the chosen one', async () => {
    // 003 is a machine translation into Japanese whose own page is unknown: the citation links the
    // Chinese original's page (corpus/manifest.yaml), says it is a machine translation, and never gives the
    // chrome-extension:// reader address.
    const ORIGINAL = 'http://www.xiuzhou.gov.cn/art/2023/7/3/art_1684797_59215654.html';
    const BODY = 'CPC Xiuzhou District Committee of Jiaxing';
    const PLACE = 'Xiuzhou District, Jiaxing, Zhejiang, China';
    await go('#003/p41');
    const p = page.locator('[data-passage="003/p41"]');
    await p.hover();
    await p.locator('.cite-button').click();
    const doc = await page.$eval('#doc-title', (h) => h.textContent ?? '');
    const en = await page.$eval('.doc-title-en', (h) => h.textContent ?? '');
    const shown = () => p.locator('output.citation-text').textContent();
    const format = p.getByRole('combobox', { name: 'Format' });
    expect(await format.inputValue()).toBe('text');
    const text = `${BODY}. ${doc} (${en}). ${PLACE}, 2023-07-03, para. 42. Machine translation from Chinese (simplified). ${ORIGINAL}`;
    expect(await shown()).toBe(text);
    const reader = await s.openPage('/popup-page.html');
    const clipboard = async () => {
      await reader.bringToFront();
      const v = await reader.evaluate(() => navigator.clipboard.readText());
      await page.bringToFront();
      return v;
    };
    await page.bringToFront();
    const copy = p.getByRole('button', { name: 'Copy', exact: true });
    await copy.click();
    await expect.poll(() => p.locator('.citation-status').textContent()).toBe('Copied to the clipboard.');
    expect(await clipboard()).toBe(text);

    // The format is chosen with the keyboard: focus the select, arrow down to Markdown.
    await format.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => format.inputValue()).toBe('markdown');
    const md = `${BODY}. [${doc}](${ORIGINAL}) (*${en}*). ${PLACE}, 2023-07-03, para. 42. Machine translation from Chinese (simplified).`;
    expect(await shown()).toBe(md);
    await copy.click();
    await expect.poll(clipboard).toBe(md);

    await format.selectOption('bibtex');
    const bib = [
      '@online{policylens:003:p42,',
      `  author = {{${BODY}}},`,
      `  title = {{${doc}}},`,
      `  titleaddon = {${en}},`,
      '  year = {2023},',
      '  date = {2023-07-03},',
      `  url = {${ORIGINAL}},`,
      `  location = {${PLACE}},`,
      '  language = {Japanese},',
      '  note = {para. 42. Machine translation from Chinese (simplified)},',
      '}',
    ].join('\n');
    expect(await shown()).toBe(bib);
    await copy.click();
    await expect.poll(clipboard).toBe(bib);

    await format.selectOption('csl');
    const csl = [
      {
        id: 'policylens:003:p42',
        type: 'webpage',
        title: doc,
        author: [{ literal: BODY }],
        issued: { 'date-parts': [[2023, 7, 3]] },
        URL: ORIGINAL,
        publisher: BODY,
        'publisher-place': PLACE,
        language: 'ja',
        note: `para. 42. Machine translation from Chinese (simplified). English title: ${en}`,
      },
    ];
    expect(JSON.parse((await shown()) ?? '')).toEqual(csl);
    await copy.click();
    await expect.poll(async () => JSON.parse(await clipboard()) as unknown).toEqual(csl);
    await reader.close();
    for (const f of ['text', 'markdown', 'bibtex', 'csl']) {
      await format.selectOption(f);
      expect(await shown()).not.toContain('extension://');
    }
    expect(await axeViolations(page)).toEqual([]);
  });

  it('glossary: every concept by category, filtered as you type (names, pinyin, acronyms)', async () => {
    await go('#glossary');
    await page.waitForSelector('.glossary-list li');
    const total = await page.locator('.glossary-list li').count();
    expect(total).toBeGreaterThan(100);
    expect(await page.locator('.glossary-group').count()).toBeGreaterThan(3);
    expect(await axeViolations(page)).toEqual([]);
    const shown = () =>
      page.$$eval('.glossary-list li', (ls) => ls.map((l) => l.getAttribute('data-concept')));
    await page.fill('.glossary-filter', 'sige yishi');
    await expect.poll(shown).toEqual(['four-consciousnesses']);
    // Pinyin is shown next to the Chinese name.
    expect(await page.locator('[data-concept="four-consciousnesses"] .pinyin').textContent()).toContain(
      'sì gè yì shí',
    );
    await page.fill('.glossary-filter', '两个维护');
    await expect.poll(shown).toContain('two-safeguards');
    // An acronym the search knows (the glossary's alias), through the background.
    await page.fill('.glossary-filter', 'CEWC');
    // The search's answer comes from the background (a loaded machine may take seconds).
    await expect.poll(shown, { timeout: 20_000 }).toContain('central-economic-work-conference');
    await page.fill('.glossary-filter', '');
    await page.selectOption('.glossary-category', 'person');
    await expect.poll(async () => (await shown()).length).toBeLessThan(total);
    expect(
      await page.$$eval('.glossary-group', (gs) => gs.map((g) => g.getAttribute('data-category'))),
    ).toEqual(['person']);
    await page.selectOption('.glossary-category', '');
    // By country: Vietnam's concepts only, then China's.
    await page.selectOption('.glossary-country', 'VN');
    await expect.poll(shown).toContain('quang-ninh-province');
    expect(await shown()).not.toContain('tan-zuojun');
    expect((await shown()).length).toBeLessThan(total);
    await page.selectOption('.glossary-country', 'CN');
    await expect.poll(shown).toContain('tan-zuojun');
    expect(await shown()).not.toContain('quang-ninh-province');
    await page.selectOption('.glossary-country', '');
    await page.locator('[data-concept="tan-zuojun"] a').click();
    await page.waitForSelector('.concept-view');
    expect(new URL(page.url()).hash).toBe('#concept/tan-zuojun');
  });

  it('search box: the popup’s results in the reader, a passage opens in place, Back returns', async () => {
    await page.locator('nav a[href="#search"]').click();
    await page.waitForSelector('.reader-search [role="searchbox"]');
    await page.fill('.reader-search [role="searchbox"]', 'CCP');
    await page.waitForSelector('[role="option"]');
    const options = () => page.$$eval('[role="option"]', (os) => os.map((o) => o.textContent ?? ''));
    await expect.poll(async () => (await options()).join('|'), { timeout: 20_000 }).toMatch(/中国共産党/);
    expect(new URL(page.url()).hash).toBe('#search/CCP');
    expect(await axeViolations(page)).toEqual([]);
    // A query no passage answers but the glossary knows: its card, as in the popup.
    await page.fill('.reader-search [role="searchbox"]', 'belt and road');
    await page.waitForSelector('.no-results');
    expect(await page.locator('[role="option"]').count()).toBe(0);
    await page.fill('.reader-search [role="searchbox"]', 'sige yishi');
    await expect.poll(async () => (await options()).join('|'), { timeout: 20_000 }).toMatch(/四つの意識/);
    await page.locator('[role="option"]').first().click();
    await page.waitForSelector('[data-passage="001/p05"]');
    expect(new URL(page.url()).hash).toBe('#001/p05');
    await page.goBack();
    await page.waitForSelector('.reader-search [role="searchbox"]');
    expect(await page.inputValue('.reader-search [role="searchbox"]')).toBe('sige yishi');
  });

  it('concept view: names in every language, definition, related, occurrences by document and date', async () => {
    await go('#concept/two-safeguards');
    await page.waitForSelector('.concept-view');
    expect(await page.$eval('#concept-h', (h) => h.textContent)).toBe('Two Safeguards');
    const names = await page.$$eval('.names-table tr', (rs) => rs.map((r) => r.textContent ?? ''));
    expect(names.join('|')).toContain('两个维护');
    expect(names.join('|')).toContain('兩個維護');
    expect(names.join('|')).toContain('二つの擁護');
    expect(await page.locator('#def-h').count()).toBe(1);
    expect(await page.locator('#related-h').count()).toBe(1);
    const groups = await page.$$eval('.occ-group', (gs) =>
      gs.map((g) => ({
        doc: g.getAttribute('data-doc'),
        date: g.querySelector('h3 time')?.getAttribute('datetime') ?? '',
      })),
    );
    expect(groups.length).toBeGreaterThan(1);
    const dates = groups.map((g) => g.date.slice(0, 10));
    expect([...dates].sort()).toEqual(dates);
    expect(await page.locator('.occ-list mark').count()).toBeGreaterThan(1);
    expect(await axeViolations(page)).toEqual([]);
    // An occurrence link lands on its passage.
    const link = page.locator('.occ-link').first();
    const href = (await link.getAttribute('href'))!;
    await link.click();
    await page.waitForSelector(`[data-passage="${href.slice(1)}"].flash`);
  });

  it('parallel view: 000 and 002 side by side, aligned rows, one scroll', async () => {
    await go('#000?parallel');
    await page.waitForSelector('.parallel-row[data-row]');
    const heads = await page.$$eval('.parallel-head h2 a', (as) => as.map((a) => a.getAttribute('href')));
    expect(heads).toEqual(['#000', '#002']);
    const rows = await page.$$eval('.parallel-row[data-row]', (rs) =>
      rs.map((r) => {
        const cells = r.querySelectorAll('[role=cell]');
        const ids = (c: Element | undefined) =>
          c ? [...c.querySelectorAll('[data-passage]')].map((p) => p.getAttribute('data-passage')) : [];
        const tops = [...cells].map((c) => Math.round(c.getBoundingClientRect().top));
        return { left: ids(cells[0]), right: ids(cells[1]), tops };
      }),
    );
    const first = rows.find((r) => r.left.includes('000/p00'))!;
    expect(first.right).toContain('002/p00');
    // Aligned paragraphs share a row: their tops line up, so they scroll together.
    for (const r of rows) expect(r.tops[0]).toBe(r.tops[1]);
    const aligned = rows.filter((r) => r.left.length && r.right.length).length;
    expect(aligned).toBeGreaterThan(3);
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight > window.innerHeight)).toBe(
      true,
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => (location.hash = '#parallel/002'))).toBe('#parallel/002');
    await page.waitForFunction(
      () => document.querySelector('.parallel-head h2 a')?.getAttribute('href') === '#002',
    );
  });

  it('a document without another language version says so', async () => {
    await go('#001?parallel');
    await page.getByText('This document has no other language version.').waitFor();
  });

  it('unknown routes show "Not found" with a way back', async () => {
    await go('#999');
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    await go('#concept/no-such-concept');
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
  });

  it('ids that fail validation, unknown ids and missing paragraphs end in a visible state', async () => {
    const notFound = page.getByRole('heading', { level: 1, name: 'Not found' });
    for (const hash of [
      '#concept/<img src=x onerror=alert(1)>',
      `#concept/${'a'.repeat(121)}`,
      '#concept/六稳',
      '#concept/__proto__',
      '#999?parallel',
      '#parallel/999',
      '#999/p01',
    ]) {
      await go('#');
      await page.waitForSelector('.doc-card');
      await go(hash);
      await notFound.waitFor({ timeout: 10_000 });
      expect(await page.getByText('Loading…').count(), hash).toBe(0);
      expect(await page.locator('main img').count(), hash).toBe(0);
      expect(
        await notFound.locator('xpath=..').getByRole('link', { name: 'Back to the library' }).count(),
      ).toBe(1);
    }
    // A paragraph the document does not have: the document, with a notice naming the paragraph.
    await go('#000/p999');
    await page.locator('[data-missing-passage="000/p999"]').waitFor();
    expect(await page.locator('[data-missing-passage]').textContent()).toBe(
      'Paragraph 000/p999 is not in this document; showing the whole document.',
    );
    expect(await page.locator('#doc-title').count()).toBe(1);
    await go('#000/p999?parallel');
    await page.locator('.parallel [data-missing-passage="000/p999"]').waitFor();
    // An existing paragraph shows no notice.
    await go('#000/p01');
    await page.waitForSelector('#doc-title');
    await expect.poll(() => page.locator('[data-missing-passage]').count()).toBe(0);
  });

  it('dark scheme: no serious or critical axe violations', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await go('#002');
    await page.waitForSelector('.term');
    expect(await axeViolations(page)).toEqual([]);
    await go('#');
    await page.waitForSelector('.doc-card');
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('options page: switches, categories and the removable list of disabled sites', async () => {
    const opt = await s.openExtensionPage('options.html');
    const stored = () => opt.evaluate(() => chrome.storage.sync.get(null));
    // Settings in v1's shape (one array per list in storage.local, one entry invalid) are migrated
    // by the background to one key per entry in storage.sync; the valid entries survive.
    await opt.evaluate(() =>
      chrome.storage.local.set({ 'v1.disabledSites': ['a.example', 'b.example', 'x'.repeat(300)] }),
    );
    await expect
      .poll(async () => Object.keys(await stored()).filter((k) => k.includes('isabledSite')))
      .toEqual(['v2.disabledSite:a.example', 'v2.disabledSite:b.example']);
    await opt.reload();
    await opt.waitForSelector('.site-list');
    expect(await opt.$$eval('.site-list li', (ls) => ls.map((l) => l.getAttribute('data-site')))).toEqual([
      'a.example',
      'b.example',
    ]);
    await opt.getByRole('button', { name: 'Remove a.example' }).click();
    await expect
      .poll(async () => Object.keys(await stored()).filter((k) => k.includes('isabledSite')))
      .toEqual(['v2.disabledSite:b.example']);
    await opt.click('#opt-cat-place');
    await expect
      .poll(async () => Object.keys(await stored()).filter((k) => k.includes('iddenCategor')))
      .toEqual(['v2.hiddenCategory:place']);
    await opt.click('#opt-enabled');
    await expect
      .poll(async () => (await opt.evaluate(() => chrome.storage.sync.get(null)))['v1.enabled'] ?? true)
      .toBe(false);
    expect(await axeViolations(opt)).toEqual([]);
    await opt.close();
  });

  it('logs no console errors', () => {
    expect(s.consoleErrors, s.consoleErrors.join('\n')).toEqual([]);
  });
});

// ---- Issue #14: dates, the citation button's place, one tab stop per passage ----
describe('reader: dates, layout and keyboard (issue #14)', () => {
  let s: ChromiumSession;
  let page: Page;
  const go = async (hash: string) => {
    await page.evaluate((h) => (location.hash = h), hash);
  };
  beforeAll(async () => {
    s = await launchChromium();
    page = await s.openExtensionPage('reader.html');
    await page.setViewportSize({ width: 1200, height: 900 });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows dates as dates, and the publication time apart from its day', async () => {
    await page.waitForSelector('.doc-card[data-doc="003"] time');
    const card = page.locator('.doc-card[data-doc="003"] time');
    expect(await card.getAttribute('datetime')).toBe('2023-07-03');
    expect(await card.textContent()).toBe('July 3, 2023');
    await go('#003');
    await page.waitForSelector('#doc-title');
    const date = page.locator('.doc-meta-list time').first();
    expect(await date.getAttribute('datetime')).toBe('2023-07-03');
    expect(await date.textContent()).toBe('July 3, 2023');
    // corpus/manifest.yaml: published: '2023-07-03 09:00' (the page printed "2023-07-0309:00").
    const published = page.locator('.doc-meta-list .doc-published time');
    expect(await published.getAttribute('datetime')).toBe('2023-07-03T09:00');
    expect((await published.textContent())!.replace(/\s/g, ' ')).toBe('July 3, 2023 at 9:00 AM');
    await go('#000?parallel');
    await page.waitForSelector('.parallel-head time');
    expect(await page.locator('.parallel-head time').allTextContents()).toEqual([
      'January 21, 2021',
      'January 21, 2021',
    ]);
    await go('#concept/two-safeguards');
    await page.waitForSelector('.occ-group h3 time');
    const occ = await page.$$eval('.occ-group h3 time', (ts) =>
      ts.map((t) => ({ iso: t.getAttribute('datetime') ?? '', text: t.textContent ?? '' })),
    );
    for (const o of occ) {
      expect(o.iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(o.text).toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/);
    }
  });

  it('"Copy citation" sits inside its passage: clear of the focus outline and of the text', async () => {
    await go('#003');
    await page.waitForSelector('.doc-body .term');
    // A keyboard user arriving at a passage: its focus outline is drawn (:focus-visible).
    await page.keyboard.press('Tab');
    await go('#003/p41');
    await page.waitForSelector('[data-passage="003/p41"].flash');
    const geometry = (sel: string) =>
      page.$$eval(sel, (ps) =>
        ps.map((p) => {
          const box = (e: Element | null) => {
            const r = e?.getBoundingClientRect();
            return r ? { l: r.left, t: r.top, r: r.right, b: r.bottom } : null;
          };
          const cs = getComputedStyle(p);
          return {
            id: p.getAttribute('data-passage') ?? '',
            focusVisible: p.matches(':focus-visible'),
            outline: {
              style: cs.outlineStyle,
              width: parseFloat(cs.outlineWidth),
              offset: parseFloat(cs.outlineOffset),
            },
            toolsOpacity: getComputedStyle(p.querySelector('.passage-tools')!).opacity,
            passage: box(p)!,
            button: box(p.querySelector('.cite-button'))!,
            // where its label is drawn (text can overflow a box that is too small for it)
            label: (() => {
              const r = document.createRange();
              r.selectNodeContents(p.querySelector('.cite-button')!);
              return [...r.getClientRects()].map((q) => ({ l: q.left, t: q.top, r: q.right, b: q.bottom }));
            })(),
            text: [...p.querySelectorAll('.passage-text, .passage-title, .passage-anchor')].map((e) =>
              box(e)!,
            ),
          };
        }),
      );
    type Box = { l: number; t: number; r: number; b: number };
    const inside = (a: Box, b: Box) => a.l >= b.l && a.r <= b.r && a.t >= b.t && a.b <= b.b;
    const meets = (a: Box, b: Box) => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;
    const [focused] = await geometry('[data-passage="003/p41"]');
    expect(focused!.focusVisible).toBe(true);
    expect(focused!.outline.style).not.toBe('none');
    expect(focused!.toolsOpacity).toBe('1');
    // The outline is drawn from `offset` to `offset + width` outside the border box: the button
    // must stay inside its inner edge.
    const o = focused!.outline.offset;
    const p = focused!.passage;
    const innerEdge = { l: p.l - o, t: p.t - o, r: p.r + o, b: p.b + o };
    expect(focused!.label.length).toBeGreaterThan(0);
    for (const b of [focused!.button, ...focused!.label])
      expect(inside(b, innerEdge), JSON.stringify(focused)).toBe(true);
    // Every passage, in the document and in the parallel view: the button is inside its passage
    // and covers none of its text.
    for (const view of ['#003', '#000?parallel']) {
      await go(view);
      await page.waitForSelector('.passage .cite-button');
      const all = await geometry('.passage');
      expect(all.length).toBeGreaterThan(9);
      for (const g of all)
        for (const b of [g.button, ...g.label]) {
          expect(inside(b, g.passage), `${g.id} ${JSON.stringify(g)}`).toBe(true);
          for (const t of g.text) expect(meets(b, t), `${g.id} ${JSON.stringify(g)}`).toBe(false);
        }
    }
  });

  it('one tab stop per passage for its terms: ←/→ reach every term, Enter opens its card, Tab leaves', async () => {
    await go('#002');
    await page.waitForSelector('.doc-body .term');
    const layout = await page.$$eval('.doc-body .passage', (ps) =>
      ps.map((p) => ({
        id: p.getAttribute('data-passage') ?? '',
        terms: p.querySelectorAll('.term').length,
        stops: p.querySelectorAll('.term[tabindex="0"]').length,
      })),
    );
    const termCount = layout.reduce((n, p) => n + p.terms, 0);
    const withTerms = layout.filter((p) => p.terms > 0);
    expect(termCount).toBeGreaterThan(40);
    for (const p of withTerms) expect(p.stops, p.id).toBe(1);
    // Described to screen readers: the terms say how the arrow keys move between them.
    const described = await page.$$eval('.doc-body .term', (ts) =>
      ts.every((t) => {
        const id = t.getAttribute('aria-describedby');
        return (
          t.getAttribute('role') === 'button' && !!id && !!document.getElementById(id)?.textContent?.trim()
        );
      }),
    );
    expect(described).toBe(true);

    const focus = () =>
      page.evaluate(() => {
        const a = document.activeElement;
        const body = document.querySelector('.doc-body');
        if (!a || !body?.contains(a)) return null;
        return {
          term: [...body.querySelectorAll('.term')].indexOf(a),
          passage: a.closest('[data-passage]')?.getAttribute('data-passage') ?? '',
          kind: a.classList.contains('term')
            ? 'term'
            : a.classList.contains('passage-anchor')
              ? 'anchor'
              : a.classList.contains('cite-button')
                ? 'cite'
                : a.tagName,
          concept: a.getAttribute('data-concept'),
        };
      });
    const press = async (key: string) => {
      await page.keyboard.press(key);
      return focus();
    };
    await page.focus('.doc-header a.button');
    const stops: Array<{ kind: string; passage: string }> = [];
    const reached = new Set<number>();
    let cardChecked = false;
    for (let f = await press('Tab'); f && stops.length < 300; f = await press('Tab')) {
      stops.push(f);
      if (f.kind !== 'term') continue;
      // →: the next term of the same passage, one by one, to the last (where → does nothing).
      const first = f.term;
      let at = f;
      reached.add(at.term);
      for (;;) {
        const next = (await press('ArrowRight'))!;
        if (next.term === at.term) break;
        expect(next.term).toBe(at.term + 1);
        expect(next.passage).toBe(f.passage);
        reached.add(next.term);
        at = next;
      }
      expect((await press('Home'))!.term).toBe(first);
      expect((await press('End'))!.term).toBe(at.term);
      if (!cardChecked && at.term - first >= 2) {
        cardChecked = true;
        await press('Home');
        const second = (await press('ArrowRight'))!;
        expect(second.term).toBe(first + 1);
        await page.keyboard.press('Enter');
        const card = page.locator('.concept-popover .card[role=dialog]');
        await card.waitFor();
        expect(await card.getAttribute('data-concept')).toBe(second.concept);
        await page.keyboard.press('Escape');
        await card.waitFor({ state: 'detached' });
        expect((await focus())!.term).toBe(second.term);
        // Tab leaves the passage's terms; Shift+Tab comes back to the term focused last.
        expect(await press('Tab')).toMatchObject({ kind: 'cite', passage: f.passage });
        expect((await press('Shift+Tab'))!.term).toBe(second.term);
        await press('End');
      }
    }
    expect(cardChecked).toBe(true);
    expect(reached.size).toBe(termCount);
    const termStops = stops.filter((x) => x.kind === 'term');
    expect(termStops.map((x) => x.passage)).toEqual(withTerms.map((p) => p.id));
    // Every other stop is a passage's own control: its ¶ link and its citation button.
    expect(
      stops.filter((x) => x.kind !== 'term').every((x) => x.kind === 'anchor' || x.kind === 'cite'),
    ).toBe(true);
    expect(stops.length).toBe(withTerms.length + 2 * layout.length);
    expect(stops.length).toBeLessThan(termCount);
  });

  it('the parallel view has one tab stop per passage too', async () => {
    await go('#000?parallel');
    await page.waitForSelector('.parallel-row .term');
    const counts = await page.$$eval('.parallel-row .passage', (ps) =>
      ps.map((p) => [p.querySelectorAll('.term').length, p.querySelectorAll('.term[tabindex="0"]').length]),
    );
    for (const [terms, stops] of counts) expect(stops).toBe(terms ? 1 : 0);
  });

  it('logs no console errors', () => {
    expect(s.consoleErrors, s.consoleErrors.join('\n')).toEqual([]);
  });
});
