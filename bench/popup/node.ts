// Popup bench, node part: the search function alone (lib/core/search/, the popup's limit), on
// the shipped corpus and on a synthetic one `factor` times larger.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSearch } from '../../lib/core/search/create-search.ts';
import { buildSearchIndex } from '../../lib/core/search/index-data.ts';
import type { Search } from '../../lib/core/search/create-search.ts';
import type { SearchIndexData } from '../../lib/core/search/index-data.ts';
import type { CorpusData } from '../../lib/core/types.ts';
import { percentile, round, summary, type Stats } from '../lib/stats.ts';
import { scale } from '../lib/synthetic.ts';
import { LIMIT, QUERIES, type PopupOptions } from './options.ts';

const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
};
const prefixes = (q: string) => {
  const cps = [...q];
  return cps.map((_, i) => cps.slice(0, i + 1).join(''));
};

/** ~1 MiB of UTF-8: the corpus passages concatenated (mixed zh / ja / vi / en), cut at 1 MiB. */
function megabyteOfText(d: CorpusData): string {
  const parts: string[] = [];
  let bytes = 0;
  const MiB = 1024 * 1024;
  for (let i = 0; bytes < MiB; i++) {
    const t = d.passages[i % d.passages.length]!.text + '\n';
    const b = Buffer.byteLength(t);
    if (bytes + b > MiB) {
      let s = '';
      for (const ch of t) {
        const cb = Buffer.byteLength(ch);
        if (bytes + cb > MiB) break;
        s += ch;
        bytes += cb;
      }
      parts.push(s);
      break;
    }
    parts.push(t);
    bytes += b;
  }
  return parts.join('');
}

export interface NodeCorpusResult {
  label: string;
  documents: number;
  passages: number;
  chars: number;
  chunks: number;
  indexJsonKiB: number;
  loadMs: { parseJson?: number; buildIndex?: number; createSearch: number; firstQuery: number };
  keystrokeFirstPass: Stats;
  keystroke: Stats;
  keystrokeCpu: Stats;
  keystrokePrefixMedian: Stats;
  slowestPrefixes: Array<{ prefix: string; medianMs: number }>;
  perQuery: Record<string, Stats>;
  paste1MB: { chars: number; utf8Bytes: number; firstMs: number; medianMs: number; hits: number };
}

function keystrokes(s: Search, passes: number) {
  const first: number[] = [];
  const all: number[] = [];
  const cpu: number[] = [];
  const perPrefix = new Map<string, number[]>();
  const perQuery: Record<string, number[]> = {};
  for (let pass = 0; pass <= passes; pass++) {
    for (const q of QUERIES) {
      for (const p of prefixes(q)) {
        const t = p.trim();
        if (!t) continue;
        const c0 = process.cpuUsage();
        const [, ms] = time(() => s.search(t, { limit: LIMIT }));
        const c = process.cpuUsage(c0);
        if (pass === 0) first.push(ms);
        else {
          all.push(ms);
          cpu.push((c.user + c.system) / 1000);
          (perQuery[q] ??= []).push(ms);
          const key = `${q}\u0000${p}`;
          perPrefix.set(key, [...(perPrefix.get(key) ?? []), ms]);
        }
      }
    }
  }
  const slowest = [...perPrefix.entries()]
    .map(([k, xs]) => ({ prefix: k.split('\u0000')[1]!, medianMs: round(percentile(xs, 0.5), 2) }))
    .sort((a, b) => b.medianMs - a.medianMs)
    .slice(0, 5);
  return {
    keystrokeFirstPass: summary(first),
    keystroke: summary(all),
    keystrokeCpu: summary(cpu),
    keystrokePrefixMedian: summary([...perPrefix.values()].map((xs) => percentile(xs, 0.5))),
    slowestPrefixes: slowest,
    perQuery: Object.fromEntries(Object.entries(perQuery).map(([q, xs]) => [q, summary(xs)])),
  };
}

function paste(s: Search, text: string) {
  const [res, firstMs] = time(() => s.search(text, { limit: LIMIT }));
  const xs: number[] = [];
  for (let i = 0; i < 5; i++) xs.push(time(() => s.search(text, { limit: LIMIT }))[1]);
  return {
    chars: text.length,
    utf8Bytes: Buffer.byteLength(text),
    firstMs: round(firstMs, 2),
    medianMs: round(percentile(xs, 0.5), 2),
    hits: res.hits.length,
  };
}

/** The shipped data as the background reads it. */
export function readShipped(dataDir: string): { data: CorpusData; index: SearchIndexData } {
  return {
    data: JSON.parse(readFileSync(join(dataDir, 'corpus.json'), 'utf8')) as CorpusData,
    index: JSON.parse(readFileSync(join(dataDir, 'search-index.json'), 'utf8')) as SearchIndexData,
  };
}

/** Load (parse, createSearch, first query), keystrokes and the 1 MiB paste on one corpus. */
function corpusResult(
  label: string,
  data: CorpusData,
  indexJson: string,
  loadMs: NodeCorpusResult['loadMs'],
  s: Search,
  o: PopupOptions,
  mb: string,
): NodeCorpusResult {
  return {
    label,
    documents: data.documents.length,
    passages: data.passages.length,
    chars: data.passages.reduce((n, p) => n + p.text.length, 0),
    chunks: s.chunkCount,
    indexJsonKiB: Math.round(Buffer.byteLength(indexJson) / 1024),
    loadMs,
    ...keystrokes(s, o.nodeRuns),
    paste1MB: paste(s, mb),
  };
}

/** JSON.parse of corpus + index, createSearch, and the first query (it builds the prefilters), timed. */
function load(corpusJson: string, indexJson: string, label: string) {
  const [parsed, parseMs] = time(() => ({
    data: JSON.parse(corpusJson) as CorpusData,
    index: JSON.parse(indexJson) as SearchIndexData,
  }));
  const [s, createMs] = time(() => createSearch(parsed.data, parsed.index));
  if (s.indexRebuilt) console.warn(`warning: the ${label} index did not match the corpus and was rebuilt`);
  const [, firstMs] = time(() => s.search(QUERIES[1]!, { limit: LIMIT }));
  const loadMs = {
    parseJson: round(parseMs, 2),
    createSearch: round(createMs, 2),
    firstQuery: round(firstMs, 2),
  };
  return { data: parsed.data, s, loadMs };
}

export function nodeBench(o: PopupOptions): {
  shipped: NodeCorpusResult;
  scaled: NodeCorpusResult;
  mb: string;
} {
  const indexRaw = readFileSync(join(o.dataDir, 'search-index.json'), 'utf8');
  const real = load(readFileSync(join(o.dataDir, 'corpus.json'), 'utf8'), indexRaw, 'shipped');
  const mb = megabyteOfText(real.data);
  const shipped = corpusResult('shipped corpus', real.data, indexRaw, real.loadMs, real.s, o, mb);

  const big = scale(real.data, o.factor);
  const [bigIndex, buildMs] = time(() => buildSearchIndex(big));
  const bigJson = JSON.stringify(bigIndex);
  const b = load(JSON.stringify(big), bigJson, `${o.factor}x`);
  const bigLoad = { buildIndex: round(buildMs, 2), ...b.loadMs };
  const scaled = corpusResult(`synthetic ${o.factor}x corpus`, big, bigJson, bigLoad, b.s, o, mb);
  return { shipped, scaled, mb };
}
