// The reader: library, document view (sections, passage anchors, concept popovers), concept
// view, parallel view, citations (clipboard), the options page, and axe on each.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness.ts';

declare const chrome: {
  storage: { local: { get(keys: null): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
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
    for (const want of ['2023-07-03', 'Xiuzhou', 'Japanese', 'Chinese (simplified)', 'Yes'])
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

  it('copies a citation as plain text and as Markdown', async () => {
    await go('#003/p41');
    const p = page.locator('[data-passage="003/p41"]');
    await p.hover();
    await p.locator('.cite-button').click();
    const text = await p.locator('output[data-kind=text]').textContent();
    const md = await p.locator('output[data-kind=markdown]').textContent();
    const doc = await page.$eval('#doc-title', (h) => h.textContent ?? '');
    const en = await page.$eval('.doc-title-en', (h) => h.textContent ?? '');
    const url = `${base}#003/p41`;
    expect(text).toBe(
      `${doc} (${en}). Xiuzhou District, Jiaxing, Zhejiang, China, 2023-07-03, para. 42. ${url}`,
    );
    expect(md).toBe(
      `[${doc}](${url}) (*${en}*). Xiuzhou District, Jiaxing, Zhejiang, China, 2023-07-03, para. 42.`,
    );
    const reader = await s.openPage('/popup-page.html');
    const clipboard = async () => {
      await reader.bringToFront();
      const v = await reader.evaluate(() => navigator.clipboard.readText());
      await page.bringToFront();
      return v;
    };
    await page.bringToFront();
    await p.getByRole('button', { name: 'Copy', exact: true }).first().click();
    await expect.poll(() => p.locator('.citation-status').textContent()).toBe('Copied to the clipboard.');
    expect(await clipboard()).toBe(text);
    await p.getByRole('button', { name: 'Copy', exact: true }).nth(1).click();
    await expect.poll(clipboard).toBe(md);
    await reader.close();
    expect(await axeViolations(page)).toEqual([]);
    // The link in the citation leads back to the passage.
    const other = await s.context.newPage();
    await other.goto(url);
    await other.waitForSelector('[data-passage="003/p41"].flash');
    await other.close();
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
        date: g.querySelector('h3 .muted')?.textContent ?? '',
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
    const stored = () => opt.evaluate(() => chrome.storage.local.get(null));
    // Settings in v1's shape (one array per list, one entry invalid) are migrated by the background
    // to one key per entry; the valid entries survive.
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
      .poll(async () => (await opt.evaluate(() => chrome.storage.local.get(null)))['v1.enabled'] ?? true)
      .toBe(false);
    expect(await axeViolations(opt)).toEqual([]);
    await opt.close();
  });

  it('logs no console errors', () => {
    expect(s.consoleErrors, s.consoleErrors.join('\n')).toEqual([]);
  });
});
