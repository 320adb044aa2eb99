import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expand } from '../../src/index.js';
import type { ProtocolVersion } from '../../src/supported/protocol.js';
import { useLiveOracle } from '../helpers/live-oracle.js';
import { numRuns, seed } from '../helpers/property-runs.js';
import { cipherString } from '../helpers/vocabulary.js';
import { OPENSSL_BIN, opensslVersion } from '../oracle/openssl-oracle.js';

// The effective offer (`openssl ciphers -s`, SSL_get1_supported_ciphers) against this machine's
// libssl: random strings under random security levels, protocol ranges and PSK / SRP set-up.
// Fails, never skips, without OpenSSL (the error says what to install).
const live = useLiveOracle();

const protocol = fc.constantFrom<ProtocolVersion | undefined>(undefined, 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3');
const TLS13 = ['TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256'];
const setup = fc.record({
  // The TLS 1.3 list: the default, or any part of it in any order ('' for none).
  ciphersuites: fc.option(
    fc.shuffledSubarray(TLS13).map((l) => l.join(':')),
    { nil: undefined },
  ),
  seclevel: fc.integer({ min: 0, max: 5 }),
  minProtocol: protocol,
  maxProtocol: protocol,
  psk: fc.boolean(),
  srp: fc.boolean(),
  // Sometimes the string itself changes the level, after the context's own.
  inlineLevel: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
});

describe(`live -s view against libssl (seed ${seed}, ${Math.ceil(numRuns / 2)} runs)`, () => {
  it('same offered suites, in the same order, for any level, protocol range, PSK and SRP', async () => {
    console.log(`supported: FC_SEED=${seed} FC_NUM_RUNS=${numRuns}`);
    await fc.assert(
      fc.asyncProperty(cipherString, setup, async (body, s) => {
        const input = s.inlineLevel === undefined ? body : `${body}:@SECLEVEL=${s.inlineLevel}`;
        const want = await live.oracle.query(input, {
          ciphersuites: s.ciphersuites ?? null,
          supported: true,
          securityLevel: s.seclevel,
          minProtocol: s.minProtocol,
          maxProtocol: s.maxProtocol,
          psk: s.psk,
          srp: s.srp,
        });
        const got = expand(input, {
          ...(s.ciphersuites !== undefined ? { ciphersuites: s.ciphersuites } : {}),
          seclevel: s.seclevel,
          supported: { minProtocol: s.minProtocol, maxProtocol: s.maxProtocol, psk: s.psk, srp: s.srp },
        });
        expect(got.ok).toBe(want.ok);
        // SSL_get1_supported_ciphers answers NULL for an empty list.
        const offered = want.ok ? (want.supported ?? []) : [];
        expect(got.supported!.ciphers.map((c) => c.name)).toEqual(offered);
      }),
      { numRuns: Math.max(1, Math.ceil(numRuns / 2)), seed: seed + 2 },
    );
  });
});

// The same through the command-line tool, with its own flags. An empty configuration file keeps
// the machine's openssl.cnf (Debian sets `CipherString = DEFAULT@SECLEVEL=2`) out of it.
describe('openssl ciphers -s, the command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cipherx-conf-'));
  const conf = join(dir, 'empty.cnf');
  writeFileSync(conf, '');
  const run = (args: string[]) => {
    opensslVersion(); // throws with an install hint when openssl is missing
    return execFileSync(OPENSSL_BIN, ['ciphers', '-s', ...args], {
      encoding: 'utf8',
      env: { ...process.env, OPENSSL_CONF: conf },
    }).trim();
  };
  const FLAG: Record<
    string,
    { minProtocol?: ProtocolVersion; maxProtocol?: ProtocolVersion; psk?: boolean; srp?: boolean }
  > = {
    '-tls1': { minProtocol: 'TLSv1', maxProtocol: 'TLSv1' },
    '-tls1_1': { minProtocol: 'TLSv1.1', maxProtocol: 'TLSv1.1' },
    '-tls1_2': { minProtocol: 'TLSv1.2', maxProtocol: 'TLSv1.2' },
    '-tls1_3': { minProtocol: 'TLSv1.3', maxProtocol: 'TLSv1.3' },
    '-psk': { psk: true },
    '-srp': { srp: true },
  };
  const STRINGS = [
    'ALL:COMPLEMENTOFALL:@SECLEVEL=0',
    'ALL:@SECLEVEL=1',
    'DEFAULT:@SECLEVEL=2',
    'HIGH:!aNULL:@SECLEVEL=3',
    'ALL:@SECLEVEL=4',
    'PSK:SRP:@SECLEVEL=1',
    'ECDH+aRSA:ECDH+ECDSA:DHE+DSS+AES:AES128:AES256:!SRP:!aNULL:@SECLEVEL=1',
  ];
  for (const flag of Object.keys(FLAG)) {
    it(`${flag}: every sample string gives libssl's list`, () => {
      for (const s of STRINGS) {
        const got = expand(s, { supported: FLAG[flag] });
        expect(got.supported!.ciphers.map((c) => c.name).join(':'), `${flag} ${s}`).toBe(run([flag, s]));
      }
    });
  }
});
