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

/** One batch's answers: how many were stored, and why the first one that was not failed. */
interface BatchOutcome {
  stored: number;
  why: string;
}

/**
 * Why an import answer is not a stored document. `undefined` is what runtime.sendMessage gives when
 * no listener answered: the background drops a message whose type it does not know or whose
 * payload fails its schema — a build older than the bench (20:07 quiet run: a 09:43 build without
 * the library answered none of 1,000 imports).
 */
export function importProblem(answer: unknown): string | null {
  if (answer === undefined || answer === null)
    return 'no answer: the loaded build does not know importDocument or rejects its payload (a build older than the sources?)';
  const a = answer as { ok?: unknown; error?: unknown };
  if (a.ok === true) return null;
  return typeof a.error === 'string' ? a.error : JSON.stringify(answer).slice(0, 300);
}

/**
 * Imports the documents from an extension page, a batch at a time. Throws at the first batch with
 * a document that was not stored, and when the library afterwards does not list every document:
 * timing the popup over a partial or empty library measures nothing.
 */
export async function importLibrary(
  page: Page,
  shipped: CorpusData,
  passages: number,
): Promise<LibraryImport> {
  const docs = libraryDocuments(shipped, passages);
  const t0 = performance.now();
  const BATCH = 20;
  for (let i = 0; i < docs.length; i += BATCH) {
    const answers = await page.evaluate(
      async (batch) => {
        const rt = (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime;
        const out: unknown[] = [];
        for (const d of batch)
          out.push(
            await rt
              .sendMessage({ type: 'importDocument', payload: d })
              .catch((e: unknown) => ({ ok: false, error: `rejected: ${String(e)}` })),
          );
        return out;
      },
      docs.slice(i, i + BATCH),
    );
    const o = answers.reduce<BatchOutcome>(
      (acc, a) => {
        const why = importProblem(a);
        return why === null ? { ...acc, stored: acc.stored + 1 } : { ...acc, why: acc.why || why };
      },
      { stored: 0, why: '' },
    );
    if (o.why)
      throw new Error(
        `importDocument failed for ${answers.length - o.stored} of documents ${i + 1}–${i + answers.length}: ${o.why}`,
      );
    if (i % 200 === 0) console.error(`  imported ${Math.min(docs.length, i + BATCH)}/${docs.length}`);
  }
  const listed = await page.evaluate(async () => {
    const rt = (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
    ).chrome.runtime;
    const r = (await rt.sendMessage({ type: 'listLibrary', payload: {} })) as
      { documents?: unknown[] } | undefined;
    return r?.documents?.length ?? -1;
  });
  if (listed !== docs.length)
    throw new Error(`the library lists ${listed} documents after importing ${docs.length}`);
  return {
    documents: docs.length,
    passages,
    chars: docs.reduce((n, d) => n + d.text.length, 0),
    importSeconds: Math.round((performance.now() - t0) / 1000),
  };
}
