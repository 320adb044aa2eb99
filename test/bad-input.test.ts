import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expand } from '../src/index.js';
import { useLiveOracle } from './helpers/live-oracle.js';
import { numRuns, seed } from './helpers/property-runs.js';

// Hostile and degenerate input: the same answer as this machine's libssl, no exception,
// no hang. (How time grows with length is measured in bench/, not here.)
const live = useLiveOracle();

async function sameAsOpenSSL(input: string, oracleInput: string = input) {
  const want = await live.oracle.query(oracleInput, { ciphersuites: '' });
  const got = expand(input, { ciphersuites: '', seclevel: live.baseSeclevel });
  expect({ ok: got.ok, error: got.error?.code ?? null, ciphers: got.ciphers.map((c) => c.name) }).toEqual({
    ok: want.ok,
    error: want.error,
    ciphers: want.ciphers,
  });
}

const big = (n: number, terms: string[]) => Array.from({ length: n }, (_, i) => terms[i % terms.length]).join(':');

describe('bad input, compared with libssl', () => {
  it.each([
    ['empty string', ''],
    ['separators only', ' :,;  ::;;,, '],
    ['a tab', '\t'],
    ['JavaScript property names as words', '__proto__:constructor:toString:valueOf:hasOwnProperty'],
    ['property names after a valid word', 'HIGH:constructor:toString'],
    ['non-ASCII after an unknown word', 'ÄÖÜ:HIGH'],
    ['non-ASCII after a known word', 'HIGHé:AES'],
    ['emoji', '😀:HIGH'],
    ['control bytes', '\u0001\u0002:HIGH'],
    ['DEL byte', 'HIGH\u007f'],
    ['a lone surrogate', 'FOO\ud800:HIGH'],
  ])('%s', async (_name, input) => {
    await sameAsOpenSSL(input);
  });

  it('a NUL ends the string, as for every C caller', async () => {
    await sameAsOpenSSL('AES128-SHA\u0000!ALL', 'AES128-SHA');
    expect(expand('AES128-SHA\u0000!ALL').diagnostics.map((d) => d.code)).toContain('nul-truncates');
  });

  it('a 1 MB string', async () => {
    const s = big(250000, ['HIGH', '!aNULL', 'FOO', '-kRSA']).slice(0, 1 << 20);
    expect(s.length).toBe(1 << 20);
    await sameAsOpenSSL(s);
  });

  it('100,000 terms of every kind', async () => {
    await sameAsOpenSSL(
      big(100000, ['HIGH', '!aNULL', 'AES128-SHA', '-kRSA', 'ECDH+aRSA', 'FOO', '+AES256', '!MD5', '@STRENGTH']),
    );
  });

  it('one 1 MB word', async () => {
    await sameAsOpenSSL('A'.repeat(1 << 20) + ':HIGH');
  });

  it('100,000 operators without names fail at the first', async () => {
    await sameAsOpenSSL('!'.repeat(100000));
  });
});

describe('never throws for a string', () => {
  it(`any string, any ciphersuites option (seed ${seed})`, () => {
    console.log(`bad-input: FC_SEED=${seed}`);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 40 }), (s, cs) => {
        const r = expand(s, { ciphersuites: cs });
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.ciphers).toEqual([]);
      }),
      { seed, numRuns },
    );
  });

  it('non-string input is a TypeError', () => {
    for (const x of [undefined, null, 42, {}, ['HIGH'], Buffer.from('HIGH')]) {
      expect(() => expand(x as unknown as string)).toThrow(TypeError);
    }
    expect(() => expand('HIGH', { target: 'openssl-9.9' as 'openssl-3.0' })).toThrow(TypeError);
    expect(() => expand('HIGH', { ciphersuites: 5 as unknown as string })).toThrow(TypeError);
    expect(() => expand('HIGH', { seclevel: 9 })).toThrow(TypeError);
  });
});
