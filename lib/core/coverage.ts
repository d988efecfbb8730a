// Coverage of the corpus by the glossary: every quoted term and every numbered formulation in
// the corpus must be matched by a concept or listed in corpus/exclusions/*.yaml. Pure.

import type { Passage, TermMatch } from './types.ts';

export type CandidateKind = 'quoted' | 'numbered';

export interface Candidate {
  kind: CandidateKind;
  /** The term: the text inside the quotes, or the numbered formulation. */
  term: string;
  passageId: string;
  docId: string;
  /** Offsets of `term` in the passage text. */
  start: number;
  end: number;
}

const QUOTE_PAIRS: Record<string, string> = { '「': '」', '『': '』', '“': '”' };
const CLOSERS = new Map(Object.entries(QUOTE_PAIRS).map(([o, c]) => [c, o]));

/** Quoted terms (「」『』“”"") with nesting: both the outer and the inner quotes are terms. */
export function extractQuoted(text: string): Array<{ term: string; start: number; end: number }> {
  const out: Array<{ term: string; start: number; end: number }> = [];
  const stack: Array<{ ch: string; at: number }> = [];
  let asciiOpen = -1;
  const push = (a: number, b: number) => {
    let s = a;
    let e = b;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ term: text.slice(s, e), start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch in QUOTE_PAIRS) stack.push({ ch, at: i });
    else if (CLOSERS.has(ch)) {
      const opener = CLOSERS.get(ch)!;
      for (let k = stack.length - 1; k >= 0; k--) {
        if (stack[k]!.ch === opener) {
          push(stack[k]!.at + 1, i);
          stack.length = k;
          break;
        }
      }
    } else if (ch === '"') {
      if (asciiOpen < 0) asciiOpen = i;
      else {
        push(asciiOpen + 1, i);
        asciiOpen = -1;
      }
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

// Numbered formulations ------------------------------------------------------------------

const NUM_KANJI = '二三四五六七八九十两兩';
const HAN = '\\p{Script=Han}';
/** Units and counters that make "三年", "2人", "六回" ordinary numbers, not formulations. */
const COUNTERS = new Set([
  ...'年月日時分秒人名回件社項級期次倍割個箇カヵヶか所点位番歳億万千百元円部条章節款号階棟戸台枚本冊頭匹隻軒週度',
]);

/** Japanese particles and punctuation that end the noun phrase after 〜つの. */
const JA_STOP = '、。，．・「」『』“”"()（）\\s をがはにでともへやの';

const JA_TSUNO = new RegExp(`(?:[${NUM_KANJI}]|[2-9２-９]|1[0-9]|１[０-９])つの([^${JA_STOP}]{1,12})`, 'gu');
/** Compact numbered formulations: a Han run of 2-4 characters starting with a numeral (六保, 六安定, 三重一大). */
const COMPACT_PARTICLES = new Set([...'をがはにでともへやのなど']);
const COMPACT = new RegExp(`(?<![${HAN}])[${NUM_KANJI}](${'[' + HAN + ']'}{1,3})(?![${HAN}])`, 'gu');
/** Chinese 两个维护 / 四个意识 / 四個自信. */
const ZH_GE = new RegExp(`(?:两|兩|[二三四五六七八九十])(?:个|個)([${HAN}]{2,4})`, 'gu');

const EN_NUMBERS = 'two|three|four|five|six|seven|eight|nine|ten';
const EN_STOP = new Set([
  'years',
  'months',
  'days',
  'weeks',
  'hours',
  'times',
  'people',
  'persons',
  'units',
  'items',
  'or',
  'and',
  'of',
  'to',
  'in',
  'more',
  'thousand',
  'hundred',
  'million',
  'billion',
  'levels',
  'sessions',
]);
/** "the six stabilities", "Six Stabilities", "six guarantees" after a quote mark. */
const EN_NUMBERED = new RegExp(`\\b(${EN_NUMBERS})\\s+([A-Za-z][A-Za-z-]+)`, 'gi');

export function extractNumbered(text: string): Array<{ term: string; start: number; end: number }> {
  const out: Array<{ term: string; start: number; end: number }> = [];
  const add = (start: number, term: string) => out.push({ term, start, end: start + term.length });
  for (const m of text.matchAll(JA_TSUNO)) add(m.index, m[0]);
  for (const m of text.matchAll(COMPACT)) {
    const rest = m[1]!;
    if (COUNTERS.has(rest[0]!)) continue;
    if (/^[一二三四五六七八九十百千万两兩]+$/.test(rest)) continue; // 十一、 十三 (plain numbers)
    // a verb stem with okurigana (七取り入れ) is not a compact formulation
    const next = text[m.index + m[0].length];
    if (next !== undefined && /\p{Script=Hiragana}/u.test(next) && !COMPACT_PARTICLES.has(next)) continue;
    add(m.index, m[0]);
  }
  for (const m of text.matchAll(ZH_GE)) add(m.index, m[0]);
  for (const m of text.matchAll(EN_NUMBERED)) {
    const word = m[2]!;
    if (EN_STOP.has(word.toLowerCase())) continue;
    // accepted when Title Case ("Six Stabilities") or right after a quote mark or "the"
    const titleCase = /^[A-Z]/.test(m[1]!) && /^[A-Z]/.test(word);
    const prev = text.slice(Math.max(0, m.index - 4), m.index);
    const afterQuoteOrThe = /["“‘']$/.test(prev) || /\bthe\s$/i.test(prev);
    if (titleCase || afterQuoteOrThe) add(m.index, m[0]);
  }
  // de-duplicate identical spans
  const seen = new Set<string>();
  return out
    .filter((c) => {
      const k = `${c.start}:${c.end}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => a.start - b.start || b.end - a.end);
}

export function extractCandidates(passages: readonly Passage[]): Candidate[] {
  const out: Candidate[] = [];
  for (const p of passages) {
    for (const q of extractQuoted(p.text))
      out.push({ kind: 'quoted', ...q, passageId: p.id, docId: p.docId });
    for (const n of extractNumbered(p.text))
      out.push({ kind: 'numbered', ...n, passageId: p.id, docId: p.docId });
  }
  return out;
}

// Coverage ------------------------------------------------------------------------------

export type CoverageStatus = 'covered' | 'excluded' | 'missing';

export interface CoverageEntry {
  /** The term as first found. */
  term: string;
  /** Normalised grouping key. */
  key: string;
  kinds: CandidateKind[];
  count: number;
  passageIds: string[];
  status: CoverageStatus;
  /** Concepts matching the whole term (status covered). */
  conceptIds: string[];
  /** Exclusion reason (status excluded). */
  reason?: string;
}

export interface CoverageInput {
  candidates: readonly Candidate[];
  /** Corpus-context matches per passage id (offsets within the passage text). */
  matches: (passageId: string) => readonly TermMatch[];
  exclusions: ReadonlyArray<{ term: string; reason: string }>;
  normalize: (s: string) => string;
}

/** Exclusion terms may be written with their quotes: 「…」 -> … (only a matching outer pair). */
function exclusionKeys(term: string, normalize: (s: string) => string): string[] {
  const t = term.trim();
  const keys = [normalize(t)];
  const pairs: Record<string, string> = { '「': '」', '『': '』', '“': '”', '"': '"' };
  const close = pairs[t[0] ?? ''];
  if (close && t.length > 2 && t.endsWith(close)) keys.push(normalize(t.slice(1, -1).trim()));
  return keys;
}

export function computeCoverage(input: CoverageInput): CoverageEntry[] {
  const excl = new Map<string, string>();
  for (const e of input.exclusions)
    for (const k of exclusionKeys(e.term, input.normalize)) if (!excl.has(k)) excl.set(k, e.reason);
  const groups = new Map<string, CoverageEntry>();
  const spansByKey = new Map<string, Set<string>>();
  for (const c of input.candidates) {
    const key = input.normalize(c.term);
    let g = groups.get(key);
    if (!g) {
      g = { term: c.term, key, kinds: [], count: 0, passageIds: [], status: 'missing', conceptIds: [] };
      groups.set(key, g);
    }
    if (!g.kinds.includes(c.kind)) g.kinds.push(c.kind);
    // the same span found as quoted and as numbered counts once
    const spanKey = `${c.passageId}@${c.start}`;
    const spans = spansByKey.get(key) ?? new Set<string>();
    spansByKey.set(key, spans);
    if (!spans.has(spanKey)) {
      spans.add(spanKey);
      g.count++;
      if (!g.passageIds.includes(c.passageId)) g.passageIds.push(c.passageId);
    }
    for (const m of input.matches(c.passageId))
      if (m.start <= c.start && m.end >= c.end && !g.conceptIds.includes(m.conceptId))
        g.conceptIds.push(m.conceptId);
  }
  const out: CoverageEntry[] = [];
  for (const g of groups.values()) {
    g.kinds.sort();
    g.conceptIds.sort();
    if (g.conceptIds.length > 0) g.status = 'covered';
    else if (excl.has(g.key)) {
      g.status = 'excluded';
      g.reason = excl.get(g.key)!;
    }
    out.push(g);
  }
  return out.sort(
    (a, b) =>
      (a.passageIds[0]! < b.passageIds[0]! ? -1 : a.passageIds[0]! > b.passageIds[0]! ? 1 : 0) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

export interface CoverageSummary {
  covered: number;
  excluded: number;
  missing: number;
}

export function summarize(entries: readonly CoverageEntry[]): CoverageSummary {
  const s = { covered: 0, excluded: 0, missing: 0 };
  for (const e of entries) s[e.status]++;
  return s;
}

/** Candidate concepts: missing terms that recur (>= minCount occurrences), most frequent first. */
export function suggestConcepts(entries: readonly CoverageEntry[], minCount = 2): CoverageEntry[] {
  return entries
    .filter((e) => e.status === 'missing' && e.count >= minCount)
    .sort(
      (a, b) => b.count - a.count || b.passageIds.length - a.passageIds.length || (a.key < b.key ? -1 : 1),
    );
}

/** Exclusions that match no term in the corpus (stale entries). */
export function unusedExclusions(
  entries: readonly CoverageEntry[],
  exclusions: ReadonlyArray<{ term: string }>,
  normalize: (s: string) => string,
): string[] {
  const keys = new Set(entries.map((e) => e.key));
  return exclusions.map((e) => e.term).filter((t) => !exclusionKeys(t, normalize).some((k) => keys.has(k)));
}

export function formatCoverageLine(e: CoverageEntry): string {
  const status =
    e.status === 'covered'
      ? `covered-by ${e.conceptIds.join(',')}`
      : e.status === 'excluded'
        ? `excluded (${e.reason})`
        : 'MISSING';
  const where = e.passageIds.slice(0, 4).join(' ') + (e.passageIds.length > 4 ? ' …' : '');
  return `${status}\t${e.kinds.join('+')}\t${e.term}\t×${e.count}\t${where}`;
}
