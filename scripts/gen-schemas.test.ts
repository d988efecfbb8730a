import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOSSARY_SCHEMA_PATH, glossaryJsonSchema } from './gen-schemas.ts';

const CORPUS = join(import.meta.dirname, '..', 'corpus');
const GLOSSARY_FILES = ['glossary', 'national'].flatMap((dir) =>
  readdirSync(join(CORPUS, dir))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `${dir}/${f}`),
);

describe('corpus/glossary.schema.json', () => {
  it('is what lib/core/glossary/schema.ts generates', async () => {
    expect(readFileSync(GLOSSARY_SCHEMA_PATH, 'utf8'), 'run: npm run schemas').toBe(
      await glossaryJsonSchema(),
    );
  });

  it.each(GLOSSARY_FILES)('corpus/%s names it for editors on its first line', (f) => {
    const first = readFileSync(join(CORPUS, f), 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../glossary.schema.json');
  });
});
