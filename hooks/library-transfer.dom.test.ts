import { describe, expect, it, vi } from 'vitest';
import { parseBackup } from '../lib/core/library/backup.ts';
import type { LibraryBackup, UserDocumentRecord } from '../lib/core/library/schema.ts';
import { exportBackup, readBackupFile, restoreBackup, type JobHooks, type Send } from './library-transfer.ts';

vi.mock('wxt/browser', () => ({ browser: {} }));

const record = (id: string, title: string): UserDocumentRecord => ({
  id,
  meta: { title, lang: 'en', date: '2024-07-18', translation: false, tags: ['plenum'], format: 'txt' },
  text: `${title} text.`,
  addedAt: '2026-01-02T03:04:05.000Z',
});
const backup = (documents: UserDocumentRecord[]): LibraryBackup => ({
  format: 'policy-lens-library',
  version: 1,
  exportedAt: '2026-02-03T00:00:00.000Z',
  documents,
  termLists: [
    {
      id: 'Labcd1',
      name: 'Mine',
      colour: 3,
      format: 'csv',
      createdAt: '2026-01-01T00:00:00.000Z',
      terms: [{ term: '六稳', aliases: ['six stabilities'] }],
    },
  ],
  settings: { 'v2.enabled': true },
});
function job(): JobHooks & { errors: string[]; fractions: number[] } {
  const errors: string[] = [];
  const fractions: number[] = [];
  return {
    signal: new AbortController().signal,
    progress: (p) => fractions.push(p.fraction),
    error: (m) => errors.push(m),
    done: () => undefined,
    errors,
    fractions,
  };
}

describe('backup export and restore', () => {
  it('exports the lists and every document, one by one, in a file that parses back equal', async () => {
    const docs = [record('user-aaaa1', 'One'), record('user-bbbb2', 'Two')];
    const asked: string[] = [];
    const send = (async (type: string, payload: { docId?: string }) => {
      asked.push(type);
      if (type === 'exportLibrary') return { backup: backup([]), documentIds: docs.map((d) => d.id) };
      if (type === 'getUserDocument') return docs.find((d) => d.id === payload.docId) ?? null;
      throw new Error(type);
    }) as Send;
    const j = job();
    const out = await exportBackup(send, j, (i, n) => `${i}/${n}`);
    expect(asked).toEqual(['exportLibrary', 'getUserDocument', 'getUserDocument']);
    expect(out?.fileName).toBe('policy-lens-library-2026-02-03.json');
    expect(parseBackup(out!.fileName, out!.json)).toEqual({ ok: true, backup: backup(docs) });
    expect(j.fractions.at(-1)).toBe(1);
  });

  it('restores lists and settings first, then each document; a refused one is named, the rest go on', async () => {
    const docs = [record('user-aaaa1', 'One'), record('user-bbbb2', 'Two'), record('user-cccc3', 'Three')];
    const calls: Array<[string, unknown]> = [];
    const send = (async (type: string, payload: { record?: UserDocumentRecord }) => {
      calls.push([type, payload]);
      if (type === 'restoreLibrary') return { ok: true, termLists: 1 };
      if (type === 'restoreDocument')
        return payload.record?.id === 'user-bbbb2'
          ? { ok: false, error: 'storage full' }
          : { ok: true, id: payload.record?.id, passageCount: 1, conceptCount: 0 };
      throw new Error(type);
    }) as Send;
    const j = job();
    expect(await restoreBackup(send, backup(docs), true, j, (i, n) => `${i}/${n}`)).toBe(2);
    expect(calls[0]).toEqual(['restoreLibrary', { backup: backup([]), replace: true }]);
    expect(calls.slice(1).map(([, p]) => (p as { record: UserDocumentRecord }).record.id)).toEqual([
      'user-aaaa1',
      'user-bbbb2',
      'user-cccc3',
    ]);
    expect(j.errors).toEqual(['documents[1] (Two): storage full']);
  });

  it('a refused backup changes nothing further; a broken file is named with its line', async () => {
    const send = vi.fn(async () => ({
      ok: false,
      error: 'backup.json: version 2 is not one this extension reads',
    }));
    const j = job();
    expect(
      await restoreBackup(send as unknown as Send, backup([record('user-aaaa1', 'One')]), false, j, () => ''),
    ).toBe(null);
    expect(send).toHaveBeenCalledTimes(1);
    const bytes = new TextEncoder().encode('{\n  "format": "policy-lens-library",\n  oops\n}');
    const r = await readBackupFile({
      name: 'backup.json',
      size: bytes.length,
      arrayBuffer: async () => bytes.buffer,
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^backup\.json.*line 3/);
  });
});
