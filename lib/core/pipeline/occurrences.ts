// Pipeline stage "occurrences": where each concept occurs in the passages, found by the same
// compiled matcher the content script runs (corpus context: corpus-only aliases count here).
import { findTermMatches, type Matcher } from '../term-matcher.ts';
import type { Occurrence, Passage } from '../types.ts';

/**
 * Occurrences per concept id, in passage order then offset order. Every id in `conceptIds` gets
 * an entry (empty when the concept occurs nowhere), so "occurs nowhere" is visible in the data.
 */
export function computeOccurrences(
  matcher: Matcher,
  passages: readonly Passage[],
  concepts: ReadonlyArray<{ id: string }> = [],
): Record<string, Occurrence[]> {
  const occ: Record<string, Occurrence[]> = {};
  for (const c of concepts) occ[c.id] = [];
  for (const p of passages)
    for (const m of findTermMatches(matcher, p.text, { context: 'corpus' }))
      (occ[m.conceptId] ??= []).push({ passageId: p.id, docId: p.docId, start: m.start, end: m.end });
  return occ;
}
