import { describe, expect, it } from 'vitest';
import { expand } from '../src/index.js';
import { useLiveOracle } from './helpers/live-oracle.js';

// Every OpenSSL 3.0 quirk cipherx reproduces, one named case each. Expectations are facts of
// OpenSSL (recorded from real builds: data/source/ORACLE-README.md, and checked again below
// against this machine's libssl), never values computed by cipherx.
//
// A case is [name, input, expectation] where the expectation is one of
//   { ciphers: [...] }            accepted, exactly these suites in this order
//   { first: [...] }              accepted, the list starts with these suites
//   { count: n }                  accepted, n suites
//   { same: 'other string' }      accepted or not exactly like the other string
//   { error: 'invalid-command' | 'no-cipher-match' }
//   { seclevel: n, error?: ... }  the security level after the call
type Expectation =
  | { ciphers: string[] }
  | { first: string[] }
  | { count: number }
  | { same: string }
  | { error: 'invalid-command' | 'no-cipher-match'; seclevel?: number }
  | { seclevel: number };

const CASES: Array<[string, string, Expectation]> = [
  // Scanner: separators and name characters
  [
    'colon, comma, semicolon and space all separate',
    'AES128-SHA;AES256-SHA,NULL-SHA AES128-SHA256',
    { ciphers: ['AES128-SHA', 'AES256-SHA', 'NULL-SHA', 'AES128-SHA256'] },
  ],
  ['repeated separators are skipped', 'AES128-SHA;;  ,AES256-SHA', { ciphers: ['AES128-SHA', 'AES256-SHA'] }],
  ['tab is not a separator: invalid after a known word', 'AES128-SHA\tAES256-SHA', { error: 'invalid-command' }],
  ['newline is not a separator', 'AES128-SHA\nAES256-SHA', { error: 'invalid-command' }],
  ['a known word followed by a stray byte is an invalid command', 'AES#', { error: 'invalid-command' }],
  ['an unknown word swallows everything up to the next separator', 'FOO$:AES128-SHA', { ciphers: ['AES128-SHA'] }],
  ['junk after an unknown word is harmless', 'FOO|BAR:AES128-SHA', { ciphers: ['AES128-SHA'] }],
  ['a known word then `|` fails', 'AES128|FOO', { error: 'invalid-command' }],
  ['a suite name then `/` fails', 'ECDHE-RSA-AES128-GCM-SHA256/AES256', { error: 'invalid-command' }],
  [
    '`_` is not a name character before 3.2: AES128 is read, then `_` is invalid',
    'AES128_FOO:AES256',
    { error: 'invalid-command' },
  ],
  ['`-` is a name character: ALL-aNULL is one unknown word', 'ALL-aNULL', { error: 'no-cipher-match' }],
  ['a non-ASCII character after a known word is invalid', 'AES128-SHA\u00e9', { error: 'invalid-command' }],
  ['a non-ASCII character after an unknown word is skipped', 'FOO\u00e9:AES128-SHA', { ciphers: ['AES128-SHA'] }],
  ['a string that starts with a stray byte is invalid', '$AES128-SHA', { error: 'invalid-command' }],
  ['words are case-sensitive', 'aes128', { error: 'no-cipher-match' }],
  [
    'an IANA name is read as the unknown word TLS before 3.2 and ignored',
    'TLS_RSA_WITH_AES_128_CBC_SHA:AES256-SHA',
    { ciphers: ['AES256-SHA'] },
  ],
  ['a TLS 1.3 name in the cipher list is ignored', 'TLS_AES_128_GCM_SHA256:HIGH', { same: 'HIGH' }],
  ['a NUL ends the string, as for any C caller', 'AES128-SHA\u0000:AES256-SHA', { ciphers: ['AES128-SHA'] }],
  ['the empty string matches nothing', '', { error: 'no-cipher-match' }],
  ['separators alone match nothing', ' :,; ', { error: 'no-cipher-match' }],
  [
    'property names are just unknown words',
    'constructor:toString:hasOwnProperty:AES128-SHA',
    { ciphers: ['AES128-SHA'] },
  ],
  [
    '`__proto__` starts with `_`, not a name character before 3.2: invalid command',
    '__proto__:AES128-SHA',
    { error: 'invalid-command' },
  ],

  // Operators
  ['an operator glued after a known word starts a new element', 'HIGH!aNULL', { same: 'HIGH:!aNULL' }],
  ['@STRENGTH glued after a word', 'ALL@STRENGTH', { same: 'ALL:@STRENGTH' }],
  ['`!` is permanent: nothing adds the suites again', '!ALL:HIGH', { error: 'no-cipher-match' }],
  ['`!` beats a later explicit name', '!AES128-SHA:AES128-SHA:AES256-SHA', { ciphers: ['AES256-SHA'] }],
  ['`-` is not permanent: a later element adds again', '-AES128-SHA:AES128-SHA', { ciphers: ['AES128-SHA'] }],
  ['`+X` only moves: alone it adds nothing', '+ALL', { error: 'no-cipher-match' }],
  ['`+X` moves to the end', 'AES128-SHA:AES256-SHA:+AES128-SHA', { ciphers: ['AES256-SHA', 'AES128-SHA'] }],
  [
    '`-X` moves deleted suites to the front: a later add puts them first (the Postfix trick)',
    'aNULL:-aNULL:HIGH',
    { first: ['ADH-AES256-GCM-SHA384', 'ADH-AES128-GCM-SHA256', 'ADH-AES256-SHA256'] },
  ],
  ['a lone operator is an invalid command: +', '+', { error: 'invalid-command' }],
  ['a lone operator is an invalid command: -', '-', { error: 'invalid-command' }],
  ['a lone operator is an invalid command: !', '!', { error: 'invalid-command' }],
  ['a lone operator is an invalid command: @', '@', { error: 'invalid-command' }],
  ['a trailing `+` is an invalid command', 'AES+', { error: 'invalid-command' }],
  ['an operator then a separator is an invalid command', 'ALL:+', { error: 'invalid-command' }],
  ['one operator per element: !! is invalid', '!!ALL', { error: 'invalid-command' }],
  ['one operator per element: -! is invalid', '-!ALL', { error: 'invalid-command' }],
  ['`!-ALL` reads the unknown word -ALL', '!-ALL', { error: 'no-cipher-match' }],
  ['`+-AES` reads the unknown word -AES and is ignored', '+-AES:AES128-SHA', { ciphers: ['AES128-SHA'] }],

  // Compounds
  ['a suite name inside a compound becomes the whole rule', 'RSA+AES128-SHA', { ciphers: ['AES128-SHA'] }],
  ['masks conflict: the compound is ignored', 'AES128-SHA+AES256', { error: 'no-cipher-match' }],
  ['HIGH+FIPS is empty: strength bits intersect to nothing', 'HIGH+FIPS', { error: 'no-cipher-match' }],
  [
    'protocol aliases match by equality: AES128-SHA is not a TLSv1.2 suite',
    'AES128-SHA+TLSv1.2',
    { error: 'no-cipher-match' },
  ],
  ['two protocol aliases in one compound drop it', 'TLSv1.2+SSLv3', { error: 'no-cipher-match' }],
  ['an unknown word anywhere in a compound makes it a no-op', 'AES+FOO+HIGH:AES128-SHA', { ciphers: ['AES128-SHA'] }],
  ['an unknown word then a trailing `+` is skipped, not an error', 'FOO+:AES128-SHA', { ciphers: ['AES128-SHA'] }],
  [
    'COMPLEMENTOFDEFAULT+HIGH is HIGH: the strength word overwrites the not-default bit',
    'COMPLEMENTOFDEFAULT+HIGH',
    { same: 'HIGH' },
  ],
  ['HIGH+COMPLEMENTOFDEFAULT keeps both conditions', 'HIGH+COMPLEMENTOFDEFAULT', { count: 80 }],
  [
    'RSA does not match RSA-PSK: !AESGCM+RSA leaves RSA-PSK GCM suites',
    'AESGCM+kRSAPSK:!AESGCM+RSA',
    { ciphers: ['RSA-PSK-AES256-GCM-SHA384', 'RSA-PSK-AES128-GCM-SHA256'] },
  ],
  ['ECDH includes anonymous ECDH in 1.1.0+', 'ECDH+aNULL', { count: 3 }],

  // Keywords and aliases
  ['DEFAULT is a prefix: DEFAULTFOO is DEFAULT', 'DEFAULTFOO', { same: 'DEFAULT' }],
  ['DEFAULT then an operator without separator', 'DEFAULT!aRSA', { same: 'DEFAULT:!aRSA' }],
  ['DEFAULT cannot be compounded: DEFAULT+ECDH is DEFAULT then +ECDH', 'DEFAULT+ECDH', { same: 'DEFAULT:+ECDH' }],
  ['DEFAULT after a leading space is an unknown word', ' DEFAULT', { error: 'no-cipher-match' }],
  ['DEFAULT in the middle is ignored', 'AES128-SHA:DEFAULT', { ciphers: ['AES128-SHA'] }],
  ['DEFAULT has 57 TLS 1.2 suites on 3.0', 'DEFAULT', { count: 57 }],
  ['ALL excludes eNULL: 155 suites less the 18 NULL-encryption ones', 'ALL', { count: 137 }],
  ['COMPLEMENTOFALL is the eNULL suites', 'COMPLEMENTOFALL', { count: 18 }],
  ['ALL:COMPLEMENTOFALL is every available suite', 'ALL:COMPLEMENTOFALL', { count: 155 }],
  ['HIGH has 137 suites on 3.0', 'HIGH', { count: 137 }],
  ['CBC (new in 3.0) has 76 suites', 'CBC', { count: 76 }],
  ['SSLv3 and TLSv1 differ in 1.1.0+', 'SSLv3', { count: 33 }],
  ['TLSv1 selects suites whose minimum is TLS 1.0', 'TLSv1', { count: 36 }],
  [
    'RC4 is not registered without the legacy provider: RC4# is an unknown word',
    'RC4#:AES128-SHA',
    { ciphers: ['AES128-SHA'] },
  ],
  ['IDEA is not registered either', 'IDEA$:AES128-SHA', { ciphers: ['AES128-SHA'] }],
  [
    '3DES is registered (the algorithm exists) though no 3DES suite is built',
    '3DES#:AES128-SHA',
    { error: 'invalid-command' },
  ],
  ['3DES alone matches nothing', '3DES', { error: 'no-cipher-match' }],
  ['DES is not an alias after 1.0.2', 'DES#:AES128-SHA', { ciphers: ['AES128-SHA'] }],
  [
    'the cipher-name alias EDH-RSA-DES-CBC3-SHA exists but selects nothing',
    'EDH-RSA-DES-CBC3-SHA#',
    { error: 'invalid-command' },
  ],

  // Special commands
  [
    '@STRENGTH is a stable sort by strength',
    'AES128-SHA:AES256-SHA:NULL-SHA:AES128-SHA256:@STRENGTH',
    { ciphers: ['AES256-SHA', 'AES128-SHA', 'AES128-SHA256', 'NULL-SHA'] },
  ],
  ['text after @STRENGTH up to the separator is discarded', 'AES128-SHA:@STRENGTH+AES256', { ciphers: ['AES128-SHA'] }],
  ['@SECLEVEL=n sets the level and filters nothing', '@SECLEVEL=5:NULL-SHA', { ciphers: ['NULL-SHA'] }],
  ['@SECLEVEL=3 is reported', 'ALL:@SECLEVEL=3', { seclevel: 3 }],
  ['the last @SECLEVEL wins', '@SECLEVEL=4:ALL:@SECLEVEL=0', { seclevel: 0 }],
  ['@SECLEVEL takes one digit 0-5: 6 is invalid', '@SECLEVEL=6', { error: 'invalid-command' }],
  ['@SECLEVEL=10 is invalid', 'ALL:@SECLEVEL=10', { error: 'invalid-command' }],
  ['@SECLEVEL=1X is invalid', 'ALL:@SECLEVEL=1X', { error: 'invalid-command' }],
  ['special commands are case-sensitive', 'ALL:@seclevel=1', { error: 'invalid-command' }],
  ['an unknown special command is invalid', 'ALL:@FOO', { error: 'invalid-command' }],
  [
    'a bad special does not stop reading: a later @SECLEVEL still applies',
    '@FOO:@SECLEVEL=3',
    { error: 'invalid-command', seclevel: 3 },
  ],
  [
    'a scanning error stops at once: a later @SECLEVEL does not apply',
    '!:@SECLEVEL=3',
    { error: 'invalid-command', seclevel: 1 },
  ],
  ['@SECLEVEL before no cipher match still applies', '@SECLEVEL=4:FOO', { error: 'no-cipher-match', seclevel: 4 }],

  // Suite B
  [
    'SUITEB128 replaces the whole string',
    'SUITEB128:AES128-SHA',
    { ciphers: ['ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES256-GCM-SHA384'] },
  ],
  ['SUITEB128ONLY', 'SUITEB128ONLY', { ciphers: ['ECDHE-ECDSA-AES128-GCM-SHA256'] }],
  ['SUITEB128C2', 'SUITEB128C2', { ciphers: ['ECDHE-ECDSA-AES256-GCM-SHA384'] }],
  ['SUITEB192', 'SUITEB192', { ciphers: ['ECDHE-ECDSA-AES256-GCM-SHA384'] }],
  [
    'Suite B is a prefix match: SUITEB128xyz counts',
    'SUITEB128xyz#$',
    { ciphers: ['ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES256-GCM-SHA384'] },
  ],
  [
    'Suite B names are tried in order, case-sensitively: SUITEB128c2 is the SUITEB128 prefix',
    'SUITEB128c2',
    { ciphers: ['ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES256-GCM-SHA384'] },
  ],
];

const names = (input: string) => {
  const r = expand(input, { ciphersuites: '' });
  return { ok: r.ok, error: r.error?.code ?? null, ciphers: r.ciphers.map((c) => c.name), seclevel: r.seclevel };
};

describe('OpenSSL 3.0 quirks, as cipherx reproduces them', () => {
  for (const [name, input, want] of CASES) {
    it(name, () => {
      const got = names(input);
      if ('ciphers' in want) expect(got).toMatchObject({ ok: true, ciphers: want.ciphers });
      else if ('first' in want)
        expect([got.ok, ...got.ciphers.slice(0, want.first.length)]).toEqual([true, ...want.first]);
      else if ('count' in want) expect([got.ok, got.ciphers.length]).toEqual([true, want.count]);
      else if ('same' in want) expect(got).toEqual(names(want.same));
      else if ('error' in want) {
        expect(got.error).toBe(want.error);
        if (want.seclevel !== undefined) expect(got.seclevel).toBe(want.seclevel);
      } else expect(got.seclevel).toBe(want.seclevel);
    });
  }
});

// The same facts, asked of this machine's libssl, so a wrong expectation cannot hide here.
describe('the quirks hold on the live OpenSSL', () => {
  const live = useLiveOracle();
  for (const [name, input, want] of CASES) {
    it(name, async () => {
      const got = await live.oracle.query(input.split('\u0000')[0]!, { ciphersuites: '' });
      // And cipherx gives what the live library gives, whatever the kind of expectation.
      const ours = expand(input, { ciphersuites: '', seclevel: live.baseSeclevel });
      expect([ours.ok, ours.error?.code ?? null, ours.ciphers.map((c) => c.name), ours.seclevel]).toEqual([
        got.ok,
        got.error,
        got.ciphers,
        got.securityLevel,
      ]);
      if ('ciphers' in want) expect(got).toMatchObject({ ok: true, ciphers: want.ciphers });
      else if ('first' in want)
        expect([got.ok, ...got.ciphers.slice(0, want.first.length)]).toEqual([true, ...want.first]);
      else if ('count' in want) expect([got.ok, got.ciphers.length]).toEqual([true, want.count]);
      else if ('same' in want) {
        const other = await live.oracle.query(want.same, { ciphersuites: '' });
        expect([got.ok, got.error, got.ciphers]).toEqual([other.ok, other.error, other.ciphers]);
      } else if ('error' in want) {
        expect(got.error).toBe(want.error);
        // The live build starts at its own default level (Debian: 2, upstream: 1).
        if (want.seclevel !== undefined)
          expect(got.securityLevel).toBe(want.seclevel === 1 ? live.baseSeclevel : want.seclevel);
      } else expect(got.securityLevel).toBe(want.seclevel);
    });
  }
});
