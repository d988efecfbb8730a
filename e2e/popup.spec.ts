// The toolbar popup, opened as an extension page: search as you type (English typo, Chinese
// cross-script, Japanese), keyboard navigation, opening the reader on a passage, suggestions,
// the context-menu path (?q=), "On this page" against a fixture page, settings, axe, locales.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, waitForHighlights, type ChromiumSession } from './harness.ts';

// The few extension APIs the specs call inside extension pages (no @types/chrome here).
declare const chrome: {
  tabs: { query(q: object): Promise<Array<{ id?: number }>> };
  storage: { sync: { get(keys: null): Promise<Record<string, unknown>> } };
  runtime: { getURL(path: string): string };
};

const AXE = readFileSync(join(import.meta.dirname, '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Runs axe on the page; returns the serious and critical violations (id + targets). */
export async function axeViolations(page: Page): Promise<string[]> {
  // Extension pages forbid inline scripts (CSP): evaluate axe's source through DevTools instead.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE);
  const res = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: Document, o: object) => Promise<AxeResult> } })
      .axe;
    interface AxeResult {
      violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
    }
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return res;
}

/** Types a query and waits until the results answer exactly that query. */
async function search(page: Page, q: string): Promise<void> {
  await page.fill('#q', '');
  await page.waitForFunction(() => document.getElementById('results')?.getAttribute('data-answered') === '');
  await page.type('#q', q, { delay: 15 });
  await page.waitForFunction(
    (query) => document.getElementById('results')?.getAttribute('data-answered') === query.trim(),
    q,
    { timeout: 10_000 },
  );
}

/**
 * Id of the most recently opened tab (the fixture page just opened). Without the "tabs"
 * permission extension pages cannot filter tabs by URL; tabs open at the end of the window.
 */
async function newestTabId(extensionPage: Page): Promise<number> {
  return extensionPage.evaluate(async () => (await chrome.tabs.query({})).at(-1)?.id ?? -1);
}

async function markedTexts(page: Page): Promise<string[]> {
  return page.$$eval('#results [role=option] mark', (ms) => ms.map((m) => m.textContent ?? ''));
}

async function resultIds(page: Page): Promise<string[]> {
  return page.$$eval('#results [role=option]', (os) => os.map((o) => o.getAttribute('data-passage') ?? ''));
}

describe('popup (en)', () => {
  let s: ChromiumSession;
  let popup: Page;
  beforeAll(async () => {
    s = await launchChromium();
    popup = await s.openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 420, height: 600 });
    popup.on('close', () => console.log('POPUP CLOSED', expect.getState().currentTestName));
    await popup.waitForSelector('#q');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('opens with the search box focused, labelled, and suggested concepts', async () => {
    const focused = await popup.evaluate(() => document.activeElement?.id);
    expect(focused).toBe('q');
    const box = popup.getByRole('searchbox', { name: 'Search the policy documents' });
    expect(await box.count()).toBe(1);
    await popup.waitForSelector('.suggested .chip-button');
    expect(await popup.locator('.suggested .chip-button').count()).toBeGreaterThan(3);
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('finds the Two Safeguards in Japanese documents from an English typo', async () => {
    await search(popup, 'two safegards');
    const ids = await resultIds(popup);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => /^\d{3}\/p\d+$/.test(id))).toBe(true);
    const marks = await markedTexts(popup);
    expect(marks.some((m) => m === '二つの維持' || m === '二つの擁護')).toBe(true);
    // Grouped by document, with title, date and language; chips name concepts.
    const head = popup.locator('.result-group .doc-head').first();
    expect(await head.locator('.doc-title').textContent()).toMatch(/\S/);
    expect(await head.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await head.textContent()).toContain('Japanese');
    const chips = await popup.$$eval('#results .chip[data-concept]', (cs) => cs.map((c) => c.textContent));
    expect(chips).toContain('Two Safeguards');
    expect(await popup.locator('.expanded').getAttribute('data-expanded')).toContain('two-safeguards');
  });

  it('finds English text from a misspelt word (fuzzy)', async () => {
    await search(popup, 'revitalisaton');
    const marks = await markedTexts(popup);
    expect(marks.map((m) => m.toLowerCase())).toContain('revitalization');
  });

  it('finds the Japanese spelling from a simplified-Chinese query (cross-script)', async () => {
    await search(popup, '谭作钧');
    const marks = await markedTexts(popup);
    expect(marks).toContain('譚作鈞');
    await search(popup, '两个维护');
    const marks2 = await markedTexts(popup);
    expect(marks2.some((m) => m === '二つの維持' || m === '二つの擁護')).toBe(true);
  });

  it('finds a Japanese query verbatim', async () => {
    await search(popup, '巡視整備');
    const ids = await resultIds(popup);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids[0]).toMatch(/^003\//);
    expect(await markedTexts(popup)).toContain('巡視整備');
  });

  it('moves through results with ↑/↓ (listbox + aria-activedescendant) and clears with Esc', async () => {
    await search(popup, '巡視整備');
    const ids = await resultIds(popup);
    expect(ids.length).toBeGreaterThan(2);
    const active = () =>
      popup.evaluate(() => {
        const id = document.getElementById('q')?.getAttribute('aria-activedescendant');
        const el = id ? document.getElementById(id) : null;
        return {
          passage: el?.getAttribute('data-passage') ?? null,
          selected: el?.getAttribute('aria-selected'),
        };
      });
    await popup.keyboard.press('ArrowDown');
    expect(await active()).toEqual({ passage: ids[0], selected: 'true' });
    await popup.keyboard.press('ArrowDown');
    expect((await active()).passage).toBe(ids[1]);
    await popup.keyboard.press('ArrowUp');
    await popup.keyboard.press('ArrowUp');
    expect((await active()).passage).toBe(ids[ids.length - 1]); // wraps
    expect(await popup.locator('[role=option][aria-selected=true]').count()).toBe(1);
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('q'); // focus stays in the box
    await popup.keyboard.press('Escape');
    expect(await popup.inputValue('#q')).toBe('');
    await popup.waitForSelector('.suggested');
    expect(await popup.locator('[role=option]').count()).toBe(0);
  });

  it('Enter opens the reader on the passage, which is scrolled to and flashed', async () => {
    await search(popup, '巡視整備');
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowDown');
    const target = (await resultIds(popup))[1]!;
    // The popup closes itself while the key press is still being delivered.
    const [reader] = await Promise.all([
      s.context.waitForEvent('page'),
      popup.keyboard.press('Enter').catch(() => undefined),
    ]);
    await reader.waitForLoadState();
    expect(decodeURIComponent(new URL(reader.url()).hash)).toBe(`#${target}`);
    const sel = `[data-passage="${target}"]`;
    await reader.waitForSelector(`${sel}.flash`);
    const inView = await reader.$eval(sel, (el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight + 1;
    });
    expect(inView).toBe(true);
    await reader.close();
    // The popup closed itself (window.close) after opening the tab.
    await expect.poll(() => popup.isClosed()).toBe(true);
    popup = await s.openExtensionPage('popup.html');
    await popup.waitForSelector('#q');
  });

  it('understands how people ask: acronyms, pinyin, questions, several typos (issue #11)', async () => {
    await search(popup, 'CCP');
    expect((await resultIds(popup)).some((id) => id.startsWith('003/'))).toBe(true);
    await search(popup, 'sige yishi');
    expect(await markedTexts(popup)).toContain('四つの意識');
    await search(popup, 'what did the meeting decide about auditing');
    // Results are grouped by document: the audit passage is in the first group shown.
    expect(await resultIds(popup)).toContain('002/p06');
    await search(popup, 'digtal vilages constrution');
    expect((await resultIds(popup)).slice(0, 5)).toContain('002/p08');
  });

  it('a query nothing answers says so: no fragments, "neither the library nor the glossary"', async () => {
    await search(popup, 'quantum gravity');
    expect(await popup.locator('[role=option]').count()).toBe(0);
    expect(await popup.locator('.no-results').textContent()).toContain(
      'Neither the library nor the glossary knows “quantum gravity”.',
    );
    expect(await popup.locator('.concept-answers').count()).toBe(0);
  });

  it('a concept of the national vocabulary with no passage is answered by its card', async () => {
    await search(popup, 'belt and road');
    expect(await popup.locator('[role=option]').count()).toBe(0);
    const card = popup.locator('.concept-answers');
    await card.waitFor();
    expect(await card.textContent()).toContain('Belt and Road Initiative');
  });

  it('the Glossary link opens the reader on the glossary', async () => {
    const [reader] = await Promise.all([
      s.context.waitForEvent('page'),
      popup
        .locator('[data-action=glossary]')
        .click()
        .catch(() => undefined),
    ]);
    await reader.waitForLoadState();
    expect(new URL(reader.url()).hash).toBe('#glossary');
    await reader.waitForSelector('.glossary-list li');
    await reader.close();
    await expect.poll(() => popup.isClosed()).toBe(true);
    popup = await s.openExtensionPage('popup.html');
    await popup.waitForSelector('#q');
  });

  it('offers "Did you mean" spellings when nothing matches, and searches them on click', async () => {
    await search(popup, 'safegardz');
    expect(await popup.locator('[role=option]').count()).toBe(0);
    await popup.waitForSelector('.did-you-mean');
    const sug = popup.locator('.did-you-mean button', { hasText: 'Two Safeguards' });
    expect(await sug.count()).toBe(1);
    await sug.click();
    await popup.waitForFunction(
      () => document.getElementById('results')?.getAttribute('data-answered') === 'Two Safeguards',
    );
    expect(await popup.inputValue('#q')).toBe('Two Safeguards');
    expect((await resultIds(popup)).length).toBeGreaterThan(0);
  });

  it('a suggested concept fills in the search', async () => {
    await popup.fill('#q', '');
    await popup.waitForSelector('.suggested .chip-button');
    const chip = popup.locator('.suggested .chip-button').first();
    const label = (await chip.textContent()) ?? '';
    await chip.click();
    expect(await popup.inputValue('#q')).toBe(label);
    await popup.waitForFunction(
      (q) => document.getElementById('results')?.getAttribute('data-answered') === q,
      label,
    );
    expect((await resultIds(popup)).length).toBeGreaterThan(0);
  });

  it('runs the context-menu search from ?q= (the background opens popup.html?q=…)', async () => {
    const page = await s.openExtensionPage(`popup.html?q=${encodeURIComponent('六稳')}`);
    await page.waitForFunction(
      () => document.getElementById('results')?.getAttribute('data-answered') === '六稳',
    );
    expect(await page.inputValue('#q')).toBe('六稳');
    const marks = await markedTexts(page);
    expect(marks.some((m) => m === '六安定' || /six stabilit/i.test(m))).toBe(true);
    expect(await page.evaluate(() => document.documentElement.classList.contains('as-tab'))).toBe(true);
    // Same URL the background's context-menu handler builds.
    const built = await s.serviceWorker.evaluate(
      (sel) =>
        `${chrome.runtime.getURL('/popup.html')}?q=${encodeURIComponent(sel.replace(/\s+/g, ' ').trim())}`,
      ' 六稳 ',
    );
    expect(built).toBe(page.url());
    await page.close();
  });

  it('lists the concepts on the current page and reveals them', async () => {
    const fixture = await s.openPage('/popup-page.html');
    // all three terms of the fixture (Two Safeguards twice, six stabilities): painting runs in idle
    // slices, and the list is the page's state when the popup asks
    await waitForHighlights(fixture, 3);
    const tabId = await newestTabId(popup);
    expect(tabId).toBeGreaterThan(0);
    const page = await s.openExtensionPage(`popup.html?tab=${tabId}`);
    await page.waitForSelector('.page-concepts .page-concept');
    const items = await page.$$eval('.page-concepts .page-concept', (bs) =>
      bs.map((b) => ({ id: b.getAttribute('data-concept'), count: b.querySelector('.count')?.textContent })),
    );
    expect(items).toContainEqual({ id: 'two-safeguards', count: '2' });
    expect(items.map((i) => i.id)).toContain('six-stabilities');
    // The site switch names the page's host.
    expect(await page.locator('label[for=popup-site]').textContent()).toContain('127.0.0.1');
    // Clicking steps through the occurrences on the page: the second one is far down.
    const btn = page.locator('.page-concept[data-concept=two-safeguards]');
    await btn.click();
    await btn.click();
    await expect.poll(() => fixture.evaluate(() => window.scrollY), { timeout: 5000 }).toBeGreaterThan(1000);
    await page.close();
    await fixture.close();
  });

  it('site switch, global switch and category filters write the settings', async () => {
    const fixture = await s.openPage('/popup-page.html');
    await waitForHighlights(fixture, 1);
    const tabId = await newestTabId(popup);
    const page = await s.openExtensionPage(`popup.html?tab=${tabId}`);
    await page.waitForSelector('#popup-site');
    const stored = () => page.evaluate(() => chrome.storage.sync.get(null));
    // One key per disabled site / hidden category, in storage.sync (lib/settings.ts).
    const storedKeys = async (prefix: string) =>
      Object.keys(await stored()).filter((k) => k.startsWith(prefix));
    expect(await page.isChecked('#popup-site')).toBe(true);
    await page.click('#popup-site');
    await expect.poll(() => storedKeys('v2.disabledSite:')).toEqual(['v2.disabledSite:127.0.0.1']);
    await page.click('#popup-site');
    await expect.poll(() => storedKeys('v2.disabledSite:')).toEqual([]);
    await page.click('.categories-details summary');
    await page.click('#popup-cat-person');
    await expect.poll(() => storedKeys('v2.hiddenCategory:')).toEqual(['v2.hiddenCategory:person']);
    await page.click('#popup-cat-person');
    await expect.poll(() => storedKeys('v2.hiddenCategory:')).toEqual([]);
    await page.click('#popup-enabled');
    await expect.poll(async () => (await stored())['v1.enabled'] ?? true).toBe(false);
    expect(await page.isDisabled('#popup-site')).toBe(true);
    await page.click('#popup-enabled');
    await expect.poll(async () => (await stored())['v1.enabled'] ?? true).toBe(true);
    await page.close();
    await fixture.close();
  });

  it('odd ?q= and ?tab= values end in visible states (no endless "Loading…")', async () => {
    const markup = '<img src=x onerror=alert(1)>';
    for (const query of [markup, 'z'.repeat(600)]) {
      const page = await s.openExtensionPage(`popup.html?q=${encodeURIComponent(query)}&tab=999999999`);
      const q = query.slice(0, 500).trim(); // URL_QUERY_CAP
      await page.waitForFunction(
        (want) => document.getElementById('results')?.getAttribute('data-answered') === want,
        q,
        {
          timeout: 10_000,
        },
      );
      await page.locator('.no-results, [role=option]').first().waitFor();
      expect(await page.inputValue('#q')).toBe(q);
      expect(await page.locator('#results img, .no-results img').count()).toBe(0);
      // No such tab: "On this page" says it cannot read the page.
      await page.getByText('Policy Lens cannot read this page.').waitFor();
      expect(await page.getByText('Loading…').count()).toBe(0);
      await page.close();
    }
    // Malformed percent-encoding: the popup opens and searches what the URL parser made of it.
    const page = await s.openExtensionPage('popup.html?q=%E0%A4%A&tab=abc');
    await page.waitForFunction(
      () => document.getElementById('results')?.getAttribute('data-answered') !== '',
    );
    await page.locator('.no-results, [role=option]').first().waitFor();
    expect(await page.getByText('Loading…').count()).toBe(0);
    await page.close();
  });

  it('has no serious or critical axe violations (empty, with results, light and dark)', async () => {
    await popup.fill('#q', '');
    await popup.waitForSelector('.suggested');
    expect(await axeViolations(popup)).toEqual([]);
    await search(popup, '巡視整備');
    await popup.keyboard.press('ArrowDown');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(popup)).toEqual([]);
    await search(popup, 'safegardz');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'light' });
  });

  it('logs no console errors', () => {
    expect(s.consoleErrors, s.consoleErrors.join('\n')).toEqual([]);
  });
});

// One run per shipped UI locale other than en. Every expected string is the locale's own (from
// public/_locales/<locale>/messages.json; concept labels from the glossary): htmlLang is the
// <html lang> the UI sets, label the search box's name, chip the label of `concept` on a result of
// `query`, docLang the language name of the first result's document, texts some visible strings,
// institution the name of the institution category in the settings' category list.
/**
 * A Chromium whose UI speaks `lang`, for the describe block that calls it. Chromium on Linux takes
 * its UI language from LANGUAGE (--lang is for Windows), and only for locales whose .pak it has
 * (Debian: apt-get install chromium-l10n); English is built in.
 */
function localeChromium(lang: string): () => ChromiumSession {
  let s: ChromiumSession | undefined;
  const saved = process.env.LANGUAGE;
  beforeAll(async () => {
    const pak = `/usr/lib/chromium/locales/${lang}.pak`;
    if (lang !== 'en' && !process.env.CHROMIUM_PATH && !existsSync(pak))
      throw new Error(`${pak} is missing: install Debian's chromium-l10n for the locale tests`);
    process.env.LANGUAGE = lang.replace('-', '_');
    s = await launchChromium({ args: [`--lang=${lang}`] });
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.LANGUAGE;
    else process.env.LANGUAGE = saved;
    await s?.close();
  });
  return () => s!;
}

for (const [lang, expected] of [
  [
    'ja',
    {
      htmlLang: 'ja',
      label: '政策文書を検索',
      query: 'two safeguards',
      concept: 'two-safeguards',
      chip: '二つの擁護',
      docLang: '日本語',
      texts: ['ライブラリ', '設定', 'ハイライト', 'すべてのサイトで用語をハイライト'],
      institution: '機関',
    },
  ],
  [
    'zh-CN',
    {
      htmlLang: 'zh-CN',
      label: '搜索政策文件',
      query: 'two safeguards',
      concept: 'two-safeguards',
      chip: '两个维护',
      docLang: '日语',
      texts: ['文库', '选项', '高亮', '在所有网站上高亮术语'],
      institution: '机构',
    },
  ],
  [
    'vi',
    {
      htmlLang: 'vi',
      label: 'Tìm trong các văn bản chính sách',
      // A Vietnamese analyst types the Vietnamese name; the corpus has it in a Japanese translation.
      query: 'Tỉnh ủy Quảng Ninh',
      concept: 'quang-ninh-provincial-party-committee',
      chip: 'Tỉnh ủy Quảng Ninh',
      docLang: 'Tiếng Nhật',
      texts: ['Thư viện', 'Tùy chọn', 'Tô sáng', 'Tô sáng thuật ngữ trên mọi trang web'],
      institution: 'Cơ quan, tổ chức',
    },
  ],
] as const) {
  describe(`popup (--lang=${lang})`, () => {
    const session = localeChromium(lang);

    it('shows the UI and concept labels in the browser language', async () => {
      const page = await session().openExtensionPage('popup.html');
      await page.setViewportSize({ width: 420, height: 600 });
      await page.waitForSelector('#q');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(expected.htmlLang);
      expect(await page.getByRole('searchbox', { name: expected.label }).count()).toBe(1);
      await page.waitForSelector('.popup-settings');
      const body = await page.evaluate(() => document.body.innerText);
      for (const text of expected.texts) expect(body).toContain(text);
      await page.click('.categories-details summary');
      expect((await page.locator('label[for=popup-cat-institution]').textContent())?.trim()).toBe(
        expected.institution,
      );
      await search(page, expected.query);
      const chips = await page.$$eval(`#results .chip[data-concept=${expected.concept}]`, (cs) =>
        cs.map((c) => c.textContent),
      );
      expect(chips[0]).toBe(expected.chip);
      expect(await page.locator('.result-group .doc-meta').first().textContent()).toContain(expected.docLang);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });

    it('fits the popup width: no horizontal overflow, no clipped text', async () => {
      const page = await session().openExtensionPage('popup.html');
      await page.setViewportSize({ width: 420, height: 600 });
      await page.waitForSelector('.popup-settings');
      await page.click('.categories-details summary');
      // Empty (suggested concepts, settings), then with results.
      await page.waitForSelector('.suggested .chip-button');
      expect(await fitProblems(page)).toEqual([]);
      await search(page, expected.query);
      expect(await fitProblems(page)).toEqual([]);
      await page.close();
    });
  });
}

// ---- Layout at the popup's real width (issue #14) ----

/** How far the page scrolls sideways (0 when it does not). */
function sideways(page: Page): Promise<number> {
  return page.evaluate(() => {
    const e = document.scrollingElement!;
    return e.scrollWidth - e.clientWidth;
  });
}

/**
 * For every element matching `sel`: how many lines its text takes and where each line starts,
 * relative to the element's content box (0 = at its left edge, as left-aligned text starts).
 */
function lineStarts(
  page: Page,
  sel: string,
): Promise<Array<{ text: string; lines: number; starts: number[] }>> {
  return page.$$eval(sel, (els) =>
    els.map((el) => {
      const cs = getComputedStyle(el);
      const left =
        el.getBoundingClientRect().left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft);
      const range = document.createRange();
      range.selectNodeContents(el);
      const byLine = new Map<number, number>();
      for (const r of range.getClientRects()) {
        if (r.width === 0) continue;
        const top = Math.round(r.top);
        byLine.set(top, Math.min(byLine.get(top) ?? Infinity, r.left));
      }
      return {
        text: el.textContent ?? '',
        lines: byLine.size,
        starts: [...byLine.values()].map((l) => Math.round((l - left) * 10) / 10),
      };
    }),
  );
}

/** Queries whose answers carry long concept names (chips), long suggestions or echo a long query. */
const LONG_QUERIES = [
  // expands to the glossary's longest name: "Five Party-affairs sectors (propaganda, …)"
  'khối xây dựng Đảng',
  'Standing Committee of the Xiuzhou District Party Committee',
  'rules on study by theory study central groups',
  '理论学习中心组学习规则',
  'quang ninh provincial steering committee anti-corruption',
  'yangtze river delta ecological green integrated development demonstration zone',
  'safegardz',
  'Antidisestablishmentarianism'.repeat(6),
  '中国共产党党委理论学习中心组学习规则'.repeat(4),
];

for (const lang of ['en', 'ja', 'zh-CN'] as const) {
  describe(`popup at its real width, 420 px (${lang})`, () => {
    const session = localeChromium(lang);

    it('never scrolls sideways: suggestions, long concept chips, long queries, "did you mean"', async () => {
      const page = await session().openExtensionPage('popup.html');
      await page.setViewportSize({ width: 420, height: 600 });
      await page.waitForSelector('.suggested .chip-button');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await sideways(page)).toBe(0);
      for (const q of LONG_QUERIES) {
        await search(page, q);
        expect(await sideways(page), q).toBe(0);
      }
      // The first query did show the longest concept name of the glossary as a chip.
      await search(page, LONG_QUERIES[0]!);
      expect(
        await page.locator('#results .chip[data-concept=five-party-affairs-sectors]').count(),
      ).toBeGreaterThan(0);
      expect(await sideways(page)).toBe(0);
      await page.close();
    });

    it('never scrolls sideways with long names "On this page" (opened for a tab)', async () => {
      const first = await session().openExtensionPage('popup.html');
      const fixture = await session().openPage('/popup-long-labels.html');
      await waitForHighlights(fixture, 4);
      const tabId = await newestTabId(first);
      const page = await session().openExtensionPage(`popup.html?tab=${tabId}`);
      await page.setViewportSize({ width: 420, height: 600 });
      await page.waitForSelector('.page-concept[data-concept=five-party-affairs-sectors]');
      expect(await sideways(page)).toBe(0);
      await page.click('.categories-details summary');
      expect(await sideways(page)).toBe(0);
      await Promise.all([page.close(), fixture.close(), first.close()]);
    });

    it('shows document dates in the UI language', async () => {
      const page = await session().openExtensionPage('popup.html');
      await search(page, '巡視整備');
      const head = page.locator('.result-group .doc-head', {
        has: page.locator('time[datetime="2023-07-03"]'),
      });
      const shown = await head.first().locator('time').textContent();
      expect(shown).toBe({ en: 'July 3, 2023', ja: '2023年7月3日', 'zh-CN': '2023年7月3日' }[lang]);
      await page.close();
    });
  });
}

describe('popup chips: one alignment, wrapped or not', () => {
  let s: ChromiumSession;
  beforeAll(async () => {
    s = await launchChromium();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('a long concept name wraps inside its chip and starts at its left edge, like the short ones', async () => {
    const page = await s.openExtensionPage('popup.html');
    await page.setViewportSize({ width: 420, height: 600 });
    await search(page, LONG_QUERIES[0]!);
    const chips = await lineStarts(page, '#results .chip');
    const long = chips.filter((c) => c.text.startsWith('Five Party-affairs sectors'));
    expect(long.length).toBeGreaterThan(0);
    // Shown whole (not cut with an ellipsis): it needs more than one line at 420 px.
    for (const c of long) expect(c.lines, c.text).toBeGreaterThan(1);
    for (const c of chips) for (const x of c.starts) expect(Math.abs(x), c.text).toBeLessThanOrEqual(1);
    await search(page, 'safegardz');
    for (const c of await lineStarts(page, '.did-you-mean button'))
      for (const x of c.starts) expect(Math.abs(x), c.text).toBeLessThanOrEqual(1);
    await page.fill('#q', '');
    await page.waitForSelector('.suggested .chip-button');
    for (const c of await lineStarts(page, '.suggested .chip-button'))
      for (const x of c.starts) expect(Math.abs(x), c.text).toBeLessThanOrEqual(1);
    await page.close();
  });

  it('"On this page": a wrapped concept name is left-aligned like the others', async () => {
    const first = await s.openExtensionPage('popup.html');
    const fixture = await s.openPage('/popup-long-labels.html');
    await waitForHighlights(fixture, 4);
    const page = await s.openExtensionPage(`popup.html?tab=${await newestTabId(first)}`);
    await page.setViewportSize({ width: 420, height: 600 });
    await page.waitForSelector('.page-concept[data-concept=five-party-affairs-sectors]');
    const labels = await lineStarts(page, '.page-concept .label');
    expect(labels.length).toBeGreaterThan(2);
    expect(labels.some((l) => l.lines > 1)).toBe(true);
    for (const l of labels) for (const x of l.starts) expect(Math.abs(x), l.text).toBeLessThanOrEqual(1);
    await Promise.all([page.close(), fixture.close(), first.close()]);
  });

  it('logs no console errors', () => {
    expect(s.consoleErrors, s.consoleErrors.join('\n')).toEqual([]);
  });
});

/** Layout problems of the popup at its width; fails if it inspected too little to mean anything. */
async function fitProblems(page: Page): Promise<string[]> {
  const { checked, overflow } = await page.evaluate(() => {
    const out: string[] = [];
    let n = 0;
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth) out.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
    // Every box with text of its own must lie inside the popup and show all of its text.
    // Ellipsis is deliberate (long document titles and concept chips, with the full text
    // elsewhere); a silent cut is not.
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      if (!el.offsetParent || el.closest('.visually-hidden')) continue;
      if (![...el.childNodes].some((c) => c.nodeType === 3 && c.textContent?.trim())) continue;
      n++;
      const name = `${el.tagName.toLowerCase()}.${el.className} “${el.textContent?.trim().slice(0, 40)}”`;
      if (el.getBoundingClientRect().right > root.clientWidth + 0.5) out.push(`${name} sticks out`);
      const cs = getComputedStyle(el);
      const clips = cs.display !== 'inline' && cs.overflowX !== 'visible' && cs.textOverflow !== 'ellipsis';
      if (clips && el.scrollWidth > el.clientWidth + 1) out.push(`${name} is cut off`);
    }
    return { checked: n, overflow: out };
  });
  expect(checked).toBeGreaterThan(20);
  return overflow;
}
