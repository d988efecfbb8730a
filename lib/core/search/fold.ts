// Stage 1 (query and passages): fold Han variants, Latin diacritics and hyphens, length-preserving.
import type { CorpusData } from '../types.ts';
import { HAN_FOLD_PAIRS } from './han-fold-table.ts';
import { normalizeSearchQuery } from './query.ts';

export type FoldTable = Uint16Array;

const HAN = /\p{Script=Han}/u;

function latinBase(code: number): number {
  const c = String.fromCharCode(code);
  if (c === 'đ' || c === 'Đ') return 'd'.charCodeAt(0);
  const d = c.normalize('NFD');
  if (d.length > 1 && /^[A-Za-z]\p{M}+$/u.test(d)) return d.toLowerCase().charCodeAt(0);
  return code;
}

const foldTableCache = new Map<string, FoldTable>();

/** The full 64K table for a Han folding string (cached: every Search over one index shares it). */
export function foldTableFor(foldPairs: string): FoldTable {
  const cached = foldTableCache.get(foldPairs);
  if (cached) return cached;
  const t = new Uint16Array(65536);
  for (let i = 0; i < 65536; i++) t[i] = i;
  // Latin-1 Supplement, Latin Extended-A/B, Latin Extended Additional (Vietnamese).
  for (const [from, to] of [
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ] as const) {
    for (let i = from; i <= to; i++) t[i] = latinBase(i);
  }
  // "Five-Year" / "Five Year": hyphens (normalizeForMatch folds all dashes to '-') match spaces.
  t[0x2d] = 0x20;
  for (let i = 0; i + 1 < foldPairs.length; i += 2) t[foldPairs.charCodeAt(i)] = foldPairs.charCodeAt(i + 1);
  foldTableCache.set(foldPairs, t);
  return t;
}

export function fold(s: string, t: FoldTable): string {
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (t[c] !== c) {
      changed = true;
      break;
    }
  }
  if (!changed) return s;
  const out: string[] = [];
  // fromCharCode(...codes) in slices: one spread of a whole passage can overflow the stack.
  const CH = 4096;
  for (let i = 0; i < s.length; i += CH) {
    const n = Math.min(CH, s.length - i);
    const codes = new Array<number>(n);
    for (let k = 0; k < n; k++) codes[k] = t[s.charCodeAt(i + k)]!;
    out.push(String.fromCharCode(...codes));
  }
  return out.join('');
}

/** A concept name, label or passage surface in the form queries are compared in. */
export function foldedName(s: string, t: FoldTable): string {
  return fold(normalizeSearchQuery(s), t);
}

/** Han folding pairs ("from,to" concatenated, sorted) for the given characters. */
export type HanFold = (chars: readonly string[]) => string;

/** Serialises a from -> canonical map into the index's `fold` string (sorted, deterministic). */
export function foldPairsToString(pairs: ReadonlyMap<string, string>): string {
  return [...pairs.entries()]
    .filter(([f, c]) => f.length === 1 && c.length === 1 && f !== c)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([f, c]) => f + c)
    .join('');
}

/**
 * Default Han folding: the checked-in opencc-js table (lib/core/search/han-fold-table.ts, generated
 * by scripts/gen-search-han-fold.ts) restricted to what the corpus and glossary need: every
 * character's canonical form and all the forms that fold to it.
 */
export const tableHanFold: HanFold = (chars) => {
  const all = new Map<string, string>();
  for (let i = 0; i + 1 < HAN_FOLD_PAIRS.length; i += 2) all.set(HAN_FOLD_PAIRS[i]!, HAN_FOLD_PAIRS[i + 1]!);
  const canon = new Set<string>();
  for (const c of chars) canon.add(all.get(c) ?? c);
  const out = new Map<string, string>();
  for (const [f, c] of all) if (canon.has(c)) out.set(f, c);
  return foldPairsToString(out);
};

/**
 * Han folding learnt from the glossary alone: character pairs from the glossary's own zh-Hans /
 * zh-Hant spellings of the same term (labels, and aliases at the same position), the simplified
 * character being canonical. Used when an index must be rebuilt at run time without a shipped
 * folding table (keeps the 20 KB table out of the extension bundle).
 */
export function glossaryHanFold(data: CorpusData): HanFold {
  return () => {
    const pairs = new Map<string, string>();
    const single = (x: string) => x.length === 1 && HAN.test(x);
    const learn = (hans: string | undefined, hant: string | undefined) => {
      if (!hans || !hant || hans.length !== hant.length) return;
      for (let i = 0; i < hans.length; i++) {
        const s = hans[i]!;
        const t = hant[i]!;
        if (s === t) continue;
        if (!single(s) || !single(t)) return; // not a character-by-character spelling pair
      }
      for (let i = 0; i < hans.length; i++) {
        const s = hans[i]!;
        const t = hant[i]!;
        if (s !== t && !pairs.has(t)) pairs.set(t, s);
      }
    };
    for (const c of data.concepts) {
      learn(c.labels['zh-Hans'], c.labels['zh-Hant']);
      const a = c.aliases['zh-Hans'] ?? [];
      const b = c.aliases['zh-Hant'] ?? [];
      for (let i = 0; i < Math.min(a.length, b.length); i++) learn(a[i], b[i]);
    }
    return foldPairsToString(pairs);
  };
}
