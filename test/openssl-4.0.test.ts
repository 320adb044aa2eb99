import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { expand, formatCiphers, lint } from '../src/index.js';
import { cipherx } from './helpers/cli.js';
import { readRecordedTable } from './helpers/tables.js';
import { loadCorpus } from './helpers/corpus.js';
import { CaseFoldedMap, knowsExactly } from '../src/family/openssl/case-fold.js';

// OpenSSL 4.0.2 as recorded (data/source/ORACLE-README.md, "Added 2026-12-03"): every word,
// command and prefix matches in any case, four aliases are gone, the rest is 3.5's. The counts
// are those of the recorded table and corpus (corpus-4.0.2 rows 84, 149, 150, 151, 212, 240).

const names = (input: string, target: 'openssl-3.5' | 'openssl-4.0', ciphersuites = '') =>
  expand(input, { target, ciphersuites }).ciphers.map((c) => c.name);
const outcome = (input: string, target: 'openssl-3.5' | 'openssl-4.0') => {
  const r = expand(input, { target, ciphersuites: '' });
  return r.ok ? r.ciphers.length : r.error!.code;
};

describe('openssl-4.0 reads names in any case', () => {
  it.each([
    ['all', 'ALL', 137],
    ['Aes', 'AES', 86],
    ['default', 'DEFAULT', 57],
    ['ALL:@strength', 'ALL:@STRENGTH', 137],
    ['tls_rsa_with_aes_128_cbc_sha', 'TLS_RSA_WITH_AES_128_CBC_SHA', 1],
    ['kECDHe', 'kECDHE', 31],
    ['dEfAuLt:!AES', 'DEFAULT:!AES', 7],
  ])('%s is %s on 4.0 (%i suites), not on 3.5', (input, canonical, count) => {
    expect(names(input, 'openssl-4.0')).toEqual(names(canonical, 'openssl-4.0'));
    expect(outcome(input, 'openssl-4.0')).toBe(count);
    expect(names(input, 'openssl-3.5')).not.toEqual(names(canonical, 'openssl-3.5'));
  });

  it('lower-case words that 3.5 ignores select suites on 4.0', () => {
    expect(outcome('all', 'openssl-3.5')).toBe('no-cipher-match');
    expect(outcome('Aes', 'openssl-3.5')).toBe('no-cipher-match');
    expect(outcome('default', 'openssl-3.5')).toBe('no-cipher-match');
    expect(names('tls_rsa_with_aes_128_cbc_sha', 'openssl-4.0')).toEqual(['AES128-SHA']);
  });

  it('@SecLevel=0 sets the level; on 3.5 it is an invalid command', () => {
    const r = expand('ALL:@SecLevel=0', { target: 'openssl-4.0', ciphersuites: '' });
    expect([r.ok, r.seclevel, r.ciphers.length]).toEqual([true, 0, 137]);
    expect(expand('ALL:@SecLevel=0', { target: 'openssl-3.5' }).error?.code).toBe('invalid-command');
    expect(expand('ALL:@seclevel=9', { target: 'openssl-4.0' }).error?.code).toBe('invalid-command');
    expect(expand('ALL:@strengthx', { target: 'openssl-4.0' }).error?.code).toBe('invalid-command');
  });

  it('the default security level is 2, as in 3.5', () => {
    expect(expand('ALL', { target: 'openssl-4.0' }).seclevel).toBe(2);
  });

  it('the ciphersuites list is read in any case too', () => {
    const cs = 'tls_aes_128_gcm_sha256';
    expect(names('AES128-SHA', 'openssl-4.0', cs)).toEqual(['TLS_AES_128_GCM_SHA256', 'AES128-SHA']);
    expect(expand('AES128-SHA', { target: 'openssl-3.5', ciphersuites: cs }).error?.code).toBe('invalid-ciphersuites');
  });

  it('Suite B prefixes follow the same rule (a prefix at byte 0, any case)', () => {
    expect(names('suiteb128', 'openssl-4.0')).toEqual(names('SUITEB128', 'openssl-4.0'));
    expect(outcome('suiteb128', 'openssl-3.5')).toBe('no-cipher-match');
    // In order, in any case (check_suiteb_cipher_list of 4.0, HAS_CASE_PREFIX): SUITEB128c2 is
    // SUITEB128C2 on 4.0, and the SUITEB128 prefix where case counts (quirks.test.ts).
    expect(names('SUITEB128c2', 'openssl-4.0')).toEqual(['ECDHE-ECDSA-AES256-GCM-SHA384']);
    expect(names('SUITEB128c2', 'openssl-3.5')).toEqual([
      'ECDHE-ECDSA-AES128-GCM-SHA256',
      'ECDHE-ECDSA-AES256-GCM-SHA384',
    ]);
  });
});

describe('openssl-4.0 dropped four aliases', () => {
  it.each(['SSLv3', 'FIPS', 'EDH-DSS-DES-CBC3-SHA', 'EDH-RSA-DES-CBC3-SHA'])('%s', (alias) => {
    expect(outcome(alias, 'openssl-4.0')).toBe('no-cipher-match');
    expect(outcome(`${alias}:AES128-SHA`, 'openssl-4.0')).toBe(1);
    expect(outcome(alias.toLowerCase(), 'openssl-4.0')).toBe('no-cipher-match');
  });

  it('3.5 still has SSLv3 and FIPS (the recorded counts)', () => {
    expect(outcome('SSLv3', 'openssl-3.5')).toBe(33);
    expect(outcome('FIPS', 'openssl-3.5')).toBe(60);
  });
});

describe('corpus-4.0.2 with the default TLS 1.3 list', () => {
  // The corpus records no ciphers_with_tls13 (it never differed): a context that kept its TLS
  // 1.3 suites lists the default three, then the row's list.
  it('every accepted row is the default TLS 1.3 suites and then its list; every rejected row fails', () => {
    const tls13 = ['TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256'];
    const rows = loadCorpus('corpus-4.0.2.jsonl');
    const bad: string[] = [];
    for (const row of rows) {
      const input = row.input_hex ? Buffer.from(row.input_hex, 'hex').toString('latin1') : row.input;
      const r = expand(input, { target: 'openssl-4.0' });
      const want = row.ok ? [...tls13, ...row.ciphers] : [];
      if (r.ok !== row.ok || JSON.stringify(r.ciphers.map((c) => c.name)) !== JSON.stringify(want))
        bad.push(String(row.id));
    }
    expect(rows.length).toBe(3365);
    expect(bad).toEqual([]);
  });
});

describe('openssl-4.0 TLS 1.3 suites', () => {
  const table = readRecordedTable<{
    tls13_ciphersuites: Array<{ name: string; description: string }>;
    default_tls13_ciphersuites: string[];
  }>('table-4.0.2.json');

  it('the default TLS 1.3 list is 3.5’s', () => {
    expect(expand('AES128-SHA', { target: 'openssl-4.0' }).ciphers.map((c) => c.name)).toEqual([
      ...table.default_tls13_ciphersuites,
      'AES128-SHA',
    ]);
  });

  it('every recorded TLS 1.3 suite, the SM4 ones too, prints its recorded -v line', () => {
    const all = table.tls13_ciphersuites.map((s) => s.name).join(':');
    const r = expand('AES128-SHA', { target: 'openssl-4.0', ciphersuites: all });
    const tls13 = r.ciphers.slice(0, -1);
    expect(tls13.map((c) => c.name)).toEqual(table.tls13_ciphersuites.map((s) => s.name));
    const lines = formatCiphers(tls13, 'v', 'openssl-4.0').split('\n').slice(0, -1);
    expect(lines.map((l) => l.trimEnd())).toEqual(table.tls13_ciphersuites.map((s) => s.description));
  });
});

// 4.0 looks TLS 1.3 list names up among the TLS 1.3 suites only and lists a suite once
// (ciphersuite_cb in ssl/ssl_ciph.c, openssl PR#30140; SSL_CTX_set_cipher_list(3) of 4.0).
// What 3.x does instead is asked of this machine's OpenSSL 3.0.
describe('openssl-4.0 SSL_CTX_set_ciphersuites: TLS 1.3 names only, each suite once', () => {
  const live = (ciphersuites: string): string[] => {
    const r = spawnSync('openssl', ['ciphers', '-ciphersuites', ciphersuites, 'AES128-SHA'], { encoding: 'utf8' });
    if (r.error) throw new Error(`this test asks the live openssl 3.0 (apt-get install openssl): ${r.error.message}`);
    return r.status === 0 ? r.stdout.trim().split(':') : ['rejected'];
  };
  const ours = (ciphersuites: string, target: 'openssl-3.0' | 'openssl-4.0'): string[] => {
    const r = expand('AES128-SHA', { target, ciphersuites });
    return r.ok ? r.ciphers.map((c) => c.name) : ['rejected'];
  };
  const TLS12 = 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256';

  it('a TLS 1.2 IANA name: 3.x lists the suite first, 4.0 does not know the name', () => {
    expect(ours(TLS12, 'openssl-3.0')).toEqual(live(TLS12));
    expect(live(TLS12)).toEqual(['ECDHE-RSA-AES128-GCM-SHA256', 'AES128-SHA']);
    expect(ours(TLS12, 'openssl-4.0')).toEqual(['rejected']);
    expect(ours(`${TLS12}:TLS_AES_128_GCM_SHA256`, 'openssl-4.0')).toEqual(['TLS_AES_128_GCM_SHA256', 'AES128-SHA']);
    expect(
      lint('AES128-SHA', { target: 'openssl-4.0', ciphersuites: `${TLS12}:TLS_AES_128_GCM_SHA256` }).diagnostics.map(
        (d) => d.code,
      ),
    ).toContain('unknown-ciphersuite');
  });

  it('a suite named twice: 3.x lists it twice, 4.0 once', () => {
    const twice = 'TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384';
    expect(ours(twice, 'openssl-3.0')).toEqual(live(twice));
    expect(live(twice)).toEqual([
      'TLS_AES_256_GCM_SHA384',
      'TLS_AES_128_GCM_SHA256',
      'TLS_AES_256_GCM_SHA384',
      'AES128-SHA',
    ]);
    expect(ours(twice, 'openssl-4.0')).toEqual(['TLS_AES_256_GCM_SHA384', 'TLS_AES_128_GCM_SHA256', 'AES128-SHA']);
    expect(ours('tls_aes_128_gcm_sha256:TLS_AES_128_GCM_SHA256', 'openssl-4.0')).toEqual([
      'TLS_AES_128_GCM_SHA256',
      'AES128-SHA',
    ]);
  });
});

describe('lint and diff across the 4.0 change', () => {
  const codes = (input: string, target: 'openssl-3.5' | 'openssl-4.0') =>
    lint(input, { target, ciphersuites: '' }).diagnostics.map((d) => d.code);

  it('a case variant: flagged on 4.0 and on 3.5, with the spelling to write', () => {
    const on40 = lint('ALL:!aes', { target: 'openssl-4.0' }).diagnostics.find(
      (d) => d.code === 'case-insensitive-match',
    )!;
    expect(on40.args).toMatchObject({ word: 'aes', name: 'AES' });
    expect(on40.fix!.replacement!.text).toBe('AES');
    expect(codes('ALL:!aes', 'openssl-3.5')).toContain('case-insensitive-match');
    expect(codes('ALL:!AES', 'openssl-4.0')).not.toContain('case-insensitive-match');
    expect(codes('ALL:!AES', 'openssl-3.5')).not.toContain('case-insensitive-match');
    expect(codes('default', 'openssl-4.0')).toContain('case-insensitive-match');
    expect(codes('kECDHe', 'openssl-3.5')).toContain('case-insensitive-match');
  });

  it('a removed alias: on 4.0 it is ignored, on 3.5 it will be', () => {
    const on40 = lint('HIGH:!FIPS', { target: 'openssl-4.0' }).diagnostics.find((d) => d.code === 'removed-alias')!;
    expect(on40.args.removedIn).toBe('openssl-4.0');
    expect(codes('HIGH:!FIPS', 'openssl-4.0')).not.toContain('not-in-this-release');
    const on35 = lint('HIGH:!FIPS', { target: 'openssl-3.5' }).diagnostics.find((d) => d.code === 'removed-alias')!;
    expect(on35.args.removedIn).toBe('openssl-4.0');
  });

  it('cipherx diff --target openssl-3.0 --target openssl-4.0 shows what case-insensitivity changes', () => {
    const r = cipherx(['diff', '--target', 'openssl-3.0', '--target', 'openssl-4.0', 'all:!aNULL']);
    expect(r.stdout).toContain('--- openssl-3.0 `all:!aNULL`: rejected');
    expect(r.stdout).toContain('+++ openssl-4.0 `all:!aNULL`: accepted');
    expect(r.status).toBe(1);
    const same = cipherx(['diff', '--target', 'openssl-3.5', '--target', 'openssl-4.0', 'ALL']);
    expect([same.status, same.stdout]).toEqual([0, expect.stringContaining('unchanged 140')]);
  });

  it('cipherx targets names the recorded 4.0.2 build and its origin', () => {
    const t = JSON.parse(cipherx(['targets', '--json']).stdout).find((x: { name: string }) => x.name === 'openssl-4.0');
    expect(JSON.stringify(t)).toContain('OpenSSL 4.0.2');
    expect(JSON.stringify(t)).toContain('openssl_4.0.2.orig.tar.gz');
  });
});

describe('CaseFoldedMap: the lookup behind caseInsensitiveWords', () => {
  it('finds a name in any ASCII case; among names that differ only in case the first set wins', () => {
    const m = new CaseFoldedMap<number>();
    m.set('kECDHE', 1).set('AES', 2).set('aes', 3);
    expect([m.get('kecdhe'), m.get('KECDHE'), m.get('kECDHe')]).toEqual([1, 1, 1]);
    // A scan in table order finds `AES` first, however the word is spelled.
    expect([m.get('AES'), m.get('aes'), m.get('Aes')]).toEqual([2, 2, 2]);
    expect(m.spelling('aEs')).toBe('AES');
    expect([...m.keys()]).toEqual(['kECDHE', 'AES', 'aes']);
  });

  it('folds ASCII only: the Kelvin sign is not k', () => {
    const m = new CaseFoldedMap<number>([['kRSA', 1]]);
    expect(m.get('\u212ARSA')).toBeUndefined();
    expect(knowsExactly(m, 'krsa')).toBe(false);
    expect(knowsExactly(m, 'kRSA')).toBe(true);
  });
});
