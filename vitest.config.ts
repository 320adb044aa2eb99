import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The page's browser tests run apart: npm run test:e2e (vitest.e2e.config.ts); so do the
    // live servers: npm run test:servers (vitest.servers.config.ts).
    exclude: [...configDefaults.exclude, 'e2e/**', 'test/servers/**'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
