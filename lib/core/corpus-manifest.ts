// Corpus build, manifest: validates corpus/manifest.yaml against the seed files present, with
// file:line:col diagnostics.

import { sortDiagnostics, type Diagnostic, type ParsedFile, type YamlPath } from './glossary.ts';
import type { DocumentMeta } from './types.ts';
import { LANGS } from './types.ts';

/** Manifest entry: everything in DocumentMeta except what cleaning computes. */
export type ManifestEntry = Omit<DocumentMeta, 'removed'>;

const MANIFEST_KEYS: Record<string, 'string' | 'boolean' | 'lang' | 'list' | 'date' | 'url'> = {
  id: 'string',
  title: 'string',
  titleSupplied: 'boolean',
  titleEn: 'string',
  date: 'date',
  published: 'string',
  place: 'string',
  placeLocal: 'string',
  body: 'string',
  lang: 'lang',
  originalLang: 'lang',
  translation: 'boolean',
  machineTranslation: 'boolean',
  source: 'string',
  seedFile: 'string',
  versions: 'list',
  url: 'url',
  originalUrl: 'url',
};
const OPTIONAL_MANIFEST_KEYS = new Set([
  'published',
  'placeLocal',
  'source',
  'url',
  'originalUrl',
  'machineTranslation',
]);

function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

/** Validate corpus/manifest.yaml ({documents: [...]}) against the seed files present. */
export function validateManifest(
  file: ParsedFile,
  seedFiles: readonly string[],
): { entries: ManifestEntry[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const entries: ManifestEntry[] = [];
  const err = (path: YamlPath, message: string, key = false) => {
    const p = file.locate(path, key);
    diagnostics.push({ file: file.file, line: p.line, col: p.col, severity: 'error', message });
  };
  const data = file.data as { documents?: unknown } | null;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    err([], 'expected a mapping with a documents list');
    return { entries, diagnostics };
  }
  for (const k of Object.keys(data)) if (k !== 'documents') err([k], `unknown key "${k}" in manifest`, true);
  const docs = data.documents;
  if (!Array.isArray(docs)) {
    err(['documents'], 'documents must be a list');
    return { entries, diagnostics };
  }
  const ids = new Map<string, number>();
  const usedSeeds = new Set<string>();
  docs.forEach((d: unknown, i: number) => {
    if (typeof d !== 'object' || d === null || Array.isArray(d)) {
      err(['documents', i], 'expected a document entry (a mapping)');
      return;
    }
    const rec = d as Record<string, unknown>;
    const name = typeof rec.id === 'string' ? `document "${rec.id}"` : `document #${i + 1}`;
    let ok = true;
    for (const k of Object.keys(rec)) {
      if (!(k in MANIFEST_KEYS)) {
        err(['documents', i, k], `unknown key "${k}" in ${name}`, true);
        ok = false;
      }
    }
    for (const [k, type] of Object.entries(MANIFEST_KEYS)) {
      const v = rec[k];
      if (v === undefined || v === null) {
        if (!OPTIONAL_MANIFEST_KEYS.has(k)) {
          err(['documents', i], `${name} has no ${k}`);
          ok = false;
        }
        continue;
      }
      const at: YamlPath = ['documents', i, k];
      if (type === 'string' && (typeof v !== 'string' || v.trim() === '')) {
        err(at, `${k} of ${name} must be a non-empty string`);
        ok = false;
      } else if (type === 'boolean' && typeof v !== 'boolean') {
        err(at, `${k} of ${name} must be true or false`);
        ok = false;
      } else if (type === 'lang' && (typeof v !== 'string' || !(LANGS as readonly string[]).includes(v))) {
        err(at, `${k} of ${name} must be one of ${LANGS.join(', ')}`);
        ok = false;
      } else if (type === 'date' && (typeof v !== 'string' || !isValidIsoDate(v))) {
        err(at, `${k} of ${name} must be an ISO date yyyy-mm-dd (quote it)`);
        ok = false;
      } else if (type === 'url' && (typeof v !== 'string' || !/^https?:\/\/[^\s/]+\/\S*$/.test(v))) {
        err(at, `${k} of ${name} must be the original's http(s) URL`);
        ok = false;
      } else if (type === 'list' && (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))) {
        err(at, `${k} of ${name} must be a list of document ids (quoted strings)`);
        ok = false;
      }
    }
    if (typeof rec.id === 'string') {
      if (!/^\d{3}$/.test(rec.id)) err(['documents', i, 'id'], `id "${rec.id}" must be three digits ("000")`);
      if (ids.has(rec.id)) err(['documents', i, 'id'], `duplicate document id "${rec.id}"`);
      ids.set(rec.id, i);
    }
    if (typeof rec.seedFile === 'string') {
      if (!seedFiles.includes(rec.seedFile))
        err(['documents', i, 'seedFile'], `seed file "${rec.seedFile}" does not exist in corpus/documents/`);
      else if (typeof rec.id === 'string' && !rec.seedFile.startsWith(`${rec.id}_`))
        err(
          ['documents', i, 'seedFile'],
          `seed file "${rec.seedFile}" does not start with the id "${rec.id}_"`,
        );
      if (usedSeeds.has(rec.seedFile))
        err(['documents', i, 'seedFile'], `seed file "${rec.seedFile}" listed twice`);
      usedSeeds.add(rec.seedFile);
    }
    if (rec.machineTranslation === true && rec.translation !== true) {
      err(['documents', i, 'machineTranslation'], `${name} is a machine translation but not a translation`);
      ok = false;
    }
    if (rec.titleSupplied === false && typeof rec.title === 'string' && rec.title.trim() === '')
      err(['documents', i, 'title'], `${name} has an empty title`);
    if (ok) entries.push(rec as unknown as ManifestEntry);
  });
  // versions must exist and be symmetric
  docs.forEach((d: unknown, i: number) => {
    const rec = d as Record<string, unknown> | null;
    if (!rec || !Array.isArray(rec.versions) || typeof rec.id !== 'string') return;
    rec.versions.forEach((v: unknown, k: number) => {
      if (typeof v !== 'string') return;
      const j = ids.get(v);
      if (j === undefined)
        err(['documents', i, 'versions', k], `version "${v}" of document "${rec.id}" is not a document id`);
      else if (v === rec.id)
        err(['documents', i, 'versions', k], `document "${rec.id}" lists itself as a version`);
      else {
        const other = docs[j] as Record<string, unknown>;
        if (!Array.isArray(other.versions) || !other.versions.includes(rec.id))
          err(
            ['documents', i, 'versions', k],
            `document "${v}" does not list "${rec.id}" among its versions`,
          );
      }
    });
  });
  for (const seed of seedFiles)
    if (!usedSeeds.has(seed))
      err(['documents'], `seed file "${seed}" in corpus/documents/ has no manifest entry`);
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entries, diagnostics: sortDiagnostics(diagnostics) };
}
