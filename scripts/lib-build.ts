// The data build, callable from scripts/build-data.ts, the CLI and the tests.
// Node side only: reads corpus/, brings opencc-js, runs the pure pipeline (lib/core/pipeline/),
// checks the 4 MB limit and returns the generated/ files in memory (deterministic JSON).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { formatDiagnostic, sortDiagnostics, type Diagnostic, type Exclusion } from '../lib/core/glossary.ts';
import { buildCorpus } from '../lib/core/pipeline/build-corpus.ts';
import type { DocumentInput } from '../lib/core/pipeline/ingest.ts';
import type { VariantConverters } from '../lib/core/pipeline/matcher-entries.ts';
import { stableJson } from '../lib/core/pipeline/stable-json.ts';
import type { CompiledMatcher } from '../lib/core/term-matcher.ts';
import type { CorpusData } from '../lib/core/types.ts';
import { defaultPaths, loadExclusions, loadGlossary, loadManifest, type Paths } from './load-glossary.ts';

// Re-exported: the tests and older callers import them from here.
export { canonicalize, stableJson } from '../lib/core/pipeline/stable-json.ts';

export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** opencc-js, build time only (the extension bundles never carry its tables). */
export function openccConverters(): VariantConverters {
  const t = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const s = OpenCC.Converter({ from: 'tw', to: 'cn' });
  return { toTraditional: (x) => t(x), toSimplified: (x) => s(x) };
}

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

/** Seed files named by the manifest; a missing one is reported by loadManifest, skipped here. */
function readDocuments(paths: Paths, entries: ReturnType<typeof loadManifest>['entries']): DocumentInput[] {
  const out: DocumentInput[] = [];
  for (const entry of entries) {
    const seedPath = join(paths.documentsDir, entry.seedFile);
    if (existsSync(seedPath)) out.push({ entry, text: readFileSync(seedPath, 'utf8') });
  }
  return out;
}

function oversizeDiagnostics(files: Record<string, string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [name, content] of Object.entries(files)) {
    const size = Buffer.byteLength(content);
    if (size > MAX_FILE_BYTES)
      out.push({
        file: `generated/${name}`,
        line: 1,
        col: 1,
        severity: 'error',
        message: `generated file is ${size} bytes, over the 4 MB limit (${MAX_FILE_BYTES} bytes)`,
      });
  }
  return out;
}

export async function buildData(options: BuildOptions = {}): Promise<BuildResult> {
  const paths = options.paths ?? defaultPaths();
  const notes: string[] = [];
  const diagnostics: Diagnostic[] = [];

  const manifest = loadManifest(paths);
  diagnostics.push(...manifest.diagnostics);
  const glossary = loadGlossary(paths);
  diagnostics.push(...glossary.diagnostics);
  const exclusions = loadExclusions(paths);
  diagnostics.push(...exclusions.diagnostics);

  const built = buildCorpus({
    documents: readDocuments(paths, manifest.entries),
    concepts: glossary.concepts,
    origins: glossary.origins,
    convert: openccConverters(),
    mayOccurNowhere: (id) => glossary.national.has(id),
  });
  diagnostics.push(...built.diagnostics);
  const { data } = built;
  const sorted = sortDiagnostics(diagnostics);
  const ok = sorted.every((d) => d.severity !== 'error');

  const files: Record<string, string> = {};
  if (ok || options.allowErrors) {
    files['corpus.json'] = stableJson(data);
    files['matcher.json'] = stableJson(built.compiled);
    files['search-index.json'] = stableJson(built.searchIndex());
    files['manifest-report.json'] = stableJson(
      {
        documents: data.documents.map((d) => ({
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
  sorted.push(...oversizeDiagnostics(files));
  return {
    ok: sorted.every((d) => d.severity !== 'error'),
    diagnostics: sorted,
    notes,
    data,
    matcher: built.compiled,
    exclusions: exclusions.exclusions,
    files,
    parsed: built.parsed,
  };
}

export function printDiagnostics(
  ds: readonly Diagnostic[],
  out: (s: string) => void = (s) => console.error(s),
): void {
  for (const d of ds) out(formatDiagnostic(d));
}
