import { resolve } from 'node:path';

// The two builds `wxt build` writes (outDir/<browser>-mv<version>), both Manifest V3 since
// wxt.config.ts sets `manifestVersion: 3`. One list for the checks, `npm start`, e2e and benches.
export const CHROME_TARGET = 'chrome-mv3';
export const FIREFOX_TARGET = 'firefox-mv3';
export const BUILD_TARGETS = [CHROME_TARGET, FIREFOX_TARGET] as const;

/**
 * The shortcut that opens the popup (`_execute_action`), one key for both browsers. Not
 * Alt+Shift+P: Chromium on Linux never assigns it (commands.getAll() reports an empty shortcut,
 * also for a custom command), so it did nothing in Chrome; Alt+Shift+O is assigned by both.
 */
export const POPUP_SHORTCUT = 'Alt+Shift+O';

/** The project root and where `wxt build` writes (PL_OUT_DIR or .output), for the checks. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');
export const BUILD_OUT = resolve(PROJECT_ROOT, process.env.PL_OUT_DIR ?? '.output');
