// The highlight eval set (eval/highlight/*.yaml) scored in real browsers with the built test
// extension: every passage is set in its own element (<p>, or <code>/<pre> where the case says so)
// of e2e/fixtures/eval.html, the content script scans it like any page text, and what it painted
// is read back from CSS.highlights (text offsets per passage, category from the highlight name).
// `npm run eval -- highlight` runs this spec; the per-language table goes to the log and to
// .output-e2e/highlight-eval.<browser>.json (docs/benchmarks.md keeps the numbers).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Page as PptrPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matcherConcepts } from '../lib/core/term-matcher.ts';
import { readMatcherJson } from '../scripts/lib/matcher-json.ts';
import {
  EVAL_LANGS,
  LOOKALIKE_RULES,
  loadEvalCases,
  report,
  scoreCase,
  summarise,
  type EvalCase,
  type Found,
} from '../scripts/lib/highlight-eval.ts';
import {
  E2E_OUT,
  launchChromium,
  launchFirefox,
  type ChromiumSession,
  type FirefoxSession,
} from './harness.ts';

const MIN_RECALL = 0.95;
const CASES = loadEvalCases();
const { ids, categories } = matcherConcepts(readMatcherJson());
const CATEGORY = new Map(ids.map((id, i) => [id, categories[i]!]));
const HTML_LANG: Record<string, string> = { en: 'en', zh: 'zh', ja: 'ja', vi: 'vi' };

type Passage = Pick<EvalCase, 'id' | 'text' | 'element'> & { lang: string };

/** In the page: one element per passage, text set with textContent (never markup). */
function addPassages(passages: Passage[]): void {
  const main = document.getElementById('cases')!;
  for (const p of passages) {
    const el = document.createElement(p.element);
    el.dataset.case = p.id;
    el.lang = p.lang;
    el.textContent = p.text;
    main.append(el);
  }
}

/** In the page: painted ranges per passage as offsets into its text, with the category. */
function readPassageHighlights(): Record<string, Array<{ start: number; end: number; category: string }>> {
  const out: Record<string, Array<{ start: number; end: number; category: string }>> = {};
  const reg = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
  for (const [name, hl] of reg) {
    if (!name.startsWith('policy-lens-') || name === 'policy-lens-active') continue;
    for (const r of hl) {
      const host = (r.startContainer.parentElement ?? null)?.closest('[data-case]');
      if (!host) continue;
      const before = document.createRange();
      before.setStart(host, 0);
      before.setEnd(r.startContainer, r.startOffset);
      const inner = document.createRange();
      inner.setStart(r.startContainer, r.startOffset);
      inner.setEnd(r.endContainer, r.endOffset);
      const start = before.toString().length;
      const id = (host as HTMLElement).dataset.case!;
      (out[id] ??= []).push({ start, end: start + inner.toString().length, category: name.slice(12) });
    }
  }
  return out;
}

function statsScript(): { slices: number; pending: boolean; total: number } | null {
  let answer: string | null = null;
  const on = (e: Event) => (answer = (e as CustomEvent<string>).detail);
  document.addEventListener('policy-lens:e2e-stats-result', on, { once: true });
  document.dispatchEvent(new CustomEvent('policy-lens:e2e-stats'));
  document.removeEventListener('policy-lens:e2e-stats-result', on);
  return answer === null ? null : (JSON.parse(answer) as { slices: number; pending: boolean; total: number });
}

type Evaluate = <A, R>(fn: (a: A) => R, arg: A) => Promise<R>;

/** Adds the passages, waits until the scan has settled (hit total stable), reads the highlights. */
async function score(evaluate: Evaluate, browser: string) {
  const passages: Passage[] = CASES.map((c) => ({
    id: c.id,
    text: c.text,
    element: c.element,
    lang: HTML_LANG[c.lang]!,
  }));
  await evaluate(addPassages, passages);
  let last = -1;
  let stable = 0;
  const end = Date.now() + 45_000;
  while (Date.now() < end && stable < 4) {
    const st = await evaluate(statsScript, undefined).catch(() => null);
    if (st && st.slices > 0 && !st.pending && st.total === last) stable++;
    else stable = 0;
    last = st?.total ?? -1;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  const painted = await evaluate(readPassageHighlights, undefined);
  const scores = CASES.map((c) => scoreCase(c, (painted[c.id] ?? []) as Found[], (id) => CATEGORY.get(id)));
  const text = report(scores, `highlight eval (${browser}, built extension, CSS.highlights)`);
  console.log(text);
  mkdirSync(E2E_OUT, { recursive: true });
  writeFileSync(
    join(E2E_OUT, `highlight-eval.${browser}.json`),
    JSON.stringify({ summary: summarise(scores), scores }, null, 1),
  );
  return { scores, summary: summarise(scores) };
}

function assertTargets(r: Awaited<ReturnType<typeof score>>) {
  for (const l of EVAL_LANGS) {
    const missed = r.scores.filter((s) => s.lang === l).flatMap((s) => s.missed.map((m) => `${s.id}: ${m}`));
    expect(r.summary.byLang[l].recall, `${l}:\n${missed.join('\n')}`).toBeGreaterThanOrEqual(MIN_RECALL);
  }
  const lookalikes = r.scores.filter((s) => LOOKALIKE_RULES.has(s.rule));
  expect(lookalikes.flatMap((s) => s.falsePositives.map((f) => `${s.id}: ${f}`))).toEqual([]);
}

describe('highlight eval (Chromium)', () => {
  let s: ChromiumSession;
  beforeAll(async () => {
    s = await launchChromium();
  });
  afterAll(async () => {
    await s?.close();
  });
  it('meets must-recall in every language with no false positive', { timeout: 90_000 }, async () => {
    const page: Page = await s.openPage('/eval.html');
    const evaluate: Evaluate = (fn, arg) => page.evaluate(fn as never, arg as never);
    assertTargets(await score(evaluate, 'chromium'));
  });
});

describe('highlight eval (Firefox)', () => {
  let f: FirefoxSession;
  beforeAll(async () => {
    f = await launchFirefox();
  });
  afterAll(async () => {
    await f?.close();
  });
  it('meets must-recall in every language with no false positive', { timeout: 90_000 }, async () => {
    const page: PptrPage = await f.openPage('/eval.html');
    const evaluate: Evaluate = (fn, arg) => page.evaluate(fn as never, arg as never);
    assertTargets(await score(evaluate, 'firefox'));
  });
});
