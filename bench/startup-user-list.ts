// The user term list the start-up bench loads first (issue #15 item 1: "with … a 5,000-term user
// list loaded"): `n` generated terms, half Latin (two or three made-up capitalised words and a
// common head noun, with one alias), half Chinese (four to six Han characters from a small set),
// from a seeded PRNG, so every run loads the same list. Made-up words so that the no-term pages
// stay without a term: the bench measures the cost of carrying the list, not of painting it.
import type { Page } from 'playwright-core';
import type { ChromiumSession } from '../e2e/harness.ts';
import { prng } from './lib/generated-library.ts';

const SYLLABLES = ['var', 'zel', 'mor', 'quin', 'tash', 'lod', 'brix', 'fen', 'yul', 'drov', 'kem', 'sarn'];
const HEADS = ['Initiative', 'Programme', 'Plan', 'Council', 'Zone', 'Fund', 'Compact', 'Directive'];
const HAN = '澜璟琨珂瑜瑾璇琪瑶璐瑛珏琦瑗璋琰玳瑄珩琛';

export interface UserTermRow {
  term: string;
  aliases: string[];
  definition: string;
}

export function generatedUserList(n: number, seed = 15): UserTermRow[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const word = () => {
    const w = pick(SYLLABLES) + pick(SYLLABLES) + (rnd() < 0.5 ? pick(SYLLABLES) : '');
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const seen = new Set<string>();
  const rows: UserTermRow[] = [];
  while (rows.length < n) {
    const latin = rows.length % 2 === 0;
    let term: string;
    let alias: string;
    if (latin) {
      const words = [word(), word(), ...(rnd() < 0.4 ? [word()] : [])];
      const head = pick(HEADS);
      term = `${words.join(' ')} ${head}`;
      alias = `${words.map((w) => w[0]).join('')} ${head}`;
    } else {
      const len = 4 + Math.floor(rnd() * 3);
      term = Array.from({ length: len }, () => pick([...HAN])).join('');
      alias = `${term}计划`;
    }
    if (seen.has(term)) continue;
    seen.add(term);
    rows.push({
      term,
      aliases: [alias],
      definition: `Generated term ${rows.length + 1} of the start-up bench.`,
    });
  }
  return rows;
}

/**
 * Imports a generated list of `n` terms into the extension of `s`, from its options page (the
 * Library section's message), and waits for the background's answer. Throws if it is refused.
 */
export async function loadUserList(s: ChromiumSession, n: number): Promise<void> {
  const page: Page = await s.openExtensionPage('options.html');
  try {
    const list = { name: `Bench ${n}`, colour: 1, format: 'json', terms: generatedUserList(n) };
    const answer = await page.evaluate((payload) => {
      type Chrome = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      const c = (globalThis as unknown as { chrome: Chrome }).chrome;
      return c.runtime.sendMessage({ type: 'importTermList', payload });
    }, list);
    if (!answer || (answer as { ok?: unknown }).ok !== true)
      throw new Error(`the user list was refused: ${JSON.stringify(answer).slice(0, 300)}`);
  } finally {
    await page.close();
  }
}
