// What every term-list reader (CSV/TSV, TBX, YAML/JSON) shares: the spellings of a language or a
// category people write in their files, source URLs, and the collector that merges repeated terms,
// enforces the caps and checks each term against UserTermSchema before a list is accepted.
import * as v from 'valibot';
import { CATEGORIES, type Category } from '../categories.ts';
import { langFromTag } from '../lang.ts';
import type { Lang } from '../types.ts';
import {
  LIBRARY_URL_MAX,
  TERM_ALIASES_MAX,
  TERM_LIST_MAX_TERMS,
  TERM_TEXT_MAX,
  USER_DEFINITION_MAX,
} from '../limits.ts';
import { UserTermSchema, type UserTerm } from './schema.ts';

/** A problem that rejects the whole file; `message` already names the file and the row or line. */
export class TermListError extends Error {}

/**
 * Names and legacy codes people write for a language, lower-cased; BCP 47 tags (zh-CN, zh-TW,
 * zh-Hant-HK, en-US, ja-JP, vi-VN, bare zh) go through langFromTag, as the page language does:
 * mainland and Singapore tags and bare zh are Simplified, Taiwan/Hong Kong/Macau Traditional.
 */
const LANG_NAMES: Record<string, Lang> = {
  english: 'en',
  jp: 'ja',
  jpn: 'ja',
  japanese: 'ja',
  chinese: 'zh-Hans',
  chs: 'zh-Hans',
  'zh-chs': 'zh-Hans',
  cht: 'zh-Hant',
  'zh-cht': 'zh-Hant',
  vie: 'vi',
  vietnamese: 'vi',
};

/**
 * One of the project's languages for a tag as written ("zh-CN", "EN-us", "zh_Hant_TW"), undefined
 * for an empty cell, null for a language the extension does not know.
 */
export function normalizeLang(raw: string): Lang | undefined | null {
  const tag = raw.trim().toLowerCase().replace(/_/g, '-');
  if (tag === '') return undefined;
  return LANG_NAMES[tag] ?? langFromTag(tag) ?? null;
}

export const LANG_HELP = 'en, ja, zh-Hans (zh, zh-CN), zh-Hant (zh-TW, zh-HK) or vi';

/** A category id as written (any case), undefined when empty, null when unknown. */
export function normalizeCategory(raw: string): Category | undefined | null {
  const c = raw.trim().toLowerCase();
  if (c === '') return undefined;
  return CATEGORIES.find((id) => id === c) ?? null;
}

export const CATEGORY_HELP = CATEGORIES.join(', ');

/** A source URL as kept (trimmed), undefined when empty, null when it is no http(s) URL. */
export function normalizeSource(raw: string): string | undefined | null {
  const s = raw.trim();
  if (s === '') return undefined;
  if (s.length > LIBRARY_URL_MAX || !/^https?:\/\/\S+$/i.test(s)) return null;
  try {
    const u = new URL(s);
    return u.hostname === '' ? null : s;
  } catch {
    return null;
  }
}

/**
 * `a | b|c` → ['a', 'b', 'c']. An alias holding a `|` itself is written `\|` (what joinAliases
 * writes), so an exported list reads back the same.
 */
export function splitAliases(raw: string): string[] {
  return raw
    .split(/(?<!\\)\|/)
    .map((s) => s.replace(/\\\|/g, '|').trim())
    .filter((s) => s !== '');
}

/** The aliases cell of a CSV row: `|` between aliases, `\|` inside one. */
export function joinAliases(aliases: readonly string[]): string {
  return aliases.map((a) => a.replace(/\|/g, '\\|')).join('|');
}

/** The key under which two spellings of a term are the same term (case and width folded). */
function termKey(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A term as read, before the collector checks it. `where` names its row / line / entry. */
export interface TermDraft {
  term: string;
  aliases: string[];
  definition?: string;
  lang?: Lang;
  category?: Category;
  source?: string;
}

/** Why a term breaks a cap, in words a person fixing the file understands; null when it fits. */
function capProblem(t: TermDraft): string | null {
  const long = [t.term, ...t.aliases].find((s) => s.length > TERM_TEXT_MAX);
  if (long !== undefined)
    return `"${long.slice(0, 40)}…" is longer than ${TERM_TEXT_MAX} characters (the longest term a list may hold)`;
  if (t.aliases.length > TERM_ALIASES_MAX)
    return `"${t.term}" has ${t.aliases.length} aliases (at most ${TERM_ALIASES_MAX})`;
  if ((t.definition?.length ?? 0) > USER_DEFINITION_MAX)
    return `the definition of "${t.term}" is longer than ${USER_DEFINITION_MAX.toLocaleString('en')} characters`;
  return null;
}

/** Drops empties, duplicates and the term itself from its aliases (order kept). */
function tidyAliases(term: string, aliases: readonly string[]): string[] {
  const seen = new Set([termKey(term)]);
  const out: string[] = [];
  for (const a of aliases) {
    const s = a.trim();
    const k = termKey(s);
    if (s === '' || seen.has(k)) continue;
    seen.add(k);
    out.push(s);
  }
  return out;
}

/**
 * Collects a file's terms in order. A term written twice (same text after case and width folding)
 * is merged into its first occurrence: aliases joined, empty fields filled from the later one, a
 * different definition, category, language or source of the later one dropped; either way a warning
 * names both places. Merging rather than rejecting: exports of CAT tools repeat a term per
 * project or domain, and the list would highlight it once anyway.
 */
export class TermCollector {
  private readonly terms: TermDraft[] = [];
  private readonly whereOf: string[] = [];
  private readonly byKey = new Map<string, number>();
  readonly warnings: string[] = [];

  private readonly prefix: string;

  /** `prefix` is "file.csv, " and `where` "row 14": messages read "file.csv, row 14: …". */
  constructor(prefix: string) {
    this.prefix = prefix;
  }

  fail(where: string, message: string): never {
    throw new TermListError(`${this.prefix}${where}: ${message}`);
  }

  add(where: string, draft: TermDraft): void {
    const term = draft.term.trim();
    if (term === '') this.fail(where, 'the term is empty');
    const t: TermDraft = { ...draft, term, aliases: tidyAliases(term, draft.aliases) };
    if (t.definition !== undefined) t.definition = t.definition.trim() || undefined;
    const key = termKey(term);
    const first = this.byKey.get(key);
    if (first === undefined) {
      if (this.terms.length >= TERM_LIST_MAX_TERMS)
        this.fail(
          where,
          `more than ${TERM_LIST_MAX_TERMS.toLocaleString('en')} terms (the most one list may hold)`,
        );
      const problem = capProblem(t);
      if (problem !== null) this.fail(where, problem);
      this.byKey.set(key, this.terms.length);
      this.terms.push(t);
      this.whereOf.push(where);
      return;
    }
    this.merge(first, where, t);
  }

  private merge(index: number, where: string, t: TermDraft): void {
    const into = this.terms[index]!;
    const merged: TermDraft = {
      term: into.term,
      aliases: tidyAliases(into.term, [...into.aliases, t.term, ...t.aliases]),
    };
    const dropped: string[] = [];
    for (const k of ['definition', 'lang', 'category', 'source'] as const) {
      const a = into[k];
      const b = t[k];
      const kept = a ?? b;
      if (kept !== undefined) (merged as unknown as Record<string, unknown>)[k] = kept;
      if (a !== undefined && b !== undefined && a !== b) dropped.push(k);
    }
    const problem = capProblem(merged);
    if (problem !== null) this.fail(where, problem);
    this.terms[index] = merged;
    const note = dropped.length > 0 ? ` (its ${dropped.join(', ')} ignored: the first one is kept)` : '';
    this.warnings.push(
      `${this.prefix}${where}: "${t.term}" repeats ${this.whereOf[index]!}; merged into it${note}`,
    );
  }

  /** The terms, each checked against UserTermSchema; throws when there are none. */
  finish(emptyWhere: string): UserTerm[] {
    if (this.terms.length === 0) this.fail(emptyWhere, 'the file holds no term');
    return this.terms.map((t, i) => {
      const r = v.safeParse(UserTermSchema, t);
      if (!r.success) {
        const issue = r.issues[0];
        const path = v.getDotPath(issue);
        this.fail(this.whereOf[i]!, `${path ? `${path}: ` : ''}${issue.message}`);
      }
      return r.output;
    });
  }
}
