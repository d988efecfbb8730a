// Reading YAML with positions: every node can be located as file:line:col (1-based). Pure, so the
// build (scripts/lib-yaml.ts) and the import of a user's glossary file (library/term-list-glossary.ts)
// report problems the same way.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Diagnostic, ParsedFile, SourcePos, YamlPath } from './diagnostics.ts';

export interface LoadedYaml extends ParsedFile {
  /** Syntax errors (and duplicate keys) reported by the parser. */
  diagnostics: Diagnostic[];
}

/** Parse YAML source; `file` is the path printed in messages (relative to the project root). */
export function parseYaml(file: string, source: string): LoadedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const pos = (offset: number): SourcePos => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  const diagnostics: Diagnostic[] = [];
  for (const e of doc.errors) {
    const p = pos(e.pos[0]);
    diagnostics.push({
      file,
      line: p.line,
      col: p.col,
      severity: 'error',
      message: `YAML: ${e.message.split('\n')[0]}`,
    });
  }
  let data: unknown = null;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    diagnostics.push({ file, line: 1, col: 1, severity: 'error', message: `YAML: ${(e as Error).message}` });
  }
  const locate = (path: YamlPath, key = false): SourcePos => {
    let node: unknown = doc.contents;
    let last: { range?: [number, number, number] | null } | null = node as Node | null;
    let keyNode: unknown = null;
    for (const seg of path) {
      keyNode = null;
      if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg];
      } else if (isMap(node)) {
        const pair = node.items.find(
          (it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(seg),
        );
        keyNode = pair?.key ?? null;
        node = pair ? (pair.value ?? pair.key) : undefined;
      } else node = undefined;
      if (!node) break;
      last = node as Node;
    }
    const target = (key && keyNode ? keyNode : node ? node : last) as {
      range?: [number, number, number] | null;
    } | null;
    const r = target?.range ?? last?.range;
    return r ? pos(r[0]) : { line: 1, col: 1 };
  };
  return { file, data, locate, diagnostics, hasSyntaxErrors: diagnostics.length > 0 };
}
