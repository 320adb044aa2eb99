import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import table from '../data/source/tables/table-boringssl.json' with { type: 'json' };
import data from '../data/boringssl.json' with { type: 'json' };
import { parseBoringssl } from '../src/family/boringssl/parse.js';
import { boringsslErrorLine } from '../src/family/boringssl/table.js';
import { findLibrary } from '../src/library/registry.js';
import { boringsslTable } from '../src/library/tables.js';
import { expandBoringssl as expandWith } from '../src/family/boringssl/expand.js';
import { formatBoringssl } from '../src/family/boringssl/format.js';
import type { BoringsslErrorCode, BoringsslOptions, BoringsslResult } from '../src/family/boringssl/types.js';
import type { TermEffect, TermTrace } from '../src/core/trace.js';
import { loadCorpus, type CorpusRow } from './helpers/corpus.js';
import { numRuns, seed } from './helpers/property-runs.js';

/** The evaluator with the recorded BoringSSL table. */
const expandBoringssl = (input: string, options?: BoringsslOptions): BoringsslResult =>
  expandWith(boringsslTarget(), input, options);
const boringsslTarget = () => boringsslTable(findLibrary('boringssl')!);
const LAYOUT = data.descriptionLayout;

// The BoringSSL target (AOSP android-13.0.0_r24, BoringSSL 1530333b): the recorded corpus row by
// row in both modes, the table, every reproduced quirk by name, diagnostics, output formats, and
// properties that need no oracle.

// ---------------------------------------------------------------- corpus

interface BoringsslRow extends CorpusRow {
  strict_ok: boolean;
  error_strict: string | null;
  in_group_with_next?: number[];
}
const rows = loadCorpus('corpus-boringssl.jsonl') as BoringsslRow[];

/** Row 122 is not valid UTF-8: its real bytes are in input_hex. A non-ASCII byte is neither a
 * name character nor a separator, so the character U+0080 stands for the byte 0x80. */
function inputOf(row: BoringsslRow): string {
  return row.input_hex ? Buffer.from(row.input_hex, 'hex').toString('latin1') : row.input;
}

/** `error:1000009e:SSL routines:OPENSSL_internal:INVALID_COMMAND` → `invalid-command`. */
function kindOf(error: string | null): string | null {
  return error === null
    ? null
    : error
        .slice(error.lastIndexOf(':') + 1)
        .toLowerCase()
        .replace(/_/g, '-');
}

describe('corpus boringssl (AOSP android-13.0.0_r24)', () => {
  it('has the rows it should', () => {
    expect(rows.length).toBe(3365);
  });

  it('agrees on every row with SSL_CTX_set_cipher_list: accepted, error kind, ordered suites, groups', () => {
    const mismatches: string[] = [];
    for (const row of rows) {
      const r = expandBoringssl(inputOf(row), {});
      const want = {
        ok: row.ok,
        error: kindOf(row.error),
        ciphers: row.ok ? row.ciphers : [],
        // Rows without in_group_with_next have no group: every flag is false.
        groups: row.ok ? (row.in_group_with_next ?? row.ciphers.map(() => 0)) : [],
      };
      const got = {
        ok: r.ok,
        error: r.error?.code ?? null,
        ciphers: r.ciphers.map((c) => c.name),
        groups: r.ciphers.map((c) => (c.inGroupWithNext ? 1 : 0)),
      };
      if (JSON.stringify(want) !== JSON.stringify(got)) {
        mismatches.push(
          `row ${row.id} ${JSON.stringify(row.input).slice(0, 120)}: want ${JSON.stringify(want).slice(0, 200)} got ${JSON.stringify(got).slice(0, 200)}`,
        );
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(mismatches.length).toBe(0);
  });

  it('agrees on every row with SSL_CTX_set_strict_cipher_list: accepted and error kind', () => {
    const mismatches: string[] = [];
    for (const row of rows) {
      const r = expandBoringssl(inputOf(row), { strict: true });
      const want = { ok: row.strict_ok, error: kindOf(row.error_strict) };
      const got = { ok: r.ok, error: r.error?.code ?? null };
      if (JSON.stringify(want) !== JSON.stringify(got)) {
        mismatches.push(
          `row ${row.id} ${JSON.stringify(row.input).slice(0, 120)}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`,
        );
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(mismatches.length).toBe(0);
  });

  it('recording a trace changes nothing: same acceptance, error, suites, groups and diagnostics, both modes', () => {
    for (const row of rows) {
      for (const strict of [false, true]) {
        const { trace, ...traced } = expandBoringssl(inputOf(row), { strict, trace: true });
        expect(traced, `row ${row.id} strict ${strict}`).toEqual(expandBoringssl(inputOf(row), { strict }));
        expect(Array.isArray(trace)).toBe(true);
      }
    }
  });

  it('prints the same error line as BoringSSL for every failed row', () => {
    const lines = new Set<string>();
    for (const row of rows) {
      for (const [error, strict] of [
        [row.error, false],
        [row.error_strict, true],
      ] as const) {
        if (error === null) continue;
        const r = expandBoringssl(inputOf(row), { strict });
        expect(boringsslErrorLine(boringsslTarget(), r.error!.code)).toBe(error);
        lines.add(error);
      }
    }
    expect(lines.size).toBe(4);
  });
});

// ---------------------------------------------------------------- the table

describe('table', () => {
  const t = boringsslTarget();

  it('has every suite the build knows, ids sorted and unique (kCiphers is bsearch-ed)', () => {
    const known = [
      ...table.ciphers,
      ...table.tls13_ciphersuites,
      ...table.known_by_code_but_not_in_all_complementofall,
    ];
    expect(t.suites.map((s) => s.data.name).sort()).toEqual(known.map((c) => c.name).sort());
    const ids = t.suites.map((s) => parseInt(s.data.id.replace(/0x|,/g, ''), 16));
    for (let i = 1; i < ids.length; i++) expect(ids[i]).toBeGreaterThan(ids[i - 1]!);
  });

  it('every alias, default rule and suite uses only named bits', () => {
    for (const entry of [...data.aliases, ...data.defaultOrder] as Array<Record<string, unknown>>) {
      for (const cat of ['mkey', 'auth', 'enc', 'mac'] as const) {
        const names = entry[cat] as string[] | undefined;
        for (const n of names ?? []) expect(data.bits[cat]).toContain(n);
      }
    }
    for (const s of data.suites)
      for (const cat of ['mkey', 'auth', 'enc', 'mac'] as const) expect(data.bits[cat]).toContain(s.masks[cat]);
  });

  it('every default-order rule selects at least one suite', () => {
    for (const rule of data.defaultOrder) {
      const r = rule as { mkey?: string[]; auth?: string[]; enc?: string[]; mac?: string[] };
      const hit = data.suites.some((s) =>
        (['mkey', 'auth', 'enc', 'mac'] as const).every((c) => r[c] === undefined || r[c]!.includes(s.masks[c])),
      );
      expect(hit, JSON.stringify(rule)).toBe(true);
    }
  });

  it('each alias alone gives what the build gave', () => {
    for (const [word, want] of Object.entries(table.aliases)) {
      const r = expandBoringssl(word);
      expect({ word, ok: r.ok, ciphers: r.ciphers.map((c) => c.name), error: r.error?.code ?? null }).toEqual({
        word,
        ok: want.ok,
        ciphers: want.ciphers,
        error: kindOf((want as { error?: string }).error ?? null),
      });
    }
  });

  it('the fixed default order is the build default list', () => {
    expect(expandBoringssl('ALL').ciphers.map((c) => c.name)).toEqual(table.default_list);
  });

  it('without AES hardware ChaCha20-Poly1305 comes first (EVP_has_aes_hardware branch; from the source, not recorded)', () => {
    expect(expandBoringssl('ALL', { aesHardware: false }).ciphers.map((c) => c.name)).toEqual([
      'ECDHE-ECDSA-CHACHA20-POLY1305',
      'ECDHE-RSA-CHACHA20-POLY1305',
      'ECDHE-PSK-CHACHA20-POLY1305',
      'ECDHE-ECDSA-AES128-GCM-SHA256',
      'ECDHE-RSA-AES128-GCM-SHA256',
      'ECDHE-ECDSA-AES256-GCM-SHA384',
      'ECDHE-RSA-AES256-GCM-SHA384',
      ...table.default_list.slice(7),
    ]);
  });

  it('suites carry IANA names and no protocol', () => {
    const r = expandBoringssl('ALL:NULL-SHA');
    for (const c of r.ciphers) {
      const recorded = [...table.ciphers, ...table.known_by_code_but_not_in_all_complementofall].find(
        (x) => x.name === c.name,
      )!;
      expect(c.stdname).toBe(recorded.standard_name);
      expect(c.protocol).toBeNull();
      expect([c.id, c.kx, c.au, c.enc, c.mac, c.bits, c.algBits]).toEqual([
        recorded.id,
        recorded.kx,
        recorded.au,
        recorded.enc,
        recorded.mac,
        recorded.bits,
        recorded.alg_bits,
      ]);
    }
  });
});

// ---------------------------------------------------------------- quirks

// Every BoringSSL behaviour cipherx reproduces, one named case each. Expectations are facts of
// BoringSSL: each was checked against the Debian bookworm android-libboringssl 13.0.0+r24-2 build
// (the recorded one) through SSL_CTX_set_cipher_list / SSL_CTX_set_strict_cipher_list and
// SSL_CTX_cipher_in_group; many are corpus rows too.
//
// A case is [name, input, expectation, options?] where the expectation is one of
//   { ciphers: [...], groups?: [...] }  accepted, exactly these suites in this order (and flags)
//   { count: n }                         accepted, n suites
//   { same: 'other string' }             exactly what the other string gives
//   { error: code }                      refused with that error
type Expectation =
  { ciphers: string[]; groups?: number[] } | { count: number } | { same: string } | { error: BoringsslErrorCode };
type Case = [string, string, Expectation, { strict?: boolean }?];

const CASES: Case[] = [
  // Scanner: separators and name characters
  [
    'colon, space, semicolon and comma separate',
    'AES128-SHA AES256-SHA;DES-CBC3-SHA,AES128-GCM-SHA256',
    { ciphers: ['AES128-SHA', 'AES256-SHA', 'DES-CBC3-SHA', 'AES128-GCM-SHA256'] },
  ],
  [
    'strict mode: only `:` separates; a space is an invalid command',
    'AES128-SHA AES256-SHA',
    { error: 'invalid-command' },
    { strict: true },
  ],
  [
    'strict mode: `:` still separates',
    'AES128-SHA::AES256-SHA:',
    { ciphers: ['AES128-SHA', 'AES256-SHA'] },
    { strict: true },
  ],
  ['tab is not a separator', 'ALL\tHIGH', { error: 'invalid-command' }],
  ['newline is not a separator', 'ALL\nHIGH', { error: 'invalid-command' }],
  [
    'an unknown word does not swallow what follows it (OpenSSL skips to the separator)',
    'FOO$:ALL',
    { error: 'invalid-command' },
  ],
  ['a stray byte after a suite name is an invalid command', 'AES128-SHA$', { error: 'invalid-command' }],
  [
    '`_` is a name character: IANA names select suites',
    'TLS_RSA_WITH_AES_128_CBC_SHA:TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
    { ciphers: ['AES128-SHA', 'ECDHE-RSA-AES128-GCM-SHA256'] },
  ],
  [
    'IANA names are known words in strict mode too',
    'TLS_RSA_WITH_AES_256_CBC_SHA',
    { ciphers: ['AES256-SHA'] },
    { strict: true },
  ],
  ['`=` is not a name character: ALL then `=` is invalid', 'ALL=1', { error: 'invalid-command' }],
  ['`-` is a name character: ALL-aNULL is one unknown word', 'ALL-aNULL', { error: 'no-cipher-match' }],
  ['a non-ASCII character is an invalid command wherever it is', 'FOO\u00e9:ALL', { error: 'invalid-command' }],
  ['a NUL ends the string, as for any C caller', 'AES128-SHA\u0000:AES256-SHA', { ciphers: ['AES128-SHA'] }],
  ['words are case-sensitive', 'all', { error: 'no-cipher-match' }],
  ['the empty string matches nothing', '', { error: 'no-cipher-match' }],
  ['the empty string in strict mode: no cipher match, not invalid', '', { error: 'no-cipher-match' }, { strict: true }],
  ['separators alone match nothing', ' :,; ', { error: 'no-cipher-match' }],
  ['property names are just unknown words', 'constructor:toString:__proto__:AES128-SHA', { ciphers: ['AES128-SHA'] }],

  // Operators
  ['an operator alone is an invalid command', '+', { error: 'invalid-command' }],
  ['an operator at the end is an invalid command', 'ALL:!', { error: 'invalid-command' }],
  ['`!!ALL`: the second `!` is not a name', '!!ALL', { error: 'invalid-command' }],
  ['`!-ALL`: `-ALL` is one unknown word after `!`', '!-ALL', { error: 'no-cipher-match' }],
  ['`--` is `-` and the unknown word `-`', '--', { error: 'no-cipher-match' }],
  ['`AES++RSA`: an empty word in a compound is an invalid command', 'AES++RSA', { error: 'invalid-command' }],
  ['`+X` only moves enabled suites', '+ALL', { error: 'no-cipher-match' }],
  ['`!` is permanent', '!ALL:HIGH', { error: 'no-cipher-match' }],
  [
    '`-` disables but keeps the order for a later add (BoringSSL ssl_test kCipherTests)',
    'ALL:-kECDHE:-kRSA:-ALL:AESGCM+AES128+aRSA',
    { ciphers: ['AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256'] },
  ],
  [
    '`+` moves to the end, keeping relative order',
    'ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:+aRSA',
    {
      ciphers: [
        'ECDHE-ECDSA-CHACHA20-POLY1305',
        'ECDHE-ECDSA-AES128-GCM-SHA256',
        'ECDHE-RSA-CHACHA20-POLY1305',
        'ECDHE-RSA-AES128-GCM-SHA256',
      ],
    },
  ],
  ['after a known word an operator starts the next rule', 'HIGH!aRSA', { count: 10 }],

  // Aliases that differ from OpenSSL
  [
    'kECDHE includes ECDHE-PSK suites',
    'kECDHE+aPSK',
    { ciphers: ['ECDHE-PSK-CHACHA20-POLY1305', 'ECDHE-PSK-AES128-CBC-SHA', 'ECDHE-PSK-AES256-CBC-SHA'] },
  ],
  ['kPSK is plain PSK only', 'kPSK', { ciphers: ['PSK-AES128-CBC-SHA', 'PSK-AES256-CBC-SHA'] }],
  ['aPSK covers PSK and ECDHE-PSK', 'aPSK', { count: 5 }],
  ['ECDH is kECDHE (no static ECDH)', 'ECDH', { same: 'kECDHE' }],
  [
    'RSA is kRSA+aRSA: no ECDHE-RSA suites',
    'RSA',
    { ciphers: ['AES128-GCM-SHA256', 'AES256-GCM-SHA384', 'AES128-SHA', 'AES256-SHA', 'DES-CBC3-SHA'] },
  ],
  ['AES128 covers the GCM suites too', 'AES128+kRSA', { ciphers: ['AES128-GCM-SHA256', 'AES128-SHA'] }],
  ['HIGH is ALL', 'HIGH', { same: 'ALL' }],
  ['FIPS is ALL', 'FIPS', { same: 'ALL' }],
  [
    'SHA256 is a no-op alias: known in strict mode, matches nothing',
    'SHA256',
    { error: 'no-cipher-match' },
    { strict: true },
  ],
  ['SSLv3 and TLSv1 select the suites older than TLS 1.2', 'TLSv1', { count: 11 }],
  ['TLSv1.2 selects the suites new in TLS 1.2', 'TLSv1.2', { count: 9 }],
  ['TLSv1.0 is not an alias', 'TLSv1.0', { error: 'invalid-command' }, { strict: true }],
  ['OpenSSL-only aliases are unknown words', 'MEDIUM:aNULL:DHE:kDHE:CAMELLIA', { error: 'no-cipher-match' }],
  ['a protocol alias before another word ignores the rule', 'SSLv3+AES', { error: 'no-cipher-match' }],
  ['the same protocol alias after the other words works', 'AES+SSLv3', { count: 10 }],
  [
    'two different protocol aliases: ignored, but known in strict mode',
    'AES128-SHA:ECDHE-RSA-AES128-GCM-SHA256:!TLSv1.2+SSLv3',
    { ciphers: ['AES128-SHA', 'ECDHE-RSA-AES128-GCM-SHA256'] },
    { strict: true },
  ],
  ['a suite name inside a compound is an unknown alias', 'RSA+AES128-SHA', { error: 'no-cipher-match' }],
  [
    'a suite name inside a compound fails strict mode',
    'AES128-SHA+RSA',
    { error: 'invalid-command' },
    { strict: true },
  ],
  [
    'a TLS 1.3 name is a known suite that selects nothing',
    'TLS_AES_128_GCM_SHA256:AES128-SHA',
    { ciphers: ['AES128-SHA'] },
    { strict: true },
  ],
  ['NULL-SHA is never selected by an alias', 'ALL:SSLv3:RSA:SHA1', { count: 20 }],
  ['NULL-SHA can be selected by name', 'ALL:NULL-SHA', { count: 21 }],
  ['eNULL is not an alias', 'eNULL', { error: 'no-cipher-match' }],

  // DEFAULT
  ['DEFAULT is ALL', 'DEFAULT', { same: 'ALL' }],
  ['DEFAULT is a 7-byte prefix: DEFAULTFOO is DEFAULT then FOO', 'DEFAULTFOO', { same: 'ALL' }],
  ['DEFAULT+AES is DEFAULT then `+AES`: the AES suites move to the end', 'DEFAULT+AES', { same: 'ALL:+AES' }],
  ['DEFAULT after the start is an unknown word', 'AES128-SHA:DEFAULT', { ciphers: ['AES128-SHA'] }],
  ['DEFAULT after the start fails strict mode', 'ALL:DEFAULT', { error: 'invalid-command' }, { strict: true }],
  ['DEFAULT after a leading space is an unknown word', ' DEFAULT', { error: 'no-cipher-match' }],

  // @STRENGTH
  [
    '@STRENGTH sorts by strength, stably',
    'AES128-SHA:DES-CBC3-SHA:AES256-SHA:@STRENGTH',
    { ciphers: ['AES256-SHA', 'AES128-SHA', 'DES-CBC3-SHA'] },
  ],
  [
    'text after @STRENGTH is thrown away up to the separator (BoringSSL ssl_test)',
    'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:@STRENGTH+AES256:ECDHE-RSA-CHACHA20-POLY1305',
    { ciphers: ['ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-CHACHA20-POLY1305'] },
  ],
  [
    'even an operator after @STRENGTH is thrown away',
    'AES128-SHA:AES256-SHA@STRENGTH!AES256-SHA',
    { ciphers: ['AES256-SHA', 'AES128-SHA'] },
  ],
  [
    'in strict mode @STRENGTH throws away up to the next `:` only',
    '@STRENGTH TLSv1.2',
    { error: 'no-cipher-match' },
    { strict: true },
  ],
  ['@SECLEVEL does not exist', 'ALL:@SECLEVEL=2', { error: 'invalid-command' }],
  ['@ words are case-sensitive', 'ALL:@strength', { error: 'invalid-command' }],
  ['@ alone is an invalid command', '@', { error: 'invalid-command' }],

  // Equal-preference groups
  [
    'a group flags every member but the last',
    '[AES128-SHA|AES256-SHA]',
    { ciphers: ['AES128-SHA', 'AES256-SHA'], groups: [1, 0] },
  ],
  ['a group of one is no group', '[AES128-SHA]:AES256-SHA', { ciphers: ['AES128-SHA', 'AES256-SHA'], groups: [0, 0] }],
  [
    'an alias in a group brings all its suites into the group',
    '[kPSK|AES128-GCM-SHA256]:AES256-SHA',
    { ciphers: ['PSK-AES128-CBC-SHA', 'PSK-AES256-CBC-SHA', 'AES128-GCM-SHA256', 'AES256-SHA'], groups: [1, 1, 0, 0] },
  ],
  [
    'two groups in a row',
    '[AES128-SHA|AES256-SHA][AES128-GCM-SHA256|AES256-GCM-SHA384]',
    { ciphers: ['AES128-SHA', 'AES256-SHA', 'AES128-GCM-SHA256', 'AES256-GCM-SHA384'], groups: [1, 0, 1, 0] },
  ],
  [
    'a group member already enabled is not added again',
    'AES128-SHA:[AES128-SHA|AES256-SHA]',
    { ciphers: ['AES128-SHA', 'AES256-SHA'], groups: [0, 0] },
  ],
  [
    'compounds work inside a group',
    '[kRSA+AESGCM|PSK+AES256]',
    { ciphers: ['AES128-GCM-SHA256', 'AES256-GCM-SHA384', 'PSK-AES256-CBC-SHA'], groups: [1, 1, 0] },
  ],
  ['empty items and an empty group are fine', '[|AES128-SHA||]:[]', { ciphers: ['AES128-SHA'], groups: [0] }],
  [
    'groups work in strict mode',
    '[AES128-SHA|AES256-SHA]:AES128-GCM-SHA256',
    { ciphers: ['AES128-SHA', 'AES256-SHA', 'AES128-GCM-SHA256'], groups: [1, 0, 0] },
    { strict: true },
  ],
  [
    'operators before the first group are allowed',
    '-ALL:[AES128-SHA|AES256-SHA]',
    { ciphers: ['AES128-SHA', 'AES256-SHA'], groups: [1, 0] },
  ],
  [
    'an operator after a group: mixed special operator',
    '[AES128-SHA|AES256-SHA]:+HIGH',
    { error: 'mixed-special-operator-with-groups' },
  ],
  ['`!` after a group, even on an unknown word', '[AES128-SHA]:!FOO', { error: 'mixed-special-operator-with-groups' }],
  ['@STRENGTH after a group', '[AES128-SHA|AES256-SHA]:@STRENGTH', { error: 'mixed-special-operator-with-groups' }],
  ['a nested group', '[[AES128-SHA]]', { error: 'unexpected-operator-in-group' }],
  ['an operator inside a group', '[+RSA]', { error: 'unexpected-operator-in-group' }],
  ['a space inside a group', '[AES128-SHA | AES256-SHA]', { error: 'unexpected-operator-in-group' }],
  ['a colon inside a group', '[AES128-SHA:AES256-SHA]', { error: 'unexpected-operator-in-group' }],
  ['a group item must start with a letter or digit', '[.AES]', { error: 'unexpected-operator-in-group' }],
  ['an unclosed group is an invalid command', '[AES128-SHA|AES256-SHA', { error: 'invalid-command' }],
  ['a group closed only after a NUL is unclosed', '[AES128-SHA\u0000]', { error: 'invalid-command' }],
  ['`]` outside a group is an invalid command', 'RSA]', { error: 'invalid-command' }],
  ['`|` outside a group is an invalid command', 'AES128-SHA|AES256-SHA', { error: 'invalid-command' }],
  [
    'an empty word after `+` in a group is an invalid command, not an unexpected operator',
    '[AES+]',
    { error: 'invalid-command' },
  ],
];

describe('BoringSSL quirks', () => {
  const summary = (r: BoringsslResult) => ({
    ok: r.ok,
    error: r.error?.code ?? null,
    ciphers: r.ciphers.map((c) => [c.name, c.inGroupWithNext]),
  });
  it.each(CASES)('%s: %j', (_name, input, exp, options) => {
    const r = expandBoringssl(input, options ?? {});
    if ('error' in exp) {
      expect({ ok: r.ok, error: r.error?.code, ciphers: r.ciphers }).toEqual({
        ok: false,
        error: exp.error,
        ciphers: [],
      });
    } else if ('count' in exp) {
      expect([r.ok, r.ciphers.length]).toEqual([true, exp.count]);
    } else if ('same' in exp) {
      expect(summary(r)).toEqual(summary(expandBoringssl(exp.same, options ?? {})));
    } else {
      expect(r.error).toBeNull();
      expect(r.ciphers.map((c) => c.name)).toEqual(exp.ciphers);
      expect(r.ciphers.map((c) => (c.inGroupWithNext ? 1 : 0))).toEqual(exp.groups ?? exp.ciphers.map(() => 0));
    }
  });
});

// ---------------------------------------------------------------- errors and diagnostics

describe('errors point at what stopped the scanner', () => {
  // [input, options, code, span text]
  const ERRORS: Array<[string, { strict?: boolean }, BoringsslErrorCode, string]> = [
    ['ALL:FOO$', {}, 'invalid-command', '$'], // a stray byte after a word
    ['ALL:!', {}, 'invalid-command', '!'], // an operator with nothing after it: the operator
    ['!:ALL', {}, 'invalid-command', ':'], // an operator then a separator: the separator
    ['AES+', {}, 'invalid-command', '+'], // an empty word after `+`
    ['ALL:FOO', { strict: true }, 'invalid-command', 'FOO'], // strict: the unknown word
    ['ALL AES', { strict: true }, 'invalid-command', ' '], // strict: the space
    ['ALL:@SECLEVEL=2', {}, 'invalid-command', '@SECLEVEL'], // `@` and the word read
    ['[AES128-SHA|AES256-SHA', {}, 'invalid-command', '['], // unclosed: the opening bracket
    ['[AES128-SHA:AES256-SHA]', {}, 'unexpected-operator-in-group', ':'],
    ['[AES128-SHA]:-ALL', {}, 'mixed-special-operator-with-groups', '-'],
    ['[AES128-SHA]:@STRENGTH', {}, 'mixed-special-operator-with-groups', '@'],
    ['ALL:\u{1F600}', {}, 'invalid-command', '\u{1F600}'], // a surrogate pair is one character
  ];
  it.each(ERRORS)('%j %j', (input, options, code, text) => {
    const r = expandBoringssl(input, options);
    expect(r.error?.code).toBe(code);
    expect(input.slice(r.error!.span!.start, r.error!.span!.end)).toBe(text);
    expect(r.error!.message).toMatch(/`/);
  });

  it('no cipher match has no span', () => {
    expect(expandBoringssl('FOO').error).toEqual({ code: 'no-cipher-match', message: expect.any(String) });
  });
});

describe('diagnostics', () => {
  const codes = (input: string, strict = false) =>
    expandBoringssl(input, { strict }).diagnostics.map((d) => [
      d.code,
      d.severity,
      input.slice(d.span!.start, d.span!.end),
      d.args.reason ?? null,
    ]);

  it('an ignored word is an unknown-word warning with its span', () => {
    expect(codes('ALL:MEDIUM:!aNULL')).toEqual([
      ['unknown-word', 'warning', 'MEDIUM', 'unknown'],
      ['unknown-word', 'warning', 'aNULL', 'unknown'],
    ]);
  });

  it('a suite name in a compound and DEFAULT after the start say why they are unknown', () => {
    expect(codes('ALL:RSA+AES128-SHA:DEFAULT')).toEqual([
      ['unknown-word', 'warning', 'AES128-SHA', 'suite-in-compound'],
      ['default-not-first', 'warning', 'DEFAULT', null],
    ]);
  });

  it('a word that differs only in case gets a suggestion', () => {
    const [d] = expandBoringssl('aes').diagnostics;
    expect(d!.message).toMatch(/did you mean `AES`\?$/);
  });

  it('strict mode has no unknown-word warning: the word is the error', () => {
    const r = expandBoringssl('ALL:MEDIUM', { strict: true });
    expect(r.diagnostics).toEqual([]);
    expect(r.error?.code).toBe('invalid-command');
  });

  it('a protocol alias before other words, and two protocol aliases, ignore the rule', () => {
    expect(codes('ALL:SSLv3+AES:TLSv1.2+SSLv3')).toEqual([
      ['version-alias-order', 'warning', 'SSLv3+AES', null],
      ['empty-intersection', 'warning', 'TLSv1.2+SSLv3', null],
    ]);
  });

  it('text after @STRENGTH is reported as discarded', () => {
    expect(codes('ALL:@STRENGTH+AES256')).toEqual([['ignored-after-special', 'warning', '+AES256', null]]);
  });

  it('a TLS 1.3 suite name selects nothing', () => {
    expect(codes('ALL:TLS_AES_128_GCM_SHA256')).toEqual([
      ['tls13-suite-in-cipher-list', 'warning', 'TLS_AES_128_GCM_SHA256', null],
    ]);
  });

  it('a NUL truncates the string', () => {
    expect(codes('ALL\u0000:FOO')).toEqual([['nul-truncates', 'warning', '\u0000:FOO', null]]);
  });

  it('a NUL truncates a string that is rejected too', () => {
    const r = expandBoringssl('ALL:!\u0000:FOO');
    expect(r.error?.code).toBe('invalid-command');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['nul-truncates']);
  });

  it('diagnostics are capped as on OpenSSL: 100, then one that counts the rest', () => {
    const d = expandBoringssl('ALL' + ':FOO'.repeat(200)).diagnostics;
    expect(d).toHaveLength(101);
    expect(d[100]).toMatchObject({ code: 'too-many-diagnostics', severity: 'info', args: { more: 100 } });
  });

  it('diagnostics stop where the scanner stops', () => {
    expect(codes('FOO:$:BAR')).toEqual([['unknown-word', 'warning', 'FOO', 'unknown']]);
  });

  it('failed results have no ciphers; options are checked', () => {
    expect(expandBoringssl('!ALL').ciphers).toEqual([]);
    for (const x of [undefined, null, 42, {}, ['ALL']])
      expect(() => expandBoringssl(x as unknown as string)).toThrow(TypeError);
    expect(() => expandBoringssl('ALL', { strict: 'yes' as unknown as boolean })).toThrow(TypeError);
    expect(() => expandBoringssl('ALL', { aesHardware: 1 as unknown as boolean })).toThrow(TypeError);
    expect(expandBoringssl('ALL').seclevel).toBeNull();
  });
});

// ---------------------------------------------------------------- trace

// What each element did, written from BoringSSL's rules (ssl_cipher_apply_rule and the default
// order), not taken from a run of cipherx. An expectation is [text, effect, suites or how many, other fields?];
// a group's `items` are expectations of the same form.
type TraceExpectation = [
  string,
  TermEffect,
  string[] | number,
  (Omit<Partial<TermTrace>, 'items'> & { items?: TraceExpectation[] })?,
];

function checkTrace(got: readonly TermTrace[], want: readonly TraceExpectation[]): void {
  expect(got.map((e) => e.text)).toEqual(want.map((w) => w[0]));
  got.forEach((e, i) => {
    const [, effect, suites, extra = {}] = want[i]!;
    expect([e.text, e.effect]).toEqual([want[i]![0], effect]);
    if (typeof suites === 'number') expect([e.text, e.suites.length]).toEqual([e.text, suites]);
    else expect([e.text, e.suites]).toEqual([e.text, suites]);
    const { items, ...fields } = extra;
    expect(e).toMatchObject(fields);
    if (items) checkTrace(e.items ?? [], items);
    else expect(e.items).toBeUndefined();
  });
}

const KRSA = ['AES128-GCM-SHA256', 'AES256-GCM-SHA384', 'AES128-SHA', 'AES256-SHA', 'DES-CBC3-SHA'];

const TRACES: Array<[string, string, { strict?: boolean }, TraceExpectation[]]> = [
  [
    // `-` disables (it can come back), `+` moves an enabled suite, `!` takes it out for good even
    // when it is disabled, and a later add of it is shadowed by that `!`.
    'operators on one suite',
    'AES128-SHA:AES256-SHA:-AES128-SHA:+AES256-SHA:!AES128-SHA:AES128-SHA',
    {},
    [
      ['AES128-SHA', 'added', ['AES128-SHA']],
      ['AES256-SHA', 'added', ['AES256-SHA']],
      ['-AES128-SHA', 'deleted', ['AES128-SHA']],
      ['+AES256-SHA', 'moved', ['AES256-SHA']],
      ['!AES128-SHA', 'killed', ['AES128-SHA'], { activeBefore: 0 }],
      ['AES128-SHA', 'none', [], { reason: 'shadowed-by-kill', shadowedBy: 4 }],
    ],
  ],
  [
    // Every way a rule does nothing: `+` of disabled suites, an add of enabled ones, an unknown
    // word, a TLS 1.3 name, a protocol alias first, the no-op alias SHA256, a suite name in a
    // compound (looked up as an alias), DEFAULT after the start.
    'rules that do nothing, and why',
    'kRSA:+kPSK:RSA:FOO:TLS_AES_128_GCM_SHA256:SSLv3+AES:SHA256:RSA+AES128-SHA:DEFAULT',
    {},
    [
      ['kRSA', 'added', KRSA],
      ['+kPSK', 'none', [], { reason: 'nothing-to-act-on' }],
      ['RSA', 'none', [], { reason: 'already-active' }],
      ['FOO', 'none', [], { reason: 'unknown-word', detail: 'unknown-word' }],
      ['TLS_AES_128_GCM_SHA256', 'none', [], { reason: 'tls13-suite' }],
      ['SSLv3+AES', 'none', [], { reason: 'version-alias-order' }],
      ['SHA256', 'none', [], { reason: 'matches-nothing' }],
      ['RSA+AES128-SHA', 'none', [], { reason: 'unknown-word', detail: 'suite-in-compound' }],
      ['DEFAULT', 'none', [], { reason: 'unknown-word', detail: 'default-not-first' }],
    ],
  ],
  [
    // A group is one element: it adds what its items add, together; an item already enabled adds
    // nothing; an empty group adds nothing.
    'equal-preference groups',
    'AES128-SHA:[AES128-SHA|AES256-SHA|kPSK]:[]:ECDHE-RSA-AES128-GCM-SHA256',
    {},
    [
      ['AES128-SHA', 'added', ['AES128-SHA']],
      [
        '[AES128-SHA|AES256-SHA|kPSK]',
        'added',
        ['AES256-SHA', 'PSK-AES128-CBC-SHA', 'PSK-AES256-CBC-SHA'],
        {
          items: [
            ['AES128-SHA', 'none', [], { reason: 'already-active' }],
            ['AES256-SHA', 'added', ['AES256-SHA']],
            ['kPSK', 'added', ['PSK-AES128-CBC-SHA', 'PSK-AES256-CBC-SHA']],
          ],
        },
      ],
      ['[]', 'none', [], { reason: 'group-adds-nothing', items: [] }],
      ['ECDHE-RSA-AES128-GCM-SHA256', 'added', ['ECDHE-RSA-AES128-GCM-SHA256']],
    ],
  ],
  [
    // DEFAULT is ALL (20 suites: all but TLS 1.3 and NULL-SHA); `!kECDHE` takes out the 13 ECDHE
    // suites (ECDHE-PSK too); @STRENGTH then sorts the seven left by bits, stably, and only
    // 3DES stays where it was; what follows `@STRENGTH` up to the separator is thrown away.
    'DEFAULT, a kill, @STRENGTH',
    'DEFAULT:!kECDHE:@STRENGTH+AES',
    {},
    [
      ['DEFAULT', 'added', 20, { detail: 'ALL' }],
      ['!kECDHE', 'killed', 13, { activeBefore: 13 }],
      [
        '@STRENGTH',
        'sorted',
        [
          'AES256-GCM-SHA384',
          'AES256-SHA',
          'PSK-AES256-CBC-SHA',
          'AES128-GCM-SHA256',
          'AES128-SHA',
          'PSK-AES128-CBC-SHA',
        ],
        { operator: '@', words: [{ text: 'STRENGTH', span: { start: 17, end: 25 }, kind: 'command' }] },
      ],
      ['+AES', 'none', [], { reason: 'discarded-after-special' }],
    ],
  ],
  [
    // `-ALL` with nothing enabled does nothing; `!kPSK` removes the two PSK suites though
    // neither is enabled, and ALL adds the 18 others.
    'a kill before anything is added',
    '-ALL:!kPSK:ALL',
    {},
    [
      ['-ALL', 'none', [], { reason: 'nothing-to-act-on' }],
      ['!kPSK', 'killed', ['PSK-AES128-CBC-SHA', 'PSK-AES256-CBC-SHA'], { activeBefore: 0 }],
      ['ALL', 'added', 18],
    ],
  ],
  [
    // Without strict mode an unknown word is skipped and reading goes on.
    'an unknown word, legacy mode',
    'AES128-SHA:FOO:AES256-SHA',
    {},
    [
      ['AES128-SHA', 'added', ['AES128-SHA']],
      ['FOO', 'none', [], { reason: 'unknown-word' }],
      ['AES256-SHA', 'added', ['AES256-SHA']],
    ],
  ],
  [
    // In strict mode the unknown word is where the call fails, and nothing after it is read.
    'an unknown word, strict mode',
    'AES128-SHA:FOO:AES256-SHA',
    { strict: true },
    [
      ['AES128-SHA', 'added', ['AES128-SHA']],
      ['FOO', 'error', [], { reason: 'strict-unknown-word' }],
    ],
  ],
  [
    // After a group, an operator is where the call fails.
    'an operator after a group',
    '[AES128-SHA]:+AES',
    {},
    [
      ['[AES128-SHA]', 'added', ['AES128-SHA'], { items: [['AES128-SHA', 'added', ['AES128-SHA']]] }],
      ['+AES', 'error', [], { reason: 'mixed-special-operator-with-groups' }],
    ],
  ],
  [
    // A colon inside a group stops the scanner: the group is the failing element; its first
    // item was applied before that.
    'a separator inside a group',
    '[AES128-SHA:AES256-SHA]',
    {},
    [
      [
        '[AES128-SHA:',
        'error',
        [],
        { reason: 'unexpected-operator-in-group', items: [['AES128-SHA', 'added', ['AES128-SHA']]] },
      ],
    ],
  ],
  [
    // A byte that starts nothing, and an operator with no name, are invalid commands.
    'invalid commands',
    'AES128-SHA$',
    {},
    [
      ['AES128-SHA', 'added', ['AES128-SHA']],
      ['$', 'error', [], { reason: 'invalid-command' }],
    ],
  ],
];

describe('trace', () => {
  it.each(TRACES)('%s: %j', (_name, input, options, want) => {
    const r = expandBoringssl(input, { ...options, trace: true });
    checkTrace(r.trace!, want);
  });

  it('is absent unless asked for, and checked', () => {
    expect(expandBoringssl('ALL').trace).toBeUndefined();
    expect(() => expandBoringssl('ALL', { trace: 1 as unknown as boolean })).toThrow(TypeError);
  });

  it('word kinds: a lone suite name is a suite, in a compound it is unknown', () => {
    const [a, b] = expandBoringssl('TLS_RSA_WITH_AES_128_CBC_SHA:kRSA+AES128-SHA', { trace: true }).trace!;
    expect(a!.words.map((w) => w.kind)).toEqual(['suite']);
    expect(b!.words.map((w) => [w.text, w.kind])).toEqual([
      ['kRSA', 'alias'],
      ['AES128-SHA', 'unknown'],
    ]);
  });
});

// ---------------------------------------------------------------- output

describe('formats', () => {
  it('-v: SSL_CIPHER_description reproduces the recorded description of every suite', () => {
    const all = expandBoringssl('ALL').ciphers;
    expect(all.length).toBe(20);
    const want = table.default_list.map((n) => table.ciphers.find((c) => c.name === n)!.description + '\n').join('');
    expect(formatBoringssl(all, 'v', LAYOUT)).toBe(want);
    const nullSha = expandBoringssl('NULL-SHA').ciphers;
    expect(formatBoringssl(nullSha, 'v', LAYOUT)).toBe(
      table.known_by_code_but_not_in_all_complementofall[0]!.description + '\n',
    );
  });

  it('plain is what `bssl ciphers` prints: IANA names, groups in brackets', () => {
    const r = expandBoringssl('[AES128-SHA|AES256-SHA]:AES128-GCM-SHA256:[ECDHE-RSA-AES128-SHA]', { strict: true });
    expect(formatBoringssl(r.ciphers, 'plain', LAYOUT)).toBe(
      '[\n  TLS_RSA_WITH_AES_128_CBC_SHA\n  TLS_RSA_WITH_AES_256_CBC_SHA\n]\nTLS_RSA_WITH_AES_128_GCM_SHA256\nTLS_ECDHE_RSA_WITH_AES_128_CBC_SHA\n',
    );
    expect(formatBoringssl(r.ciphers, 'stdname', LAYOUT)).toBe(formatBoringssl(r.ciphers, 'plain', LAYOUT));
  });

  it('openssl-name is `bssl ciphers -openssl-name`', () => {
    const r = expandBoringssl('[AES128-SHA|AES256-SHA]:AES128-GCM-SHA256');
    expect(formatBoringssl(r.ciphers, 'openssl-name', LAYOUT)).toBe(
      '[\n  AES128-SHA\n  AES256-SHA\n]\nAES128-GCM-SHA256\n',
    );
  });

  it('colon joins the OpenSSL names', () => {
    expect(formatBoringssl(expandBoringssl('[AES128-SHA|AES256-SHA]').ciphers, 'colon', LAYOUT)).toBe(
      'AES128-SHA:AES256-SHA\n',
    );
  });
});

// ---------------------------------------------------------------- properties

const vocabulary = [
  ...data.suites.map((s) => s.name),
  ...data.suites.map((s) => s.stdname),
  ...data.aliases.map((a) => a.name),
  ...[
    'DEFAULT',
    'STRENGTH',
    'SECLEVEL=2',
    'FOO',
    'aNULL',
    'MEDIUM',
    'TLSv1.3',
    'aes',
    '-',
    '.',
    '_',
    '__proto__',
    'constructor',
  ],
];
const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...vocabulary) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9._-]{1,5}$/) },
);
const compound = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join('+'));
const rule = fc.tuple(fc.constantFrom('', '', '', '!', '-', '+', '@'), compound).map(([o, c]) => o + c);
const group = fc
  .tuple(fc.array(fc.oneof(compound, fc.constantFrom('', '!X', ' ')), { maxLength: 4 }), fc.constantFrom(']', ']', ''))
  .map(([items, close]) => '[' + items.join('|') + close);
const junk = fc.constantFrom('$', '\t', ']', '|', '[', '\u00e9', '\u0000', '\u{1F600}');
const cipherString = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('', '', 'DEFAULT', 'DEFAULT:'),
      fc.array(
        fc.tuple(
          fc.oneof({ weight: 8, arbitrary: rule }, { weight: 2, arbitrary: group }, { weight: 1, arbitrary: junk }),
          fc.constantFrom(':', ':', ' ', ';', ',', ''),
        ),
        { maxLength: 8 },
      ),
    )
    .map(([p, es]) => p + es.map(([e, s]) => e + s).join('')),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

describe(`properties (FC_SEED=${seed} FC_NUM_RUNS=${numRuns})`, () => {
  it('expandBoringssl never throws; failed results have no ciphers; lists are sets of known suites', () => {
    console.log(`boringssl: FC_SEED=${seed} FC_NUM_RUNS=${numRuns}`);
    fc.assert(
      fc.property(cipherString, fc.boolean(), (s, strict) => {
        const r = expandBoringssl(s, { strict });
        expect(typeof r.ok).toBe('boolean');
        expect(r.ok).toBe(r.error === null);
        if (!r.ok) expect(r.ciphers).toEqual([]);
        const names = r.ciphers.map((c) => c.name);
        expect(new Set(names).size).toBe(names.length);
        // The last suite never says it is grouped with a next one.
        if (r.ciphers.length) expect(r.ciphers[r.ciphers.length - 1]!.inGroupWithNext).toBe(false);
        for (const d of r.diagnostics) expect(d.span!.end).toBeLessThanOrEqual(s.length);
      }),
      { seed, numRuns },
    );
  });

  it('strict mode accepts only what the legacy mode accepts the same way (when no @ discards text)', () => {
    fc.assert(
      fc.property(cipherString, (s) => {
        const strict = expandBoringssl(s, { strict: true });
        if (!strict.ok || s.includes('@')) return;
        expect(expandBoringssl(s).ciphers).toEqual(strict.ciphers);
      }),
      { seed, numRuns },
    );
  });

  it('the parse covers the string: elements in order, only separators between them, then the NUL', () => {
    fc.assert(
      fc.property(cipherString, fc.boolean(), (s, strict) => {
        const ast = parseBoringssl(s, strict);
        const separators = strict ? ':' : ': ;,';
        let pos = ast.defaultPrefix ? ast.defaultPrefix.end + (ast.defaultPrefix.colon ? 1 : 0) : 0;
        const end = ast.truncated ? ast.truncated.start : s.length;
        for (const e of ast.elements) {
          for (; pos < e.start; pos++) expect(separators).toContain(s[pos]);
          expect(e.end).toBeGreaterThan(e.start);
          pos = e.end;
        }
        for (; pos < end; pos++) expect(separators).toContain(s[pos]);
        if (ast.truncated) expect([s[ast.truncated.start], ast.truncated.end]).toEqual(['\u0000', s.length]);
      }),
      { seed, numRuns },
    );
  });

  it('the trace changes nothing, follows the string, ends at the failing element and explains every suite', () => {
    fc.assert(
      fc.property(cipherString, fc.boolean(), (s, strict) => {
        const { trace, ...r } = expandBoringssl(s, { strict, trace: true });
        expect(r).toEqual(expandBoringssl(s, { strict }));
        let pos = 0;
        for (const e of trace!) {
          expect(e.span.start).toBeGreaterThanOrEqual(pos);
          expect(e.text).toBe(s.slice(e.span.start, e.span.end));
          pos = e.span.end;
        }
        // Only a scanner error has an element of its own: the last one.
        const errors = trace!.filter((e) => e.effect === 'error');
        const scannerError = r.error !== null && r.error.code !== 'no-cipher-match';
        expect(errors.length).toBe(scannerError ? 1 : 0);
        if (scannerError) expect(trace![trace!.length - 1]!.effect).toBe('error');
        // Every suite of the result was added by some element.
        const added = new Set(trace!.flatMap((e) => (e.effect === 'added' ? e.suites : [])));
        for (const c of r.ciphers) expect(added.has(c.name)).toBe(true);
      }),
      { seed, numRuns },
    );
  });

  it('long strings: one 1 MB word, 100,000 operators without names', () => {
    expect(expandBoringssl('A'.repeat(1 << 20) + ':ALL').ciphers.length).toBe(20);
    expect(expandBoringssl('!'.repeat(100000)).error?.code).toBe('invalid-command');
    expect(expandBoringssl(':'.repeat(1 << 20) + 'AES128-SHA').ciphers.map((c) => c.name)).toEqual(['AES128-SHA']);
  });
});
