import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/cipherx.cjs', import.meta.url));

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (bin/cipherx.cjs → dist/); `npm test` builds first. */
export function cipherx(args: string[], stdin?: string): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { input: stdin ?? '', encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs this machine's `openssl ciphers`; fails with an install hint when it is missing. */
export function opensslCiphers(args: string[]): Run {
  const r = spawnSync('openssl', ['ciphers', ...args], {
    encoding: 'utf8',
    env: { ...process.env, OPENSSL_CONF: '/dev/null' },
  });
  if (r.error) throw new Error(`cannot run openssl (${r.error.message}); install it: apt-get install -y openssl`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
