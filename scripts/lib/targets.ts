// The two builds `wxt build` writes (outDir/<browser>-mv<version>), both Manifest V3 since
// wxt.config.ts sets `manifestVersion: 3`. One list for the checks, `npm start`, e2e and benches.
export const CHROME_TARGET = 'chrome-mv3';
export const FIREFOX_TARGET = 'firefox-mv3';
export const BUILD_TARGETS = [CHROME_TARGET, FIREFOX_TARGET] as const;
