// Highlight bench, the pages: where each named page is served from, and the generated
// `policy-dense` page (the shipped corpus as one article).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REAL_PAGES } from '../../e2e/harness.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { ROOT } from '../lib/cli.ts';
import type { Peer } from './peers.ts';

export interface Corpus {
  variants: Record<string, string[]>;
  documents: Array<{ id: string; title: string; lang: string }>;
  passages: Array<{ docId: string; text: string }>;
}

export function readCorpus(): Corpus {
  return JSON.parse(readFileSync(join(ROOT, 'generated', 'corpus.json'), 'utf8')) as Corpus;
}

/** The shipped corpus as one article: each document a section, each passage a paragraph. */
function policyDensePage(corpus: Corpus): string {
  const esc = (t: string) => t.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const sections = corpus.documents.map((d) => {
    const paras = corpus.passages.filter((p) => p.docId === d.id).map((p) => `<p>${esc(p.text)}</p>`);
    return `<section lang="${esc(d.lang)}"><h2>${esc(d.title)}</h2>\n${paras.join('\n')}</section>`;
  });
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench: the corpus as one page</title>` +
    `<style>body{font:16px/1.5 sans-serif;max-width:46em;margin:2em auto}</style></head>` +
    `<body><main><article>\n${sections.join('\n')}\n</article></main></body></html>`
  );
}

/**
 * Serves the real pages at /real/, bench/fixtures at /bench/, and the peers' scripts and the
 * policy-dense page from a temp dir at /peer/ (the caller removes `peerDir`).
 */
export async function servePages(
  corpus: Corpus,
  peers: Peer[],
): Promise<{ server: StaticServer; peerDir: string; pageUrl: (name: string) => string }> {
  const peerDir = mkdtempSync(join(tmpdir(), 'policy-lens-bench-peers-'));
  for (const p of peers) writeFileSync(join(peerDir, p.file), p.source);
  writeFileSync(join(peerDir, 'policy-dense.html'), policyDensePage(corpus));
  const server = await startStaticServer({
    '/real/': REAL_PAGES,
    '/bench/': join(ROOT, 'bench', 'fixtures'),
    '/peer/': peerDir,
  });
  const pageUrl = (name: string) =>
    name === 'infinite-scroll'
      ? `${server.url}/bench/infinite-scroll.html`
      : name === 'policy-dense'
        ? `${server.url}/peer/policy-dense.html`
        : `${server.url}/real/${name}.html`;
  return { server, peerDir, pageUrl };
}
