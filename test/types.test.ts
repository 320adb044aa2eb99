import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The declarations as a TypeScript user sees them (test/types/consumer.ts): results narrow on
// `ok`, renderProblem takes an ExpandError with a severity, peer ids are a literal union.
// Checked against dist/ (`npm test` builds first), imported by the package's own name.
const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));

describe('the published types compile in a consumer', () => {
  it.each(['nodenext', 'bundler'])(
    'moduleResolution %s',
    (resolution) => {
      const r = spawnSync(process.execPath, [tsc, '-p', `test/types/tsconfig.${resolution}.json`], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(r.stdout + r.stderr).toBe('');
      expect(r.status).toBe(0);
    },
    60_000,
  );
});
