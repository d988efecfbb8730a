// The data build, callable from scripts/build-data.ts, the CLI and the tests.
// Reads corpus/, validates, and produces the generated/ files in memory (deterministic JSON).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { alignVersions, parseDocument } from '../lib/core/corpus.ts';
import {
  checkCorpusOccurrences,
  checkVariantCollisions,
  conceptAliases,
  formatDiagnostic,
  ruleFlags,
  sortDiagnostics,
  type Diagnostic,
  type Exclusion,
  type VariantSource,
} from '../lib/core/glossary.ts';
import { normalizeForMatch } from '../lib/core/normalize.ts';
import {
  compileMatcher,
  createMatcher,
  findTermMatches,
  type CompiledMatcher,
  type Matcher,
  type MatcherEntry,
} from '../lib/core/term-matcher.ts';
import type { Concept, CorpusData, CorpusDocument, Lang, Occurrence, Passage } from '../lib/core/types.ts';
import {
  defaultPaths,
  loadExclusions,
  loadGlossary,
  loadManifest,
  ROOT,
  type Paths,
} from './load-glossary.ts';

export const MAX_FILE_BYTES = 4 * 1024 * 1024;

// ---------------------------------------------------------------------------------------
// Deterministic JSON: object keys sorted, arrays kept in order, no timestamps.

export function canonicalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonicalize);
  if (v && typeof v === 'object') {
    if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = canonicalize(x);
    }
    return out;
  }
  return v;
}

export function stableJson(v: unknown, indent?: number): string {
  return JSON.stringify(canonicalize(v), null, indent) + '\n';
}

// ---------------------------------------------------------------------------------------
// Variants

export interface VariantConverters {
  toTraditional: (s: string) => string;
  toSimplified: (s: string) => string;
}

export function openccConverters(): VariantConverters {
  const t = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const s = OpenCC.Converter({ from: 'tw', to: 'cn' });
  return { toTraditional: (x) => t(x), toSimplified: (x) => s(x) };
}

type GenerateVariants = (alias: string, lang: Lang, conv: VariantConverters) => string[];

/** lib/core/variants.ts when present; else a minimal fallback (the alias and its zh counterpart). */
export async function loadGenerateVariants(root = ROOT): Promise<{ fn: GenerateVariants; real: boolean }> {
  const path = join(root, 'lib/core/variants.ts');
  if (existsSync(path)) {
    const mod = (await import(path)) as { generateVariants?: GenerateVariants };
    if (typeof mod.generateVariants === 'function') return { fn: mod.generateVariants, real: true };
  }
  const fallback: GenerateVariants = (alias, lang, conv) => {
    const out = [alias];
    if (lang === 'zh-Hans') out.push(conv.toTraditional(alias));
    if (lang === 'zh-Hant') out.push(conv.toSimplified(alias));
    return out;
  };
  return { fn: fallback, real: false };
}

export function buildMatcherEntries(
  concepts: readonly Concept[],
  generate: GenerateVariants,
  conv: VariantConverters,
): { entries: MatcherEntry[]; variants: Record<string, string[]>; sources: VariantSource[] } {
  const entries: MatcherEntry[] = [];
  const variants: Record<string, string[]> = {};
  const sources: VariantSource[] = [];
  concepts.forEach((c, i) => {
    const forms = new Set<string>();
    for (const a of conceptAliases(c)) {
      const flags = ruleFlags(a.rule);
      const texts = new Set<string>([a.text, ...generate(a.text, a.lang, conv)]);
      const own = new Set<string>();
      for (const t of texts) {
        if (!t || !t.trim()) continue;
        entries.push({ text: t, concept: i, flags });
        const n = normalizeForMatch(t).text.trim();
        if (n) own.add(n);
      }
      for (const n of own) forms.add(n);
      sources.push({ conceptId: c.id, alias: a.text, forms: [...own] });
    }
    variants[c.id] = [...forms].sort();
  });
  return { entries, variants, sources };
}

export function computeOccurrences(
  matcher: Matcher,
  passages: readonly Passage[],
  concepts: readonly Concept[],
): Record<string, Occurrence[]> {
  const occ: Record<string, Occurrence[]> = {};
  for (const c of concepts) occ[c.id] = [];
  for (const p of passages)
    for (const m of findTermMatches(matcher, p.text, { context: 'corpus' }))
      (occ[m.conceptId] ??= []).push({ passageId: p.id, docId: p.docId, start: m.start, end: m.end });
  return occ;
}

// ---------------------------------------------------------------------------------------
// The build

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  notes: string[];
  data: CorpusData;
  matcher: CompiledMatcher;
  exclusions: Exclusion[];
  /** File name (in generated/) -> content. Empty when the build failed. */
  files: Record<string, string>;
  parsed: Array<{ id: string; seedFile: string; passageLines: number[] }>;
}

export interface BuildOptions {
  paths?: Paths;
  /** Write outputs even when the glossary has errors. */
  allowErrors?: boolean;
}

export async function buildData(options: BuildOptions = {}): Promise<BuildResult> {
  const paths = options.paths ?? defaultPaths();
  const notes: string[] = [];
  const diagnostics: Diagnostic[] = [];

  // documents
  const manifest = loadManifest(paths);
  diagnostics.push(...manifest.diagnostics);
  const documents: CorpusDocument[] = [];
  const passages: Passage[] = [];
  const parsed: BuildResult['parsed'] = [];
  for (const entry of manifest.entries) {
    const seedPath = join(paths.documentsDir, entry.seedFile);
    if (!existsSync(seedPath)) continue;
    const r = parseDocument(readFileSync(seedPath, 'utf8'), entry);
    documents.push(r.document);
    passages.push(...r.passages);
    parsed.push({ id: entry.id, seedFile: entry.seedFile, passageLines: r.passageLines });
  }
  alignVersions(documents, passages);

  // glossary
  const glossary = loadGlossary(paths);
  diagnostics.push(...glossary.diagnostics);
  const exclusions = loadExclusions(paths);
  diagnostics.push(...exclusions.diagnostics);
  const concepts = [...glossary.concepts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // variants + matcher
  const conv = openccConverters();
  const gen = await loadGenerateVariants();
  if (!gen.real) notes.push('lib/core/variants.ts not found: using the minimal variant fallback');
  const { entries, variants, sources } = buildMatcherEntries(concepts, gen.fn, conv);
  diagnostics.push(
    ...checkVariantCollisions(concepts, sources, glossary.origins, (s) => normalizeForMatch(s).text.trim()),
  );
  const compiled = compileMatcher(entries, {
    ids: concepts.map((c) => c.id),
    categories: concepts.map((c) => c.category),
  });
  const matcher = createMatcher(compiled);
  const occurrences = computeOccurrences(matcher, passages, concepts);
  diagnostics.push(
    ...checkCorpusOccurrences(concepts, glossary.origins, (id) => occurrences[id]?.length ?? 0),
  );

  const data: CorpusData = { version: 1, documents, passages, concepts, variants, occurrences };
  const sorted = sortDiagnostics(diagnostics);
  const errors = sorted.filter((d) => d.severity === 'error');
  const ok = errors.length === 0;

  const files: Record<string, string> = {};
  if (ok || options.allowErrors) {
    files['corpus.json'] = stableJson(data);
    files['matcher.json'] = stableJson(compiled);
    const searchPath = join(ROOT, 'lib/core/search/index-data.ts');
    if (existsSync(searchPath)) {
      const mod = (await import(searchPath)) as { buildSearchIndex?: (d: CorpusData) => unknown };
      if (typeof mod.buildSearchIndex === 'function')
        files['search-index.json'] = stableJson(mod.buildSearchIndex(data));
      else notes.push('lib/core/search.ts does not export buildSearchIndex: search-index.json not written');
    } else notes.push('lib/core/search.ts not found: search-index.json not written');
    files['manifest-report.json'] = stableJson(
      {
        documents: documents.map((d) => ({
          id: d.id,
          seedFile: d.seedFile,
          passages: d.passageIds.length,
          removed: d.removed,
        })),
        note: 'What cleaning (lib/core/corpus.ts) removed from each seed file; line is 1-based in the seed file.',
      },
      2,
    );
  }
  for (const [name, content] of Object.entries(files)) {
    const size = Buffer.byteLength(content);
    if (size > MAX_FILE_BYTES)
      sorted.push({
        file: `generated/${name}`,
        line: 1,
        col: 1,
        severity: 'error',
        message: `generated file is ${size} bytes, over the 4 MB limit (${MAX_FILE_BYTES} bytes)`,
      });
  }
  return {
    ok: sorted.every((d) => d.severity !== 'error'),
    diagnostics: sorted,
    notes,
    data,
    matcher: compiled,
    exclusions: exclusions.exclusions,
    files,
    parsed,
  };
}

export function printDiagnostics(
  ds: readonly Diagnostic[],
  out: (s: string) => void = (s) => console.error(s),
): void {
  for (const d of ds) out(formatDiagnostic(d));
}
