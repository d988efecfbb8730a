// Evaluation of how the search copes with the way people ask (issue #11): acronyms, pinyin,
// questions, several typos, long pastes, queries the corpus cannot answer.
//
//   node scripts/golden-understanding.ts     print hit@5 per kind and language, and the misses
//
// tests/search-understanding.test.ts runs the same evaluation and holds the floors.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { createSearch } from '../lib/core/search/create-search.ts';
import type { SearchIndexData } from '../lib/core/search/index-data.ts';
import type { CorpusData } from '../lib/core/types.ts';
import { loadGenerated } from './cli-search.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const UNDERSTANDING_PATH = join(ROOT, 'tests', 'golden', 'search-understanding.yaml');
export const KINDS = ['acronym', 'pinyin', 'question', 'multi-typo', 'long-paste', 'out-of-corpus'] as const;
export type Kind = (typeof KINDS)[number];

export interface UnderstandingQuery {
  query: string;
  lang: string;
  kind: Kind;
  /** Passage ids; empty: nothing may be answered. */
  expect: string[];
}

export interface UnderstandingOutcome extends UnderstandingQuery {
  ok: boolean;
  top: string[];
}

export interface Rate {
  n: number;
  hit: number;
  rate: number;
}

export interface UnderstandingReport {
  all: Rate;
  byKind: Record<string, Rate>;
  byLang: Record<string, Rate>;
  outcomes: UnderstandingOutcome[];
}

export function loadUnderstanding(path = UNDERSTANDING_PATH): UnderstandingQuery[] {
  const raw = parse(readFileSync(path, 'utf8')) as unknown;
  if (!Array.isArray(raw)) throw new Error(`${path}: expected a YAML list`);
  return raw.map((e: Partial<UnderstandingQuery>, i) => {
    const where = `${path}: entry ${i + 1}`;
    if (typeof e.query !== 'string' || !e.query) throw new Error(`${where}: query missing`);
    if (!KINDS.includes(e.kind as Kind)) throw new Error(`${where}: unknown kind ${String(e.kind)}`);
    if (!Array.isArray(e.expect)) throw new Error(`${where}: expect must be a list`);
    if ((e.expect.length === 0) !== (e.kind === 'out-of-corpus'))
      throw new Error(`${where}: only out-of-corpus queries expect nothing`);
    return { query: e.query, lang: String(e.lang ?? '?'), kind: e.kind as Kind, expect: e.expect };
  });
}

function rate(outcomes: UnderstandingOutcome[]): Rate {
  const hit = outcomes.filter((o) => o.ok).length;
  return {
    n: outcomes.length,
    hit,
    rate: outcomes.length ? Math.round((hit / outcomes.length) * 1000) / 1000 : 0,
  };
}

export function evaluateUnderstanding(
  data: CorpusData,
  index: SearchIndexData,
  queries: UnderstandingQuery[],
): UnderstandingReport {
  const known = new Set(data.passages.map((p) => p.id));
  const unknown = queries.flatMap((q) => q.expect.filter((id) => !known.has(id)));
  if (unknown.length) throw new Error(`passages not in generated/corpus.json: ${unknown.join(', ')}`);
  const search = createSearch(data, index);
  const outcomes = queries.map((q) => {
    const top = search
      .search(q.query, { limit: 5 })
      .hits.slice(0, 5)
      .map((h) => h.passageId);
    const ok = q.expect.length ? top.some((id) => q.expect.includes(id)) : top.length === 0;
    return { ...q, ok, top };
  });
  const group = (key: 'kind' | 'lang') => {
    const out: Record<string, Rate> = {};
    for (const v of [...new Set(outcomes.map((o) => o[key]))].sort())
      out[v] = rate(outcomes.filter((o) => o[key] === v));
    return out;
  };
  return { all: rate(outcomes), byKind: group('kind'), byLang: group('lang'), outcomes };
}

export function formatUnderstanding(r: UnderstandingReport): string {
  const line = (k: string, v: Rate) =>
    `  ${k.padEnd(14)} ${String(v.hit).padStart(3)}/${String(v.n).padEnd(3)} hit@5 ${(v.rate * 100).toFixed(1)} %`;
  const out = ['how people ask: hit@5 (out-of-corpus: no answer at all)', line('all', r.all)];
  for (const [k, v] of Object.entries(r.byKind)) out.push(line(k, v));
  for (const [k, v] of Object.entries(r.byLang)) out.push(line(k, v));
  const misses = r.outcomes.filter((o) => !o.ok);
  if (misses.length) out.push(`misses (${misses.length}):`);
  for (const o of misses)
    out.push(`  [${o.kind}, ${o.lang}] ${o.query.slice(0, 70)}  top: ${o.top.join(' ') || '-'}`);
  return out.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const loaded = loadGenerated(ROOT);
  if ('error' in loaded) {
    console.error(loaded.error);
    process.exitCode = 1;
  } else
    console.log(formatUnderstanding(evaluateUnderstanding(loaded.data, loaded.index, loadUnderstanding())));
}
