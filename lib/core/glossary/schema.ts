// The glossary's shape, declared once (docs/GLOSSARY.md): corpus/glossary/*.yaml and
// corpus/exclusions/*.yaml are validated with these schemas, the Concept type is inferred from
// them, and scripts/gen-schemas.ts publishes them as corpus/glossary.schema.json so editors
// check the YAML as people type.
//
// Messages are templates filled in by issueDiagnostic (diagnostics.ts): {key}, {found}, {input},
// {value} from the issue; {name} (the concept), {member} (its 1-based number) and {rule} (the
// alias a rule is for) from where it is (read.ts).
import * as v from 'valibot';
import { CATEGORIES } from '../types.ts';
import { isRecord } from './diagnostics.ts';

/** kebab-case ASCII: the form of every concept id (ids are never reused, so they stay tidy). */
const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Something besides white space (a blank label or alias would match everywhere or nowhere). */
const NOT_BLANK = /\S/;

interface MappingMessages {
  /** The value is no mapping (a list, a string, nothing). */
  notMapping: string;
  /** A required key is missing. */
  missing?: string;
  /** A key the schema does not know. */
  unknown: string;
}

/**
 * A YAML mapping with known keys. valibot's object schemas accept anything of typeof 'object',
 * lists too, so a guard first turns a list where a mapping belongs into one error instead of a
 * cascade of missing keys. Unknown keys go to a `never` rest entry rather than strictObject,
 * which stops at the first one: every unknown key is reported.
 */
/* @__NO_SIDE_EFFECTS__ */
function mapping<const E extends v.ObjectEntries>(
  entries: E,
  m: MappingMessages,
): v.GenericSchema<unknown, v.InferOutput<v.StrictObjectSchema<E, undefined>>> {
  // Typed as the strict object it is when it succeeds (valibot types the rest entry as an index
  // signature of never, which only gets in the way).
  return v.pipe(
    v.unknown(),
    v.check(isRecord, m.notMapping),
    v.objectWithRest(entries, v.never(m.unknown), m.missing ?? m.notMapping),
  );
}

/** A mapping of free keys (alias text) to values, with the same list guard as `mapping`. */
/* @__NO_SIDE_EFFECTS__ */
function mappingOf<const S extends v.GenericSchema>(value: S, notMapping: string) {
  return v.pipe(v.unknown(), v.check(isRecord, notMapping), v.record(v.string(), value));
}

/* @__NO_SIDE_EFFECTS__ */
function text(message: string) {
  return v.pipe(v.string(message), v.regex(NOT_BLANK, message));
}

/* @__NO_SIDE_EFFECTS__ */
function list<const S extends v.GenericSchema>(item: S, message: string) {
  return v.nullish(v.array(item, message));
}

const label = text('{key} label of {name} must be a non-empty string');

const Labels = mapping(
  { en: label, ja: label, 'zh-Hans': label, 'zh-Hant': label, vi: v.optional(label) },
  {
    notMapping: 'labels of {name} must be a mapping',
    missing: '{name} is missing the {key} label',
    unknown: 'unknown language "{key}" in labels of {name}',
  },
);

const aliasList = list(
  text('alias of {name} must be a non-empty string, found {found}'),
  '{key} aliases of {name} must be a list',
);
const Aliases = mapping(
  { en: aliasList, ja: aliasList, 'zh-Hans': aliasList, 'zh-Hant': aliasList, vi: aliasList },
  {
    notMapping: 'aliases of {name} must be a mapping of language to list',
    unknown: 'unknown language "{key}" in aliases of {name}',
  },
);

/* @__NO_SIDE_EFFECTS__ */
function flag(description: string) {
  const message = 'rule {key} for "{rule}" in {name} must be true or false';
  return v.optional(v.pipe(v.boolean(message), v.description(description)));
}
/** Where an alias may match. Declared in the glossary for ambiguous aliases. */
const Rule = mapping(
  {
    caseSensitive: flag('Latin alias matches only with exactly this casing'),
    quotedOnly: flag('matches only inside quotes (「」『』“”"")'),
    corpusOnly: flag('used for corpus occurrences, never highlighted on web pages'),
    needsContext: flag(
      'short or ambiguous alias: highlighted on a page only with another policy concept nearby',
    ),
    compound: v.optional(
      v.pipe(
        v.string('rule compound for "{rule}" in {name} must be the alias with | between its parts'),
        v.regex(/^[^|]+(?:\|[^|]+)+$/, 'rule compound for "{rule}" in {name} must split the alias with |'),
        v.description('the alias with | where Japanese/Chinese text may insert の/的/之'),
      ),
    ),
    optional: v.optional(
      v.pipe(
        v.array(
          text('optional part of "{rule}" in {name} must be a non-empty string'),
          'rule optional for "{rule}" in {name} must be a list of parts of the alias',
        ),
        v.description('parts of the alias that real text adds or leaves out (全面, tổ chức)'),
      ),
    ),
  },
  {
    notMapping: 'rule for "{rule}" in {name} must be a mapping',
    unknown:
      'unknown rule "{key}" for "{rule}" in {name} (expected quotedOnly, caseSensitive, corpusOnly, needsContext, compound or optional)',
  },
);

const definitionText = text('{key} definition of {name} must be a non-empty string');
/**
 * The definition in the project's own words, per language. A plain string is the English text
 * (the format before issue #10); zh-Hant is converted from zh-Hans at build time when absent.
 */
const DefinitionMap = mapping(
  {
    en: v.pipe(definitionText, v.trim()),
    ja: v.optional(v.pipe(definitionText, v.trim())),
    'zh-Hans': v.optional(v.pipe(definitionText, v.trim())),
    'zh-Hant': v.optional(v.pipe(definitionText, v.trim())),
    vi: v.optional(v.pipe(definitionText, v.trim())),
  },
  {
    notMapping: 'definition of {name} must be a string or a mapping of language to text',
    missing: '{name} has no {key} definition',
    unknown: 'unknown language "{key}" in definition of {name}',
  },
);
const Definition = v.pipe(
  v.unknown(),
  v.check(
    (x) => (typeof x === 'string' ? NOT_BLANK.test(x) : isRecord(x)),
    'definition of {name} must be a non-empty string or a mapping of language to text',
  ),
  v.transform((x) => (typeof x === 'string' ? { en: x } : x)),
  DefinitionMap,
  v.transform((d): Definitions => d),
);

/** A public web page (http or https); nothing else may stand as a source. */
const url = (what: string) =>
  v.pipe(
    v.string(`${what} of {name} must be a URL string`),
    v.regex(/^https?:\/\/[^\s/$.?#][^\s]*$/, `${what} of {name} must be an http(s) URL, found "{input}"`),
  );

const Form = mapping(
  {
    lang: v.picklist(
      ['en', 'ja', 'zh-Hans', 'zh-Hant', 'vi'],
      'form of {name} has unknown language {value} (expected en, ja, zh-Hans, zh-Hant or vi)',
    ),
    text: text('form of {name} must have a non-empty text'),
    url: url('form url'),
  },
  {
    notMapping: 'form of {name} must be a mapping { lang, text, url }',
    missing: 'form of {name} has no {key}',
    unknown: 'unknown key "{key}" in a form of {name}',
  },
);

const memberLabel = text('{key} member label of {name} must be a non-empty string');
const Member = v.pipe(
  mapping(
    {
      /** Concept id when the member is itself a concept. */
      concept: v.optional(v.string('member concept of {name} must be an id')),
      labels: mapping(
        {
          en: memberLabel,
          ja: v.optional(memberLabel),
          'zh-Hans': v.optional(memberLabel),
          'zh-Hant': v.optional(memberLabel),
          vi: v.optional(memberLabel),
        },
        {
          notMapping: 'member {member} of {name} has no labels',
          missing: 'member {member} of {name} is missing the {key} label',
          unknown: 'unknown language "{key}" in member labels of {name}',
        },
      ),
    },
    {
      notMapping: 'member of {name} must be a mapping',
      missing: 'member {member} of {name} has no {key}',
      unknown: 'unknown key "{key}" in member {member} of {name}',
    },
  ),
  // The YAML says `concept:`, the data model `conceptId` (as everywhere else in the code).
  v.transform(({ concept, labels }) => ({
    labels,
    ...(concept === undefined ? {} : { conceptId: concept }),
  })),
);

/** One concept of corpus/glossary/*.yaml (docs/GLOSSARY.md, "A concept"). */
export const ConceptSchema = mapping(
  {
    id: v.pipe(
      v.string('id must be a string, found {found}'),
      v.regex(ID_RE, 'id "{input}" is not kebab-case ASCII'),
      v.description('kebab-case ASCII, unique across all files, never reused'),
    ),
    category: v.picklist(
      CATEGORIES,
      `{name} has unknown category {value} (expected one of ${CATEGORIES.join(', ')})`,
    ),
    labels: v.pipe(Labels, v.description('required: en, ja, zh-Hans, zh-Hant; vi for Vietnamese concepts')),
    /** Hand-written aliases per language (generated variants are added by the build). */
    aliases: v.nullish(
      v.pipe(Aliases, v.description('hand-written aliases only, per language (labels are aliases too)')),
      () => ({}),
    ),
    definition: v.pipe(
      Definition,
      v.description("the project's own words per language: en, ja, zh-Hans (vi for Vietnamese concepts)"),
    ),
    related: v.nullish(
      v.pipe(
        v.array(v.string('related entry of {name} must be an id'), 'related of {name} must be a list of ids'),
        v.description('ids of related concepts'),
      ),
      () => [],
    ),
    members: v.nullish(
      v.pipe(
        v.array(Member, 'members of {name} must be a list'),
        v.description('list concepts only, in order'),
      ),
    ),
    /** When and where the concept first appeared, if known. Free text, facts only. */
    origin: v.nullish(
      v.pipe(
        v.string('origin of {name} must be a string'),
        v.trim(),
        v.description('when and where the concept appeared, if known'),
      ),
    ),
    /** Matching rules keyed by the alias (or label) text they apply to. */
    rules: v.nullish(
      v.pipe(
        mappingOf(Rule, 'rules of {name} must be a mapping of alias to rule'),
        v.description('matching rules keyed by the alias text they apply to'),
      ),
    ),
    /** Public pages that use the term or state the facts of the definition. */
    sources: v.nullish(
      v.pipe(
        v.array(url('source'), 'sources of {name} must be a list of URLs'),
        v.description('URLs of public pages that use the term or state the facts given'),
      ),
    ),
    /** Surface forms seen on real public pages: evidence for the aliases and the eval set. */
    forms: v.nullish(
      v.pipe(
        v.array(Form, 'forms of {name} must be a list of { lang, text, url }'),
        v.description('surface forms seen on real public pages, with the page'),
      ),
    ),
    /**
     * The country the concept belongs to; the build sets it from the file (vietnam*.yaml: vn,
     * the others: cn) unless written here. A gated alias shared by concepts of both countries
     * is resolved on a page by the country of the nearest other term (lib/core/match-context.ts).
     */
    country: v.optional(
      v.pipe(
        v.picklist(['cn', 'vn'], 'country of {name} must be cn or vn'),
        v.description('cn or vn; by default from the file name'),
      ),
    ),
    /** Aliases this concept deliberately shares with another concept. */
    shared: v.nullish(
      v.pipe(
        v.array(
          text('shared entry of {name} must be a non-empty string'),
          'shared of {name} must be a list of aliases',
        ),
        v.description('aliases this concept deliberately shares with another'),
      ),
    ),
  },
  {
    notMapping: 'expected a concept (a mapping), found {found}',
    missing: '{name} has no {key}',
    unknown: 'unknown key "{key}" in {name}',
  },
);

/** A glossary file: a list of concepts (an empty file is fine). */
export const GlossaryFileSchema = v.nullish(
  v.array(ConceptSchema, 'expected a list of concepts, found {found}'),
);

export type Concept = v.InferOutput<typeof ConceptSchema>;
/** A definition per language (en always; zh-Hant filled in by the build from zh-Hans). */
export interface Definitions {
  en: string;
  ja?: string;
  'zh-Hans'?: string;
  'zh-Hant'?: string;
  vi?: string;
}
export type SurfaceForm = v.InferOutput<typeof Form>;
export type Member = v.InferOutput<typeof Member>;
export type MatchRule = v.InferOutput<typeof Rule>;

const exclusionText = text('{key} of exclusion must be a non-empty string, found {found}');
/** One reviewed term of corpus/exclusions/*.yaml: not a concept, and why. */
export const ExclusionSchema = mapping(
  { term: exclusionText, reason: exclusionText },
  {
    notMapping: 'expected an exclusion {term, reason}, found {found}',
    missing: 'exclusion has no {key}',
    unknown: 'unknown key "{key}" in exclusion',
  },
);
export const ExclusionsFileSchema = v.nullish(
  v.array(ExclusionSchema, 'expected a list of {term, reason}, found {found}'),
);
