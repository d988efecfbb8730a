// CSV / TSV term lists: a header row naming the columns (`term` required; `aliases` split on `|`,
// `definition`, `lang`, `category`, `source` optional; any case, any order), one term per row.
// Rows are numbered as a spreadsheet shows them (the header is row 1); the text-editor line is
// added when a quoted cell spanning lines makes the two differ.
import Papa from 'papaparse';
import {
  CATEGORY_HELP,
  LANG_HELP,
  normalizeCategory,
  normalizeLang,
  normalizeSource,
  splitAliases,
  TermCollector,
  TermListError,
  type TermDraft,
} from './term-fields.ts';
import type { UserTerm } from './schema.ts';

const COLUMNS = ['term', 'aliases', 'definition', 'lang', 'category', 'source'] as const;
type Column = (typeof COLUMNS)[number];

/** Other names spreadsheets give the same columns (lower case). */
const COLUMN_SPELLINGS: Record<string, Column> = {
  alias: 'aliases',
  synonyms: 'aliases',
  language: 'lang',
  url: 'source',
};

const DELIMITERS = [',', '\t', ';'] as const;

/**
 * The delimiter of the header line: tab for .tsv/.tab files, else whichever of comma, tab and
 * semicolon (European Excel) the header uses most, comma when it uses none.
 */
export function sniffDelimiter(fileName: string, text: string): string {
  if (/\.(tsv|tab)$/i.test(fileName)) return '\t';
  const header = text.slice(0, text.search(/\r|\n|$/));
  let best = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const n = header.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

/** Line breaks inside a record's cells: the record after it starts that many lines further down. */
function breaksIn(record: readonly string[]): number {
  let n = 0;
  for (const cell of record) n += cell.match(/\r\n|\r|\n/g)?.length ?? 0;
  return n;
}

/** The column index of each known column; unknown headers are reported as warnings. */
function readHeader(
  header: readonly string[],
  collector: TermCollector,
  prefix: string,
): { index: Partial<Record<Column, number>>; warnings: string[] } {
  const index: Partial<Record<Column, number>> = {};
  const warnings: string[] = [];
  header.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (name === '') return;
    const col = (COLUMNS as readonly string[]).includes(name) ? (name as Column) : COLUMN_SPELLINGS[name];
    if (col === undefined) {
      warnings.push(`${prefix}row 1: column "${raw.trim()}" is not one the extension reads; ignored`);
      return;
    }
    if (index[col] !== undefined) collector.fail('row 1', `two columns are named "${col}"`);
    index[col] = i;
  });
  if (index.term === undefined)
    collector.fail(
      'row 1',
      `no "term" column (the first row must name the columns: term, aliases, definition, lang, category, source)`,
    );
  return { index, warnings };
}

/** One data row as a term draft; `where` names it in messages. */
function readRow(
  record: readonly string[],
  index: Partial<Record<Column, number>>,
  collector: TermCollector,
  where: string,
): TermDraft {
  const cell = (c: Column) => (index[c] === undefined ? '' : (record[index[c]] ?? ''));
  const term = cell('term').trim();
  if (term === '') collector.fail(where, 'no term (the "term" cell is empty)');
  const draft: TermDraft = { term, aliases: splitAliases(cell('aliases')) };
  const definition = cell('definition').trim();
  if (definition !== '') draft.definition = definition;
  const lang = normalizeLang(cell('lang'));
  if (lang === null)
    collector.fail(where, `unknown language "${cell('lang').trim()}" (expected ${LANG_HELP})`);
  if (lang !== undefined) draft.lang = lang;
  const category = normalizeCategory(cell('category'));
  if (category === null)
    collector.fail(where, `unknown category "${cell('category').trim()}" (expected one of ${CATEGORY_HELP})`);
  if (category !== undefined) draft.category = category;
  const source = normalizeSource(cell('source'));
  if (source === null) collector.fail(where, `source "${cell('source').trim()}" is not an http(s) URL`);
  if (source !== undefined) draft.source = source;
  return draft;
}

export interface CsvTerms {
  format: 'csv' | 'tsv';
  terms: UserTerm[];
  warnings: string[];
}

/** Reads a CSV or TSV term list; throws TermListError naming the file and the row. */
export function parseCsvTerms(fileName: string, text: string): CsvTerms {
  const source = text.replace(/^\uFEFF/, '');
  const delimiter = sniffDelimiter(fileName, source);
  const prefix = `${fileName}, `;
  const collector: TermCollector = new TermCollector(prefix);
  const parsed = Papa.parse<string[]>(source, { delimiter, header: false, skipEmptyLines: false });
  const records = parsed.data;
  // Start line of each record (1-based), for messages where it differs from the row.
  const lines: number[] = [];
  let line = 1;
  for (const r of records) {
    lines.push(line);
    line += 1 + breaksIn(r);
  }
  const where = (i: number) => {
    const row = i + 1;
    const at = lines[i] ?? row;
    return at === row ? `row ${row}` : `row ${row} (line ${at})`;
  };
  const quote = parsed.errors.find((e) => e.type === 'Quotes');
  if (quote) {
    const row = quote.row ?? 0;
    const what = quote.code === 'MissingQuotes' ? 'unclosed quote' : 'stray quote after a quoted cell';
    throw new TermListError(`${prefix}${where(row)}: ${what}`);
  }
  const header = records[0];
  if (header === undefined || header.every((c) => c.trim() === ''))
    throw new TermListError(`${prefix}row 1: the file is empty`);
  const { index, warnings } = readHeader(header, collector, prefix);
  for (let i = 1; i < records.length; i++) {
    const record = records[i]!;
    if (record.every((c) => c.trim() === '')) continue; // blank row
    if (record.slice(header.length).some((c) => c.trim() !== ''))
      collector.fail(
        where(i),
        `${record.length} cells but the header names ${header.length} columns (a comma inside a cell needs quotes)`,
      );
    collector.add(where(i), readRow(record, index, collector, where(i)));
  }
  return {
    format: delimiter === '\t' ? 'tsv' : 'csv',
    terms: collector.finish('row 2'),
    warnings: [...warnings, ...collector.warnings],
  };
}
