// Highlight bench: its command-line options (the defaults are those of the recorded runs; --quick
// is a smoke run: one page, 1×, one round, a few pairs, small batches, results to a temp dir).
import { cli } from '../lib/cli.ts';

/**
 * The pages, plus `policy-dense`: every passage of the shipped corpus as one long article
 * (generated at run time from generated/corpus.json), the page a reader of policy documents sees
 * and the one with the most painted ranges, for the DOM-edit measures.
 */
export const ALL_PAGES = [
  'guardian-1',
  'yahoo-2',
  'wikipedia-2',
  'nytimes-1',
  'infinite-scroll',
  'policy-dense',
];

export type HighlightOptions = ReturnType<typeof parseOptions>;

export function parseOptions(argv: readonly string[]) {
  const { opt, flag, num, outDir } = cli(argv);
  return {
    pages: opt('pages', ALL_PAGES.join(','), 'infinite-scroll').split(','),
    throttles: opt('throttles', '1,4', '1').split(',').map(Number),
    reps: num('reps', 5, 1),
    /** Back-to-back (painted, removed) batch pairs in our tab, for the same-tab ratio. */
    pairs: num('pairs', 41, 3),
    /** Edits per DOM-edit batch (5 per iteration). */
    edits: num('edits', 10000, 1000),
    /** Highlights unchanged this long (after the page is done) = settled. */
    quietMs: num('quiet-ms', 1500, 500),
    settleMaxMs: num('settle-max-ms', 60000),
    peerTimeoutMs: num('peer-timeout-ms', 20000),
    /** advanced-mark.js `combinePatterns` (true = its default chunk of 10 terms per RegExp). */
    combine: ((v: string) => (v === 'true' ? true : v === 'false' ? false : Number(v)))(
      opt('combine', 'true'),
    ),
    noBuild: flag('no-build'),
    docs: flag('docs'),
    docsFrom: flag('docs-from') ? opt('docs-from', '') : null,
    mdFromJson: flag('md-from-json') ? opt('md-from-json', '') : null,
    outDir: outDir(),
  };
}
