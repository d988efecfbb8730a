import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOSSARY_SCHEMA_PATH, glossaryJsonSchema } from './gen-schemas.ts';

const GLOSSARY_DIR = join(import.meta.dirname, '..', 'corpus', 'glossary');

describe('corpus/glossary.schema.json', () => {
  it('is what lib/core/glossary/schema.ts generates', async () => {
    expect(readFileSync(GLOSSARY_SCHEMA_PATH, 'utf8'), 'run: npm run schemas').toBe(
      await glossaryJsonSchema(),
    );
  });

  it.each(readdirSync(GLOSSARY_DIR).filter((f) => f.endsWith('.yaml')))(
    'corpus/glossary/%s names it for editors on its first line',
    (f) => {
      const first = readFileSync(join(GLOSSARY_DIR, f), 'utf8').split('\n')[0];
      expect(first).toBe('# yaml-language-server: $schema=../glossary.schema.json');
    },
  );
});
