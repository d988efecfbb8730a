// `npm run setup:system`: installs the Debian packages the project needs (browsers, Chromium's
// locales, a CJK font) when they are missing: with apt-get as root, otherwise prints the one
// `sudo apt-get install …` line and exits 1. `npm start` runs the same check first; `.ci/run`
// calls this. Detection and the line live in scripts/lib/system-deps.ts.
import { ensureSystemPackages, SYSTEM_PACKAGES } from './lib/system-deps.ts';

ensureSystemPackages('setup:system');
console.log(`✔ setup:system: ${SYSTEM_PACKAGES.map((p) => p.name).join(', ')} present`);
