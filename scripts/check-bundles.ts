// `npm run check:bundles`: fails if our code in the built extension contains eval, new Function,
// innerHTML/outerHTML/insertAdjacentHTML or document.write. Two layers:
// 1. the per-module audit written at build time (scripts/lib/sink-audit-plugin.ts): any hit in
//    a module outside node_modules, or in a vendor package/sink not in VENDOR_ALLOWLIST, fails;
// 2. a re-scan of the final minified files: each file may contain no more sink occurrences than
//    its audited vendor modules account for (so nothing slipped in after the audit).
// Also enforces the size budgets: no shipped file over 4 MB, and the content script (which runs in
// every frame of every tab; the matcher's data is matcher.bin, the card's code card.js) under
// CONTENT_BUDGET bytes minified; and that every npm package with code in the build is a runtime
// dependency (scripts/lib/bundled-packages.ts) and is named in NOTICE (its licence and authors
// travel with the packages as NOTICE.txt).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  devOnlyShipped,
  shippedPackages,
  type AuditedModule,
  type LockFile,
} from './lib/bundled-packages.ts';
import { scanCode, VENDOR_ALLOWLIST, type SinkHit } from './lib/sink-audit-plugin.ts';
import { BUILD_OUT, PROJECT_ROOT, BUILD_TARGETS } from './lib/targets.ts';

const ROOT = PROJECT_ROOT;
const OUT = BUILD_OUT;
const TARGETS = BUILD_TARGETS;
const LOCK = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as LockFile;
const MAX_FILE = 4 * 1024 * 1024;
const CONTENT_JS = 'content-scripts/content.js';
// ~72 KB in the E2E build after issue #15 (it was 143 KB with the matcher and card inside, 80 KB
// with webextension-polyfill);
// every KB is compiled and evaluated on every page, so the budget keeps some room, not more.
const CONTENT_BUDGET = 100_000;
const NOTICE = readFileSync(join(ROOT, 'NOTICE'), 'utf8');
const problems: string[] = [];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

for (const target of TARGETS) {
  const dir = join(OUT, target);
  const browser = target.split('-')[0] ?? target;
  const auditDir = join(OUT, 'sink-audit', browser);
  if (!existsSync(dir) || !existsSync(auditDir)) {
    problems.push(`${target}: no build or no audit at ${relative(ROOT, dir)} (run npm run build)`);
    continue;
  }
  const audited = new Map<string, Map<string, number>>();
  const allModules: AuditedModule[] = [];
  for (const f of readdirSync(auditDir)) {
    const { file, hits, modules } = JSON.parse(readFileSync(join(auditDir, f), 'utf8')) as {
      file: string;
      hits: SinkHit[];
      modules: AuditedModule[];
    };
    allModules.push(...modules);
    // The content script runs in every tab: it must not carry the corpus or fuse.js.
    if (file.startsWith('content-scripts/')) {
      for (const { id } of modules) {
        if (/node_modules\/fuse\.js|generated\/(corpus|search-index)\.json/.test(id))
          problems.push(
            `${target}/${file}: the content script bundles ${id} (corpus and fuse.js belong to the background)`,
          );
      }
    }
    const counts = new Map<string, number>();
    for (const h of hits) {
      if (!h.vendor)
        problems.push(`${target}/${file}: our module ${h.module} contains ${h.sink} (${h.count}×)`);
      else if (!(VENDOR_ALLOWLIST[h.vendor] ?? []).includes(h.sink))
        problems.push(
          `${target}/${file}: vendor ${h.vendor} (${h.module}) contains ${h.sink}; not in VENDOR_ALLOWLIST`,
        );
      else counts.set(h.sink, (counts.get(h.sink) ?? 0) + h.count);
    }
    audited.set(file, counts);
  }
  const shipped = shippedPackages(allModules);
  for (const p of devOnlyShipped(shipped, LOCK))
    problems.push(
      `${target}: ${p} is bundled into the extension but package-lock.json has it as a dev-only package ` +
        '(move it, or the package that brings it, to "dependencies")',
    );
  for (const p of shipped.map((x) => x.replace(/^.*node_modules\//, '')))
    if (!NOTICE.includes(`${p} `))
      problems.push(
        `${target}: ${p} is bundled into the extension but NOTICE does not name it (add its licence)`,
      );
  console.log(
    `check:bundles ${target}: npm packages shipped: ${shipped.map((p) => p.replace(/^.*node_modules\//, '')).join(', ')}`,
  );
  let files = 0;
  for (const path of walk(dir)) {
    files++;
    const rel = relative(dir, path);
    const size = statSync(path).size;
    if (size > MAX_FILE) problems.push(`${target}/${rel}: ${size} bytes, over the 4 MB budget`);
    if (!path.endsWith('.js')) continue;
    const allowed = audited.get(rel) ?? new Map<string, number>();
    for (const [sink, n] of scanCode(readFileSync(path, 'utf8'))) {
      const ok = allowed.get(sink) ?? 0;
      if (n > ok)
        problems.push(
          `${target}/${rel}: ${sink} occurs ${n}× in the final file, audited vendor code accounts for ${ok}`,
        );
    }
  }
  const contentJs = join(dir, CONTENT_JS);
  if (!existsSync(contentJs)) problems.push(`${target}/${CONTENT_JS}: missing`);
  else {
    const size = statSync(contentJs).size;
    if (size >= CONTENT_BUDGET)
      problems.push(
        `${target}/${CONTENT_JS}: ${size} bytes, over the content-script budget of ${CONTENT_BUDGET} bytes ` +
          `(${size - CONTENT_BUDGET + 1} to cut; per-module sizes in ${relative(ROOT, auditDir)})`,
      );
    else console.log(`check:bundles ${target}: ${CONTENT_JS} ${size} bytes (budget < ${CONTENT_BUDGET})`);
  }
  console.log(`check:bundles ${target}: ${files} files scanned`);
}

if (problems.length) {
  console.error('✖ check:bundles found problems:\n' + problems.map((p) => '  ' + p).join('\n'));
  process.exit(1);
}
console.log(
  `✔ check:bundles: no eval / new Function / HTML-string sinks in our code; all files under 4 MB; content scripts under ${CONTENT_BUDGET} bytes`,
);
