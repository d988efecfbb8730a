// .txt and .md files. Markdown is read as the text a reader sees: headings become paragraphs of
// their own, links and images their text, emphasis, code marks, quotes and list bullets go.
import { finish, normaliseParagraphs, type ReadResult } from './finish.ts';

const CJK_END = /[\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]$/u;
const CJK_START = /^[\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/** Joins the lines of one paragraph: with a space, except between two CJK characters. */
function joinLines(lines: string[]): string {
  let out = '';
  for (const line of lines) {
    if (!out) out = line;
    else out += CJK_END.test(out) && CJK_START.test(line) ? line : ` ${line}`;
  }
  return out;
}

function inline(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<https?:\/\/[^>\s]+>/g, (m) => m.slice(1, -1))
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/`+([^`]+)`+/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])/g, '$1$2')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>|~])/g, '$1')
    .trim();
}

/** Markdown → plain text with paragraphs separated by blank lines. */
export function markdownToText(md: string): string {
  const paragraphs: string[] = [];
  let lines: string[] = [];
  const end = () => {
    if (lines.length) paragraphs.push(joinLines(lines));
    lines = [];
  };
  let fence: string | null = null;
  let code: string[] = [];
  const src = md.replace(/\r\n?/g, '\n').replace(/^---\n[\s\S]*?\n---\n/, ''); // YAML front matter
  for (const raw of src.split('\n')) {
    if (fence !== null) {
      if (raw.trim().startsWith(fence)) {
        if (code.length) paragraphs.push(code.join('\n'));
        fence = null;
        code = [];
      } else code.push(raw);
      continue;
    }
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(raw);
    if (f) {
      end();
      fence = f[1] ?? '```';
      continue;
    }
    const line = raw.trim();
    if (line === '' || /^([-*_])(\s*\1){2,}$/.test(line) || /^\[[^\]]+\]:\s*\S+/.test(line)) {
      end();
      continue;
    }
    if (/^(=+|-+)$/.test(line) && lines.length) {
      end(); // setext heading underline: the line(s) above were the heading
      continue;
    }
    if (/^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/.test(line)) continue; // table rule
    const heading = /^#{1,6}\s+(.*?)\s*#*$/.exec(line);
    if (heading) {
      end();
      lines.push(inline(heading[1] ?? ''));
      end();
      continue;
    }
    const item = /^(?:>\s*)*(?:[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+)?(.*)$/.exec(line);
    const body = inline((item?.[1] ?? line).replace(/^\|(.*)\|$/, '$1').replace(/\s*\|\s*/g, ' | '));
    // A list item starts a paragraph of its own.
    if (item && /^(?:>\s*)*(?:[-*+]|\d+[.)])\s/.test(line)) end();
    if (body) lines.push(body);
  }
  if (fence !== null && code.length) paragraphs.push(code.join('\n'));
  end();
  return paragraphs.filter((p) => /\S/.test(p)).join('\n\n');
}

export function readText(fileName: string, text: string, markdown: boolean): ReadResult {
  if (!markdown) return finish(fileName, 'txt', normaliseParagraphs(text), {});
  const firstHeading = /^\s{0,3}#\s+(.+?)\s*#*$/m.exec(text)?.[1];
  return finish(fileName, 'md', markdownToText(text), {
    title: firstHeading ? markdownToText(firstHeading) : undefined,
  });
}
