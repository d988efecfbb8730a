// A term list written out: CSV and TBX-Basic (both read back by parseTermList into the same
// terms), and a Yomitan dictionary (format 3) so Yomitan users can look the terms up too.
// Outputs are deterministic: the same list gives the same bytes.
import Papa from 'papaparse';
import { strToU8, zipSync } from 'fflate';
import type { TermListRecord, UserTerm } from './schema.ts';
import { joinAliases } from './term-fields.ts';

const CSV_COLUMNS = ['term', 'aliases', 'definition', 'lang', 'category', 'source'] as const;

/** The list as CSV with a header row; a UTF-8 BOM so spreadsheet programs read CJK text right. */
export function termListToCsv(list: Pick<TermListRecord, 'terms'>): string {
  const rows = list.terms.map((t) => [
    t.term,
    joinAliases(t.aliases),
    t.definition ?? '',
    t.lang ?? '',
    t.category ?? '',
    t.source ?? '',
  ]);
  return `\uFEFF${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n' })}\r\n`;
}

/** Characters XML 1.0 cannot hold at all (control characters other than tab, LF, CR). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function xml(s: string): string {
  return s
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function tbxEntry(t: UserTerm, n: number): string {
  // A term of no known language is "und" (BCP 47 undetermined) and reads back without a language.
  const lang = t.lang ?? 'und';
  const lines = [`      <conceptEntry id="c${n}">`];
  if (t.category) lines.push(`        <descrip type="subjectField">${t.category}</descrip>`);
  if (t.source)
    lines.push(`        <xref type="externalCrossReference" target="${xml(t.source)}">source</xref>`);
  lines.push(`        <langSec xml:lang="${lang}">`);
  if (t.definition) lines.push(`          <descrip type="definition">${xml(t.definition)}</descrip>`);
  // The list does not know the language of each alias: they stay in the term's section.
  for (const term of [t.term, ...t.aliases])
    lines.push(`          <termSec><term>${xml(term)}</term></termSec>`);
  lines.push('        </langSec>', '      </conceptEntry>');
  return lines.join('\n');
}

/** The list as TBX-Basic (ISO 30042:2019, DCA style): one conceptEntry per term. */
export function termListToTbx(list: Pick<TermListRecord, 'name' | 'terms'>): string {
  const langs = new Set(list.terms.map((t) => t.lang ?? 'und'));
  const rootLang = langs.size === 1 ? [...langs][0]! : 'und';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<tbx style="dca" type="TBX-Basic" xml:lang="${rootLang}" xmlns="urn:iso:std:iso:30042:ed-2">`,
    '  <tbxHeader>',
    '    <fileDesc>',
    `      <titleStmt><title>${xml(list.name)}</title></titleStmt>`,
    '      <sourceDesc><p>Exported from Policy Lens</p></sourceDesc>',
    '    </fileDesc>',
    '  </tbxHeader>',
    '  <text>',
    '    <body>',
    ...list.terms.map((t, i) => tbxEntry(t, i + 1)),
    '    </body>',
    '  </text>',
    '</tbx>',
    '',
  ].join('\n');
}

/** Rows per term_bank_N.json (Yomitan's own dictionaries split banks around this size). */
const YOMITAN_BANK_ROWS = 10_000;
/** Zip entries carry this date, so the same list gives the same bytes. */
const ZIP_DATE = new Date('2020-01-01T00:00:00Z');

/** [expression, reading, definitionTags, rules, score, glossary, sequence, termTags] */
type YomitanTermRow = [string, string, string, string, number, string[], number, string];

/** The glossary shown for the term and each of its aliases. */
function glossary(t: UserTerm, asAlias: boolean): string[] {
  const out: string[] = [];
  const definition = t.definition?.trim();
  if (asAlias) out.push(definition ? `${t.term}: ${definition}` : t.term);
  else out.push(definition || t.term);
  if (t.aliases.length > 0) out.push(`Also: ${t.aliases.join(', ')}`);
  if (t.source) out.push(`Source: ${t.source}`);
  return out;
}

function yomitanRows(list: Pick<TermListRecord, 'terms'>): YomitanTermRow[] {
  const rows: YomitanTermRow[] = [];
  list.terms.forEach((t, i) => {
    // One sequence per term: Yomitan's "merge" mode shows a term and its aliases as one entry.
    const seq = i + 1;
    const tags = t.category ?? '';
    rows.push([t.term, '', tags, '', 0, glossary(t, false), seq, '']);
    for (const a of t.aliases) rows.push([a, '', tags, '', 0, glossary(t, true), seq, '']);
  });
  return rows;
}

/**
 * The list as a Yomitan dictionary zip (format 3): index.json, term_bank_N.json with every term
 * and alias as an expression, and tag_bank_1.json naming the categories used as definition tags.
 */
export function termListToYomitan(list: Pick<TermListRecord, 'name' | 'terms' | 'createdAt'>): Uint8Array {
  const index = {
    title: list.name,
    revision: list.createdAt,
    format: 3,
    sequenced: true,
    author: 'Policy Lens (user term list)',
    description: `Term list "${list.name}" exported from Policy Lens`,
  };
  const files: Record<string, Uint8Array> = { 'index.json': strToU8(JSON.stringify(index)) };
  const rows = yomitanRows(list);
  for (let i = 0; i * YOMITAN_BANK_ROWS < rows.length; i++)
    files[`term_bank_${i + 1}.json`] = strToU8(
      JSON.stringify(rows.slice(i * YOMITAN_BANK_ROWS, (i + 1) * YOMITAN_BANK_ROWS)),
    );
  const categories = [...new Set(list.terms.flatMap((t) => (t.category ? [t.category] : [])))].sort();
  if (categories.length > 0)
    // [name, category, order, notes, score]; no tag category: Yomitan's default colour.
    files['tag_bank_1.json'] = strToU8(
      JSON.stringify(categories.map((c) => [c, '', 0, 'Policy Lens category', 0])),
    );
  return zipSync(files, { level: 6, mtime: ZIP_DATE });
}
