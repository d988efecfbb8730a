// Golden-set evaluation of the corpus search.
//
//   node scripts/golden.ts            print hit@1, hit@5, MRR (+ per type / language, failures)
//                                     and the differences from tests/golden/search-results.json
//   node scripts/golden.ts --write    also rewrite tests/golden/search-results.json (on purpose only)
//   node scripts/golden.ts --dir D    evaluate the data in directory D instead of generated/
//
// Reads generated/corpus.json and generated/search-index.json (run `npm run data` first).
// tests/search-golden.test.ts uses the same functions.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { createSearch } from '../lib/core/search/create-search.ts';
import type { SearchIndexData } from '../lib/core/search/index-data.ts';
import type { CorpusData } from '../lib/core/types.ts';
import { loadGenerated } from './cli-search.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const GOLDEN_PATH = join(ROOT, 'tests', 'golden', 'search.yaml');
export const RESULTS_PATH = join(ROOT, 'tests', 'golden', 'search-results.json');
/** How many hits are looked at for the MRR. */
const DEPTH = 20;

export interface GoldenQuery {
  query: string;
  lang: string;
  type: 'exact' | 'typo' | 'cross-script' | 'cross-lingual';
  expect: string[];
}

export interface QueryOutcome {
  query: string;
  lang: string;
  type: string;
  /** 1-based rank of the first expected passage, 0 if not in the top DEPTH. */
  rank: number;
  top: string[];
  kinds: string[];
  expandedConceptIds: string[];
  ms: number;
}

export interface GoldenReport {
  queries: number;
  hitAt1: number;
  hitAt5: number;
  mrr: number;
  byType: Record<string, { n: number; hitAt1: number; hitAt5: number; mrr: number }>;
  byLang: Record<string, { n: number; hitAt1: number; hitAt5: number; mrr: number }>;
  outcomes: QueryOutcome[];
}

/**
 * Tests run against the real generated data and are never skipped: when generated/ is missing
 * this builds it with scripts/build-data.ts (`npm run data`) and throws the build's output if
 * that fails.
 */
export function ensureGenerated(root = ROOT): void {
  const need = ['corpus.json', 'search-index.json'].map((f) => join(root, 'generated', f));
  if (need.every((p) => existsSync(p))) return;
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build-data.ts')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0 || !need.every((p) => existsSync(p))) {
    throw new Error(
      `generated/ is missing and \`npm run data\` failed (exit ${r.status}); fix the build first.\n` +
        `${r.stdout ?? ''}\n${r.stderr ?? ''}`,
    );
  }
}

export function loadGolden(path = GOLDEN_PATH): GoldenQuery[] {
  const raw = parse(readFileSync(path, 'utf8')) as unknown;
  if (!Array.isArray(raw)) throw new Error(`${path}: expected a YAML list`);
  const seen = new Set<string>();
  return raw.map((q, i) => {
    const e = q as Partial<GoldenQuery>;
    const where = `${path}: entry ${i + 1}`;
    if (typeof e.query !== 'string' || !e.query) throw new Error(`${where}: query missing`);
    if (!Array.isArray(e.expect) || !e.expect.length || !e.expect.every((x) => typeof x === 'string')) {
      throw new Error(`${where} (${e.query}): expect must be a non-empty list of passage ids`);
    }
    if (!['exact', 'typo', 'cross-script', 'cross-lingual'].includes(String(e.type))) {
      throw new Error(`${where} (${e.query}): unknown type ${String(e.type)}`);
    }
    const key = `${e.query}|${String(e.lang)}|${String(e.type)}`;
    if (seen.has(key))
      throw new Error(`${where}: duplicate entry ${e.query} (${String(e.lang)}, ${String(e.type)})`);
    seen.add(key);
    return {
      query: e.query,
      lang: String(e.lang ?? '?'),
      type: e.type as GoldenQuery['type'],
      expect: e.expect,
    };
  });
}

function summarise(outcomes: QueryOutcome[]) {
  const n = outcomes.length || 1;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    n: outcomes.length,
    hitAt1: round(outcomes.filter((o) => o.rank === 1).length / n),
    hitAt5: round(outcomes.filter((o) => o.rank >= 1 && o.rank <= 5).length / n),
    mrr: round(outcomes.reduce((s, o) => s + (o.rank ? 1 / o.rank : 0), 0) / n),
  };
}

export function evaluateGolden(
  data: CorpusData,
  index: SearchIndexData,
  golden: GoldenQuery[],
): GoldenReport {
  const search = createSearch(data, index);
  const known = new Set(data.passages.map((p) => p.id));
  const unknown = golden.flatMap((g) =>
    g.expect.filter((id) => !known.has(id)).map((id) => `${g.query}: ${id}`),
  );
  if (unknown.length) {
    throw new Error(
      `golden set names passages that are not in generated/corpus.json:\n  ${unknown.join('\n  ')}`,
    );
  }
  const outcomes = golden.map((g) => {
    const t0 = performance.now();
    const r = search.search(g.query, { limit: DEPTH });
    const ms = performance.now() - t0;
    const top = r.hits.map((h) => h.passageId);
    const idx = top.findIndex((id) => g.expect.includes(id));
    return {
      query: g.query,
      lang: g.lang,
      type: g.type,
      rank: idx + 1,
      top: top.slice(0, 5),
      kinds: r.hits.slice(0, 5).map((h) => h.kind),
      expandedConceptIds: r.expandedConceptIds,
      ms: Math.round(ms * 100) / 100,
    };
  });
  const group = (key: 'type' | 'lang') => {
    const out: GoldenReport['byType'] = {};
    for (const v of [...new Set(outcomes.map((o) => o[key]))].sort())
      out[v] = summarise(outcomes.filter((o) => o[key] === v));
    return out;
  };
  const all = summarise(outcomes);
  return {
    queries: all.n,
    hitAt1: all.hitAt1,
    hitAt5: all.hitAt5,
    mrr: all.mrr,
    byType: group('type'),
    byLang: group('lang'),
    outcomes,
  };
}

function fmt(s: { n: number; hitAt1: number; hitAt5: number; mrr: number }): string {
  return `n=${String(s.n).padStart(2)}  hit@1 ${s.hitAt1.toFixed(3)}  hit@5 ${s.hitAt5.toFixed(3)}  MRR ${s.mrr.toFixed(3)}`;
}

function main(argv: string[]): number {
  const write = argv.includes('--write');
  const dirAt = argv.indexOf('--dir'); // development: evaluate another generated/ directory
  const dir = dirAt >= 0 && argv[dirAt + 1] ? resolve(argv[dirAt + 1]!) : undefined;
  if (write && dir) {
    console.error('golden: --write records results of generated/ only (not with --dir)');
    return 2;
  }
  const loaded = loadGenerated(ROOT, dir);
  if ('error' in loaded) {
    console.error(`golden: ${loaded.error}`);
    return 1;
  }
  const report = evaluateGolden(loaded.data, loaded.index, loadGolden());
  console.log(`golden set: ${report.queries} queries (${GOLDEN_PATH.slice(ROOT.length + 1)})`);
  console.log(`  all            ${fmt({ n: report.queries, ...report })}`);
  for (const [k, v] of Object.entries(report.byType)) console.log(`  ${k.padEnd(14)} ${fmt(v)}`);
  for (const [k, v] of Object.entries(report.byLang)) console.log(`  ${k.padEnd(14)} ${fmt(v)}`);
  const ms = report.outcomes.map((o) => o.ms).sort((a, b) => a - b);
  console.log(
    `  latency: p50 ${ms[Math.floor(ms.length * 0.5)]} ms, p95 ${ms[Math.floor(ms.length * 0.95)]} ms, max ${ms[ms.length - 1]} ms`,
  );
  const misses = report.outcomes.filter((o) => o.rank === 0 || o.rank > 5);
  if (misses.length) {
    console.log(`\nnot in the top 5 (${misses.length}):`);
    for (const o of misses) {
      console.log(
        `  ${o.query}  [${o.type}, ${o.lang}]  rank ${o.rank || '-'}  top: ${o.top.join(' ') || '(none)'}`,
      );
    }
  }
  // Compare with the recorded results.
  if (existsSync(RESULTS_PATH)) {
    const prev = JSON.parse(readFileSync(RESULTS_PATH, 'utf8')) as GoldenReport;
    const key = (o: { query: string; lang: string; type: string }) => `${o.query}|${o.lang}|${o.type}`;
    const before = new Map(prev.outcomes.map((o) => [key(o), o.rank]));
    const changes = report.outcomes.filter((o) => before.get(key(o)) !== o.rank);
    console.log(
      `\nrecorded: hit@1 ${prev.hitAt1}  hit@5 ${prev.hitAt5}  MRR ${prev.mrr}` +
        (changes.length ? `; ${changes.length} rank change(s):` : '; no rank changes'),
    );
    for (const o of changes)
      console.log(`  ${o.query} [${o.type}, ${o.lang}]: ${before.get(key(o)) ?? 'new'} -> ${o.rank || '-'}`);
  } else {
    console.log(
      `\nno recorded results yet (${RESULTS_PATH.slice(ROOT.length + 1)}); run with --write to record`,
    );
  }
  if (write) {
    const { outcomes, ...rest } = report;
    const stable = { ...rest, outcomes: outcomes.map(({ ms: _ms, ...o }) => o) };
    writeFileSync(RESULTS_PATH, `${JSON.stringify(stable, null, 2)}\n`);
    console.log(`wrote ${RESULTS_PATH.slice(ROOT.length + 1)}`);
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(process.argv.slice(2));
}
