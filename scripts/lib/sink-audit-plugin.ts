// Build-time audit of dangerous sinks, per source module of every emitted chunk. Our own code
// must contain none; vendored runtimes may, only if listed in VENDOR_ALLOWLIST (with a reason in
// PERMISSIONS.md). The results are written next to the build and checked by
// scripts/check-bundles.ts, which also re-scans the final minified files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export const SINK_PATTERNS: ReadonlyArray<[string, RegExp]> = [
  ['eval', /(?<![\w$.])eval\s*\(/g],
  ['new Function', /new\s+Function\s*\(/g],
  ['innerHTML', /\binnerHTML\b/g],
  ['outerHTML', /\bouterHTML\b/g],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/g],
  ['document.write', /\bdocument\.write(?:ln)?\s*\(/g],
];

/** Vendored packages allowed to contain a sink, and which. Explained in PERMISSIONS.md. */
export const VENDOR_ALLOWLIST: Record<string, string[]> = {
  // Preact's DOM diff implements dangerouslySetInnerHTML (we never pass it: lint forbids it).
  preact: ['innerHTML'],
  // Readability rewrites the tree it is given with innerHTML; we give it inert documents only (a
  // DOMParser document: no script runs, nothing loads): the copy of a saved page
  // (lib/extract/article.ts) and an imported .html file (lib/import/html.ts).
  '@mozilla/readability': ['innerHTML'],
  // mammoth's browser build bundles underscore, whose _.template compiles with new Function;
  // mammoth never calls it, and the extension pages' CSP (no unsafe-eval) would refuse it.
  mammoth: ['new Function'],
};

export interface SinkHit {
  module: string;
  vendor: string | null;
  sink: string;
  count: number;
}

function vendorOf(id: string): string | null {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id.replaceAll('\\', '/'));
  return m ? (m[1] ?? null) : null;
}

export function scanCode(code: string): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const [name, re] of SINK_PATTERNS) {
    const n = code.match(re)?.length ?? 0;
    if (n > 0) out.push([name, n]);
  }
  return out;
}

export function sinkAudit(opts: { outDir: string; browser: string }): Plugin {
  return {
    name: 'policy-lens-sink-audit',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const hits: SinkHit[] = [];
        for (const [id, mod] of Object.entries(chunk.modules)) {
          if (!mod.code) continue;
          for (const [sink, count] of scanCode(mod.code)) {
            hits.push({ module: id.replace(process.cwd(), '.'), vendor: vendorOf(id), sink, count });
          }
        }
        const dir = join(opts.outDir, 'sink-audit', opts.browser);
        mkdirSync(dir, { recursive: true });
        writeFileSync(
          join(dir, chunk.fileName.replaceAll('/', '__') + '.json'),
          JSON.stringify(
            {
              file: chunk.fileName,
              hits,
              // Rendered (pre-minification) size per module: where a chunk's bytes come from.
              modules: Object.entries(chunk.modules).map(([id, mod]) => ({
                id: id.replace(process.cwd(), '.'),
                renderedLength: mod.renderedLength,
              })),
            },
            null,
            2,
          ),
        );
      }
    },
  };
}
