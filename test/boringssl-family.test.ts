import { describe, expect, it } from 'vitest';
import awsLcTable from '../data/source/tables/table-aws-lc-5.5.0.json' with { type: 'json' };
import bssl2026Table from '../data/source/tables/table-boringssl-a0689af29.json' with { type: 'json' };
import { diff, expand, explain, formatCiphers, lint, negotiate, type TargetName } from '../src/index.js';
import { expandBoringssl, expandBoringsslCiphersuites } from '../src/family/boringssl/expand.js';
import { boringsslErrorLine } from '../src/family/boringssl/table.js';
import { findLibrary } from '../src/library/registry.js';
import { boringsslTable } from '../src/library/tables.js';
import { loadCorpus, type CorpusRow } from './helpers/corpus.js';

// The BoringSSL family's other libraries: BoringSSL at a0689af29 (2026) and AWS-LC 5.5.0, each
// recorded corpus row by row in both views (a fresh context; the TLS 1.3 list emptied first) and
// in strict mode, and each fact of data/source/<target>-facts.json by name.

interface Row extends CorpusRow {
  strict_ok: boolean;
  error_strict: string | null;
  in_group_with_next?: number[];
  ciphers_with_tls13?: string[];
}

const TARGETS: Array<[TargetName, string, { default_tls13_ciphersuites: string[]; aliases: object }]> = [
  ['boringssl-2026', 'corpus-boringssl-a0689af29.jsonl', bssl2026Table],
  ['aws-lc', 'corpus-aws-lc-5.5.0.jsonl', awsLcTable],
];

const inputOf = (row: Row) => (row.input_hex ? Buffer.from(row.input_hex, 'hex').toString('latin1') : row.input);
/** `error:1000009e:SSL routines:OPENSSL_internal:INVALID_COMMAND` → `invalid-command` (the first error pushed). */
const kindOf = (error: string | null) =>
  error === null
    ? null
    : error
        .slice(error.lastIndexOf(':') + 1)
        .toLowerCase()
        .replace(/_/g, '-');
const names = (r: { ciphers: Array<{ name: string }> }) => r.ciphers.map((c) => c.name);

for (const [target, file, table] of TARGETS) {
  describe(`corpus ${target} (${file})`, () => {
    const rows = loadCorpus(file) as Row[];

    it('has the rows it should', () => {
      expect(rows.length).toBe(3365);
    });

    for (const view of ['fresh context', 'TLS 1.3 list emptied'] as const) {
      it(`agrees on every row, ${view}: accepted, error kind, ordered suites, groups`, () => {
        const mismatches: string[] = [];
        for (const row of rows) {
          const r = expand(inputOf(row), { target, ...(view === 'fresh context' ? {} : { ciphersuites: '' }) });
          const list =
            view === 'fresh context'
              ? (row.ciphers_with_tls13 ?? [...table.default_tls13_ciphersuites, ...row.ciphers])
              : row.ciphers;
          const tls13 = list.length - row.ciphers.length;
          const want = {
            ok: row.ok,
            error: kindOf(row.error),
            ciphers: row.ok ? list : [],
            groups: row.ok
              ? [...Array<number>(tls13).fill(0), ...(row.in_group_with_next ?? row.ciphers.map(() => 0))]
              : [],
          };
          const got = {
            ok: r.ok,
            error: r.error?.code ?? null,
            ciphers: names(r),
            groups: r.ciphers.map((c) => ((c as { inGroupWithNext?: boolean }).inGroupWithNext ? 1 : 0)),
          };
          if (JSON.stringify(want) !== JSON.stringify(got)) {
            mismatches.push(
              `row ${row.id} ${JSON.stringify(row.input).slice(0, 100)}: want ${JSON.stringify(want).slice(0, 200)} got ${JSON.stringify(got).slice(0, 200)}`,
            );
          }
        }
        expect(mismatches.slice(0, 10)).toEqual([]);
        expect(mismatches.length).toBe(0);
      });
    }

    it('agrees on every row in strict mode: accepted and error kind', () => {
      const mismatches: string[] = [];
      for (const row of rows) {
        const r = expand(inputOf(row), { target, strict: true });
        const want = { ok: row.strict_ok, error: kindOf(row.error_strict) };
        const got = { ok: r.ok, error: r.error?.code ?? null };
        if (JSON.stringify(want) !== JSON.stringify(got))
          mismatches.push(`row ${row.id} ${JSON.stringify(row.input).slice(0, 100)}: ${JSON.stringify(got)}`);
      }
      expect(mismatches.slice(0, 10)).toEqual([]);
      expect(mismatches.length).toBe(0);
    });

    it('prints the same first error line as the library for every failed row', () => {
      const t = boringsslTable(findLibrary(target)!);
      for (const row of rows) {
        for (const [error, strict] of [
          [row.error, false],
          [row.error_strict, true],
        ] as const) {
          if (error === null) continue;
          const r = expand(inputOf(row), { target, strict });
          expect(boringsslErrorLine(t, r.error!.code as never)).toBe(error);
        }
      }
    });

    it('recording a trace changes nothing, both modes', () => {
      for (const row of rows) {
        for (const strict of [false, true]) {
          const { trace, ...traced } = expand(inputOf(row), { target, strict, trace: true });
          expect(traced, `row ${row.id} strict ${strict}`).toEqual(expand(inputOf(row), { target, strict }));
          expect(Array.isArray(trace)).toBe(true);
        }
      }
    });

    it('prints every suite of the build with -v as SSL_CIPHER_description does', () => {
      const all = expand('ALL', { target, ciphersuites: '' }).ciphers;
      const t = boringsslTable(findLibrary(target)!);
      const every = t.suites.map((s) => s.cipher);
      const recorded = [
        ...(table as unknown as { ciphers: Array<{ name: string; description: string }> }).ciphers,
        ...(
          table as unknown as {
            known_by_code_but_not_in_all_complementofall: Array<{ name: string; description: string }>;
          }
        ).known_by_code_but_not_in_all_complementofall,
        ...(table as unknown as { tls13_ciphersuites: Array<{ name: string; description: string }> })
          .tls13_ciphersuites,
      ];
      expect(every).toHaveLength(recorded.length);
      for (const c of every) {
        expect(formatCiphers([c], 'v', target)).toBe(recorded.find((r) => r.name === c.name)!.description + '\n');
      }
      expect(formatCiphers(all, 'openssl-name', target)).toBe(all.map((c) => c.name + '\n').join(''));
    });

    it('gives each word of the alias table alone the list the build gave', () => {
      for (const [word, want] of Object.entries(table.aliases as Record<string, { ok: boolean; ciphers: string[] }>)) {
        const r = expand(word, { target, ciphersuites: '' });
        expect({ word, ok: r.ok, ciphers: r.ok ? names(r) : [] }).toEqual({
          word,
          ok: want.ok,
          ciphers: want.ok ? want.ciphers : [],
        });
      }
    });
  });
}

describe('BoringSSL 2026 facts', () => {
  const target = 'boringssl-2026';
  const list = (s: string) => names(expand(s, { target }));

  it('has 19 suites in ALL and no NULL-SHA', () => {
    expect(list('ALL')).toHaveLength(19);
    expect(expand('NULL-SHA', { target }).ok).toBe(false);
  });

  it('adds DES-CBC3-SHA only by 3DES or its name (deprecated)', () => {
    expect(list('ALL')).not.toContain('DES-CBC3-SHA');
    expect(list('RSA')).not.toContain('DES-CBC3-SHA');
    expect(list('3DES')).toEqual(['DES-CBC3-SHA']);
    expect(list('RSA+3DES')).toEqual(['DES-CBC3-SHA']);
    expect(list('DES-CBC3-SHA')).toEqual(['DES-CBC3-SHA']);
    expect(list('TLS_RSA_WITH_3DES_EDE_CBC_SHA')).toEqual(['DES-CBC3-SHA']);
  });

  it('selects the two ECDHE AES128-SHA256 suites by exact name only, and removes them by any rule', () => {
    expect(list('ALL:kECDHE+AES128')).not.toContain('ECDHE-RSA-AES128-SHA256');
    expect(list('ECDHE-RSA-AES128-SHA256')).toEqual(['ECDHE-RSA-AES128-SHA256']);
    expect(list('ECDHE-ECDSA-AES128-SHA256:ECDHE-RSA-AES128-SHA256:-ECDHE:AES128-SHA')).toEqual(['AES128-SHA']);
  });

  it('has no SHA256 or SHA384 alias', () => {
    expect(expand('SHA256', { target }).ok).toBe(false);
    expect(expand('SHA256', { target, strict: true }).error?.code).toBe('invalid-command');
    expect(expand('SHA384', { target }).ok).toBe(false);
  });

  it('lays the default order out by ids: AES-GCM before ChaCha20 with AES hardware, after it without', () => {
    const t = boringsslTable(findLibrary(target)!);
    const withHw = expandBoringssl(t, 'ALL').ciphers.map((c) => c.name);
    const withoutHw = expandBoringssl(t, 'ALL', { aesHardware: false }).ciphers.map((c) => c.name);
    expect(withHw).toEqual(bssl2026Table.default_list);
    expect(withoutHw.slice(0, 7)).toEqual([...withHw.slice(4, 7), ...withHw.slice(0, 4)]);
    expect(withoutHw.slice(7)).toEqual(withHw.slice(7));
  });

  it('pushes one error per failed call', () => {
    const rows = loadCorpus('corpus-boringssl-a0689af29.jsonl') as Array<Row & { errors?: string[] }>;
    expect(rows.every((r) => r.ok || (r.errors ?? [r.error]).length === 1)).toBe(true);
  });

  it('negotiates TLS 1.2 and 1.3 by default (set_min_version(0) is TLS 1.2)', () => {
    expect(findLibrary(target)!.protocols).toEqual(['TLSv1.2', 'TLSv1.3']);
  });
});

describe('AWS-LC facts', () => {
  const target = 'aws-lc';
  const tls12 = (s: string) => names(expand(s, { target, ciphersuites: '' }));

  it('takes ALL, DEFAULT, FIPS and HIGH as a prefix at byte 0 only', () => {
    const all = tls12('ALL');
    expect(all).toHaveLength(22);
    for (const w of ['DEFAULT', 'FIPS', 'HIGH', 'HIGHFOO', 'FIPS:', 'DEFAULT:!kRSA'])
      expect(expand(w, { target }).ok, w).toBe(true);
    expect(tls12('HIGH!kRSA')).toEqual(all.filter((n) => !tls12('kRSA').includes(n)));
    expect(expand('-ALL:HIGH', { target }).error?.code).toBe('no-cipher-match');
    expect(expand('kRSA:HIGH', { target, strict: true }).error?.code).toBe('invalid-command');
  });

  it('leaves 3DES and NULL-SHA out of ALL and the protocol aliases', () => {
    expect(tls12('ALL')).not.toContain('DES-CBC3-SHA');
    expect(tls12('TLSv1')).not.toContain('DES-CBC3-SHA');
    expect(tls12('kRSA')).toContain('DES-CBC3-SHA');
    expect(tls12('NULL-SHA')).toEqual(['NULL-SHA']);
  });

  it('has SHA256 and SHA384 aliases whose MAC values are not bits (SHA256 = SHA1 | AEAD)', () => {
    expect(tls12('SHA384')).toEqual(['ECDHE-RSA-AES256-SHA384']);
    expect(tls12('SHA256')).toContain('ECDHE-RSA-AES128-GCM-SHA256');
    expect(tls12('SHA256')).toContain('AES128-SHA');
    expect(tls12('SHA1')).toContain('AES128-SHA256');
  });

  it('accepts the empty string (not in strict mode)', () => {
    expect(expand('', { target, ciphersuites: '' })).toMatchObject({ ok: true, ciphers: [] });
    expect(names(expand('', { target }))).toEqual(awsLcTable.default_tls13_ciphersuites);
    expect(expand('', { target, strict: true }).error?.code).toBe('no-cipher-match');
  });

  it('configures TLS 1.3 apart: the default first, then the list; a TLS 1.3 name is unknown in the cipher list', () => {
    expect(names(expand('AES128-SHA', { target }))).toEqual([...awsLcTable.default_tls13_ciphersuites, 'AES128-SHA']);
    expect(
      names(expand('AES128-SHA', { target, ciphersuites: 'TLS_CHACHA20_POLY1305_SHA256:FOO:AES128-SHA' })),
    ).toEqual(['TLS_CHACHA20_POLY1305_SHA256', 'AES128-SHA']);
    expect(names(expand('AES128-SHA', { target, ciphersuites: 'AES256' }))).toEqual([
      'TLS_AES_256_GCM_SHA384',
      'AES128-SHA',
    ]);
    expect(expand('AES128-SHA', { target, ciphersuites: 'FOO' }).error?.code).toBe('invalid-ciphersuites');
    expect(expand('TLS_AES_128_GCM_SHA256', { target }).error?.code).toBe('no-cipher-match');
    expect(expand('TLS_AES_128_GCM_SHA256:ALL', { target, strict: true }).error?.code).toBe('invalid-command');
  });

  it('reads the TLS 1.3 list with the same scanner: separators, unknown words skipped, aliases, prefixes, errors', () => {
    const cs = (s: string) => {
      const r = expand('AES128-SHA', { target, ciphersuites: s });
      return r.ok ? names(r).slice(0, -1) : r.error!.code;
    };
    expect(cs('TLS_CHACHA20_POLY1305_SHA256,TLS_AES_128_GCM_SHA256')).toEqual([
      'TLS_CHACHA20_POLY1305_SHA256',
      'TLS_AES_128_GCM_SHA256',
    ]);
    expect(cs('FOO;TLS_AES_256_GCM_SHA384 AES128-SHA')).toEqual(['TLS_AES_256_GCM_SHA384']);
    expect(cs('CHACHA20:AES')).toEqual([
      'TLS_CHACHA20_POLY1305_SHA256',
      'TLS_AES_128_GCM_SHA256',
      'TLS_AES_256_GCM_SHA384',
    ]);
    expect(cs('HIGH:!AES256')).toEqual(['TLS_AES_128_GCM_SHA256', 'TLS_CHACHA20_POLY1305_SHA256']);
    expect(cs('[TLS_AES_256_GCM_SHA384|TLS_AES_128_GCM_SHA256]')).toEqual([
      'TLS_AES_256_GCM_SHA384',
      'TLS_AES_128_GCM_SHA256',
    ]);
    expect(cs('TLS_AES_128_GCM_SHA256$')).toBe('invalid-ciphersuites');
    expect(cs('AES128-SHA')).toBe('invalid-ciphersuites');
    const bad = expand('ALL', { target, ciphersuites: 'FOO' });
    expect(bad.error?.message).toMatch(/^SSL_CTX_set_ciphersuites fails: no cipher match/);
    expect(bad.diagnostics).toMatchObject([
      { code: 'unknown-word', source: 'ciphersuites', span: { start: 0, end: 3 } },
    ]);
    const good = expand('ALL', { target, ciphersuites: 'FOO:AES' });
    expect(good.diagnostics).toMatchObject([{ code: 'unknown-word', source: 'ciphersuites' }]);
    expect(cs('')).toEqual([]);
    const t = boringsslTable(findLibrary(target)!);
    expect(
      expandBoringsslCiphersuites(t, t.data.tls13!.defaultCiphersuitesNoAesHardware).ciphers.map((c) => c.name),
    ).toEqual(['TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384']);
  });

  it('pushes NO_CIPHER_MATCH again after any failure (the first error is the reason)', () => {
    const rows = loadCorpus('corpus-aws-lc-5.5.0.jsonl') as Array<
      Row & { errors?: string[]; errors_strict?: string[] }
    >;
    const noMatch = 'error:100000b1:SSL routines:OPENSSL_internal:NO_CIPHER_MATCH';
    for (const r of rows) {
      if (!r.ok) expect(r.errors).toEqual([r.error, noMatch]);
      if (!r.strict_ok) expect(r.errors_strict).toEqual([r.error_strict, noMatch]);
    }
  });

  it('says what a default prefix and a TLS 1.3 name in the cipher list did', () => {
    const e = expand('HIGH:TLS_AES_128_GCM_SHA256:kRSA', { target, trace: true });
    expect(e.trace![0]).toMatchObject({ text: 'HIGH', detail: 'ALL', effect: 'added' });
    expect(e.diagnostics.find((d) => d.code === 'unknown-word')?.message).toMatch(/TLS_AES_128_GCM_SHA256/);
    expect(expand('kRSA:HIGH', { target, trace: true }).trace![1]).toMatchObject({ text: 'HIGH', effect: 'none' });
  });

  it('on no cipher match empties the whole list, TLS 1.3 included (the message says so)', () => {
    const r = expand('!ALL', { target });
    expect(r).toMatchObject({ ok: false, ciphers: [] });
    expect(r.error?.message).toMatch(/TLS 1\.3 suites included/);
  });

  it('has no security levels, and the registry says so', () => {
    expect(() => expand('ALL', { target, seclevel: 1 })).toThrow(TypeError);
    expect(findLibrary(target)!.capabilities).toMatchObject({
      tls13Configurable: true,
      strict: true,
      groups: true,
      securityLevels: false,
    });
  });
});

describe('views and tools on the new targets', () => {
  for (const target of ['boringssl-2026', 'aws-lc'] as const) {
    it(`${target}: supported, format, lint, explain, negotiate`, () => {
      const s = expand('ECDHE+AES128:kRSA+AES128:PSK', { target, supported: true });
      const offered = s.supported!.ciphers.map((c) => c.name);
      expect(offered.slice(0, 3)).toEqual([
        'TLS_AES_128_GCM_SHA256',
        'TLS_AES_256_GCM_SHA384',
        'TLS_CHACHA20_POLY1305_SHA256',
      ]);
      expect(offered.some((n) => n.includes('PSK'))).toBe(false);
      expect(new Set(offered).size).toBe(offered.length);
      expect(offered.slice(3)).toEqual(
        names(expand('ECDHE+AES128:kRSA+AES128', { target, ciphersuites: '' })).filter((n) => !n.includes('PSK')),
      );
      expect(
        formatCiphers(expand('[AES128-SHA|AES256-SHA]', { target, ciphersuites: '' }).ciphers, 'plain', target),
      ).toBe('[\n  TLS_RSA_WITH_AES_128_CBC_SHA\n  TLS_RSA_WITH_AES_256_CBC_SHA\n]\n');
      expect(lint('ALL:FOO', { target }).diagnostics.some((d) => d.code === 'unknown-word')).toBe(true);
      expect(explain('ALL:!kRSA', { target })).toBeTruthy();
      const n = negotiate({ local: 'ALL', target, peer: 'windows-server-2022' });
      expect(n).toBeTruthy();
    });
  }

  it('boringssl-2026 offers no suite below TLS 1.2 by default; -v lines are the table descriptions', () => {
    const t = boringsslTable(findLibrary('aws-lc')!);
    const r = expand('AES128-SHA256', { target: 'aws-lc', ciphersuites: '' });
    expect(formatCiphers(r.ciphers, 'v', 'aws-lc').trimEnd()).toBe(
      awsLcTable.ciphers.find((c) => c.name === 'AES128-SHA256')!.description,
    );
    expect(t.data.tls13?.defaultCiphersuites).toBe(awsLcTable.default_tls13_ciphersuites.join(':'));
  });

  it('AWS-LC offers its configured TLS 1.3 list; none below TLS 1.3 when the range is TLS 1.3 alone', () => {
    const s = expand('AES128-SHA', { target: 'aws-lc', ciphersuites: 'TLS_CHACHA20_POLY1305_SHA256', supported: true });
    expect(s.supported!.ciphers.map((c) => c.name)).toEqual(['TLS_CHACHA20_POLY1305_SHA256', 'AES128-SHA']);
    const only13 = expand('AES128-SHA', { target: 'aws-lc', supported: { minProtocol: 'TLSv1.3' } });
    expect(only13.supported!.ciphers.map((c) => c.name)).toEqual(awsLcTable.default_tls13_ciphersuites);
  });

  it('diff compares OpenSSL 3.0 with AWS-LC', () => {
    const d = diff(
      { input: 'HIGH:!aNULL', options: { target: 'openssl-3.0' } },
      { input: 'HIGH:!aNULL', options: { target: 'aws-lc' } },
    );
    expect(d).toBeTruthy();
  });
});
