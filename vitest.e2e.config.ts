import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium (playwright-core) and Firefox (puppeteer-core, WebDriver BiDi)
// with the built test extension loaded. Run through `npm run e2e`, which builds it first.
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['e2e/**/*.spec.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    retry: 0,
  },
});
