// `npm run eval -- <set>`: scores an eval set in real browsers with the built test extension.
//   highlight  eval/highlight/*.yaml through the content script (e2e/highlight-eval.spec.ts):
//              must-recall per language and false positives, read from CSS.highlights.
import { run } from './lib/run.ts';

const SETS: Record<string, string> = { highlight: 'e2e/highlight-eval.spec.ts' };
const set = process.argv[2] ?? '';
const spec = SETS[set];
if (!spec) {
  console.error(`✖ unknown eval set "${set}" (expected one of: ${Object.keys(SETS).join(', ')})`);
  process.exit(2);
}
process.exit(await run('node', ['scripts/e2e.ts', spec]));
