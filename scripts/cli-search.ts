// `npm run corpus -- search "<query>" [--json] [--limit N]`
// Loaded by scripts/corpus-cli.ts (dynamic import). Uses the same search core as the extension.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../lib/core/limits.ts';
import { createSearch } from '../lib/core/search/create-search.ts';
import type { SearchIndexData } from '../lib/core/search/index-data.ts';
import type { CorpusData } from '../lib/core/types.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export const USAGE = 'usage: npm run corpus -- search "<query>" [--json] [--limit N]';

/** Loads generated/corpus.json and generated/search-index.json; null (with a message) if missing. */
export function loadGenerated(
  root = ROOT,
  dir = join(root, 'generated'),
): { data: CorpusData; index: SearchIndexData } | { error: string } {
  const corpusPath = join(dir, 'corpus.json');
  const indexPath = join(dir, 'search-index.json');
  const missing = [corpusPath, indexPath].filter((p) => !existsSync(p));
  if (missing.length) {
    return {
      error: `missing ${missing.map((p) => relative(process.cwd(), p) || p).join(' and ')}: run \`npm run data\` first`,
    };
  }
  try {
    const data = JSON.parse(readFileSync(corpusPath, 'utf8')) as CorpusData;
    const index = JSON.parse(readFileSync(indexPath, 'utf8')) as SearchIndexData;
    return { data, index };
  } catch (e) {
    return { error: `cannot read generated data (${(e as Error).message}): run \`npm run data\` again` };
  }
}

interface Parsed {
  query: string;
  json: boolean;
  limit: number;
}

function parseArgs(args: string[]): Parsed | string {
  let json = false;
  let limit = DEFAULT_LIMIT;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') json = true;
    else if (a === '--limit' || a.startsWith('--limit=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) return `--limit must be an integer 1..${MAX_LIMIT}`;
      limit = n;
    } else if (a === '--help' || a === '-h') return USAGE;
    else if (a === '--') continue;
    else if (a.startsWith('--')) return `unknown option ${a}\n${USAGE}`;
    else words.push(a);
  }
  if (!words.length) return USAGE;
  return { query: words.join(' '), json, limit };
}

export async function runSearchCommand(args: string[]): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    console.error(parsed);
    return parsed === USAGE ? 2 : 2;
  }
  const loaded = loadGenerated();
  if ('error' in loaded) {
    console.error(`corpus search: ${loaded.error}`);
    return 1;
  }
  const { data, index } = loaded;
  const search = createSearch(data, index);
  if (search.indexRebuilt) {
    console.error(
      'corpus search: generated/search-index.json is out of date (rebuilt in memory); run `npm run data`',
    );
  }
  const t0 = performance.now();
  const result = search.search(parsed.query, { limit: parsed.limit });
  const ms = performance.now() - t0;

  if (parsed.json) {
    console.log(JSON.stringify(result, null, 2));
    return 0;
  }
  const passages = new Map(data.passages.map((p) => [p.id, p]));
  const labels = new Map(data.concepts.map((c) => [c.id, c.labels.en]));
  const out: string[] = [];
  out.push(
    `query: ${JSON.stringify(result.query.length > 200 ? `${result.query.slice(0, 200)}…` : result.query)}` +
      ` → ${JSON.stringify(result.normalized)}${result.truncated ? ' (truncated)' : ''}` +
      `  ${result.hits.length} hit(s) in ${ms.toFixed(1)} ms`,
  );
  if (result.expandedConceptIds.length) {
    out.push(
      `expanded through: ${result.expandedConceptIds.map((id) => `${id} (${labels.get(id) ?? '?'})`).join(', ')}`,
    );
  }
  result.hits.forEach((h, i) => {
    const p = passages.get(h.passageId);
    out.push('');
    out.push(
      `${String(i + 1).padStart(2)}. ${h.passageId}  doc ${h.docId}  score ${h.score.toFixed(4)}  ${h.kind}` +
        (h.conceptIds.length ? `  [${h.conceptIds.join(', ')}]` : ''),
    );
    // The snippet with the marks in [brackets], then the full passage text.
    let snip = '';
    let last = 0;
    for (const [s, e] of h.marks) {
      snip += `${h.snippet.slice(last, s)}[${h.snippet.slice(s, e)}]`;
      last = e;
    }
    snip += h.snippet.slice(last);
    out.push(`    ${snip}`);
    if (p && p.text !== h.snippet) out.push(`    | ${p.text}`);
  });
  if (!result.hits.length) {
    const answers = result.conceptAnswers ?? [];
    out.push(
      answers.length
        ? 'no passage; the glossary knows:'
        : 'no hits: neither the library nor the glossary knows this',
    );
    for (const a of answers) {
      const names = [a.labels.en, a.labels['zh-Hans'], a.pinyin].filter(Boolean).join(' / ');
      const def = typeof a.definition === 'string' ? a.definition : JSON.stringify(a.definition);
      out.push(
        `  ${a.id}: ${names} (${a.occurrenceCount ? `${a.occurrenceCount} occurrence(s)` : 'not in the library yet'})`,
      );
      out.push(`    ${def}`);
    }
    if (result.suggestions.length) out.push(`did you mean: ${result.suggestions.join(' / ')}`);
  }
  console.log(out.join('\n'));
  return 0;
}

// Allow `node scripts/cli-search.ts <query>` directly as well.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runSearchCommand(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
