import { describe, expect, it } from 'vitest';
import { diff, explain, expand, formatCiphers, lint, negotiate, type ExpandOptions } from '../src/index.js';
import { renderExplanation } from '../src/format/explain-text.js';
import { findLibrary, releaseLine } from '../src/library/registry.js';
import { opensslTable } from '../src/library/tables.js';
import { errorKind, loadCorpus, type CorpusRow } from './helpers/corpus.js';
import { cipherx } from './helpers/cli.js';
import { readRecordedTable } from './helpers/tables.js';

// LibreSSL 4.3.2 and 3.3.6 (macOS's /usr/bin/openssl): OpenSSL's algorithm with LibreSSL's own
// table, and TLS 1.3 suites that are members of the cipher-string list
// (data/source/ORACLE-README.md, "Added 2026-12-03").

type Target = 'libressl-4.3' | 'libressl-3.3';
const TARGETS: Array<[Target, string, string]> = [
  ['libressl-4.3', 'corpus-libressl-4.3.2.jsonl', 'table-libressl-4.3.2.json'],
  ['libressl-3.3', 'corpus-libressl-3.3.6.jsonl', 'table-libressl-3.3.6.json'],
];

interface LibresslRow extends CorpusRow {
  ciphers_with_tls13?: string[];
}

interface LibresslTable {
  ciphers: Array<{ name: string; description: string; id: string }>;
  default_tls13_ciphersuites: string[];
  default_list_with_tls13: string[];
  aliases: Record<string, { ok: boolean; ciphers: string[] }>;
  info: { default_seclevel: number | null };
}

/** Row 122 holds a non-UTF-8 byte: its real bytes are in input_hex (see corpus.test.ts). */
const inputOf = (row: CorpusRow): string =>
  row.input_hex ? Buffer.from(row.input_hex, 'hex').toString('latin1') : row.input;

const names = (s: string, options: ExpandOptions): string[] => expand(s, options).ciphers.map((c) => c.name);

for (const [target, file, tableFile] of TARGETS) {
  describe(`corpus ${target} (${file})`, () => {
    const rows = loadCorpus(file) as LibresslRow[];
    const table = readRecordedTable<LibresslTable>(tableFile);

    it('has the rows it should', () => {
      expect(rows.length).toBe(3365);
    });

    // `ciphers` was taken after SSL_CTX_set_ciphersuites(ctx, ""): { ciphersuites: '' }.
    it('agrees on every row with an empty TLS 1.3 list: accepted, error kind, ordered suites, security level', () => {
      const mismatches: string[] = [];
      for (const row of rows) {
        const r = expand(inputOf(row), { target, ciphersuites: '' });
        const want = {
          ok: row.ok,
          error: errorKind(row.error),
          ciphers: row.ok ? row.ciphers : [],
          seclevel: row.seclevel ?? null,
        };
        const got = {
          ok: r.ok,
          error: r.error?.code ?? null,
          ciphers: r.ciphers.map((c) => c.name),
          seclevel: r.seclevel,
        };
        if (JSON.stringify(want) !== JSON.stringify(got))
          mismatches.push(`row ${row.id} ${JSON.stringify(row.input).slice(0, 80)}`);
      }
      expect(mismatches.slice(0, 10)).toEqual([]);
    });

    // A fresh context: `ciphers_with_tls13` where recorded, else the default TLS 1.3 suites then `ciphers`.
    it('agrees on every row on a fresh context (what `openssl ciphers` prints)', () => {
      const mismatches: string[] = [];
      let differing = 0;
      for (const row of rows) {
        const r = expand(inputOf(row), { target });
        if (row.ciphers_with_tls13) differing++;
        const list = row.ciphers_with_tls13 ?? [...table.default_tls13_ciphersuites, ...row.ciphers];
        const want = { ok: row.ok, error: errorKind(row.error), ciphers: row.ok ? list : [] };
        const got = { ok: r.ok, error: r.error?.code ?? null, ciphers: r.ciphers.map((c) => c.name) };
        if (JSON.stringify(want) !== JSON.stringify(got))
          mismatches.push(`row ${row.id} ${JSON.stringify(row.input).slice(0, 80)}`);
      }
      expect(mismatches.slice(0, 10)).toEqual([]);
      expect(differing).toBeGreaterThan(1000);
    });

    it('agrees on every accepted row: the effective offer (-s, SSL_get1_supported_ciphers)', () => {
      const mismatches: string[] = [];
      let checked = 0;
      for (const row of rows) {
        if (!row.ok) continue;
        checked++;
        const got = expand(inputOf(row), { target, supported: true }).supported!.ciphers.map((c) => c.name);
        if (JSON.stringify(got) !== JSON.stringify(row.supported)) mismatches.push(`row ${row.id}`);
      }
      expect(checked).toBeGreaterThan(1500);
      expect(mismatches.slice(0, 10)).toEqual([]);
    });

    it('every recorded alias alone gives its recorded list, and DEFAULT the default list', () => {
      const got: Record<string, { ok: boolean; ciphers: string[] }> = {};
      const want: Record<string, { ok: boolean; ciphers: string[] }> = {};
      for (const [word, rec] of Object.entries(table.aliases)) {
        const r = expand(word, { target, ciphersuites: '' });
        got[word] = { ok: r.ok, ciphers: r.ciphers.map((c) => c.name) };
        want[word] = { ok: rec.ok, ciphers: rec.ok ? rec.ciphers : [] };
      }
      expect(got).toEqual(want);
      expect(Object.keys(want).length).toBeGreaterThan(40);
      expect(names('DEFAULT', { target })).toEqual(table.default_list_with_tls13);
    });

    it('-v is LibreSSL’s own layout: every suite’s line as the build printed it', () => {
      const all = expand('ALL:COMPLEMENTOFALL', { target, ciphersuites: '' }).ciphers;
      expect(all.map((c) => c.name)).toEqual(table.ciphers.map((c) => c.name));
      // The recorded lines are right-trimmed (real output ends `Mac=MD5 ` on MD5 suites).
      const lines = formatCiphers(all, 'v', target).split('\n').slice(0, -1);
      expect(lines.map((l) => l.trimEnd())).toEqual(table.ciphers.map((c) => c.description));
      expect(lines.filter((l) => l.endsWith('Mac=MD5 ')).length).toBeGreaterThan(0);
      expect(formatCiphers(all, 'V', target).split('\n')[0]).toBe(
        `          ${table.ciphers[0]!.id} - ${table.ciphers[0]!.description}`,
      );
    });

    it('has no -stdname output and no IANA names in the string except the three TLS 1.3 ones', () => {
      expect(findLibrary(target)!.capabilities.stdnameOutput).toBe(false);
      expect(() => formatCiphers([], 'stdname', target)).toThrow(/no -stdname/);
      expect(expand('TLS_RSA_WITH_AES_128_CBC_SHA', { target }).error?.code).toBe('no-cipher-match');
      for (const n of ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256']) {
        expect(names(n, { target, ciphersuites: '' })).toHaveLength(1);
      }
    });

    it('words are case-sensitive', () => {
      expect(expand('aes', { target }).error?.code).toBe('no-cipher-match');
      expect(expand('AES', { target }).ok).toBe(true);
    });

    it('TLS 1.3 suites are list members: TLSv1.3, AEAD, HIGH and ALL select them', () => {
      const tls13 = table.default_tls13_ciphersuites;
      expect([...names('TLSv1.3', { target, ciphersuites: '' })].sort()).toEqual([...tls13].sort());
      for (const word of ['AEAD', 'HIGH', 'ALL']) {
        const got = names(word, { target, ciphersuites: '' });
        for (const s of tls13) expect(got).toContain(s);
      }
      // Ordered by the string like any other suite.
      expect(names('AES128-SHA:TLSv1.3', { target, ciphersuites: '' })[0]).toBe('AES128-SHA');
    });

    it('a string that never names TLS 1.3 gets every TLS 1.3 suite; one that does, only what it selects', () => {
      const tls13 = table.default_tls13_ciphersuites;
      expect(names('AES128-SHA', { target })).toEqual([...tls13, 'AES128-SHA']);
      expect(names('AES128-SHA', { target, ciphersuites: '' })).toEqual(['AES128-SHA']);
      // `AEAD` and `!AEAD` select TLS 1.3 suites without naming TLS 1.3.
      expect(names('AES128-SHA:!AEAD', { target })).toEqual(['AES128-SHA']);
      expect(names('AES128-SHA:-AEAD', { target })).toEqual([...tls13, 'AES128-SHA']);
      // The TLSv1.3 alias, a TLS 1.3 suite name (even in a compound that then fails) name it.
      expect(names('AES128-SHA:!TLSv1.3', { target })).toEqual(['AES128-SHA']);
      expect(names('TLS_AES_128_GCM_SHA256:AES128-SHA', { target })).toEqual([tls13[2], 'AES128-SHA']);
      expect(names('AES128-SHA:TLS_AES_128_GCM_SHA256+FOO', { target })).toEqual(['AES128-SHA']);
      // A list with no active suite is emptied, TLS 1.3 suites too.
      expect(expand('FOO', { target })).toMatchObject({ ok: false, ciphers: [], error: { code: 'no-cipher-match' } });
    });

    it('SSL_CTX_set_ciphersuites: IANA or LibreSSL name, an unknown name fails, CCM is known but skipped', () => {
      expect(names('AES128-SHA', { target, ciphersuites: 'TLS_AES_256_GCM_SHA384' })).toEqual([
        table.default_tls13_ciphersuites[0],
        'AES128-SHA',
      ]);
      expect(names('AES128-SHA', { target, ciphersuites: 'AEAD-AES256-GCM-SHA384' })).toEqual([
        table.default_tls13_ciphersuites[0],
        'AES128-SHA',
      ]);
      expect(names('AES128-SHA', { target, ciphersuites: 'TLS_AES_128_CCM_SHA256' })).toEqual(['AES128-SHA']);
      expect(expand('AES128-SHA', { target, ciphersuites: 'TLS_AES_256_GCM_SHA384:FOO' }).ok).toBe(false);
      // strsep(), not CONF_parse_list: white space is part of the name.
      expect(expand('AES128-SHA', { target, ciphersuites: ' TLS_AES_256_GCM_SHA384' }).ok).toBe(false);
    });

    it('RC4 and 3DES are in DEFAULT; SUITEB128 is only an unknown word', () => {
      const def = names('DEFAULT', { target, ciphersuites: '' });
      expect(def).toContain('RC4-SHA');
      expect(def).toContain('DES-CBC3-SHA');
      expect(expand('SUITEB128', { target }).error?.code).toBe('no-cipher-match');
      expect(names('SUITEB128:AES128-SHA', { target, ciphersuites: '' })).toEqual(['AES128-SHA']);
    });

    it('lint, explain, negotiate and diff run on it', () => {
      const s = 'HIGH:!aNULL:RC4:FOO';
      expect(lint(s, { target }).diagnostics.some((d) => d.code === 'unknown-word')).toBe(true);
      expect(explain(s, { target }).result.ok).toBe(true);
      expect(negotiate({ local: 'HIGH:!aNULL', target, peer: 'java-17' }).ok).toBe(true);
      expect(
        diff({ input: s, options: { target: 'openssl-1.1.1' } }, { input: s, options: { target } }).identical,
      ).toBe(false);
    });
  });
}

describe('between the two LibreSSL releases', () => {
  it('@SECLEVEL exists from 3.6 on: 4.3 takes it (default level 1), 3.3 refuses it', () => {
    expect(expand('ALL', { target: 'libressl-4.3' }).seclevel).toBe(1);
    expect(expand('ALL:@SECLEVEL=3', { target: 'libressl-4.3' }).seclevel).toBe(3);
    expect(expand('ALL:@SECLEVEL=3', { target: 'libressl-3.3' }).error?.code).toBe('invalid-command');
    expect(expand('ALL', { target: 'libressl-3.3' }).seclevel).toBe(null);
    expect(() => expand('ALL', { target: 'libressl-3.3', seclevel: 1 })).toThrow(TypeError);
  });

  it('-s follows LibreSSL 4.3’s security levels; 3.3 filters by protocol only', () => {
    const offer = (s: string, target: Target) =>
      expand(s, { target, supported: true }).supported!.ciphers.map((c) => c.name);
    // Level 1 (the default) keeps RC4 and drops MD5 and anonymous suites; level 2 drops RC4.
    expect(offer('RC4-SHA:RC4-MD5:ADH-AES128-SHA:AES128-SHA', 'libressl-4.3')).toContain('RC4-SHA');
    expect(offer('RC4-SHA:RC4-MD5:ADH-AES128-SHA:AES128-SHA', 'libressl-4.3')).not.toContain('RC4-MD5');
    expect(offer('RC4-SHA:AES128-SHA:@SECLEVEL=2', 'libressl-4.3')).not.toContain('RC4-SHA');
    // Level 3: forward secrecy or TLS 1.3; level 4: no SHA-1 MAC.
    expect(offer('AES128-SHA:ECDHE-RSA-AES128-SHA:@SECLEVEL=3', 'libressl-4.3')).not.toContain('AES128-SHA');
    expect(offer('ECDHE-RSA-AES256-SHA:ECDHE-RSA-AES256-SHA384:@SECLEVEL=4', 'libressl-4.3')).toEqual([
      'TLS_AES_256_GCM_SHA384',
      'TLS_CHACHA20_POLY1305_SHA256',
      'ECDHE-RSA-AES256-SHA384',
    ]);
    expect(offer('RC4-MD5:ADH-AES128-SHA', 'libressl-3.3')).toEqual([
      'AEAD-AES256-GCM-SHA384',
      'AEAD-CHACHA20-POLY1305-SHA256',
      'AEAD-AES128-GCM-SHA256',
      'RC4-MD5',
      'ADH-AES128-SHA',
    ]);
  });

  it('3.3 names its TLS 1.3 suites AEAD-* and has GOST; 4.3 has neither', () => {
    expect(names('TLSv1.3', { target: 'libressl-3.3', ciphersuites: '' })).toEqual([
      'AEAD-AES256-GCM-SHA384',
      'AEAD-CHACHA20-POLY1305-SHA256',
      'AEAD-AES128-GCM-SHA256',
    ]);
    expect(names('kGOST', { target: 'libressl-3.3', ciphersuites: '' }).length).toBeGreaterThan(0);
    expect(expand('kGOST', { target: 'libressl-4.3' }).ok).toBe(false);
    expect(expand('ALL:COMPLEMENTOFALL', { target: 'libressl-4.3', ciphersuites: '' }).ciphers).toHaveLength(68);
    expect(expand('ALL:COMPLEMENTOFALL', { target: 'libressl-3.3', ciphersuites: '' }).ciphers).toHaveLength(72);
  });

  it('lint reads LibreSSL 3.3 as the release before 4.3: the GOST aliases 4.3 dropped are removed-alias on both', () => {
    // The recorded builds: 3.3.6 has the alias, 4.3.2 has not (the registry lists 4.3 first).
    type Aliases = { aliases: Record<string, { ok: boolean } | undefined> };
    expect(readRecordedTable<Aliases>('table-libressl-3.3.6.json').aliases.kGOST?.ok).toBe(true);
    expect(readRecordedTable<Aliases>('table-libressl-4.3.2.json').aliases.kGOST).toBeUndefined();
    expect(releaseLine(findLibrary('libressl-4.3')!).map((l) => l.name)).toEqual(['libressl-3.3', 'libressl-4.3']);
    const removed = (target: Target) =>
      lint('kGOST:HIGH', { target })
        .diagnostics.filter((d) => d.code === 'removed-alias')
        .map((d) => d.args);
    // On 3.3 the word works and a later release ignores it; on 4.3 it was an alias up to 3.3.
    expect(removed('libressl-3.3')).toEqual([{ word: 'kGOST', removedIn: 'libressl-4.3' }]);
    expect(removed('libressl-4.3')).toEqual([{ word: 'kGOST', target: 'libressl-4.3', removedIn: 'libressl-4.3' }]);
    expect(lint('kGOST:HIGH', { target: 'libressl-4.3' }).diagnostics.map((d) => d.code)).not.toContain(
      'not-in-this-release',
    );
  });

  it('explain tells a TLS 1.3 suite an element added from one kept because the string never names TLS 1.3', () => {
    const kept = renderExplanation(explain('AES128-SHA', { target: 'libressl-4.3' }));
    expect(kept).toMatch(/TLS_AES_256_GCM_SHA384 +TLS 1\.3, kept: the string never names TLS 1\.3/);
    const added = renderExplanation(explain('AES128-SHA:TLSv1.3', { target: 'libressl-4.3' }));
    expect(added).toMatch(/TLS_AES_256_GCM_SHA384 +added by #2 TLSv1\.3/);
    const apart = renderExplanation(
      explain('AES128-SHA', { target: 'libressl-4.3', ciphersuites: 'TLS_AES_256_GCM_SHA384' }),
    );
    expect(apart).toMatch(/TLS_AES_256_GCM_SHA384 +TLS 1\.3, set apart/);
  });

  it('diagnostics: SUITEB128 is an unknown word, an IANA name is not read on any LibreSSL', () => {
    const codes = (s: string) => lint(s, { target: 'libressl-3.3' }).diagnostics.map((d) => d.code);
    expect(codes('AES:SUITEB128')).toContain('unknown-word');
    expect(codes('AES:SUITEB128')).not.toContain('suite-b-not-first');
    const iana = lint('AES:TLS_RSA_WITH_AES_128_CBC_SHA', { target: 'libressl-4.3' }).diagnostics.find(
      (d) => d.code === 'iana-name-unsupported',
    );
    expect(iana?.message).not.toMatch(/3\.2/);
  });

  it('the tables record what the registry says', () => {
    for (const [target] of TARGETS) {
      const lib = findLibrary(target)!;
      const d = opensslTable(lib).data;
      expect(lib.family).toBe('openssl');
      expect(lib.product).toBe('LibreSSL');
      expect(d.tls13?.inCipherList).toBe(true);
      expect(d.suiteBPrefixes).toBe(false);
    }
  });

  it('cipherx diff --target openssl-1.1.1 --target libressl-3.3 compares the two', () => {
    const r = cipherx(['diff', '--target', 'openssl-1.1.1', '--target', 'libressl-3.3', 'HIGH:!aNULL']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/AEAD-AES256-GCM-SHA384/);
    expect(r.stdout).toMatch(/TLS_AES_256_GCM_SHA384/);
  });

  it('cipherx expand and targets know both', () => {
    const r = cipherx(['expand', '--target', 'libressl-3.3', 'AES128-SHA']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('AEAD-AES256-GCM-SHA384:AEAD-CHACHA20-POLY1305-SHA256:AEAD-AES128-GCM-SHA256:AES128-SHA\n');
    const t = cipherx(['targets']);
    expect(t.stdout).toMatch(/libressl-4\.3.*LibreSSL 4\.3\.2/s);
    expect(t.stdout).toMatch(/libressl-3\.3.*LibreSSL 3\.3\.6/s);
  });
});
