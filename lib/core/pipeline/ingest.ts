// Pipeline stage for one document: parse and clean → passages → occurrences against a given
// matcher. The build runs it per seed file; the background will run it on a document the user
// imports (matched with the bundled matcher, so its occurrences point at the same concepts).
import { parseDocument, type ManifestEntry } from '../corpus.ts';
import type { Matcher } from '../term-matcher.ts';
import type { CorpusDocument, Occurrence, Passage } from '../types.ts';
import { computeOccurrences } from './occurrences.ts';

/** One document to ingest: its metadata and its raw text (a seed file, or an imported text). */
export interface DocumentInput {
  entry: ManifestEntry;
  text: string;
  /** False for a user's document: the seed pages' furniture rules do not apply (corpus-clean.ts). */
  cleanRules?: boolean;
}

export interface IngestedDocument {
  document: CorpusDocument;
  passages: Passage[];
  /** 1-based line in the raw text of each passage (parallel to passages). */
  passageLines: number[];
  /** Occurrences per concept id, only the concepts that occur. */
  occurrences: Record<string, Occurrence[]>;
}

/**
 * Parses one document and finds its concepts. Alignment with other language versions is a
 * corpus-level step (alignVersions over all documents), so `passages[].aligned` is left unset.
 */
export function ingestDocument(input: DocumentInput, matcher: Matcher): IngestedDocument {
  const options = input.cleanRules === false ? { rules: false } : {};
  const { document, passages, passageLines } = parseDocument(input.text, input.entry, options);
  return { document, passages, passageLines, occurrences: computeOccurrences(matcher, passages) };
}
