import fc from 'fast-check';
import data from '../../data/openssl-3.0.json' with { type: 'json' };

/**
 * Cipher-string material for property tests: every word OpenSSL 3.0 knows (suite names,
 * aliases, including those this build leaves unregistered), IANA and TLS 1.3 names, words
 * from other releases, near misses, words that are JavaScript property names, and the odd
 * bytes that matter to the scanner.
 */
const suiteNames = data.suites.map((s) => s.name);
const ianaNames = data.suites.map((s) => s.stdname).filter((n): n is string => n !== null);
const aliasNames = data.aliases.map((a) => a.name);
const tls13Names = data.tls13Suites.map((s) => s.name);
const otherWords = [
  'DEFAULT',
  'EXPORT',
  'EXP',
  'DES',
  'LOW',
  'MEDIUM',
  'kDHr',
  'aECDH',
  'SSLv2',
  'TLSv1.1',
  'TLSv1.3',
  'aes128',
  'Aes256',
  'high',
  'FOO',
  'XYZ',
  'AES128_FOO',
  'SECLEVEL=2',
  'STRENGTH',
  'SUITEB128',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'prototype',
  'valueOf',
  'EDH-RSA-DES-CBC3-SHA',
  'DHE-RSA-DES-CBC3-SHA',
  'RC4-SHA',
  'IDEA-CBC-SHA',
  'SEED-SHA',
  'ALL.',
  'A=B',
  '=',
  '.',
  '-',
];

export const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...aliasNames) },
  { weight: 4, arbitrary: fc.constantFrom(...suiteNames) },
  { weight: 1, arbitrary: fc.constantFrom(...ianaNames, ...tls13Names) },
  { weight: 2, arbitrary: fc.constantFrom(...otherWords) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9.=_-]{1,6}$/) },
);

const separator = fc.constantFrom(':', ':', ':', ',', ';', ' ', '::', ': ');
const operator = fc.oneof(
  { weight: 30, arbitrary: fc.constantFrom('', '', '', '!', '-', '+') },
  { weight: 1, arbitrary: fc.constant('@') },
);
const special = fc.constantFrom(
  '@STRENGTH',
  '@SECLEVEL=0',
  '@SECLEVEL=1',
  '@SECLEVEL=2',
  '@SECLEVEL=3',
  '@SECLEVEL=4',
  '@SECLEVEL=5',
  '@SECLEVEL=6',
  '@SECLEVEL=9',
  '@SECLEVEL=10',
  '@SECLEVEL=1X',
  '@seclevel=1',
  '@FOO',
  '@',
  '@STRENGTH+AES',
);
const oddByte = fc.constantFrom(
  '#',
  '$',
  '|',
  '/',
  '\t',
  '\n',
  '!',
  '+',
  '-',
  '@',
  '(',
  'é',
  '\u0080',
  '€',
  '_',
  '=',
  '"',
);

const compound = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 3, arbitrary: fc.array(word, { minLength: 2, maxLength: 3 }).map((ws) => ws.join('+')) },
);

/** One element: operator + compound, a special, or something odd glued on. */
const element = fc.oneof(
  { weight: 24, arbitrary: fc.tuple(operator, compound).map(([o, c]) => o + c) },
  { weight: 2, arbitrary: special },
  { weight: 2, arbitrary: fc.tuple(operator, compound, oddByte).map(([o, c, b]) => o + c + b) },
  { weight: 1, arbitrary: oddByte },
  { weight: 3, arbitrary: fc.tuple(compound, operator, compound).map(([a, o, b]) => a + o + b) },
);

const prefix = fc.constantFrom(
  '',
  '',
  '',
  '',
  '',
  'DEFAULT',
  'DEFAULT:',
  'DEFAULT+',
  'DEFAULTFOO:',
  'SUITEB128',
  'SUITEB192:',
  'SUITEB128ONLY',
  'SUITEB128C2x',
  ' ',
  ':',
);

/** A whole cipher string. */
export const cipherString = fc
  .tuple(prefix, fc.array(fc.tuple(element, separator), { minLength: 0, maxLength: 10 }), fc.boolean())
  .map(([p, parts, trailing]) => {
    let s = p;
    parts.forEach(([e, sep], i) => {
      s += e;
      if (i < parts.length - 1 || trailing) s += sep;
    });
    return s;
  });

/** A TLS 1.3 ciphersuites option: IANA names (TLS 1.3 and others), junk, spaces, empties. */
export const ciphersuites = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...tls13Names, 'TLS_AES_128_CCM_8_SHA256') },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          ...ianaNames,
          'TLS_EMPTY_RENEGOTIATION_INFO_SCSV',
          'TLS_FALLBACK_SCSV',
          'TLS_RSA_WITH_IDEA_CBC_SHA',
          'TLS_RSA_WITH_SEED_CBC_SHA',
        ),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom('', ' ', 'FOO', ' TLS_AES_128_GCM_SHA256 ', 'tls_aes_128_gcm_sha256', 'AES128-SHA'),
      },
    ),
    { minLength: 0, maxLength: 4 },
  )
  .map((xs) => xs.join(':'));
