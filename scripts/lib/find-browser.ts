// Finds the system browsers for e2e tests, benchmarks and `npm start`. No browser downloads:
// these machines reach only the npm and Debian registries, so we use Debian's packages.
import { existsSync } from 'node:fs';
import { sudoInstallLine } from './system-deps.ts';

export class BrowserNotFoundError extends Error {}

/** CHROMIUM_PATH, then /usr/bin/chromium; otherwise fails with the exact install line. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new BrowserNotFoundError(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  throw new BrowserNotFoundError(
    'Chromium not found (looked at $CHROMIUM_PATH and /usr/bin/chromium).\n' +
      `Install it with:  ${sudoInstallLine(['chromium', 'chromium-l10n'])}\n` +
      '(`npm run setup:system` checks everything the tests need), or point CHROMIUM_PATH at a Chromium binary.',
  );
}

/** FIREFOX_PATH, then /usr/bin/firefox-esr, then /usr/bin/firefox. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.FIREFOX_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new BrowserNotFoundError(`FIREFOX_PATH is set to ${fromEnv}, but no file is there.`);
  }
  for (const p of ['/usr/bin/firefox-esr', '/usr/bin/firefox']) if (existsSync(p)) return p;
  throw new BrowserNotFoundError(
    'Firefox not found (looked at $FIREFOX_PATH, /usr/bin/firefox-esr and /usr/bin/firefox).\n' +
      `Install it with:  ${sudoInstallLine(['firefox-esr'])}\n` +
      '(`npm run setup:system` checks everything the tests need), or point FIREFOX_PATH at a Firefox binary.',
  );
}

/** The flags every Chromium we start gets (see DEVELOPERS brief: the machines have no network). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
