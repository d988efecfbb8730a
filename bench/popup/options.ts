// Popup bench: its command-line options and the queries it types (--quick: one pass, one node
// pass, a 10x synthetic corpus, results to a temp dir).
import { join, resolve } from 'node:path';
import { cli, ROOT } from '../lib/cli.ts';

export const LIMIT = 40; // hooks/use-search.ts default

export const QUERIES = [
  'six stabilities',
  'two safeguards',
  '第十四个五年规划',
  '二つの維持',
  'Vu Dai Thang',
  'stabilties',
  '譚作鈞',
  'Resolution 18-NQ/TW',
];

export type PopupOptions = ReturnType<typeof parseOptions>;

export function parseOptions(argv: readonly string[]) {
  const { opt, flag, num, outDir } = cli(argv);
  const with100 = flag('with-100x');
  return {
    ext: resolve(ROOT, opt('ext', '.output-popupbench/chrome-mv3')),
    /**
     * Build the extension into .output-popupbench first (unless --ext names a build or --no-build):
     * a build left from an older tree is what the bench would otherwise measure.
     */
    build: !flag('ext') && !flag('no-build'),
    with100,
    /** A given 100x build (not rebuilt), else the one --with-100x builds, else none. */
    ext100: flag('ext100')
      ? resolve(ROOT, opt('ext100', ''))
      : with100
        ? join(ROOT, '.output-popupbench-100x', 'chrome-mv3')
        : '',
    build100: with100 && !flag('ext100'),
    runs: num('runs', 3, 1),
    runs100: num('runs100', 1),
    nodeRuns: num('node-runs', 10, 1),
    factor: num('factor', 100, 10),
    /** Typing delay, ms per key. */
    delay: num('delay', 100),
    outDir: outDir(),
    dataDir: resolve(ROOT, opt('dir', 'generated')),
    noBrowser: flag('no-browser'),
    /** Also measure the popup with a generated user library imported (library.ts). */
    withLibrary: flag('with-library'),
    /** Trace one typing pass per build: where a keystroke's time goes in the popup (profile.ts). */
    profile: flag('profile'),
    /**
     * Another build (chrome-mv3 dir, e.g. the tree before a change) measured in the same run after
     * the shipped one, its rows labelled "compare".
     */
    compare: flag('compare') ? resolve(ROOT, opt('compare', '')) : '',
    libraryPassages: num('library-passages', 10_000, 1000),
  };
}
