// The build's compiled glossary (generated/matcher.json, written by `npm run data` from a
// CompiledMatcher), typed in this one place. A JSON import is typed by inference, wider than the
// format (`v: number`, `cased: (string | number)[][]`); the file is checked against the format by
// tests/matcher-data.test.ts (scripts/lib/matcher-json.ts) rather than at runtime, where the
// background would pay for a check of 200 kB it built itself.
import raw from '../generated/matcher.json';
import type { CompiledMatcher } from './core/term-matcher-format.ts';

export const bundledMatcherData = raw as unknown as CompiledMatcher;
