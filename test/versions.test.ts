import { describe, expect, it } from 'vitest';
import { expand } from '../src/index.js';

// What changes between release lines (data/source/ORACLE-README.md, "Between versions"): one
// string each, with what every release does with it; the counts are those the recorded builds
// gave (data/source/tables/, `aliases`). An expectation is 'invalid-command' or
// 'no-cipher-match' (rejected), a number (accepted with that many TLS 1.2-and-below suites) or
// a list of names (accepted with exactly those).
type Want = 'invalid-command' | 'no-cipher-match' | number | string[];
const TARGETS = ['openssl-1.0.2', 'openssl-1.1.1', 'openssl-3.0', 'openssl-3.5', 'openssl-3.6'] as const;

const CASES: Array<[string, string, Want[]]> = [
  // name, input, [1.0.2, 1.1.1, 3.0, 3.5, 3.6]
  [
    '@SECLEVEL exists from 1.1.0 on',
    '@SECLEVEL=1:AES128-SHA',
    ['invalid-command', ['AES128-SHA'], ['AES128-SHA'], ['AES128-SHA'], ['AES128-SHA']],
  ],
  [
    '`=` is a name character from 1.1.0 on',
    'AES128-SHA=:AES256-SHA',
    ['invalid-command', ['AES256-SHA'], ['AES256-SHA'], ['AES256-SHA'], ['AES256-SHA']],
  ],
  [
    '`_` is a name character from 3.2 on',
    'AES128_FOO:AES256',
    ['invalid-command', 'invalid-command', 'invalid-command', 43, 43],
  ],
  [
    'IANA names are accepted from 3.2 on',
    'TLS_RSA_WITH_AES_128_CBC_SHA',
    ['no-cipher-match', 'no-cipher-match', 'no-cipher-match', ['AES128-SHA'], ['AES128-SHA']],
  ],
  ['DEFAULT is 98 suites on 1.0.2, 57 after', 'DEFAULT', [98, 57, 57, 57, 57]],
  [
    'RC4 suites exist on 1.0.2 only',
    'RC4',
    [9, 'no-cipher-match', 'no-cipher-match', 'no-cipher-match', 'no-cipher-match'],
  ],
  [
    'IDEA needs the legacy provider from 3.0 on',
    'IDEA-CBC-SHA',
    [['IDEA-CBC-SHA'], ['IDEA-CBC-SHA'], 'no-cipher-match', 'no-cipher-match', 'no-cipher-match'],
  ],
  ['SEED likewise', 'SEED-SHA', [['SEED-SHA'], ['SEED-SHA'], 'no-cipher-match', 'no-cipher-match', 'no-cipher-match']],
  [
    'static DH key exchange is gone after 1.0.2',
    'kDHr',
    [10, 'no-cipher-match', 'no-cipher-match', 'no-cipher-match', 'no-cipher-match'],
  ],
  ['SSLv3 and TLSv1 select the same suites on 1.0.2 only (SSLv3)', 'SSLv3', [80, 38, 33, 33, 33]],
  ['SSLv3 and TLSv1 select the same suites on 1.0.2 only (TLSv1)', 'TLSv1', [80, 36, 36, 36, 36]],
  ['TLSv1.0 is an alias from 1.1.0 on', 'TLSv1.0', ['no-cipher-match', 36, 36, 36, 36]],
  ['CHACHA20 from 1.1.0 on', 'CHACHA20', ['no-cipher-match', 7, 7, 7, 7]],
  ['CBC from 3.0 on', 'CBC', ['no-cipher-match', 'no-cipher-match', 76, 76, 76]],
  [
    'CCM8 is HIGH until 3.2, MEDIUM after',
    'AESCCM8+HIGH',
    ['no-cipher-match', 10, 10, 'no-cipher-match', 'no-cipher-match'],
  ],
  ['HIGH loses the ten CCM8 suites in 3.5', 'HIGH', [82, 137, 137, 127, 127]],
  ['ARIA from 1.1.1 on', 'ARIA', ['no-cipher-match', 16, 16, 16, 16]],
  ['AESCCM from 1.1.0 on', 'AESCCM', ['no-cipher-match', 20, 20, 20, 20]],
  ['the PSK key exchanges from 1.1.0 on', 'kECDHEPSK', ['no-cipher-match', 10, 10, 10, 10]],
  [
    'kGOST18 is known from 3.0 on, but no build here registers it',
    'kGOST18#:AES128-SHA',
    [['AES128-SHA'], ['AES128-SHA'], ['AES128-SHA'], ['AES128-SHA'], ['AES128-SHA']],
  ],
  [
    '3DES suites are built on 1.0.2 only',
    'DES-CBC3-SHA',
    [['DES-CBC3-SHA'], 'no-cipher-match', 'no-cipher-match', 'no-cipher-match', 'no-cipher-match'],
  ],
];

const rejected = (w: Want) => w === 'invalid-command' || w === 'no-cipher-match';

describe('differences between releases', () => {
  for (const [name, input, wants] of CASES) {
    it(name, () => {
      const got = TARGETS.map((target) => {
        const r = expand(input, { target, ...(target === 'openssl-1.0.2' ? {} : { ciphersuites: '' }) });
        const want = wants[TARGETS.indexOf(target)]!;
        if (!r.ok) return r.error!.code;
        if (typeof want === 'number') return r.ciphers.length;
        if (rejected(want)) return r.ciphers.length;
        return r.ciphers.map((c) => c.name);
      });
      expect(got).toEqual(wants);
    });
  }

  it('the default security level: none on 1.0.2, 1 on 1.1.1 and 3.0, 2 from 3.2 on', () => {
    expect(TARGETS.map((target) => expand('ALL', { target }).seclevel)).toEqual([null, 1, 1, 2, 2]);
  });

  it('TLS 1.3 suites come first from 1.1.1 on, by default the same three', () => {
    expect(TARGETS.map((target) => expand('AES128-SHA', { target }).ciphers.map((c) => c.name))).toEqual([
      ['AES128-SHA'],
      ...Array(4).fill([
        'TLS_AES_256_GCM_SHA384',
        'TLS_CHACHA20_POLY1305_SHA256',
        'TLS_AES_128_GCM_SHA256',
        'AES128-SHA',
      ]),
    ]);
  });

  it('1.1.1 rejects a ciphersuites list with one unknown name; 3.0 on skip it', () => {
    const cs = 'TLS_AES_128_GCM_SHA256:FOO';
    expect(TARGETS.slice(1).map((target) => expand('HIGH', { target, ciphersuites: cs }).error?.code ?? 'ok')).toEqual([
      'invalid-ciphersuites',
      'ok',
      'ok',
      'ok',
    ]);
  });

  it('the default order puts ECDSA first from 1.1.0 on, RSA first on 1.0.2', () => {
    expect(
      TARGETS.map(
        (target) =>
          expand('DEFAULT', { target, ...(target === 'openssl-1.0.2' ? {} : { ciphersuites: '' }) }).ciphers[0]!.name,
      ),
    ).toEqual(['ECDHE-RSA-AES256-GCM-SHA384', ...Array(4).fill('ECDHE-ECDSA-AES256-GCM-SHA384')]);
  });

  it('the integrity-only TLS 1.3 suites are known from 3.4 on, not by default', () => {
    const cs = 'TLS_SHA256_SHA256';
    expect(
      TARGETS.slice(2).map((target) => expand('AES128-SHA', { target, ciphersuites: cs }).ciphers.map((c) => c.name)),
    ).toEqual([[], ['TLS_SHA256_SHA256', 'AES128-SHA'], ['TLS_SHA256_SHA256', 'AES128-SHA']]);
    expect(expand('AES128-SHA', { target: 'openssl-3.5' }).ciphers.map((c) => c.name)).not.toContain(
      'TLS_SHA256_SHA256',
    );
  });

  it('1.0.2 takes no ciphersuites and no security level', () => {
    expect(() => expand('HIGH', { target: 'openssl-1.0.2', ciphersuites: 'TLS_AES_128_GCM_SHA256' })).toThrow(
      TypeError,
    );
    expect(() => expand('HIGH', { target: 'openssl-1.0.2', seclevel: 1 })).toThrow(TypeError);
    expect(expand('HIGH', { target: 'openssl-1.0.2', ciphersuites: '' }).ok).toBe(true);
  });
});
