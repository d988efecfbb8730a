import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadGenerated, runSearchCommand, USAGE } from './cli-search.ts';
import { ensureGenerated } from './golden.ts';

describe('corpus search CLI', () => {
  beforeAll(() => ensureGenerated());
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  afterEach(() => {
    log.mockClear();
    err.mockClear();
  });

  it('tells the user to run `npm run data` when generated/ is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-empty-'));
    const r = loadGenerated(dir);
    expect('error' in r && r.error).toMatch(/npm run data/);
  });
  it('prints usage without a query and rejects bad options', async () => {
    expect(await runSearchCommand([])).toBe(2);
    expect(err.mock.calls[0]?.[0]).toBe(USAGE);
    expect(await runSearchCommand(['x', '--limit', '0'])).toBe(2);
    expect(await runSearchCommand(['x', '--bogus'])).toBe(2);
  });
  it('prints JSON hits from the real generated data', async () => {
    expect(await runSearchCommand(['六稳', '--json', '--limit', '3'])).toBe(0);
    const out = JSON.parse(String(log.mock.calls[0]?.[0])) as { hits: Array<{ passageId: string }> };
    expect(out.hits.length).toBeGreaterThan(0);
    expect(out.hits.length).toBeLessThanOrEqual(3);
  });
  it('prints ranked hits as text', async () => {
    expect(await runSearchCommand(['Tan', 'Zuojun'])).toBe(0);
    const text = log.mock.calls.map((c) => String(c[0])).join('\n');
    expect(text).toMatch(/002\/p00 {2}doc 002 {2}score \d\.\d{4} {2}exact/);
  });
});
