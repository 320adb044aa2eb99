import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expand } from '../../src/index.js';
import { useLiveOracle } from '../helpers/live-oracle.js';
import { numRuns, seed } from '../helpers/property-runs.js';
import { cipherString, ciphersuites } from '../helpers/vocabulary.js';

// Differential property tests against this machine's libssl (OpenSSL 3.0.x), through a small
// C helper (test/oracle/). They fail, never skip, when OpenSSL or the compiler is missing: the
// error says what to install. FC_NUM_RUNS and FC_SEED reproduce a run.
const live = useLiveOracle();

function comparable(r: { ok: boolean; error: string | null; ciphers: string[]; seclevel: number | null }) {
  return { ok: r.ok, error: r.error, ciphers: r.ok ? r.ciphers : [], seclevel: r.seclevel };
}

describe(`live differential against libssl (seed ${seed}, ${numRuns} runs)`, () => {
  it('cipher strings: same acceptance, error kind, ordered suites and security level', async () => {
    console.log(`differential: FC_SEED=${seed} FC_NUM_RUNS=${numRuns}`);
    await fc.assert(
      fc.asyncProperty(cipherString, async (input) => {
        const want = await live.oracle.query(input, { ciphersuites: '' });
        const got = expand(input, { ciphersuites: '', seclevel: live.baseSeclevel });
        expect(comparable({ ...got, error: got.error?.code ?? null, ciphers: got.ciphers.map((c) => c.name) })).toEqual(
          comparable({ ...want, seclevel: want.securityLevel }),
        );
      }),
      { numRuns, seed },
    );
  });

  it('with a TLS 1.3 ciphersuites list: same list, TLS 1.3 part first', async () => {
    await fc.assert(
      fc.asyncProperty(cipherString, ciphersuites, async (input, cs) => {
        const want = await live.oracle.query(input, { ciphersuites: cs });
        const got = expand(input, { ciphersuites: cs, seclevel: live.baseSeclevel });
        if (want.ciphersuitesOk === false) {
          expect(got.error?.code).toBe('invalid-ciphersuites');
          return;
        }
        expect({ ok: got.ok, error: got.error?.code ?? null, ciphers: got.ciphers.map((c) => c.name) }).toEqual({
          ok: want.ok,
          error: want.error,
          ciphers: want.ciphers,
        });
      }),
      { numRuns: Math.max(1, Math.floor(numRuns / 4)), seed: seed + 1 },
    );
  });
});
