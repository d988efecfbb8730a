// Loads corpus/glossary/*.yaml, corpus/exclusions/*.yaml, corpus/ordinary-words.yaml and
// corpus/manifest.yaml with line numbers and validates them (logic in lib/core/glossary.ts and
// lib/core/corpus.ts). Every error carries file:line:col.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { normalizeForMatch } from '../lib/core/normalize.ts';
import { validateManifest, type ManifestEntry } from '../lib/core/corpus.ts';
import {
  readOrdinaryWords,
  sortDiagnostics,
  validateExclusions,
  validateGlossary,
  type Diagnostic,
  type Exclusion,
  type GlossaryResult,
} from '../lib/core/glossary.ts';
import { loadYaml, type LoadedYaml } from './lib-yaml.ts';

export const ROOT = join(import.meta.dirname, '..');

export interface Paths {
  root: string;
  glossaryDir: string;
  /** The national vocabulary (issue #10): concepts that need not occur in the documents. */
  nationalDir: string;
  exclusionsDir: string;
  ordinaryWords: string;
  manifest: string;
  documentsDir: string;
}

export function defaultPaths(root = ROOT): Paths {
  return {
    root,
    glossaryDir: join(root, 'corpus/glossary'),
    nationalDir: join(root, 'corpus/national'),
    exclusionsDir: join(root, 'corpus/exclusions'),
    ordinaryWords: join(root, 'corpus/ordinary-words.yaml'),
    manifest: join(root, 'corpus/manifest.yaml'),
    documentsDir: join(root, 'corpus/documents'),
  };
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

function load(root: string, abs: string): LoadedYaml {
  return loadYaml(abs, relative(root, abs).split('\\').join('/'));
}

export const normalizeAlias = (s: string): string => normalizeForMatch(s).text;

export interface LoadedGlossary extends GlossaryResult {
  ordinaryWords: string[];
  /** Ids of the concepts read from corpus/national/. */
  national: Set<string>;
}

/** Glossary + ordinary words. Diagnostics include YAML syntax errors. */
export function loadGlossary(paths: Paths = defaultPaths(), glossaryDir = paths.glossaryDir): LoadedGlossary {
  const nationalFiles = (paths.nationalDir ? yamlFiles(paths.nationalDir) : []).map((f) =>
    load(paths.root, f),
  );
  const files = [...yamlFiles(glossaryDir).map((f) => load(paths.root, f)), ...nationalFiles];
  const diagnostics: Diagnostic[] = files.flatMap((f) => f.diagnostics);
  let ordinaryWords: string[] = [];
  if (existsSync(paths.ordinaryWords)) {
    const ow = load(paths.root, paths.ordinaryWords);
    const r = readOrdinaryWords(ow);
    ordinaryWords = r.words;
    diagnostics.push(...ow.diagnostics, ...r.diagnostics);
  }
  // Every concept is a complete entry (issue #10): sources and ja/zh-Hans definitions, or the
  // build fails with the concept's file:line.
  const result = validateGlossary(files, {
    normalize: normalizeAlias,
    ordinaryWords,
    completeness: true,
  });
  const nationalNames = new Set(nationalFiles.map((f) => f.file));
  const national = new Set(
    Object.entries(result.origins)
      .filter(([, o]) => nationalNames.has(o.file))
      .map(([id]) => id),
  );
  // A concept's country, unless written: from its file (vietnam*.yaml: vn; China's files: cn).
  const concepts = result.concepts.map((c) => {
    const file = result.origins[c.id]?.file ?? '';
    return c.country
      ? c
      : { ...c, country: /(^|\/)vietnam[^/]*$/.test(file) ? ('vn' as const) : ('cn' as const) };
  });
  return {
    ...result,
    concepts,
    ordinaryWords,
    national,
    diagnostics: sortDiagnostics([...diagnostics, ...result.diagnostics]),
  };
}

export function loadExclusions(paths: Paths = defaultPaths()): {
  exclusions: Exclusion[];
  diagnostics: Diagnostic[];
} {
  const files = yamlFiles(paths.exclusionsDir).map((f) => load(paths.root, f));
  const r = validateExclusions(files);
  return {
    exclusions: r.exclusions,
    diagnostics: sortDiagnostics([...files.flatMap((f) => f.diagnostics), ...r.diagnostics]),
  };
}

export function loadManifest(paths: Paths = defaultPaths()): {
  entries: ManifestEntry[];
  diagnostics: Diagnostic[];
} {
  const seeds = existsSync(paths.documentsDir)
    ? readdirSync(paths.documentsDir)
        .filter((f) => f.endsWith('.txt'))
        .sort()
    : [];
  if (!existsSync(paths.manifest))
    return {
      entries: [],
      diagnostics: [
        { file: 'corpus/manifest.yaml', line: 1, col: 1, severity: 'error', message: 'manifest is missing' },
      ],
    };
  const f = load(paths.root, paths.manifest);
  const r = validateManifest(f, seeds);
  return { entries: r.entries, diagnostics: sortDiagnostics([...f.diagnostics, ...r.diagnostics]) };
}
