// Internal tunables of every search stage (user-facing caps are in lib/core/limits.ts).

export const SEARCH_INDEX_VERSION = 1;
/** Concepts a query may expand to, concepts reported for it, and "did you mean" labels. */
export const EXPAND_MAX = 5;
export const CONCEPT_HITS_MAX = 10;
export const SUGGESTIONS_MAX = 5;
/** Concepts looked at for suggestions. */
export const SUGGEST_CANDIDATES = 10;
/** Chunk length (UTF-16 units of the normalised passage text) for the fuzzy index. */
export const CHUNK_SIZE = 200;
/** Overlap between consecutive chunks; >= FUZZY_CAP so any fuzzy pattern fits in one chunk. */
export const CHUNK_OVERLAP = 64;
/** Fuzzy matching is skipped for queries shorter than this (too noisy). */
export const FUZZY_MIN = 4;
/** Collections (chunks, concept names) up to this size are searched with the parsed fuse.js index
 * directly; larger ones go through the bigram prefilter first. fuse.js bitap with ignoreLocation
 * costs ~30 us per 200-char chunk per query, so the prefilter is what keeps search bounded. */
export const DIRECT_FUSE_MAX = 64;
/** Candidate chunks / concept names handed to fuse.js after the prefilter. */
export const PREFILTER_CHUNKS = 64;
export const PREFILTER_NAMES = 32;
/** Upper bound on fuse.js bitap steps per query (candidates shrink as the pattern grows). */
export const FUZZY_BUDGET = 16_000;
/** fuse.js threshold for chunks, and the highest edit-error rate a fuzzy span may have. */
export const FUZZY_THRESHOLD = 0.4;
/** fuse.js threshold for concept names (loose: expansion and suggestions filter further). */
export const SUGGEST_THRESHOLD = 0.7;
/** Minimum normalised edit similarity for a fuzzy concept match to expand the query. */
export const EXPAND_SIMILARITY = 0.75;
/** Query understanding: a concept the query names counts this many times a plain word. */
export const CONCEPT_TERM_WEIGHT = 2;
/** Minimum edit similarity for a few words of a query to name a concept ("sixe stabilties"). */
export const WINDOW_SIMILARITY = 0.8;
/**
 * Confidence floor: the share of the query's term weight (idf-weighted) a passage must hold to be
 * answered. Short queries need most of it ("belt and road" must not answer "road" alone); long
 * pastes, whose bigrams are many and shared only in part across languages, need less.
 */
export const COVERAGE_FLOOR_SHORT = 0.55;
export const COVERAGE_FLOOR_LONG = 0.3;
/** Terms from which a query counts as long (between the two floors the floor falls linearly). */
export const SHORT_TERMS = 3;
export const LONG_TERMS = 12;
/** Minimum edit similarity for a CJK segment of a query to name a concept ("两个唯护"). */
export const CJK_SIMILARITY = 0.75;
/** Share of a long name's content words a query must hold to name it. */
export const NAME_WORDS_SHARE = 0.75;
/** Weight of a query word found nowhere in the corpus when the query names a concept: the words
 * around a concept often describe it in a language the passages holding it are not written in. */
export const UNSEEN_WITH_CONCEPT = 0.15;
/** A query without hits is answered with the concepts it names: at most this many, and of the
 * whole query's matches only those this close (0 = the exact name; misspellings go to suggestions). */
export const ANSWERS_MAX = 3;
export const ANSWER_SCORE_MAX = 0.15;
/** Weight of a passage that holds a concept only through a narrower one (its name inside theirs). */
export const NARROWER_WEIGHT = 0.9;
/** Weight, in the total of a passage written in CJK script, of a query word only Latin-script
 * passages hold (an English question about a Japanese passage: "EPC projects"). */
export const CROSS_SCRIPT_WEIGHT = 0.2;
