// How people ask (tests/golden/search-understanding.yaml) against the REAL generated data: hit@5
// per kind, printed. Never skipped: ensureGenerated builds generated/ when it is missing.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureGenerated } from '../scripts/golden.ts';
import { loadGenerated } from '../scripts/cli-search.ts';
import type { UnderstandingReport } from '../scripts/golden-understanding.ts';
import {
  evaluateUnderstanding,
  formatUnderstanding,
  KINDS,
  loadUnderstanding,
} from '../scripts/golden-understanding.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('how people ask (real corpus)', () => {
  let report: UnderstandingReport;
  beforeAll(() => {
    ensureGenerated(ROOT);
    const loaded = loadGenerated(ROOT);
    if ('error' in loaded) throw new Error(loaded.error);
    report = evaluateUnderstanding(loaded.data, loaded.index, loadUnderstanding());
    console.log(formatUnderstanding(report));
  });

  it('covers every kind in en, zh-Hans, zh-Hant, ja, vi and pinyin', () => {
    expect(report.all.n).toBeGreaterThanOrEqual(100);
    expect(Object.keys(report.byKind).sort()).toEqual([...KINDS].sort());
    expect(Object.keys(report.byLang).sort()).toEqual(['en', 'ja', 'vi', 'zh-Hans', 'zh-Hant', 'zh-Latn']);
  });
});
