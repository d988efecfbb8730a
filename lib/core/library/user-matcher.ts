// The user's term lists as a matcher (issue #12): every term becomes a concept `u.<listId>.<n>`,
// its term and aliases go through the build's variant generation (matcher-entries.ts) and Han
// folding, and the result is compiled like generated/matcher.json. The background packs it once
// per change of the lists and hands it to every frame. Pure.
//
// No opencc at runtime (a build-time dependency that must not reach the extension): the Chinese
// converters are the identity here, and Han folding does their work: simplified, traditional and
// Japanese forms of a character are one character to the matcher (match-han-fold.ts), so one
// pattern written in either script matches both.
import { aliasLength, isShortAlias } from '../glossary/aliases.ts';
import { foldHan, hanFoldTable, restrictHanFold } from '../match-han-fold.ts';
import { normalizeQuery } from '../normalize.ts';
import { buildMatcherEntries, type VariantConverters } from '../pipeline/matcher-entries.ts';
import { HAN_FOLD_PAIRS } from '../search/han-fold-table.ts';
import { compileMatcher, type CompiledMatcher } from '../term-matcher.ts';
import type { Concept, Lang, MatchRule } from '../types.ts';
import { userConceptId, type TermListRecord, type UserTerm } from './schema.ts';

const IDENTITY: VariantConverters = { toTraditional: (s) => s, toSimplified: (s) => s };
const FOLD = hanFoldTable(HAN_FOLD_PAIRS);

/** A term's language: as the list says, else from its script (kana: ja; Han: zh; Vietnamese marks: vi). */
export function termLang(term: UserTerm): Lang {
  if (term.lang) return term.lang;
  const t = term.term;
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(t)) return 'ja';
  if (/\p{Script=Han}/u.test(t)) return 'zh-Hans';
  if (/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu.test(t)) return 'vi';
  return 'en';
}

/**
 * The glossary's safety rule for short aliases, applied instead of refused: the bundled glossary
 * requires a rule on an alias under 2 CJK characters or 4 Latin letters (glossary/validate.ts).
 * A user's list is not reviewed, so such a term gets the rule a reviewer would give it: a short
 * Latin term ("AI", "CPC") matches only as written (case-sensitive, like an acronym), a single
 * Han character or kana is counted in the documents but not painted on pages (corpus only),
 * where it would light up in every other sentence.
 */
export function shortTermRule(text: string): MatchRule | undefined {
  if (!isShortAlias(text)) return undefined;
  return aliasLength(text).cjk > 0 ? { corpusOnly: true } : { caseSensitive: true };
}

/** The concept a user term stands for (labels: the term in every language; its own definition). */
export function userTermConcept(list: Pick<TermListRecord, 'id'>, term: UserTerm, n: number): Concept {
  const lang = termLang(term);
  const rules: Record<string, MatchRule> = {};
  for (const t of [term.term, ...term.aliases]) {
    const r = shortTermRule(t);
    if (r) rules[t] = r;
  }
  const def = term.definition?.trim() ?? '';
  return {
    id: userConceptId(list.id, n),
    category: term.category ?? 'formulation',
    labels: { en: term.term, ja: term.term, 'zh-Hans': term.term, 'zh-Hant': term.term },
    aliases: { [lang]: term.aliases.filter((a) => a !== term.term) },
    definition: def ? { en: def, [lang]: def } : { en: '' },
    related: [],
    ...(Object.keys(rules).length ? { rules } : {}),
    ...(term.source ? { sources: [term.source] } : {}),
  };
}

/**
 * Labels are aliases in every language (conceptAliases), which would run the term through every
 * language's variant rules (English plurals of a Chinese term, Japanese counters of an English
 * one). A user term has one language: its label goes in as an alias of that language only.
 */
function matcherView(c: Concept, term: UserTerm): Concept {
  const lang = termLang(term);
  const own = [term.term, ...(c.aliases[lang] ?? [])];
  return { ...c, labels: { en: '', ja: '', 'zh-Hans': '', 'zh-Hant': '' }, aliases: { [lang]: own } };
}

export interface UserMatcherBuild {
  /** Null when the lists hold no term. */
  compiled: CompiledMatcher | null;
  /** The user concepts, in matcher order (concept index i is concepts[i]). */
  concepts: Concept[];
  /** Concept id -> its normalised forms (like CorpusData.variants: the search expands with them). */
  variants: Record<string, string[]>;
}

/** Every term of every list, compiled into one matcher (ids `u.<listId>.<n>`). */
export function compileUserMatcher(lists: readonly TermListRecord[]): UserMatcherBuild {
  const concepts: Concept[] = [];
  const views: Concept[] = [];
  for (const list of lists)
    list.terms.forEach((term, n) => {
      const c = userTermConcept(list, term, n);
      concepts.push(c);
      views.push(matcherView(c, term));
    });
  if (concepts.length === 0) return { compiled: null, concepts, variants: {} };
  // matcherView's empty labels are skipped by conceptAliases
  const built = buildMatcherEntries(views, IDENTITY);
  const entries = built.entries.map((e) => ({ ...e, text: foldHan(e.text, FOLD) }));
  const compiled = compileMatcher(entries, {
    ids: concepts.map((c) => c.id),
    categories: concepts.map((c) => c.category),
  });
  compiled.hanFold = restrictHanFold(
    HAN_FOLD_PAIRS,
    entries.map((e) => normalizeQuery(e.text)),
  );
  return { compiled, concepts, variants: built.variants };
}
