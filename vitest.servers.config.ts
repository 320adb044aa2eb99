import { defineConfig } from 'vitest/config';

// The live server test: real nginx, HAProxy and Postfix on loopback ports, asked what they
// accept (npm run test:servers; scripts/install-server-deps.sh installs them). Kept apart from
// `npm test`, which needs only Node and openssl; .ci/run runs both.
export default defineConfig({
  test: {
    include: ['test/servers/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // Worker threads, not forked workers: a forked worker here hands its children a signal mask
    // with nearly every signal blocked, and Postfix's master (SIGCHLD, SIGALRM) then never serves.
    pool: 'threads',
  },
});
