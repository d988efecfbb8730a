// A page that attacks the lens from its own scripts (issue #13), in Chromium and Firefox: each
// attack is run by page script (page.evaluate runs in the page's main world, as the page's own
// code does), then the lens must still work: highlights painted, new text painted, the card
// opened only by the user and unreadable by the page, no tab opened, nothing posted to the page.
import type { Page } from 'playwright-core';
import type { Page as PptrPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  launchFirefox,
  readHighlightsScript,
  type ChromiumSession,
  type FirefoxSession,
  type HighlightDump,
} from './harness.ts';
import { cardSnapshot, paintedTermCentre, waitForCard, type CardSnapshot } from './highlighter-helpers.ts';

/** The bits of the extension API the spec calls inside the service worker (evaluated there). */
declare const chrome: { runtime: { reload(): void } };

/** What the spec needs of a browser's page, the same in Playwright and Puppeteer. */
interface Driver {
  page: Page | PptrPage;
  /** The extension id as a page could know it (the public store / gecko id). */
  id: string;
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  chord(...keys: string[]): Promise<void>;
  move(x: number, y: number): Promise<void>;
  /** Tabs open in the browser (a tab opened by the extension adds one). */
  tabs(): Promise<number>;
}

const all = (d: HighlightDump) => Object.values(d).flat().sort();
const painted = (d: Driver) => d.evaluate(readHighlightsScript, undefined).then(all);

/** Polls until `ok` (the timeout only ends a failure). */
async function until<T>(get: () => Promise<T>, ok: (v: T) => boolean, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out; last: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const BASE = ['14th Five-Year Plan', 'Two Safeguards', 'six stabilities'];
const hasAll = (want: string[]) => (got: string[]) => want.every((w) => got.includes(w));

/** Adds text with a new term and waits until it is painted: the lens still scans and paints. */
async function stillPaintsNewText(d: Driver, text: string, term: string) {
  await d.evaluate((t) => (window as unknown as { __add(t: string): void }).__add(t), text);
  await until(
    () => painted(d),
    (p) => p.includes(term),
  );
}

function attacks(open: () => Promise<Driver>) {
  it('posts nothing to the page at start-up; a forged WXT "script started" event switches nothing off', async () => {
    const d = await open();
    await until(() => painted(d), hasAll(BASE));
    // What the page heard from us at start-up (before it posts anything itself).
    const { messages, startEvents } = await d.evaluate(() => {
      const w = window as unknown as { __messages: string[]; __startEvents: string[] };
      return { messages: [...w.__messages], startEvents: [...w.__startEvents] };
    }, 0);
    // What WXT 0.21 listens for (and what its postMessage used to tell the page).
    await d.evaluate((id) => {
      const type = `${id}:content:wxt:content-script-started`;
      for (const messageId of ['forged', '', 'x'.repeat(20)]) {
        document.dispatchEvent(
          new CustomEvent(type, { detail: { contentScriptName: 'content', messageId } }),
        );
        window.postMessage({ type, contentScriptName: 'content', messageId }, '*');
      }
    }, d.id);
    expect(await painted(d)).toEqual(expect.arrayContaining(BASE));
    await stillPaintsNewText(d, 'Later the 两个确立 came up.', '两个确立');
    expect(await painted(d)).toEqual(expect.arrayContaining(BASE));
    // Nothing was posted to the page that names us.
    expect(messages.filter((m) => m.includes(d.id) || m.includes('wxt'))).toEqual([]);
    // Nor a start-up event a page listening under our (public) id could see.
    expect(startEvents).toEqual([]);
  });

  it('a forged WXT location-change event forces no rescan (the open card stays open)', async () => {
    const d = await open();
    await until(() => painted(d), hasAll(BASE));
    await d.chord('Alt', 'Shift', 'KeyJ'); // the user opens a card; a full pass would close it
    await waitForCard(d.page, '.card .title', (c) => c.parts[0]?.text === 'Two Safeguards');
    await d.evaluate((id) => {
      for (let i = 0; i < 50; i++) window.dispatchEvent(new Event(`${id}:content:wxt:locationchange`));
    }, d.id);
    await stillPaintsNewText(d, 'Then the 两个确立.', '两个确立'); // a scan slice ran since
    expect((await cardSnapshot(d.page)).open).toBe(true);
  });

  it('synthetic keys and pointer events open no card; the real ones do, and Tab then enters it', async () => {
    const d = await open();
    await until(() => painted(d), hasAll(BASE));
    const at = (await d.evaluate(paintedTermCentre, ['Two Safeguards', 0] as const))!;
    await d.evaluate((p) => {
      const key = { key: 'J', code: 'KeyJ', altKey: true, shiftKey: true, bubbles: true, cancelable: true };
      window.dispatchEvent(new KeyboardEvent('keydown', key));
      document.body.dispatchEvent(new KeyboardEvent('keydown', key));
      const init = { clientX: p.x, clientY: p.y, bubbles: true, composed: true, pointerType: 'mouse' };
      for (let i = 0; i < 5; i++)
        document.getElementById('a')!.dispatchEvent(new PointerEvent('pointermove', init));
    }, at);
    // The pointer's rest delay is 250 ms: a card opened by the synthetic move would be up by now.
    await new Promise((r) => setTimeout(r, 800));
    expect((await cardSnapshot(d.page)).open).toBe(false);
    // The user's own key press opens it; the first Tab goes to the card's first control.
    await d.chord('Alt', 'Shift', 'KeyJ');
    await waitForCard(d.page, '.card .title', (c) => c.parts[0]?.text === 'Two Safeguards');
    expect(await d.evaluate(() => document.activeElement?.localName, 0)).toBe('body');
    await d.chord('Tab');
    const inCard = await waitForCard(d.page, '', (c) => c.focused !== null);
    expect(inCard.focused).toBe('button.close');
    // (the page sees focus on our host, not inside it)
    expect(await d.evaluate(() => document.activeElement?.localName, 0)).toBe(inCard.tag);
    // Esc closes it and gives focus back to where it was.
    await d.chord('Escape');
    await waitForCard(d.page, '', (c) => !c.open);
    expect(await d.evaluate(() => document.activeElement?.localName, 0)).toBe('body');
  });

  it('the card is out of the page’s reach: no shadow root to read, rewrite or click; no tab opens', async () => {
    const d = await open();
    await until(() => painted(d), hasAll(BASE));
    await d.chord('Alt', 'Shift', 'KeyJ');
    const card: CardSnapshot = await waitForCard(
      d.page,
      '.card .title',
      (c) => c.parts[0]?.text === 'Two Safeguards',
    );
    const tabs = await d.tabs();
    const seen = await d.evaluate((tag) => {
      const found = [...document.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => e.localName);
      const host = document.querySelector(tag) as HTMLElement;
      let attached: string;
      try {
        host.attachShadow({ mode: 'open' });
        attached = 'yes';
      } catch {
        attached = 'refused';
      }
      // Whatever of the card the page can reach, it clicks, again and again.
      for (let i = 0; i < 20; i++) {
        host.click();
        host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        host.shadowRoot?.querySelector<HTMLElement>('.search')?.click();
      }
      host.textContent = 'rewritten by the page';
      return {
        openRoots: found,
        hostRoot: host.shadowRoot === null,
        // The page patched attachShadow before we started (fixture): it caught no root of ours.
        captured: (window as unknown as { __capturedRoots: unknown[] }).__capturedRoots.length,
        attached,
        named: document.querySelectorAll('[class*="policy-lens"], policy-lens-card').length,
      };
    }, card.tag);
    expect(seen).toEqual({ openRoots: [], hostRoot: true, captured: 0, attached: 'refused', named: 0 });
    expect(card.tag).not.toMatch(/policy|lens/);
    await new Promise((r) => setTimeout(r, 1000)); // a tab opened by the clicks would be there by now
    expect(await d.tabs()).toBe(tabs);
    // The card still reads as it did (light-DOM text of the host is not shown in a shadow host).
    const after = await cardSnapshot(d.page, '.card .title');
    expect(after.open).toBe(true);
    expect(after.parts.map((p) => p.text)).toEqual(['Two Safeguards']);
  });

  it('CSS.highlights.clear() or replacing our highlights does not switch the lens off', async () => {
    const d = await open();
    await until(() => painted(d), hasAll(BASE));
    const left = await d.evaluate(() => {
      const reg = (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights;
      reg.clear();
      reg.set(
        'policy-lens-plan',
        new (window as unknown as { Highlight: new () => Set<unknown> }).Highlight(),
      );
      let n = 0;
      for (const [, h] of reg) n += h.size;
      return n;
    }, 0);
    expect(left).toBe(0); // the attack took (until our next look)
    // The user moves the pointer over the page: our paint is back.
    await d.move(20, 20);
    await d.move(60, 80);
    await until(() => painted(d), hasAll(BASE));
    // Cleared again: the next scan (the page adding text) restores it as well.
    await d.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.clear(), 0);
    await stillPaintsNewText(d, 'Also the 两个确立.', '两个确立');
    expect(await painted(d)).toEqual(expect.arrayContaining([...BASE, '两个确立']));
  });

  it('fingerprints: no frame-ping answer, no named element, no id in the page', async () => {
    const d = await open();
    await until(() => painted(d), hasAll(BASE));
    const probe = await d.evaluate((id) => {
      const ev = (type: string) => !document.dispatchEvent(new CustomEvent(type, { cancelable: true }));
      return {
        cancelled: ['policy-lens:frame-ping', 'policy-lens:frame-claim'].filter(ev),
        named: document.querySelectorAll('policy-lens-card, [data-policy-lens]').length,
        idInBody: document.documentElement.outerHTML.includes(id),
      };
    }, d.id);
    expect(probe).toEqual({ cancelled: [], named: 0, idInBody: false });
    // The page's DOM is untouched (no card open).
    const same = await d.evaluate(
      () => (window as unknown as { __initialBody: string }).__initialBody === document.body.outerHTML,
      0,
    );
    expect(same).toBe(true);
  });
}

describe('hostile page (Chromium)', () => {
  let s: ChromiumSession;
  const pages: Page[] = [];
  beforeAll(async () => {
    s = await launchChromium();
  });
  afterAll(async () => {
    await s?.close();
  });

  const open = async (): Promise<Driver> => {
    while (pages.length) await pages.pop()!.close();
    const page = await s.openPage(`/hostile.html?id=${s.extensionId}`);
    pages.push(page);
    return {
      page,
      id: s.extensionId,
      evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => unknown, arg) as never,
      chord: (...keys) => page.keyboard.press(keys.join('+')),
      move: (x, y) => page.mouse.move(x, y, { steps: 3 }),
      tabs: async () => s.context.pages().length,
    };
  };
  attacks(open);

  it('an orphaned script (extension reloaded) clears its paint on the next user activity', async () => {
    const d = await open();
    await until(() => painted(d), hasAll(BASE));
    // Reloaded from a timer: the worker that runs the evaluation goes away with the extension.
    await s.serviceWorker.evaluate(() => void setTimeout(() => chrome.runtime.reload(), 50));
    await new Promise((r) => setTimeout(r, 500));
    // Chromium injects no script into open tabs after a reload: only the orphan is there.
    await d.move(30, 30);
    await d.move(90, 120);
    await until(
      () => painted(d),
      (p) => p.length === 0,
    );
  });

  it('made no network requests and logged no errors', () => {
    expect(s.requests).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  });
});

describe('hostile page (Firefox)', () => {
  let f: FirefoxSession;
  const pages: PptrPage[] = [];
  beforeAll(async () => {
    f = await launchFirefox();
  });
  afterAll(async () => {
    await f?.close();
  });

  const open = async (): Promise<Driver> => {
    while (pages.length) await pages.pop()!.close();
    const page = await f.openPage(`/hostile.html?id=${encodeURIComponent(f.extensionId)}`);
    pages.push(page);
    return {
      page,
      id: f.extensionId, // the public gecko id
      evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => unknown, arg) as never,
      chord: async (...keys) => {
        for (const k of keys) await page.keyboard.down(k as never);
        for (const k of keys.reverse()) await page.keyboard.up(k as never);
      },
      move: (x, y) => page.mouse.move(x, y, { steps: 3 }),
      tabs: async () => (await f.browser.pages()).length,
    };
  };
  attacks(open);
});
