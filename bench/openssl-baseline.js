// Baseline for the benchmarks: libssl's own cost of SSL_CTX_set_cipher_list,
// measured by openssl-baseline.c (compiled on demand against this machine's libssl).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { buildLibsslProgram } from '../scripts/lib/build-libssl-program.js';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const SOURCE = join(HERE, 'openssl-baseline.c');

const run = (cmd, args) => promisify(execFile)(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });

/** Compiles openssl-baseline.c unless the cached binary is newer; resolves to its path. */
export function buildOpenSSLBaseline() {
  return buildLibsslProgram(SOURCE);
}

/**
 * Measures SSL_CTX_set_cipher_list(ctx, s) for each string (one reused SSL_CTX,
 * TLS_method, default TLS 1.3 ciphersuites, no openssl.cnf).
 * @param {readonly string[]} strings cipher strings; must not contain '\n' or NUL
 * @param {{ timeMs?: number, minIterations?: number }} [options] timeMs: time budget per string (default 200)
 * @returns {Promise<Array<{ input: string, ok: boolean, iterations: number, nsPerCall: number,
 *   minBatchNsPerCall: number, opsPerSec: number, opensslVersion: string }>>}
 */
export async function measureOpenSSL(strings, { timeMs = 200, minIterations = 10 } = {}) {
  for (const s of strings) {
    if (typeof s !== 'string') throw new TypeError('measureOpenSSL expects strings');
    if (s.includes('\n') || s.includes('\0')) {
      throw new TypeError(`cipher string contains a newline or NUL: ${JSON.stringify(s.slice(0, 60))}`);
    }
  }
  if (strings.length === 0) return [];
  const binary = await buildOpenSSLBaseline();
  const dir = await mkdtemp(join(tmpdir(), 'cipherx-baseline-'));
  try {
    const file = join(dir, 'strings.txt');
    await writeFile(file, strings.join('\n') + '\n', 'utf8');
    let stdout;
    try {
      ({ stdout } = await run(binary, [file, String(timeMs), String(minIterations)]));
    } catch (err) {
      throw new Error(`OpenSSL baseline failed: ${err.stderr || err.message}\n(${HINT})`);
    }
    const report = JSON.parse(stdout);
    if (report.results.length !== strings.length) {
      throw new Error(`OpenSSL baseline returned ${report.results.length} results for ${strings.length} strings`);
    }
    return report.results.map((r, i) => ({
      input: strings[i],
      ok: r.ok,
      iterations: r.iterations,
      nsPerCall: r.meanNs,
      minBatchNsPerCall: r.minBatchNs,
      opsPerSec: r.opsPerSec,
      opensslVersion: report.version,
    }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
