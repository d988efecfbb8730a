// npm run corpus -- <command>
//
//   validate                 manifest + glossary + exclusions + ordinary words (file:line:col errors)
//   coverage [--json]        status of every quoted term and numbered formulation in the corpus;
//                            exit 1 if anything is MISSING; prints suggestions
//   scan <file.html> [--json]  concepts found on a saved page (generated/matcher.json, page context)
//   search <query...>        scripts/cli-search.ts
//
// Thin shell: the logic lives in lib/core/ (corpus, glossary, coverage, term-matcher).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  computeCoverage,
  extractCandidates,
  formatCoverageLine,
  suggestConcepts,
  summarize,
  unusedExclusions,
} from '../lib/core/coverage.ts';
import { pageTerms } from '../lib/core/page-terms.ts';
import { createMatcher, findTermMatches, type CompiledMatcher } from '../lib/core/term-matcher.ts';
import type { CorpusData, TermMatch } from '../lib/core/types.ts';
import { runSearchCommand } from './cli-search.ts';
import { buildData, printDiagnostics } from './lib-build.ts';
import { htmlToText } from './lib-html.ts';
import { readMatcherJson } from './lib/matcher-json.ts';
import { defaultPaths, normalizeAlias, ROOT } from './load-glossary.ts';

const USAGE = `usage: npm run corpus -- <command>
  validate [--root dir]      check corpus/manifest.yaml, corpus/glossary/*.yaml, corpus/exclusions/*.yaml
  coverage [--json] [--root dir]  quoted terms and numbered formulations: covered / excluded / MISSING
  scan <file.html> [--json] [--matcher generated/matcher.json]
                             concepts found in a saved page
  search <query...>          search the corpus (scripts/cli-search.ts)`;

type Build = Awaited<ReturnType<typeof buildData>>;

function coverageEntries(r: Build) {
  const matcher = createMatcher(r.matcher);
  const byId = new Map(r.data.passages.map((p) => [p.id, p]));
  const cache = new Map<string, TermMatch[]>();
  const matches = (id: string): TermMatch[] => {
    let m = cache.get(id);
    if (!m) {
      m = findTermMatches(matcher, byId.get(id)?.text ?? '', { context: 'corpus' });
      cache.set(id, m);
    }
    return m;
  };
  return computeCoverage({
    candidates: extractCandidates(r.data.passages),
    matches,
    exclusions: r.exclusions,
    normalize: normalizeAlias,
  });
}

/** --root <dir>: read corpus/ from another directory (tests use snapshots). */
function pathsFrom(args: string[]) {
  const i = args.indexOf('--root');
  return defaultPaths(i >= 0 && args[i + 1] ? resolve(args[i + 1]!) : ROOT);
}

async function validate(args: string[]): Promise<number> {
  const r = await buildData({ allowErrors: false, paths: pathsFrom(args) });
  // stale exclusions are warnings (file:line), not errors
  const stale = new Set(unusedExclusions(coverageEntries(r), r.exclusions, normalizeAlias));
  for (const e of r.exclusions)
    if (stale.has(e.term))
      r.diagnostics.push({
        file: e.file,
        line: e.line,
        col: 1,
        severity: 'warning',
        message: `exclusion "${e.term}" matches no quoted term or numbered formulation in the corpus`,
      });
  printDiagnostics(r.diagnostics);
  for (const n of r.notes) console.error(`note: ${n}`);
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = r.diagnostics.length - errors;
  console.error(
    `validate: ${r.data.documents.length} documents, ${r.data.concepts.length} concepts, ${r.exclusions.length} exclusions: ` +
      `${errors} error(s), ${warnings} warning(s)`,
  );
  return errors > 0 ? 1 : 0;
}

async function coverage(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const r = await buildData({ allowErrors: true, paths: pathsFrom(args) });
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0)
    console.error(`note: the glossary has ${errors} validation error(s); run \`npm run corpus -- validate\``);
  const entries = coverageEntries(r);
  const summary = summarize(entries);
  const suggestions = suggestConcepts(entries);
  const stale = unusedExclusions(entries, r.exclusions, normalizeAlias);
  if (json) {
    console.log(
      JSON.stringify(
        { summary, entries, suggestions: suggestions.map((s) => s.term), unusedExclusions: stale },
        null,
        2,
      ),
    );
  } else {
    for (const e of entries) console.log(formatCoverageLine(e));
    console.log('');
    console.log(
      `coverage: ${entries.length} terms: ${summary.covered} covered, ${summary.excluded} excluded, ${summary.missing} MISSING`,
    );
    if (suggestions.length > 0) {
      console.log('\nsuggestions (recurring, not covered: candidate concepts):');
      for (const s of suggestions) console.log(`  ${s.term}\t×${s.count}\t${s.passageIds.join(' ')}`);
    }
    if (stale.length > 0) {
      console.log('\nexclusions that match no term in the corpus:');
      for (const t of stale) console.log(`  ${t}`);
    }
  }
  return summary.missing > 0 ? 1 : 0;
}

function scan(args: string[]): number {
  const json = args.includes('--json');
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const matcherArg = opt('--matcher');
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--matcher');
  if (!file) {
    console.error('usage: npm run corpus -- scan <file.html> [--json]');
    return 2;
  }
  const matcherPath = matcherArg ? resolve(matcherArg) : join(ROOT, 'generated/matcher.json');
  if (!existsSync(matcherPath)) {
    console.error('generated/matcher.json is missing: run `npm run data` first');
    return 2;
  }
  let compiled: CompiledMatcher;
  try {
    compiled = readMatcherJson(matcherPath);
  } catch (e) {
    console.error(`not a compiled matcher: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const corpusPath = join(matcherPath, '../corpus.json');
  const labels = new Map<string, string>();
  if (existsSync(corpusPath)) {
    const data = JSON.parse(readFileSync(corpusPath, 'utf8')) as CorpusData;
    for (const c of data.concepts) labels.set(c.id, c.labels.en);
  }
  const html = readFileSync(resolve(file), 'utf8');
  const text = /<[a-z!]/i.test(html) ? htmlToText(html) : html;
  // as the content script finds them (URLs, slugs, needsContext without evidence dropped); the
  // whole page is one block here, so the evidence window is looser than on a page
  const found = pageTerms(createMatcher(compiled), compiled).find(text);
  const counts = new Map<string, { count: number; forms: Set<string> }>();
  for (const m of found) {
    const c = counts.get(m.conceptId) ?? { count: 0, forms: new Set<string>() };
    c.count++;
    c.forms.add(text.slice(m.start, m.end));
    counts.set(m.conceptId, c);
  }
  const rows = [...counts.entries()]
    .map(([id, c]) => ({
      conceptId: id,
      label: labels.get(id) ?? '',
      count: c.count,
      forms: [...c.forms].sort(),
    }))
    .sort((a, b) => b.count - a.count || (a.conceptId < b.conceptId ? -1 : 1));
  if (json)
    console.log(
      JSON.stringify({ file, textLength: text.length, matches: found.length, concepts: rows }, null, 2),
    );
  else {
    for (const r of rows)
      console.log(`${String(r.count).padStart(4)}  ${r.conceptId}\t${r.label}\t${r.forms.join(' | ')}`);
    console.log(
      `scan: ${found.length} matches of ${rows.length} concepts in ${text.length} characters of text`,
    );
  }
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  switch (cmd) {
    case 'validate':
      return validate(args);
    case 'coverage':
      return coverage(args);
    case 'scan':
      return scan(args);
    case 'search':
      return runSearchCommand(args);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return cmd === undefined ? 2 : 0;
    default:
      console.error(`unknown command "${cmd}"\n${USAGE}`);
      return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
