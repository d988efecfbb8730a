// Popup bench, a user library (`--with-library`, issue #11 item 2): a generated library
// (bench/lib/generated-library.ts: `passages` passages of ~2,000 characters, 10 per document,
// reshuffled from the shipped corpus's own words) imported into the extension's IndexedDB through
// the importDocument message from an extension page, as the Library section sends it; the popup
// is then measured on the bundled corpus + that library (browserBench: keystroke → answer, and
// the first searchCorpus after a service-worker restart, which reads the stored segments).
import type { Page } from 'playwright-core';
import type { CorpusData } from '../../lib/core/types.ts';
import { generateLibrary } from '../lib/generated-library.ts';

export interface LibraryImport {
  documents: number;
  passages: number;
  chars: number;
  importSeconds: number;
  failed: number;
}

/** The generated library as the documents a user would import (text: paragraphs). */
export function libraryDocuments(shipped: CorpusData, passages: number) {
  const lib = generateLibrary(shipped, { passages, chars: 2000, perDoc: 10 });
  const textOf = new Map(lib.passages.map((p) => [p.id, p.text]));
  return lib.documents.map((d, i) => ({
    meta: {
      title: `Generated ${String(i).padStart(5, '0')}`,
      lang: 'zh-Hans' as const,
      date: '2026-01-01',
      translation: false,
      tags: [],
      format: 'txt' as const,
    },
    text: d.passageIds.map((id) => textOf.get(id)!).join('\n\n'),
  }));
}

/** Imports the documents from an extension page, a few at a time; returns what was stored. */
export async function importLibrary(
  page: Page,
  shipped: CorpusData,
  passages: number,
): Promise<LibraryImport> {
  const docs = libraryDocuments(shipped, passages);
  const t0 = performance.now();
  let failed = 0;
  let firstError = '';
  const BATCH = 20;
  for (let i = 0; i < docs.length; i += BATCH) {
    failed += await page
      .evaluate(
        async (batch) => {
          const rt = (
            globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
          ).chrome.runtime;
          let bad = 0;
          let why = '';
          for (const d of batch) {
            const r = (await rt.sendMessage({ type: 'importDocument', payload: d }).catch((e: unknown) => ({
              ok: false,
              error: `rejected: ${String(e)}`,
            }))) as { ok?: boolean; error?: string } | undefined;
            if (!r?.ok) {
              bad++;
              why ||= r ? (r.error ?? JSON.stringify(r)) : 'no answer';
            }
          }
          return { bad, why };
        },
        docs.slice(i, i + BATCH),
      )
      .then(({ bad, why }) => {
        // a failed import must be seen: a library bench over an empty library measures nothing
        if (bad > 0 && !firstError) console.error(`  !!! importDocument failed: ${(firstError = why)}`);
        return bad;
      });
    if (i % 200 === 0) console.error(`  imported ${Math.min(docs.length, i + BATCH)}/${docs.length}`);
  }
  return {
    documents: docs.length,
    passages,
    chars: docs.reduce((n, d) => n + d.text.length, 0),
    importSeconds: Math.round((performance.now() - t0) / 1000),
    failed,
  };
}
