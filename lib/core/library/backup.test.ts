// Library backups (issue #12, items 5 and 6): a backup reads back exactly; a bad one is refused
// whole, with the place of the fault (line and column, or the entry's path).
import { describe, expect, it } from 'vitest';
import { backupFileName, backupToJson, parseBackup, type BackupParse } from './backup.ts';
import type { LibraryBackup } from './schema.ts';

const BACKUP: LibraryBackup = {
  format: 'policy-lens-library',
  version: 1,
  exportedAt: '2026-12-06T10:00:00.000Z',
  documents: [
    {
      id: 'user-abc1',
      addedAt: '2026-12-01T09:00:00.000Z',
      text: '政府工作报告\n\n第一段。\n\n第二段，“引号”。',
      meta: {
        title: '2025年政府工作报告',
        lang: 'zh-Hans',
        date: '2025-03-05',
        url: 'https://www.gov.cn/yaowen/liebiao/202503/content_7013163.htm',
        publisher: 'State Council',
        accessed: '2026-12-01',
        translation: false,
        tags: ['work report', '2025'],
        format: 'page',
        site: 'gov.cn',
      },
    },
    {
      id: 'user-def2',
      addedAt: '2026-12-02T09:00:00.000Z',
      text: 'Nghị quyết số 18-NQ/TW.',
      meta: {
        title: 'Resolution 18 (translation)',
        lang: 'en',
        date: '',
        translation: true,
        originalLang: 'vi',
        tags: [],
        format: 'pdf',
        fileName: 'nq18.pdf',
        pageStarts: [0, 12],
      },
    },
  ],
  termLists: [
    {
      id: 'Lxyz9',
      name: 'Mine',
      colour: 3,
      format: 'csv',
      fileName: 'terms.csv',
      createdAt: '2026-12-03T09:00:00.000Z',
      terms: [
        { term: '六稳', aliases: ['Six Stabilities'], definition: 'Six areas.', category: 'formulation' },
      ],
    },
  ],
  settings: { highlight: { enabled: true, categories: ['plan'] }, uiLang: 'ja' },
};

function error(r: BackupParse): string {
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

/** The backup as JSON with one value replaced (path of keys and indices). */
function withValue(path: Array<string | number>, value: unknown): string {
  const copy = structuredClone(BACKUP) as unknown as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return JSON.stringify(copy);
}

describe('backup round trip', () => {
  it('reads back exactly what was written', () => {
    const r = parseBackup('library.json', backupToJson(BACKUP));
    expect(r).toEqual({ ok: true, backup: BACKUP });
  });

  it('writes the same text for the same library, whatever the key order', () => {
    const reversed = (x: unknown): unknown =>
      Array.isArray(x)
        ? x.map(reversed)
        : x && typeof x === 'object'
          ? Object.fromEntries(
              Object.entries(x)
                .reverse()
                .map(([k, y]) => [k, reversed(y)]),
            )
          : x;
    const a = backupToJson(BACKUP);
    expect(backupToJson(reversed(BACKUP) as LibraryBackup)).toBe(a);
    const keys = (s: string) =>
      (JSON.parse(s) as { documents: object[] }).documents.map((d) => Object.keys(d));
    expect(keys(a)).toEqual([
      ['addedAt', 'id', 'meta', 'text'],
      ['addedAt', 'id', 'meta', 'text'],
    ]);
  });

  it('names the export file by its date', () => {
    expect(backupFileName('2026-12-06T10:00:00.000Z')).toBe('policy-lens-library-2026-12-06.json');
  });
});

describe('a bad backup is refused whole, saying where', () => {
  it('gives the line and column of a JSON syntax error', () => {
    const text = '{\n  "format": "policy-lens-library",\n  "version": 1\n  "documents": []\n}';
    expect(error(parseBackup('library.json', text))).toMatch(/^library\.json: line 4, column 3: not JSON \(/);
  });

  it('gives the end of a truncated file', () => {
    const text = '{"format": "policy-lens-library",\n"documents": [';
    expect(error(parseBackup('library.json', text))).toMatch(/^library\.json: line 2, column 15: not JSON/);
  });

  it('gives the first character of a file that is no JSON at all', () => {
    expect(error(parseBackup('terms.csv', '\uFEFF\n  term,definition\n'))).toMatch(
      /^terms\.csv: line 2, column 3: not JSON/,
    );
  });

  it('refuses JSON that is not a backup', () => {
    expect(error(parseBackup('x.json', '[1, 2]'))).toBe(
      'x.json: not a Policy Lens library backup (it has no "format": "policy-lens-library")',
    );
    expect(error(parseBackup('x.json', '{"format": "yomitan"}'))).toContain(
      'not a Policy Lens library backup',
    );
  });

  it('refuses a newer or unknown version clearly', () => {
    expect(error(parseBackup('library.json', withValue(['version'], 2)))).toBe(
      'library.json: backup version 2 was written by a newer Policy Lens; update the extension to restore it',
    );
    expect(error(parseBackup('library.json', withValue(['version'], '1')))).toBe(
      'library.json: unknown backup version "1" (this extension reads version 1)',
    );
  });

  it('names the entry whose field is wrong', () => {
    expect(
      error(parseBackup('library.json', withValue(['documents', 1, 'meta', 'date'], '2025/03/05'))),
    ).toBe('library.json: documents[1].meta.date: must be yyyy-mm-dd or empty');
    expect(
      error(parseBackup('library.json', withValue(['termLists', 0, 'terms', 0, 'category'], 'slogan'))),
    ).toMatch(/^library\.json: termLists\[0\]\.terms\[0\]\.category: /);
    expect(error(parseBackup('library.json', withValue(['documents', 0, 'id'], 'doc-1')))).toMatch(
      /^library\.json: documents\[0\]\.id: /,
    );
  });

  it('says when a required field is missing', () => {
    expect(error(parseBackup('library.json', withValue(['documents', 0, 'text'], undefined)))).toBe(
      'library.json: documents[0].text: missing',
    );
  });

  it('lists a few problems and counts the rest', () => {
    const copy = structuredClone(BACKUP);
    for (const d of copy.documents) (d.meta as { date: string }).date = 'soon';
    copy.documents.push(...structuredClone(copy.documents).map((d, i) => ({ ...d, id: `user-zz${i}00` })));
    const e = error(parseBackup('library.json', JSON.stringify(copy)));
    expect(e).toBe(
      'library.json: documents[0].meta.date: must be yyyy-mm-dd or empty; documents[1].meta.date: must be yyyy-mm-dd or empty; documents[2].meta.date: must be yyyy-mm-dd or empty (and 1 more problems)',
    );
  });

  it('refuses two entries with the same id', () => {
    const copy = structuredClone(BACKUP);
    copy.documents[1]!.id = copy.documents[0]!.id;
    expect(error(parseBackup('library.json', JSON.stringify(copy)))).toBe(
      'library.json: documents[1].id: "user-abc1" is also the id of documents[0]',
    );
  });
});
