import preact from '@preact/preset-vite';
import { readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { sinkAudit } from './scripts/lib/sink-audit-plugin.ts';
import { POPUP_SHORTCUT } from './scripts/lib/targets.ts';
import { matcherFile } from './lib/core/term-matcher-file.ts';
import { createMatcher } from './lib/core/term-matcher.ts';
import { readMatcherJson } from './scripts/lib/matcher-json.ts';

// One config for both targets, both Manifest V3. WXT defaults Firefox to MV2, where the
// `_execute_action` command below does not exist (MV2 calls it `_execute_browser_action`), so the
// shortcut silently did nothing there. Firefox ≥ 127 grants MV3 content-script hosts at install
// (we require 142), and MV3 gives Firefox `optional_host_permissions` for later features.
// scripts/check-manifests.ts checks the built manifests against these rules.
// E2E_HOOKS=1 builds a test-only variant (see docs/ARCHITECTURE.md "Test hooks");
// store builds (`npm run build`, `npm run zip`) never set it.
const testHooks = process.env.E2E_HOOKS === '1';
const outDir = process.env.PL_OUT_DIR ?? '.output';
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The bundled matcher as the file every frame fetches (`matcher.bin`, lib/core/term-matcher-file.ts):
 * built from `npm run data`'s output at each build, so it always matches the background's copy.
 * Written beside it, through a rename (builds of both targets may run at once).
 */
function writeMatcherFile(): string {
  const data = readMatcherJson(here('generated/matcher.json'));
  const { hanFold, needsContext, contextShared, countries } = data;
  const file = here('generated/matcher.bin');
  const tmp = `${file}.${process.pid}.tmp`;
  const extras = { hanFold, needsContext, contextShared, countries };
  // the folding table ready-made: every frame would otherwise build the same 54 KB
  writeFileSync(tmp, matcherFile(createMatcher(data), extras, { foldTable: true }));
  renameSync(tmp, file);
  return file;
}

/**
 * The scripts that run in pages (the content script, and the card it imports) get the browser's
 * own extension API instead of webextension-polyfill: `wxt/browser` (which the polyfill module
 * aliases to its wrapper) resolves to lib/page/native-browser.ts in their builds. Every tab pays
 * the content script's evaluation; the polyfill's code and its set-up at load were a share of it
 * (lib/page/native-browser.ts says what it keeps). WXT builds each of these scripts on its own,
 * so the other entrypoints' builds are untouched.
 */
const PAGE_SCRIPTS = new Set(['content', 'card']);
const NATIVE_BROWSER = here('lib/page/native-browser.ts');
const BROWSER_MODULES = new Set([
  'wxt/browser',
  '@wxt-dev/webextension-polyfill/browser',
  '@wxt-dev/browser',
]);
const pageScriptsNative: Plugin = {
  name: 'policy-lens:page-scripts-native-browser',
  enforce: 'pre',
  resolveId(source) {
    // (wxt's own browser.mjs re-exports @wxt-dev/browser: the same lookup, caught here too)
    return BROWSER_MODULES.has(source) ? NATIVE_BROWSER : null;
  },
};

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  outDir,
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.length > 0 && entrypoints.every((e) => PAGE_SCRIPTS.has(e.name)))
        (config.plugins ??= []).push(pageScriptsNative);
    },
    // The store packages carry the licences: the code's (MIT), the glossary's and the corpus
    // documents' provenance (CC BY 4.0, corpus/LICENSE) and the third-party notices.
    'build:publicAssets': (_wxt, files) => {
      for (const [src, dest] of [
        ['LICENSE', 'LICENSE.txt'],
        ['NOTICE', 'NOTICE.txt'],
        ['corpus/LICENSE', 'LICENSE-corpus.txt'],
      ] as const)
        files.push({ absoluteSrc: here(src), relativeDest: dest });
      files.push({ absoluteSrc: writeMatcherFile(), relativeDest: 'matcher.bin' });
      // pdf.js's character maps (Adobe, BSD-3-Clause, licence file included), for the PDF import's
      // CJK fonts that are not embedded (lib/import/pdf-text.ts); extension pages only.
      const cmaps = here('node_modules/pdfjs-dist/cmaps/');
      for (const name of readdirSync(cmaps))
        if (name.endsWith('.bcmap') || name === 'LICENSE')
          files.push({ absoluteSrc: join(cmaps, name), relativeDest: `pdfjs/cmaps/${name}` });
    },
  },
  vite: (env) => ({
    plugins: [preact(), sinkAudit({ outDir, browser: env.browser })],
    resolve: {
      // WXT's content-script context does a start-up handshake any page can see and forge: the
      // entry wrapper gets an inert stand-in (lib/page/wxt-context-stub.ts explains).
      alias: {
        'wxt/utils/content-script-context': fileURLToPath(
          new URL('./lib/page/wxt-context-stub.ts', import.meta.url),
        ),
      },
    },
    define: {
      __E2E_HOOKS__: JSON.stringify(testHooks),
    },
    build: {
      // Deterministic, readable-enough output; sizes are tracked in docs/benchmarks.md.
      minify: true,
      sourcemap: false,
    },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting + activeTab: "Add this page to my library" runs the article extraction in the tab
    // the user clicked on, then; unlimitedStorage: the library (IndexedDB) may outgrow the quota.
    // PERMISSIONS.md justifies each; scripts/check-manifests.ts fails on any other.
    permissions: ['storage', 'contextMenus', 'scripting', 'activeTab', 'unlimitedStorage'],
    commands: {
      _execute_action: {
        suggested_key: { default: POPUP_SHORTCUT },
        description: 'Open Policy Lens',
      },
    },
    // The hover card's script, imported by the content script on the first card open, and the
    // bundled matcher, fetched by each frame that has text to scan. Chrome: reachable only at a
    // per-session dynamic URL (a page cannot probe for them by our public id); Firefox's
    // extension URLs already hold a random per-install id (Firefox ignores use_dynamic_url).
    web_accessible_resources: [
      {
        resources: ['card.js', 'matcher.bin'],
        matches: ['<all_urls>'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'policy-lens@policy-lens.org',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
