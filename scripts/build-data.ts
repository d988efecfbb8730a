// npm run data [-- --out <dir>] [--allow-errors]
// Parses and cleans corpus/documents/, validates corpus/manifest.yaml and the glossary, compiles
// the term matcher and writes deterministic JSON to generated/ (files and opencc in
// scripts/lib-build.ts, the pipeline itself in lib/core/pipeline/). Fails (exit 1, file:line:col
// messages) on any validation error or any generated file over 4 MB. --allow-errors writes the
// files anyway (for development; still exits 1).
// --root <dir> reads corpus/ from another directory (tests build from a snapshot).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildData, printDiagnostics } from './lib-build.ts';
import { defaultPaths, ROOT } from './load-glossary.ts';

const args = process.argv.slice(2);
const outIdx = args.indexOf('--out');
const outDir = outIdx >= 0 && args[outIdx + 1] ? resolve(args[outIdx + 1]!) : join(ROOT, 'generated');
const allowErrors = args.includes('--allow-errors');
const rootIdx = args.indexOf('--root');
const dataRoot = rootIdx >= 0 && args[rootIdx + 1] ? resolve(args[rootIdx + 1]!) : ROOT;
const quiet = args.includes('--quiet');

const t0 = performance.now();
const result = await buildData({ allowErrors, paths: defaultPaths(dataRoot) });
printDiagnostics(result.diagnostics);
for (const n of result.notes) console.error(`note: ${n}`);
const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
const names = Object.keys(result.files).sort();
if (names.length > 0) {
  mkdirSync(outDir, { recursive: true });
  for (const name of names) writeFileSync(join(outDir, name), result.files[name]!);
}
const ms = Math.round(performance.now() - t0);
if (!quiet) {
  const d = result.data;
  console.log(
    `data: ${d.documents.length} documents, ${d.passages.length} passages, ${d.concepts.length} concepts, ` +
      `${Object.values(d.occurrences).reduce((n, o) => n + o.length, 0)} occurrences in ${ms} ms`,
  );
  for (const name of names)
    console.log(`  ${join(outDir, name)}  ${Buffer.byteLength(result.files[name]!)} bytes`);
}
if (errors > 0) {
  console.error(
    `data: ${errors} error(s)${names.length ? ' (files written because of --allow-errors)' : '; nothing written'}`,
  );
  process.exit(1);
}
