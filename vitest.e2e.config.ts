import { defineConfig } from 'vitest/config';

// The page's end-to-end tests: headless Chromium on the built page (npm run test:e2e builds it
// first). Kept apart from `npm test`, which needs only Node and openssl.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
