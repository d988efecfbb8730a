// Popup bench, the 100x extension variant: the synthetic corpus and its index written to a temp
// dir, and the extension built with WXT (programmatic build, in a child process) with an alias that
// points the background's `generated/{corpus,search-index}.json` imports there. Nothing in the
// repository changes; the output goes to .output-popupbench-100x/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSearchIndex } from '../../lib/core/search/index-data.ts';
import type { CorpusData } from '../../lib/core/types.ts';
import { ROOT } from '../lib/cli.ts';
import { round } from '../lib/stats.ts';
import { scale } from '../lib/synthetic.ts';

export function build100x(
  dataDir: string,
  factor: number,
): { dataDir: string; corpusMiB: number; indexMiB: number; buildSeconds: number } {
  const t0 = performance.now();
  const data = JSON.parse(readFileSync(join(dataDir, 'corpus.json'), 'utf8')) as CorpusData;
  const big = scale(data, factor);
  const dir = join(tmpdir(), 'policy-lens-popupbench-100x');
  mkdirSync(dir, { recursive: true });
  const corpus = JSON.stringify(big);
  const index = JSON.stringify(buildSearchIndex(big));
  writeFileSync(join(dir, 'corpus.json'), corpus);
  writeFileSync(join(dir, 'search-index.json'), index);
  const code = `
    import { build } from 'wxt';
    await build({
      root: ${JSON.stringify(ROOT)},
      browser: 'chrome',
      outDir: ${JSON.stringify(join(ROOT, '.output-popupbench-100x'))},
      vite: () => ({
        resolve: {
          alias: [{ find: /^(?:\\.\\.\\/)+generated\\/(corpus|search-index)\\.json$/, replacement: ${JSON.stringify(dir)} + '/$1.json' }],
        },
      }),
    });`;
  execFileSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PL_OUT_DIR: '.output-popupbench-100x' },
  });
  return {
    dataDir: dir,
    corpusMiB: round(Buffer.byteLength(corpus) / 2 ** 20, 2),
    indexMiB: round(Buffer.byteLength(index) / 2 ** 20, 2),
    buildSeconds: round((performance.now() - t0) / 1000, 2),
  };
}
