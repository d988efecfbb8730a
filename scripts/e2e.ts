// `npm run e2e`: builds the test variant of the extension (E2E_HOOKS=1, into .output-e2e/) for
// Chromium and Firefox, runs the end-to-end specs in real browsers, then fails the run if any
// session recorded a network request.
import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BrowserNotFoundError, findChromium, findFirefox } from './lib/find-browser.ts';
import { run, runOrExit } from './lib/run.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, '.output-e2e');
const npx = 'npx';

try {
  findChromium();
  findFirefox();
} catch (e) {
  if (e instanceof BrowserNotFoundError) {
    console.error(`✖ ${e.message}`);
    process.exit(1);
  }
  throw e;
}

const filter = process.argv.slice(2);
await runOrExit('npm', ['run', '--silent', 'icons']);
await runOrExit('npm', ['run', '--silent', 'data']);
const env = { E2E_HOOKS: '1', PL_OUT_DIR: OUT };
await runOrExit(npx, ['wxt', 'build'], env);
await runOrExit(npx, ['wxt', 'build', '-b', 'firefox'], env);

const log = join(OUT, 'network-log.jsonl');
mkdirSync(OUT, { recursive: true });
rmSync(log, { force: true });
const code = await run(npx, ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...filter]);

const records = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : [];
if (records.length > 0) {
  console.error(`\n✖ The extension made ${records.length} network request(s) during the e2e run:`);
  for (const r of records.slice(0, 20)) console.error('  ' + r);
  process.exit(1);
}
console.log('\n✔ e2e: zero network requests recorded across all Chromium sessions');
process.exit(code);
