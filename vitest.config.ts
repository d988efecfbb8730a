import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

// Unit tests. Two projects: pure code in node, DOM adapters in jsdom.
// End-to-end tests have their own config (vitest.e2e.config.ts) and run after the build.
export default defineConfig({
  test: {
    projects: [
      {
        // lib/page code reached from node tests (the highlight eval's find path) reads it too
        define: { __E2E_HOOKS__: 'false' },
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'lib/**/*.test.ts',
            'scripts/**/*.test.ts',
            'tests/**/*.test.ts',
            'components/**/*.test.ts',
            'hooks/**/*.test.ts',
          ],
          exclude: ['**/*.dom.test.ts', '**/*.dom.test.tsx', 'node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [preact()],
        define: { __E2E_HOOKS__: 'false' },
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['**/*.dom.test.ts', '**/*.dom.test.tsx'],
          exclude: ['node_modules/**', '.output*/**'],
          setupFiles: ['tests/setup/dom.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
