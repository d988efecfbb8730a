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

/** Floors: issue #11 asks hit@5 >= 95 % overall and >= 90 % in every kind, no junk answer out of
 * corpus; these are what the search reached on the 303-query set (docs/benchmarks.md). Raising them
 * is welcome; lowering one needs a reason in the commit message. */
const MIN_ALL = 0.977;
const MIN_BY_KIND: Record<string, number> = {
  acronym: 1,
  pinyin: 0.98,
  question: 0.93,
  'multi-typo': 0.955,
  'long-paste': 1,
  'out-of-corpus': 1,
};

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
    expect(report.all.n).toBeGreaterThanOrEqual(250);
    expect(Object.keys(report.byKind).sort()).toEqual([...KINDS].sort());
    expect(Object.keys(report.byLang).sort()).toEqual(['en', 'ja', 'vi', 'zh-Hans', 'zh-Hant', 'zh-Latn']);
  });

  it(`hit@5 >= ${MIN_ALL} overall and the per-kind floors`, () => {
    const misses = (kind?: string) =>
      report.outcomes.filter((o) => !o.ok && (!kind || o.kind === kind)).map((o) => o.query);
    expect({ ok: report.all.rate >= MIN_ALL, rate: report.all.rate, misses: misses() }).toMatchObject({
      ok: true,
    });
    for (const [kind, min] of Object.entries(MIN_BY_KIND)) {
      const got = report.byKind[kind]?.rate ?? 0;
      expect({ kind, ok: got >= min, got, misses: misses(kind) }).toMatchObject({ kind, ok: true });
    }
  });
});
