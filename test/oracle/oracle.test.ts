// Checks the OpenSSL oracle itself against known OpenSSL 3.0 behaviour and
// against the openssl CLI; it does not touch cipherx code.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_TLS13_CIPHERSUITES,
  OPENSSL_BIN,
  createOracle,
  opensslVersion,
  type Oracle,
} from './openssl-oracle.js';

const TLS13 = ['TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256'];

function cli(args: string[]): { ok: boolean; names: string[] } {
  try {
    const out = execFileSync(OPENSSL_BIN, ['ciphers', ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, OPENSSL_CONF: '/dev/null' },
    });
    return { ok: true, names: out.trim().split(':') };
  } catch {
    return { ok: false, names: [] };
  }
}

let oracle: Oracle;

beforeAll(async () => {
  oracle = await createOracle();
}, 120_000);

afterAll(async () => {
  await oracle?.close();
});

describe('openssl oracle', () => {
  it('runs against OpenSSL 3.0', () => {
    expect(oracle.libraryVersion).toMatch(/^OpenSSL 3\.0\./);
    expect(opensslVersion()).toMatch(/^OpenSSL 3\.0\./);
  });

  it("evaluates 'HIGH:!aNULL'", async () => {
    const r = await oracle.query('HIGH:!aNULL');
    expect(r.ok).toBe(true);
    expect(r.error).toBeNull();
    expect(r.errors).toEqual([]);
    expect(r.ciphers[0]).toBe('ECDHE-ECDSA-AES256-GCM-SHA384');
    expect(r.ciphers).not.toContain('ADH-AES256-GCM-SHA384');
    expect(r.ciphers.some((c) => c.startsWith('TLS_'))).toBe(false);
    expect(r.ciphers).toEqual(r.leftover);
  });

  it("reports 'AES#' as invalid-command and leaves the context's previous list", async () => {
    const r = await oracle.query('AES#');
    expect(r.ok).toBe(false);
    expect(r.error).toBe('invalid-command');
    expect(r.ciphers).toEqual([]);
    const def = await oracle.query('DEFAULT');
    expect(r.leftover).toEqual(def.ciphers);
  });

  it("reports 'FOO' as no-cipher-match", async () => {
    const r = await oracle.query('FOO');
    expect(r.ok).toBe(false);
    expect(r.error).toBe('no-cipher-match');
    expect(r.errors).toEqual(['no cipher match']);
    expect(r.ciphers).toEqual([]);
  });

  it("accepts strings starting with '-' or '!'", async () => {
    const [minus, bang, high] = await oracle.queryMany(['-ALL:HIGH', '!aNULL:HIGH', 'HIGH']);
    expect(minus?.ok).toBe(true);
    expect(minus?.ciphers).toEqual(high?.ciphers);
    expect(bang?.ok).toBe(true);
    expect(bang?.ciphers).not.toContain('ADH-AES256-GCM-SHA384');
  });

  it('handles a 1 MB string', async () => {
    const big = 'HIGH:'.repeat(1 << 18);
    expect(big.length).toBeGreaterThan(1_000_000);
    const [r, high] = await oracle.queryMany([big, 'HIGH']);
    expect(r?.ok).toBe(true);
    expect(r?.ciphers).toEqual(high?.ciphers);
  });

  it('puts the TLS 1.3 suites first only when ciphersuites are set', async () => {
    const none = await oracle.query('HIGH');
    expect(none.ciphers.slice(0, 3)).not.toEqual(TLS13);
    const dflt = await oracle.query('HIGH', { ciphersuites: DEFAULT_TLS13_CIPHERSUITES });
    expect(dflt.ciphers.slice(0, 3)).toEqual(TLS13);
    expect(dflt.ciphers.slice(3)).toEqual(none.ciphers);
    const untouched = await oracle.query('HIGH', { ciphersuites: null });
    expect(untouched.ciphers).toEqual(dflt.ciphers);
    expect(untouched.ciphersuitesOk).toBeUndefined();
    expect(dflt.ciphersuitesOk).toBe(true);
  });

  it('still fails with no-cipher-match when only TLS 1.3 suites remain', async () => {
    const r = await oracle.query('FOO', { ciphersuites: DEFAULT_TLS13_CIPHERSUITES });
    expect(r.ok).toBe(false);
    expect(r.error).toBe('no-cipher-match');
    expect(r.ciphers).toEqual([]);
    expect(r.leftover).toEqual(TLS13);
  });

  it('reports the security level, including @SECLEVEL', async () => {
    const [plain, three] = await oracle.queryMany(['DEFAULT', 'DEFAULT:@SECLEVEL=3']);
    expect([1, 2]).toContain(plain?.securityLevel);
    expect(three?.securityLevel).toBe(3);
    const forced = await oracle.query('DEFAULT', { securityLevel: 0 });
    expect(forced.securityLevel).toBe(0);
  });

  it('agrees with the openssl CLI', async () => {
    const inputs = [
      'HIGH:!aNULL:!MD5',
      'DEFAULT',
      'ALL:COMPLEMENTOFALL',
      'ECDHE+AESGCM:@STRENGTH',
      'kRSA:-AES128',
      'FOO',
    ];
    const results = await oracle.queryMany(inputs, { ciphersuites: DEFAULT_TLS13_CIPHERSUITES });
    inputs.forEach((input, i) => {
      const expected = cli([input]);
      expect(results[i]?.ok, input).toBe(expected.ok);
      expect(results[i]?.ciphers, input).toEqual(expected.names);
    });
  });

  it('lists supported ciphers like `openssl ciphers -s`', async () => {
    const r = await oracle.query('ALL', { supported: true, ciphersuites: null });
    expect(r.supported).toEqual(cli(['-s', 'ALL']).names);
    expect(r.supported!.length).toBeLessThan(r.ciphers.length);
    const tls12 = await oracle.query('ALL', { supported: true, ciphersuites: null, maxProtocol: 'TLSv1.2' });
    expect(tls12.supported).toEqual(cli(['-s', '-tls1_2', 'ALL']).names);
    expect(tls12.supported).not.toContain('TLS_AES_256_GCM_SHA384');
  });

  it('passes bytes through: Buffers, UTF-8, and rejects NUL', async () => {
    const [raw, utf8] = await oracle.queryMany([Buffer.from([0x48, 0x49, 0x47, 0x48, 0x3a, 0xff]), 'HIGH:é']);
    expect(raw?.ok).toBe(utf8?.ok);
    expect(raw?.ciphers).toEqual(utf8?.ciphers);
    await expect(oracle.query('HIGH\0:ALL')).rejects.toThrow(/NUL/);
    await expect(oracle.query('HIGH', { ciphersuites: 'a\0' })).rejects.toThrow(/NUL/);
    expect((await oracle.query('HIGH')).ok).toBe(true);
  });

  it('answers thousands of queries per second', async () => {
    const inputs = Array.from(
      { length: 5000 },
      (_, i) => ['HIGH:!aNULL:!MD5', 'DEFAULT', 'FOO', 'AES#', `ALL:@SECLEVEL=${i % 6}`][i % 5]!,
    );
    const t0 = performance.now();
    const results = await oracle.queryMany(inputs);
    const seconds = (performance.now() - t0) / 1000;
    expect(results).toHaveLength(inputs.length);
    expect(results[2]?.error).toBe('no-cipher-match');
    expect(results[3]?.error).toBe('invalid-command');
    const rate = inputs.length / seconds;
    console.log(`oracle throughput: ${Math.round(rate)} queries/s`);
  });
});
