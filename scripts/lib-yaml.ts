// Reading YAML files with positions (the parser itself is pure: lib/core/glossary/yaml.ts).
import { readFileSync } from 'node:fs';
import { parseYaml, type LoadedYaml } from '../lib/core/glossary/yaml.ts';

export { parseYaml, type LoadedYaml };

export function loadYaml(absPath: string, file: string): LoadedYaml {
  return parseYaml(file, readFileSync(absPath, 'utf8'));
}
