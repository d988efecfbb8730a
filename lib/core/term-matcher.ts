// Page time: findTermMatches() runs one pass of the decoded automaton over the normalised text and
// selects leftmost-longest non-overlapping matches that pass their boundaries and flags.
//
// This is also the matcher's public entry point (content script, build, CLI): the format, the
// compiler and the decoder live in term-matcher-{format,compile,decode}.ts and are re-exported
// here. Pure TypeScript: no DOM, no dependencies.

import type { TermMatch } from './types.ts';
import { normalizeForMatch, normalizePreservingCase, toOriginalSpan } from './normalize.ts';
import { isOpenQuote, isWordUnit } from './term-matcher-boundaries.ts';
import { foldHan, hanFoldTable, type HanFoldTable } from './match-han-fold.ts';
import { createMatcher as decodeMatcher, type Matcher as DecodedMatcher } from './term-matcher-decode.ts';
import { childOf, failOf, FAR, far, popcount } from './term-matcher-runtime.ts';
import type { CompiledMatcher } from './term-matcher-format.ts';
import { FLAG_CASE_SENSITIVE, FLAG_CORPUS_ONLY, FLAG_QUOTED_ONLY } from './term-matcher-format.ts';

export { compileMatcher, type MatcherEntry } from './term-matcher-compile.ts';
export {
  FLAG_CASE_SENSITIVE,
  FLAG_CORPUS_ONLY,
  FLAG_QUOTED_ONLY,
  matcherConcepts,
  type CompiledMatcher,
} from './term-matcher-format.ts';
export { isWordUnit } from './term-matcher-boundaries.ts';

/** The decoded automaton, with the Han folding its patterns were built with (if any). */
export interface Matcher extends DecodedMatcher {
  readonly fold?: HanFoldTable;
}

/** Decodes compiled matcher data (term-matcher-decode.ts) and its Han folding pairs. */
export function createMatcher(data: CompiledMatcher): Matcher {
  const m = decodeMatcher(data);
  return data.hanFold ? { ...m, fold: hanFoldTable(data.hanFold) } : m;
}

/**
 * Find concept terms in `text`. Offsets are UTF-16 indices into `text`. Leftmost-longest,
 * non-overlapping, in document order. Never throws.
 */
export function findTermMatches(
  matcher: Matcher,
  text: string,
  opts?: { context?: 'page' | 'corpus' },
): TermMatch[] {
  const result: TermMatch[] = [];
  try {
    scan(matcher, text, opts?.context === 'corpus', result);
  } catch {
    // never throw into the page (e.g. out of memory on a giant string): keep what was found
  }
  return result;
}

function scan(matcher: Matcher, text: string, corpus: boolean, result: TermMatch[]): TermMatch[] {
  if (typeof text !== 'string' || text.length === 0) return result;
  const R = matcher._m;
  if (R.childAt.length <= 2) return result; // the root alone
  const norm = normalizeForMatch(text);
  // one unit for one unit: offsets into `t` are offsets into norm.text
  const t = matcher.fold ? foldHan(norm.text, matcher.fold) : norm.text;
  const map = norm.map;
  const n = t.length;
  const {
    symBlock,
    symTab,
    rootNext,
    childAt,
    farChild,
    label,
    fail,
    farFail,
    outBits,
    outRank,
    outFirst,
    termNext,
    termDepth,
    entryConcept,
    bounds,
    ringMask,
  } = R;

  // Leftmost-longest selection, streamed: ring[start & mask] holds the longest accepted candidate
  // starting there (end, entry). A start position p is final once the scan has passed p + maxDepth
  // - 1, because every later candidate starts after p. Then the greedy choice is made at p.
  const ringEnd = new Int32Array(ringMask + 1);
  const ringEnt = new Int32Array(ringMask + 1);
  let pending = 0; // candidates in the ring
  let cursor = 0; // next start position to finalise
  let takenEnd = 0; // normalised end of the last selected match
  let lastOrigEnd = 0; // original end of the last selected match
  const maxDepth = ringMask; // ring size is > maxDepth

  const finalise = (upTo: number): void => {
    // finalise start positions cursor .. upTo - 1
    while (cursor < upTo) {
      if (pending === 0) {
        cursor = upTo;
        break;
      }
      const slot = cursor & ringMask;
      const e = ringEnd[slot]!;
      if (e !== 0) {
        ringEnd[slot] = 0;
        pending--;
        if (cursor >= takenEnd) {
          const [os, oe] = toOriginalSpan(map, cursor, e, text);
          // an NFKC expansion (㍻ -> 平成) split between two matches would overlap in the original
          if (os >= lastOrigEnd) {
            const concept = at(entryConcept, R.farConcept, ringEnt[slot]!);
            // (the names are read at the first match: a matcher file defers them, term-matcher-file.ts)
            result.push({ start: os, end: oe, conceptId: matcher.ids[concept]! });
            lastOrigEnd = oe;
            takenEnd = e;
          }
        }
      }
      cursor++;
    }
  };

  let state = 0;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    const sy = symTab[symBlock[c >>> 8]! | (c & 255)]!;
    if (sy === 0) {
      state = 0;
      if (pending !== 0) finalise(i + 1);
      continue;
    }
    for (;;) {
      const nx = state === 0 ? rootNext[sy]! : childOf(childAt, farChild, label, state, sy);
      if (nx >= 0) {
        state = nx;
        break;
      }
      if (state === 0) break;
      state = failOf(fail, farFail, state);
    }
    const word = outBits[state >>> 5]!;
    const bit = 1 << (state & 31);
    if (state !== 0 && word & bit) {
      // the state's outputs: its first terminal, then down the chain (ever smaller: no cycle)
      let tk = at(outFirst, R.farOut, outRank[state >>> 5]! + popcount(word & (bit - 1)));
      while (tk >= 0) {
        const end = i + 1;
        const start = end - termDepth[tk]!;
        const b = bounds[tk]!;
        let ok = start >= takenEnd;
        if (ok && b & 1 && start > 0 && isWordUnit(t.charCodeAt(start - 1))) ok = false;
        if (ok && b & 2 && end < n && isWordUnit(t.charCodeAt(end))) ok = false;
        if (ok) {
          const chosen = firstPassingEntry(R, tk, start, end, t, text, map, corpus);
          if (chosen >= 0) {
            const slot = start & ringMask;
            const prev = ringEnd[slot]!;
            // longer wins; at equal length the first accepted entry stays
            if (end > prev) {
              if (prev === 0) {
                // nothing pending: positions before end - maxDepth can hold no candidate
                if (pending === 0 && cursor < end - maxDepth) cursor = end - maxDepth;
                pending++;
              }
              ringEnd[slot] = end;
              ringEnt[slot] = chosen;
            }
          }
        }
        const next = at(termNext, R.farNext, tk) - 1;
        tk = next < tk ? next : -1;
      }
    }
    if (pending !== 0 && i + 2 > maxDepth) finalise(i + 2 - maxDepth);
  }
  finalise(n);
  return result;
}

/** The first entry of terminal tk whose flags pass at start..end of the normalised text t, or -1. */
function firstPassingEntry(
  R: Matcher['_m'],
  tk: number,
  start: number,
  end: number,
  t: string,
  text: string,
  map: ReturnType<typeof normalizeForMatch>['map'],
  corpus: boolean,
): number {
  const n = t.length;
  const e = tk + 1 + at(R.termStart, R.farStart, tk + 1);
  for (let ei = tk + at(R.termStart, R.farStart, tk); ei < e; ei++) {
    const f = R.entryFlags[ei]!;
    if (f === 0) return ei;
    if (f & FLAG_CORPUS_ONLY && !corpus) continue;
    if (f & FLAG_QUOTED_ONLY) {
      if (start === 0 || end >= n) continue;
      const close = isOpenQuote(t.charCodeAt(start - 1));
      if (close === 0 || t.charCodeAt(end) !== close) continue;
    }
    if (f & FLAG_CASE_SENSITIVE) {
      const want = R.cased.get(ei);
      const [os, oe] = toOriginalSpan(map, start, end, text);
      if (want === undefined || normalizePreservingCase(text.slice(os, oe)) !== want) continue;
    }
    return ei;
  }
  return -1;
}

/** A 16-bit table's value at k, from its far table when it did not fit. */
function at(u16: Uint16Array, pairs: Int32Array, k: number): number {
  const v = u16[k]!;
  return v === FAR ? far(pairs, k) : v;
}
