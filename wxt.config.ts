import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { sinkAudit } from './scripts/lib/sink-audit-plugin.ts';

// One config for both targets. Chrome ships MV3; Firefox ships WXT's default (MV2),
// which gets content-script host access at install without an extra prompt.
// E2E_HOOKS=1 builds a test-only variant (see docs/ARCHITECTURE.md "Test hooks");
// store builds (`npm run build`, `npm run zip`) never set it.
const testHooks = process.env.E2E_HOOKS === '1';
const outDir = process.env.PL_OUT_DIR ?? '.output';

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir,
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
    permissions: ['storage', 'contextMenus'],
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Open Policy Lens',
      },
    },
    ...(browser === 'firefox'
      ? {
          content_security_policy: "script-src 'self'; object-src 'self'",
          browser_specific_settings: {
            gecko: {
              id: 'policy-lens@policy-lens.org',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {
          content_security_policy: {
            extension_pages: "script-src 'self'; object-src 'self'",
          },
        }),
  }),
});
