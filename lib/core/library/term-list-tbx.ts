// TBX term lists (ISO 30042): TBX-Basic v3 (`tbx` root, conceptEntry → langSec → termSec → term)
// and TBX v2 / TBX-Basic 2008 (`martif` root, termEntry → langSet → tig | ntig/termGrp → term);
// either entry name with either inner structure is read. One entry is one term: the first term of
// the entry's source-language section (the root's xml:lang, else the first section with a term);
// every other term of the entry, in any language, is an alias. Definitions are `descrip
// type="definition"` (that section's, else the entry's, else any); the source is the first
// http(s) target of an `xref`/`ref`, or a `source` admin/descrip holding a URL; a `subjectField`
// naming one of the categories sets the category. Messages give the line of the entry.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Lang } from '../types.ts';
import {
  normalizeCategory,
  normalizeLang,
  normalizeSource,
  TermCollector,
  TermListError,
} from './term-fields.ts';
import type { UserTerm } from './schema.ts';

/** A node as fast-xml-parser gives it with preserveOrder: `{tag: children, ':@': attributes}`. */
type XmlNode = Record<string, unknown>;

const META = XMLParser.getMetaDataSymbol() as unknown as string;
const ENTRY = new Set(['termEntry', 'conceptEntry']);
const LANG_SECTION = new Set(['langSec', 'langSet']);
/** Where a `term` sits inside a language section. */
const TERM_HOLDERS = new Set(['termSec', 'tig', 'ntig', 'termGrp']);

function tagOf(n: XmlNode): string {
  return Object.keys(n).find((k) => k !== ':@' && k !== '#text') ?? '#text';
}

function childrenOf(n: XmlNode): XmlNode[] {
  const c = n[tagOf(n)];
  return Array.isArray(c) ? (c as XmlNode[]) : [];
}

function attr(n: XmlNode, name: string): string {
  const a = n[':@'] as Record<string, unknown> | undefined;
  const value = a?.[name];
  return typeof value === 'string' ? value : '';
}

/**
 * The text of an element, inline markup (`<hi>`) flattened, white space collapsed; with `lines`
 * (definitions) line breaks are kept, the indentation around them dropped.
 */
function textOf(n: XmlNode, lines = false): string {
  const parts: string[] = [];
  const walk = (x: XmlNode) => {
    if (typeof x['#text'] === 'string' || typeof x['#text'] === 'number') parts.push(String(x['#text']));
    else for (const c of childrenOf(x)) walk(c);
  };
  walk(n);
  const text = parts.join('');
  return (
    lines ? text.replace(/[ \t]*\r?\n[ \t]*/g, '\n').replace(/[ \t]+/g, ' ') : text.replace(/\s+/g, ' ')
  ).trim();
}

/** Elements named `tag` under `n`, not descending into elements for which `stop` holds. */
function findAll(
  n: XmlNode,
  match: (tag: string) => boolean,
  stop: (tag: string) => boolean = () => false,
): XmlNode[] {
  const out: XmlNode[] = [];
  for (const c of childrenOf(n)) {
    const tag = tagOf(c);
    if (match(tag)) out.push(c);
    else if (!stop(tag)) out.push(...findAll(c, match, stop));
  }
  return out;
}

function definitionIn(n: XmlNode, stop: (tag: string) => boolean): string | undefined {
  const d = findAll(n, (t) => t === 'descrip', stop).find((x) => attr(x, 'type') === 'definition');
  const text = d ? textOf(d, true) : '';
  return text === '' ? undefined : text;
}

function sourceIn(entry: XmlNode): string | undefined {
  for (const x of findAll(entry, (t) => t === 'xref' || t === 'ref' || t === 'admin' || t === 'descrip')) {
    const tag = tagOf(x);
    const candidate =
      tag === 'xref' || tag === 'ref' ? attr(x, 'target') : attr(x, 'type') === 'source' ? textOf(x) : '';
    const url = normalizeSource(candidate);
    if (url) return url;
  }
  return undefined;
}

interface Section {
  lang: Lang | null | undefined;
  terms: string[];
  definition?: string;
}

function readSection(s: XmlNode): Section {
  const holders = findAll(s, (t) => TERM_HOLDERS.has(t));
  const terms = holders
    .flatMap((h) => findAll(h, (t) => t === 'term'))
    .map((t) => textOf(t))
    .filter((t) => t !== '');
  const definition = definitionIn(s, (t) => TERM_HOLDERS.has(t));
  return { lang: normalizeLang(attr(s, 'xml:lang')), terms, ...(definition ? { definition } : {}) };
}

/** Line (1-based) of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Reads a TBX file; throws TermListError naming the file and the line. */
export function parseTbxTerms(fileName: string, text: string): { terms: UserTerm[]; warnings: string[] } {
  const source = text.replace(/^\uFEFF/, '');
  const prefix = `${fileName}, `;
  const valid = XMLValidator.validate(source);
  if (valid !== true) throw new TermListError(`${prefix}line ${valid.err.line}: not XML: ${valid.err.msg}`);
  // Entity declarations: no TBX needs them, and nested ones are how an XML file grows a
  // gigabyte in memory; refused rather than half expanded.
  const entity = source.search(/<!ENTITY/i);
  if (entity !== -1)
    throw new TermListError(
      `${prefix}line ${lineAt(source, entity)}: declares XML entities (<!ENTITY>), which a term list does not need`,
    );
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    preserveOrder: true,
    trimValues: false,
    captureMetaData: true,
    htmlEntities: false,
  });
  let doc: XmlNode[];
  try {
    doc = parser.parse(source) as XmlNode[];
  } catch (e) {
    throw new TermListError(`${prefix}line 1: not readable XML: ${(e as Error).message}`);
  }
  const root = doc.find((n) => !tagOf(n).startsWith('?') && tagOf(n) !== '#text');
  const rootTag = root ? tagOf(root) : '';
  if (!root || (rootTag !== 'tbx' && rootTag !== 'martif'))
    throw new TermListError(
      `${prefix}line 1: not a TBX file (its root element is <${rootTag}>, not <tbx> or <martif>)`,
    );
  const sourceLang = normalizeLang(attr(root, 'xml:lang'));
  const collector: TermCollector = new TermCollector(prefix);
  const lineOf = (n: XmlNode) => {
    const meta = n[META] as { startIndex?: number } | undefined;
    return lineAt(source, meta?.startIndex ?? 0);
  };
  for (const entry of findAll(root, (t) => ENTRY.has(t))) {
    const id = attr(entry, 'id');
    const where = `line ${lineOf(entry)}`;
    const named = `${tagOf(entry)}${id ? ` "${id}"` : ''}`;
    const sections = findAll(entry, (t) => LANG_SECTION.has(t)).map(readSection);
    const withTerms = sections.filter((s) => s.terms.length > 0);
    const main = withTerms.find((s) => sourceLang && s.lang === sourceLang) ?? withTerms[0];
    if (!main) collector.fail(where, `${named} has no term`);
    const category = findAll(
      entry,
      (t) => t === 'descrip',
      (t) => LANG_SECTION.has(t),
    )
      .filter((d) => attr(d, 'type') === 'subjectField')
      .map((d) => normalizeCategory(textOf(d)))
      .find((c) => c);
    const definition =
      main.definition ??
      definitionIn(entry, (t) => LANG_SECTION.has(t)) ??
      sections.find((s) => s.definition)?.definition;
    const src = sourceIn(entry);
    collector.add(where, {
      term: main.terms[0]!,
      aliases: [...main.terms.slice(1), ...withTerms.filter((s) => s !== main).flatMap((s) => s.terms)],
      ...(main.lang ? { lang: main.lang } : {}),
      ...(definition ? { definition } : {}),
      ...(category ? { category } : {}),
      ...(src ? { source: src } : {}),
    });
  }
  return { terms: collector.finish('line 1'), warnings: collector.warnings };
}

/** Whether an .xml file is TBX: its root element is <tbx> or <martif>. */
export function looksLikeTbx(text: string): boolean {
  const body = text
    .replace(/^\uFEFF/, '')
    .replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/g, '')
    .trimStart();
  return /^<(tbx|martif)[\s>/]/.test(body);
}
