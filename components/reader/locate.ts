// Pure: where concepts occur in a passage's text, for highlighting in the reader.
// Prefers exact offsets (occurrence.ranges); otherwise maps the snippet's marks back into the
// passage (the snippet is an excerpt of it) and then finds further occurrences of the same
// surface forms that the snippet window left out.
import type { ConceptDetails } from '../../lib/core/types.ts';
import type { Range } from '../marks.ts';

type Occ = ConceptDetails['occurrences'][number];

const ELLIPSIS = /^(?:…|\.\.\.)\s*/;
const ELLIPSIS_END = /\s*(?:…|\.\.\.)$/;

const overlaps = (a: Range, list: readonly Range[]) => list.some((b) => a.start < b.end && b.start < a.end);

/** Ranges (tagged with the concept id) of `occ` within `text`; [] when it cannot be placed. */
export function locateOccurrence(text: string, conceptId: string, occ: Occ, taken: Range[] = []): Range[] {
  const out: Range[] = [];
  const add = (r: Range) => {
    if (r.end > r.start && r.end <= text.length && !overlaps(r, taken)) {
      out.push(r);
      taken.push(r);
    }
  };
  if (occ.ranges?.length) {
    for (const [start, end] of occ.ranges) add({ start, end, tag: conceptId });
    return out;
  }
  if (typeof occ.start === 'number' && typeof occ.end === 'number')
    add({ start: occ.start, end: occ.end, tag: conceptId });
  let snippet = occ.snippet;
  let shift = 0;
  const lead = ELLIPSIS.exec(snippet);
  if (lead) {
    shift = lead[0].length;
    snippet = snippet.slice(shift);
  }
  snippet = snippet.replace(ELLIPSIS_END, '');
  const base = snippet ? text.indexOf(snippet) : -1;
  for (const [a, b] of occ.marks) {
    const term = occ.snippet.slice(a, b);
    if (!term) continue;
    if (base >= 0 && a - shift >= 0 && b - shift <= snippet.length) {
      add({ start: base + a - shift, end: base + b - shift, tag: conceptId });
      continue;
    }
    // The snippet is not a verbatim excerpt: take the first free occurrence of the term.
    for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
      const r = { start: i, end: i + term.length, tag: conceptId };
      if (!overlaps(r, taken)) {
        add(r);
        break;
      }
    }
  }
  return out;
}

/** All concept ranges in one passage from the details of the concepts it contains. */
export function passageRanges(passageId: string, text: string, details: readonly ConceptDetails[]): Range[] {
  const taken: Range[] = [];
  const present: Array<{ id: string; terms: Set<string> }> = [];
  for (const d of details) {
    let here = false;
    const terms = new Set<string>();
    for (const occ of d.occurrences) {
      for (const [a, b] of occ.marks) terms.add(occ.snippet.slice(a, b));
      if (occ.passageId !== passageId) continue;
      here = true;
      locateOccurrence(text, d.concept.id, occ, taken);
      if (occ.ranges?.length) terms.clear(); // exact offsets: nothing to recover
    }
    if (here && terms.size) present.push({ id: d.concept.id, terms });
  }
  // Snippets show a window of the passage: find the rest of the same surface forms, longest
  // first, wherever no other highlight is.
  const extra: Range[] = [];
  for (const { id, terms } of present)
    for (const term of [...terms].filter((x) => x.length > 1).sort((a, b) => b.length - a.length))
      for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length)) {
        const r = { start: i, end: i + term.length, tag: id };
        if (!overlaps(r, taken) && !overlaps(r, extra)) extra.push(r);
      }
  return [...taken, ...extra].sort((a, b) => a.start - b.start);
}
