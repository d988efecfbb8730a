// A term-list file → the terms of a UserTerm list, or one message naming the file and the row /
// line of the first problem (the file is rejected whole: a list is imported as written or not at
// all). The format comes from the extension: .csv (comma, or tab/semicolon when the header uses
// them), .tsv/.tab, .tbx, .xml whose root is <tbx>/<martif>, .yaml/.yml, .json. Each reader is its
// own module (term-list-csv.ts, term-list-tbx.ts, term-list-glossary.ts); term-fields.ts holds the
// rules they share (language spellings, categories, URLs, merging of repeated terms, caps).
import * as v from 'valibot';
import { UserTermSchema, type TermListFormat, type UserTerm } from './schema.ts';
import { parseCsvTerms } from './term-list-csv.ts';
import { TermListError } from './term-fields.ts';
import { parseGlossaryTerms } from './term-list-glossary.ts';
import { looksLikeTbx, parseTbxTerms } from './term-list-tbx.ts';

export type TermListParse =
  { ok: true; format: TermListFormat; terms: UserTerm[]; warnings: string[] } | { ok: false; error: string };

/** Extensions the term-list import accepts (for the file input's `accept`). */
export const TERM_LIST_EXTENSIONS = [
  '.csv',
  '.tsv',
  '.tab',
  '.txt',
  '.tbx',
  '.xml',
  '.yaml',
  '.yml',
  '.json',
];

function extensionOf(fileName: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(fileName.trim());
  return m ? m[1]!.toLowerCase() : '';
}

function read(
  fileName: string,
  text: string,
): { format: TermListFormat; terms: UserTerm[]; warnings: string[] } {
  const ext = extensionOf(fileName);
  switch (ext) {
    case 'csv':
    case 'tsv':
    case 'tab':
    case 'txt':
      return parseCsvTerms(fileName, text);
    case 'tbx':
      return { format: 'tbx', ...parseTbxTerms(fileName, text) };
    case 'xml':
      if (!looksLikeTbx(text))
        throw new TermListError(
          `${fileName}, line 1: an XML file is read only when it is TBX (root <tbx> or <martif>)`,
        );
      return { format: 'tbx', ...parseTbxTerms(fileName, text) };
    case 'yaml':
    case 'yml':
      return { format: 'yaml', ...parseGlossaryTerms(fileName, text) };
    case 'json':
      return { format: 'json', ...parseGlossaryTerms(fileName, text) };
    default:
      throw new TermListError(
        `${fileName}: unsupported type${ext ? ` ".${ext}"` : ''} (a term list is .csv, .tsv, .tbx, .yaml or .json)`,
      );
  }
}

/** Reads a term-list file; never throws. `fileName` is the name shown in messages. */
export function parseTermList(fileName: string, text: string): TermListParse {
  try {
    const { format, terms, warnings } = read(fileName, text);
    // The readers already check each term; this is the contract's last word before ok:true.
    return { ok: true, format, terms: terms.map((t) => v.parse(UserTermSchema, t)), warnings };
  } catch (e) {
    if (e instanceof TermListError) return { ok: false, error: e.message };
    return { ok: false, error: `${fileName}: could not be read (${(e as Error).message})` };
  }
}
