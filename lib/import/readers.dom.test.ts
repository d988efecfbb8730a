import { describe, expect, it } from 'vitest';
import { IMPORT_FILE_MAX_BYTES } from '../core/limits.ts';
import { readDocumentFile, type FileLike } from './read-file.ts';
import { markdownToText } from './text.ts';
import { joinPages, pageText } from './pdf-text.ts';

const file = (name: string, content: string | Uint8Array, size?: number): FileLike => {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return {
    name,
    size: size ?? bytes.byteLength,
    arrayBuffer: async () => bytes.slice().buffer,
  };
};

describe('document files', () => {
  it('.txt: paragraphs, language detected, title from the file name', async () => {
    const r = await readDocumentFile(
      file(
        '政府工作报告.txt',
        '各位代表：\r\n\r\n现在，我代表国务院，向大会报告政府工作。\n\n\n一、过去一年工作回顾\n',
      ),
    );
    expect(r).toMatchObject({
      ok: true,
      doc: {
        text: '各位代表：\n\n现在，我代表国务院，向大会报告政府工作。\n\n一、过去一年工作回顾',
        meta: {
          title: '政府工作报告',
          lang: 'zh-Hans',
          format: 'txt',
          fileName: '政府工作报告.txt',
          date: '',
        },
      },
    });
  });

  it('.md: markup goes, headings stay as paragraphs, the first heading is the title', async () => {
    const md = [
      '---',
      'layout: post',
      '---',
      '# Resolution 57',
      '',
      'The **Politburo** adopted [the resolution](https://example.org/r57) on',
      'science and *innovation*.',
      '',
      '## Tasks',
      '- raise R&D spending',
      '- `digital` transformation',
      '',
      '```',
      'code stays',
      '```',
    ].join('\n');
    const r = await readDocumentFile(file('r57.md', md));
    expect(r).toMatchObject({
      ok: true,
      doc: { meta: { title: 'Resolution 57', format: 'md', lang: 'en' } },
    });
    expect(r.ok && r.doc.text).toBe(
      'Resolution 57\n\nThe Politburo adopted the resolution on science and innovation.\n\nTasks\n\nraise R&D spending\n\ndigital transformation\n\ncode stays',
    );
    expect(markdownToText('中国\n共产党')).toBe('中国共产党');
  });

  it('.html: the article, its metadata, no boilerplate', async () => {
    const html = `<!doctype html><html lang="vi"><head><title>Nghị quyết 57 | Báo</title>
      <meta property="og:url" content="https://baochinhphu.vn/nghi-quyet-57.htm">
      <meta property="og:site_name" content="Báo Chính phủ">
      <meta property="article:published_time" content="2024-12-22T09:00:00+07:00">
      <meta name="author" content="Trần Văn A">
      <script>document.title = 'hacked'</script></head>
      <body><nav><a href="/">Trang chủ</a> <a href="/x">Thời sự</a></nav>
      <article><h1>Nghị quyết 57-NQ/TW về đột phá phát triển khoa học, công nghệ</h1>
      <p>Bộ Chính trị ban hành Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.</p>
      <p>Nghị quyết xác định khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số là đột phá quan trọng hàng đầu, là động lực chính để phát triển nhanh lực lượng sản xuất hiện đại.</p>
      <p>Mục tiêu đến năm 2030, tiềm lực, trình độ khoa học, công nghệ và đổi mới sáng tạo đạt mức tiên tiến ở nhiều lĩnh vực quan trọng.</p>
      </article><footer>© Báo Chính phủ</footer></body></html>`;
    const r = await readDocumentFile(file('nq57.html', html));
    expect(r).toMatchObject({
      ok: true,
      doc: {
        meta: {
          lang: 'vi',
          date: '2024-12-22',
          url: 'https://baochinhphu.vn/nghi-quyet-57.htm',
          site: 'Báo Chính phủ',
          byline: 'Trần Văn A',
          format: 'html',
        },
      },
    });
    const text = r.ok ? r.doc.text : '';
    expect(text).toContain('Bộ Chính trị ban hành Nghị quyết số 57-NQ/TW');
    expect(text.split('\n\n').length).toBeGreaterThanOrEqual(3);
    expect(text).not.toContain('Trang chủ');
    expect(text).not.toContain('hacked');
  });

  it('refuses by size before reading, and names the file', async () => {
    let read = false;
    const big: FileLike = {
      name: 'huge.pdf',
      size: 200 * 1024 * 1024,
      arrayBuffer: async () => {
        read = true;
        return new ArrayBuffer(0);
      },
    };
    const r = await readDocumentFile(big);
    expect(r).toEqual({
      ok: false,
      error: expect.stringMatching(/^huge\.pdf: 200\.0 MB, larger than the 50\.0 MB/),
    });
    expect(read).toBe(false);
    expect(IMPORT_FILE_MAX_BYTES).toBe(50 * 1024 * 1024);
  });

  it('refuses unsupported types, empty files, blank text and bytes that are not UTF-8', async () => {
    expect(await readDocumentFile(file('slides.pptx', 'x'))).toEqual({
      ok: false,
      error: expect.stringMatching(/^slides\.pptx: unsupported file type \.pptx/),
    });
    expect(await readDocumentFile(file('empty.txt', ''))).toEqual({
      ok: false,
      error: 'empty.txt: the file is empty',
    });
    expect(await readDocumentFile(file('blank.md', '\n\n  \n'))).toEqual({
      ok: false,
      error: 'blank.md: no text found in the file',
    });
    const gbk = new Uint8Array([0x61, 0x0a, 0x62, 0x0a, 0xd6, 0xd0, 0xce, 0xc4]); // "a\nb\n中文" in GBK
    expect(await readDocumentFile(file('gbk.txt', gbk))).toEqual({
      ok: false,
      error: expect.stringMatching(/^gbk\.txt, line 3: not UTF-8 text/),
    });
  });
});

describe('PDF page text', () => {
  const item = (str: string, y: number, hasEOL = true) => ({
    str,
    y,
    hasEOL,
    transform: [12, 0, 0, 12, 72, y],
    height: 12,
  });
  it('joins lines of a paragraph, splits paragraphs at wide gaps, records page starts', () => {
    const page = pageText([
      item('第一章 总则', 700),
      item('为了推进高质量发展，', 670),
      item('制定本规划。', 656),
      item('The plan is inter-', 620),
      item('national in scope.', 606),
    ]);
    expect(page).toBe(
      '第一章 总则\n\n为了推进高质量发展，制定本规划。\n\nThe plan is international in scope.',
    );
    expect(joinPages(['a', '', 'b'])).toEqual({ text: 'a\n\nb', pageStarts: [0, 1, 3] });
  });
});
