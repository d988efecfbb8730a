import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { alignPassages } from './corpus-align.ts';
import { cleanSeed } from './corpus-clean.ts';
import { computeSections, headingLevel } from './corpus-sections.ts';
import {
  alignVersions,
  parseDocument,
  passageId,
  type ManifestEntry,
  type ParsedDocument,
} from './corpus.ts';

const ROOT = join(import.meta.dirname, '../..');
const DOCS = join(ROOT, 'corpus/documents');
const manifest = parse(readFileSync(join(ROOT, 'corpus/manifest.yaml'), 'utf8')) as {
  documents: ManifestEntry[];
};
const seeds: Record<string, string> = {};
const parsed: Record<string, ParsedDocument> = {};
for (const m of manifest.documents) {
  seeds[m.id] = readFileSync(join(DOCS, m.seedFile), 'utf8');
  parsed[m.id] = parseDocument(seeds[m.id]!, m);
}
const noWs = (s: string) => s.replace(/[\s\u00a0\u3000]/g, '');

describe('cleaning removes site furniture and nothing else', () => {
  it('removes exactly the expected furniture per document', () => {
    const summary = Object.fromEntries(
      Object.entries(parsed).map(([id, p]) => [
        id,
        p.document.removed.map((r) => `${r.line}:${r.kind}:${r.text}`),
      ]),
    );
    const nbsp = (line: number) => `${line}:blank-line:\u00a0`;
    const footer = 'Produced By 大汉网络 大汉版通发布系统';
    expect(summary).toEqual({
      '000': [6, 10, 14, 18, 22, 26, 30].map(nbsp).concat([`35:footer:${footer}`]),
      '001': [6, 10, 14, 18, 22].map(nbsp).concat([`27:footer:${footer}`]),
      '002': [`27:footer:${footer}`],
      '003': [
        '1:breadcrumb:現在の場所:トップページ',
        '2:breadcrumb:>政務公開>公示公告',
        '6:publication-date:公開日:2023-07-0309:00',
        '6:browse-counter:ブラウズ回数:',
        '154:print-link:このページを印刷 ウィンドウを閉じる',
      ],
      '004': ['11:source-label:ソース', '12:comment-counter:コメント (0)'],
    });
  });

  it('passages + removed items reproduce every seed line (non-whitespace content)', () => {
    for (const [id, p] of Object.entries(parsed)) {
      const lines = seeds[id]!.split('\n');
      const rebuilt = lines.map(() => '');
      p.passages.forEach((x, i) => (rebuilt[p.passageLines[i]! - 1] += x.text));
      for (const r of p.document.removed)
        rebuilt[r.line - 1] = r.atStart ? r.text + rebuilt[r.line - 1]! : rebuilt[r.line - 1]! + r.text;
      lines.forEach((l, i) => expect(noWs(rebuilt[i]!), `${id} line ${i + 1}`).toBe(noWs(l)));
    }
  });

  it('keeps text verbatim (no NFKC, inner whitespace kept); only line ends are trimmed', () => {
    for (const [id, p] of Object.entries(parsed)) {
      const lines = seeds[id]!.split('\n');
      p.passages.forEach((x, i) => {
        const seedLine = lines[p.passageLines[i]! - 1]!;
        expect(seedLine.includes(x.text), `${x.id}`).toBe(true);
      });
    }
    // full-width parentheses survive untouched; 003's CMS publication date (which ran date and
    // time together, "2023-07-0309:00") is furniture, the source on the same line is kept
    expect(parsed['003']!.passages[1]!.text).toBe('情報ソース:秀洲区委員会弁公室');
    expect(parsed['000']!.passages[2]!.text).toContain('党(工)委員会');
  });

  it('keeps titles and datelines as content', () => {
    expect(parsed['000']!.passages[0]!.text).toBe('譚作鈞氏は市委員会常務委員会拡大会議を主宰し');
    expect(parsed['000']!.passages[1]!.text).toBe('2021-01-22 16:36');
    expect(parsed['003']!.passages.at(-2)!.text).toBe('中国共産党嘉興市秀洲区委員会');
    expect(parsed['003']!.passages.at(-1)!.text).toBe('2023年7月3日');
  });

  it('handles CRLF, BOM and whitespace-only lines', () => {
    const r = cleanSeed('\ufeffTitle\r\n\u3000\u3000\r\n Body text. \r\nProduced By X\r\n');
    expect(r.lines).toEqual([
      { line: 1, text: 'Title' },
      { line: 3, text: 'Body text.' },
    ]);
    expect(r.removed).toEqual([
      { kind: 'blank-line', text: '\u3000\u3000', line: 2 },
      { kind: 'footer', text: 'Produced By X', line: 4 },
    ]);
  });

  it('recognises common furniture in other languages', () => {
    const r = cleanSeed(
      '当前位置：首页 > 政务公开\n正文\n【打印本页】 【关闭窗口】\n评论(3)\n浏览次数：12\nPrint | Close',
    );
    expect(r.lines.map((l) => l.text)).toEqual(['正文']);
    expect(r.removed.map((x) => x.kind)).toEqual([
      'breadcrumb',
      'print-link',
      'comment-counter',
      'browse-counter',
      'print-link',
    ]);
  });
});

describe('passages', () => {
  it('has the expected counts', () => {
    expect(Object.fromEntries(Object.entries(parsed).map(([id, p]) => [id, p.passages.length]))).toEqual({
      '000': 10,
      '001': 8,
      '002': 10,
      '003': 74,
      '004': 10,
    });
  });

  it('has stable zero-padded ids and offsets into the cleaned text', () => {
    for (const p of Object.values(parsed)) {
      p.passages.forEach((x, i) => {
        expect(x.index).toBe(i);
        expect(x.id).toBe(`${p.document.id}/p${String(i).padStart(2, '0')}`);
        expect(p.document.text.slice(x.start, x.end)).toBe(x.text);
      });
      expect(p.document.passageIds).toEqual(p.passages.map((x) => x.id));
    }
    expect(passageId('003', 5, 150)).toBe('003/p005');
    expect(passageId('003', 5, 100)).toBe('003/p05');
  });

  it('computes section paths for 003 (一、 headings and (一) sub-items)', () => {
    const ps = parsed['003']!.passages;
    // title, dateline and preamble: no section
    for (const i of [0, 1, 2, 3, 4]) expect(ps[i]!.section).toEqual([]);
    const h1 =
      '一、「区委員会は習近平新時代の中国の特色ある社会主義思想を学ぶ上で不足している」問題の改善状況について';
    expect(ps[5]!.text).toBe(h1);
    expect(ps[5]!.section).toEqual([h1]);
    expect(ps[6]!.section).toEqual([h1, '(一)政策支持を強化する。']);
    expect(ps[10]!.section).toEqual([h1, '(五)協力メカニズムを完備する。']);
    expect(ps[11]!.section).toEqual([
      '二、「区委員会は政治建設を統領とし、『創始、奮闘、奉仕』を深く実践するための赤船精神に不足がある」問題の改善状況について',
    ]);
    expect(ps[69]!.section).toEqual([
      '十三、「捺染業界の整備推進に力が入らない」問題の改善状況',
      '(三)特定項目の整備を展開する。',
    ]);
    // conclusion, signature and date close the numbered structure
    for (const i of [70, 71, 72, 73]) expect(ps[i]!.section).toEqual([]);
    // 13 top-level sections
    expect(new Set(ps.filter((p) => p.section.length > 0).map((p) => p.section[0])).size).toBe(13);
  });

  it('other documents have no sections', () => {
    for (const id of ['000', '001', '002', '004'])
      for (const p of parsed[id]!.passages) expect(p.section).toEqual([]);
  });

  it('heading levels and section rules', () => {
    expect(headingLevel('一、総則')).toBe(1);
    expect(headingLevel('十二、「…」')).toBe(2 - 1);
    expect(headingLevel('(一)政策')).toBe(2);
    expect(headingLevel('（二）政策')).toBe(2);
    expect(headingLevel('1. 項目')).toBe(3);
    expect(headingLevel('第一に、思想')).toBe(3);
    expect(headingLevel('2023年7月3日')).toBe(0);
    expect(computeSections(['前文', '一、A', '説明', '(一)B。続き', '1.C', '結び'])).toEqual([
      [],
      ['一、A'],
      ['一、A'],
      ['一、A', '(一)B。'],
      ['一、A', '(一)B。', '1.C'],
      [],
    ]);
  });
});

describe('alignment of language versions', () => {
  it('aligns 000 and 002 one to one', () => {
    const docs = Object.values(parsed).map((p) => p.document);
    const passages = Object.values(parsed).flatMap((p) => p.passages.map((x) => ({ ...x })));
    alignVersions(docs, passages);
    const by = new Map(passages.map((p) => [p.id, p]));
    for (let i = 0; i < 10; i++) {
      const a = `000/p${String(i).padStart(2, '0')}`;
      const b = `002/p${String(i).padStart(2, '0')}`;
      expect(by.get(a)!.aligned).toEqual([b]);
      expect(by.get(b)!.aligned).toEqual([a]);
    }
    expect(
      passages.filter((p) => p.docId !== '000' && p.docId !== '002').every((p) => p.aligned === undefined),
    ).toBe(true);
    // sanity: the aligned paragraphs talk about the same thing
    expect(by.get('000/p07')!.text).toContain('大連市生態環境保護責任リスト');
    expect(by.get('002/p07')!.text).toContain(
      'List of Ecological Environment Protection Responsibilities in Dalian',
    );
  });

  it('aligns by structure when counts differ (anchors, equal runs only)', () => {
    expect(alignPassages(['T', '2021-01-01', 'a', 'b'], ['T', '2021-01-01', 'a', 'b'])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    // b has an extra paragraph after the dateline: the run after the anchor is unequal -> unaligned
    expect(
      alignPassages(
        ['T', '2021-01-01', 'a', '一、X', 'c'],
        ['T', '2021-01-01 10:00', 'a', 'a2', '一、Y', 'c'],
      ),
    ).toEqual([
      [0, 0],
      [1, 1],
      [3, 4],
      [4, 5],
    ]);
  });
});
