// The browser's plain-text viewer (issue #13): a policy document served as text/plain, which
// Chromium and Firefox show as a body holding one <pre>, is painted like any page text, while
// code blocks of an HTML page (and an HTML page built like the viewer) stay unpainted. The text is
// a bundled corpus document; a second document repeats the corpus past several of the scanner's
// windows (lib/page/block-hits.ts), so a long text is matched window by window.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { Page as PptrPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageTerms } from '../lib/core/page-terms.ts';
import { createMatcher } from '../lib/core/term-matcher.ts';
import { WINDOW } from '../lib/page/block-hits.ts';
import { readMatcherJson } from '../scripts/lib/matcher-json.ts';
import {
  launchChromium,
  launchFirefox,
  readHighlightsScript,
  type ChromiumSession,
  type FirefoxSession,
  type HighlightDump,
} from './harness.ts';

const CORPUS = resolve(import.meta.dirname, '..', 'corpus', 'documents');
/** A Dalian municipal report (ja) naming the six stabilities, the six guarantees and the 14th FYP. */
const POLICY = '000_19c1fe233f7b33f6.txt';
const policyText = readFileSync(join(CORPUS, POLICY), 'utf8');
/** Every corpus document, repeated until the text spans more than four windows. */
const longText = (() => {
  const all = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(CORPUS, f), 'utf8'))
    .join('\n\n');
  let out = all;
  while (out.length < 4.5 * WINDOW) out += '\n\n' + all;
  return out;
})();

// What the lens must paint: the glossary matcher's terms of the whole text, as a page scan finds
// them (page context: exclusions and evidence rules), counted per matched text.
const compiled = readMatcherJson();
const terms = pageTerms(createMatcher(compiled), compiled);
const expectedTexts = (text: string) =>
  terms
    .find(text)
    .map((m) => text.slice(m.start, m.end))
    .sort();

const all = (d: HighlightDump) => Object.values(d).flat().sort();

/** The content script's stats (test builds): it has scanned and has nothing pending. */
function statsScript(): { slices: number; pending: boolean; total: number } | null {
  let answer: string | null = null;
  const on = (e: Event) => (answer = (e as CustomEvent<string>).detail);
  document.addEventListener('policy-lens:e2e-stats-result', on, { once: true });
  document.dispatchEvent(new CustomEvent('policy-lens:e2e-stats'));
  document.removeEventListener('policy-lens:e2e-stats-result', on);
  return answer === null ? null : (JSON.parse(answer) as { slices: number; pending: boolean; total: number });
}

/** The viewer as the browser built it, and the category background of the painted <pre>. */
function viewerScript(): { contentType: string; body: string[]; highlightBackground: string } {
  const pre = document.body.querySelector(':scope > pre');
  const reg = (CSS as unknown as { highlights: Map<string, unknown> }).highlights;
  const name = [...reg.keys()].find((k) => k.startsWith('policy-lens-') && k !== 'policy-lens-active');
  return {
    contentType: document.contentType,
    body: [...document.body.children].map((e) => e.localName),
    // our ::highlight rule reaches the viewer's <pre> (Chromium: through highlight inheritance
    // from :root; Firefox: a rule on every element)
    highlightBackground: pre && name ? getComputedStyle(pre, `::highlight(${name})`).backgroundColor : '',
  };
}

type AnyPage = Page | PptrPage;
const evaluate = <T>(page: AnyPage, f: () => T): Promise<T> => (page as Page).evaluate(f);

/** Waits until the lens has settled (scanned, nothing pending). */
async function settle(page: AnyPage, timeout = 60_000): Promise<void> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const s = await evaluate(page, statsScript).catch(() => null);
    if (s && s.slices > 0 && !s.pending) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the content script did not settle');
}

const dir = mkdtempSync(join(tmpdir(), 'policy-lens-plain-'));
writeFileSync(join(dir, 'policy.txt'), policyText);
writeFileSync(join(dir, 'long.txt'), longText);
const mounts = { '/text/': dir };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function plainTextCases(open: () => (path: string) => Promise<AnyPage>) {
  it('a policy document served as text/plain is painted: every term the matcher finds in it', async () => {
    const expected = expectedTexts(policyText);
    expect(expected).toEqual(expect.arrayContaining(['六安定', '六保']));
    const page = await open()('/text/policy.txt');
    await settle(page);
    const view = await evaluate(page, viewerScript);
    expect(view.contentType).toBe('text/plain');
    expect(view.body).toEqual(['pre']);
    expect(all(await evaluate(page, readHighlightsScript))).toEqual(expected);
    expect(view.highlightBackground).not.toMatch(/^(|transparent|rgba\(0, 0, 0, 0\))$/);
    await page.close();
  });

  it('a text longer than several scan windows is painted whole, terms at window edges included', async () => {
    const expected = expectedTexts(longText);
    expect(longText.length).toBeGreaterThan(4 * WINDOW);
    const page = await open()('/text/long.txt');
    await settle(page);
    expect(all(await evaluate(page, readHighlightsScript))).toEqual(expected);
    await page.close();
  });

  it('an HTML page keeps its code unpainted, a lone <pre> built like the viewer included', async () => {
    const page = await open()('/plain-text/code.html');
    await settle(page);
    expect(all(await evaluate(page, readHighlightsScript))).toEqual(['两个维护']);
    await page.close();
    const lone = await open()('/plain-text/lone-pre.html');
    await settle(lone);
    expect(await evaluate(lone, statsScript)).toMatchObject({ total: 0 });
    expect(all(await evaluate(lone, readHighlightsScript))).toEqual([]);
    await lone.close();
  });
}

describe('plain-text viewer (Chromium)', () => {
  let s: ChromiumSession;
  beforeAll(async () => {
    s = await launchChromium({ mounts });
  });
  afterAll(async () => {
    await s?.close();
  });
  plainTextCases(() => (path) => s.openPage(path));
  it('made no network request and logged no error', () => {
    expect(s.requests).toEqual([]);
    expect(s.consoleErrors.filter((e) => /policy-lens|chrome-extension/.test(e))).toEqual([]);
  });
});

describe('plain-text viewer (Firefox)', () => {
  let f: FirefoxSession;
  beforeAll(async () => {
    f = await launchFirefox({ mounts });
  });
  afterAll(async () => {
    await f?.close();
  });
  plainTextCases(() => (path) => f.openPage(path));
});
