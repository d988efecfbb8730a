// The glossary module's one entry point (scripts and lib/core import from here); the parts live
// in lib/core/glossary/: schema (the shape, once), read (the structural half: safeParse),
// validate (the checks across fields, concepts and files), aliases, collisions, exclusions and
// diagnostics (file:line:col).
export {
  aliasLength,
  conceptAliases,
  hasRule,
  isShortAlias,
  ruleFlags,
  type AliasInfo,
} from './glossary/aliases.ts';
export {
  checkAliasCollisions,
  checkCorpusOccurrences,
  checkVariantCollisions,
  type AliasClaim,
  type VariantSource,
} from './glossary/collisions.ts';
export {
  describe,
  diagnosticAt,
  formatDiagnostic,
  isRecord,
  issueDiagnostic,
  sortDiagnostics,
  type Diagnostic,
  type ParsedFile,
  type SourcePos,
  type YamlPath,
} from './glossary/diagnostics.ts';
export { readOrdinaryWords, validateExclusions, type Exclusion } from './glossary/exclusions.ts';
export { ConceptSchema, ExclusionsFileSchema, GlossaryFileSchema } from './glossary/schema.ts';
export {
  validateGlossary,
  type ConceptOrigin,
  type GlossaryOptions,
  type GlossaryResult,
} from './glossary/validate.ts';
