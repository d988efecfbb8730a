import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../scripts/lib-yaml.ts';
import { validateManifest } from './corpus-manifest.ts';
import { formatDiagnostic } from './glossary.ts';

const ROOT = join(import.meta.dirname, '../..');
const DOCS = join(ROOT, 'corpus/documents');

describe('manifest', () => {
  const seedFiles = readdirSync(DOCS).sort();
  it('the shipped manifest is valid and complete', () => {
    const f = parseYaml('corpus/manifest.yaml', readFileSync(join(ROOT, 'corpus/manifest.yaml'), 'utf8'));
    const r = validateManifest(f, seedFiles);
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(r.entries.map((e) => e.id)).toEqual(['000', '001', '002', '003', '004']);
    const e = Object.fromEntries(r.entries.map((x) => [x.id, x]));
    expect(e['004']!.titleSupplied).toBe(true);
    expect(e['004']!.date).toBe('2024-12-18');
    expect(e['004']!.originalLang).toBe('vi');
    expect(e['003']!.source).toBe('秀洲区委員会弁公室');
    expect(e['000']!.versions).toEqual(['002']);
    expect(e['002']!.versions).toEqual(['000']);
    // Originals known for certain (citations link to them); unknown ones are left out.
    expect(e['002']!.url).toBe('https://en.dl.gov.cn/art/2021/1/22/art_688_516703.html');
    expect(e['000']!.url).toBeUndefined();
    // Only 003 is known to be a machine's translation (the manifest's note on its seed text).
    expect(r.entries.filter((x) => x.machineTranslation).map((x) => x.id)).toEqual(['003']);
  });
  it('machineTranslation is true or false, and only on a translation', () => {
    const doc = (id: string, extra: string) => `  - id: '${id}'
    title: T
    titleSupplied: false
    titleEn: T
    date: '2021-02-03'
    place: P
    body: B
    lang: ja
    originalLang: zh-Hans
    seedFile: ${id}_a.txt
    versions: []
${extra}`;
    const src = `documents:
${doc('000', '    translation: false\n    machineTranslation: true\n')}${doc('001', '    translation: true\n    machineTranslation: yes please\n')}${doc('002', '    translation: true\n    machineTranslation: true\n')}`;
    const r = validateManifest(parseYaml('m.yaml', src), ['000_a.txt', '001_a.txt', '002_a.txt']);
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      'm.yaml:14:25: error: document "000" is a machine translation but not a translation',
      'm.yaml:27:25: error: machineTranslation of document "001" must be true or false',
    ]);
    expect(r.entries.map((e) => [e.id, e.machineTranslation])).toEqual([['002', true]]);
  });
  it('reports manifest errors with file:line:col', () => {
    const src = `documents:
  - id: '000'
    title: T
    titleSupplied: false
    titleEn: T
    date: 2021-02-30
    place: Dalian
    body: B
    lang: jp
    originalLang: zh-Hans
    translation: true
    seedFile: nope.txt
    versions: ['009']
    author: x
    url: en.dl.gov.cn/art/1.html
`;
    const r = validateManifest(parseYaml('m.yaml', src), ['000_a.txt']);
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      'm.yaml:2:3: error: seed file "000_a.txt" in corpus/documents/ has no manifest entry',
      'm.yaml:6:11: error: date of document "000" must be an ISO date yyyy-mm-dd (quote it)',
      'm.yaml:9:11: error: lang of document "000" must be one of en, ja, zh-Hans, zh-Hant, vi',
      'm.yaml:12:15: error: seed file "nope.txt" does not exist in corpus/documents/',
      'm.yaml:13:16: error: version "009" of document "000" is not a document id',
      'm.yaml:14:5: error: unknown key "author" in document "000"',
      'm.yaml:15:10: error: url of document "000" must be the original\'s http(s) URL',
    ]);
  });
});
