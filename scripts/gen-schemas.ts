// Publishes the glossary schema (lib/core/glossary/schema.ts) as JSON Schema, so editors check
// corpus/glossary/*.yaml as people type (the files name it in a yaml-language-server modeline):
//   npm run schemas
// scripts/gen-schemas.test.ts fails when the committed corpus/glossary.schema.json is out of date.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toJsonSchema } from '@valibot/to-json-schema';
import { format, resolveConfig } from 'prettier';
import { GlossaryFileSchema } from '../lib/core/glossary/schema.ts';

export const GLOSSARY_SCHEMA_PATH = join(import.meta.dirname, '..', 'corpus', 'glossary.schema.json');

/** corpus/glossary.schema.json as it should read (formatted like every committed file). */
export async function glossaryJsonSchema(): Promise<string> {
  const schema = toJsonSchema(GlossaryFileSchema, {
    target: 'draft-07',
    // Each pipe's last schema is what the YAML holds: a mapping's list guard (unknown + check)
    // comes before its object schema, and trimming or renaming `concept` to `conceptId` happen
    // after the YAML is read.
    typeMode: 'output',
    ignoreActions: ['trim', 'transform'],
    // A `never` rest entry is how the schema rejects unknown keys (schema.ts, `mapping`);
    // `false` makes editors say "property not allowed" rather than "matches a schema not allowed".
    overrideSchema: ({ valibotSchema, jsonSchema }) => {
      const rest = (valibotSchema as { rest?: { type: string } }).rest;
      return valibotSchema.type === 'object_with_rest' && rest?.type === 'never'
        ? { ...jsonSchema, additionalProperties: false }
        : undefined;
    },
  });
  const doc = {
    $schema: schema.$schema,
    title: 'Policy Lens glossary file',
    description:
      'corpus/glossary/*.yaml: a list of concepts (docs/GLOSSARY.md). Generated from lib/core/glossary/schema.ts by npm run schemas; do not edit.',
    ...schema,
  };
  const options = await resolveConfig(GLOSSARY_SCHEMA_PATH);
  return format(JSON.stringify(doc), { ...options, parser: 'json' });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(GLOSSARY_SCHEMA_PATH, await glossaryJsonSchema());
  console.log(`wrote ${GLOSSARY_SCHEMA_PATH}`);
}
