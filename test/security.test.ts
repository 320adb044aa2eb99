import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expand, targets, type Cipher, type TargetName } from '../src/index.js';
import { assessList, assessSuite, securityRules, type SuiteRating } from '../src/lint/security.js';
import { findLibrary } from '../src/library/registry.js';
import { opensslTable } from '../src/library/tables.js';

const getTarget = (name: string) => opensslTable(findLibrary(name)!);

const RATINGS: SuiteRating[] = ['recommended', 'secure', 'weak', 'insecure'];
const RANK: Record<SuiteRating, number> = { recommended: 0, secure: 1, weak: 2, insecure: 3 };

/** The suites a string gives on a target, TLS 1.3 list as given (default: none). */
function suites(input: string, target: TargetName, ciphersuites = ''): Cipher[] {
  const options = findLibrary(target)!.capabilities.tls13Configurable ? { target, ciphersuites } : { target };
  const r = expand(input, options);
  if (!r.ok) throw new Error(`${input} on ${target}: ${r.error?.code}`);
  return r.ciphers;
}

function suite(name: string, target: TargetName, ciphersuites = ''): Cipher {
  const found = suites(name.startsWith('TLS_') ? 'ALL' : name, target, ciphersuites).find((c) => c.name === name);
  if (!found) throw new Error(`${name} not in the list on ${target}`);
  return found;
}

/** A suite as a release before 1.0.2h printed it with `openssl ciphers -v` (no recorded table has these). */
function printed(name: string, kx: string, enc: string, mac: string, bits: number, algBits: number): Cipher {
  return { name, stdname: null, id: '0x00,0x00', protocol: 'SSLv3', kx, au: 'RSA', enc, mac, bits, algBits };
}

/** A row of a recorded table that no default build offers (GOST needs an engine). */
function tableRow(name: string): Cipher {
  const row = getTarget('openssl-1.1.1')!.data.suites.find((s) => s.name === name)!;
  const { name: n, stdname, id, protocol, kx, au, enc, mac, bits, algBits } = row;
  return { name: n, stdname, id, protocol, kx, au, enc, mac, bits, algBits };
}

describe('each rule fires on a real suite', () => {
  // code, the suite, where it comes from
  const CASES: Array<[string, () => Cipher]> = [
    ['null-encryption', () => suites('eNULL', 'openssl-3.0').find((c) => c.name === 'NULL-SHA')!],
    ['null-encryption', () => suite('TLS_SHA256_SHA256', 'openssl-3.5', 'TLS_SHA256_SHA256')], // TLS 1.3 integrity-only
    ['anonymous-key-exchange', () => suites('aNULL', 'openssl-3.0').find((c) => c.name === 'ADH-AES128-GCM-SHA256')!],
    ['anonymous-key-exchange', () => suite('AECDH-NULL-SHA', 'openssl-1.0.2')],
    ['export-grade', () => printed('EXP-RC4-MD5', 'RSA(512)', 'RC4(40)', 'MD5', 40, 128)], // 1.0.2g and earlier
    ['export-grade', () => printed('EXP-DES-CBC-SHA', 'RSA(512)', 'DES(40)', 'SHA1', 40, 56)],
    ['rc4', () => suite('RC4-SHA', 'openssl-1.0.2')],
    ['rc4', () => suite('ECDHE-RSA-RC4-SHA', 'openssl-1.0.2')],
    ['des', () => printed('DES-CBC-SHA', 'RSA', 'DES(56)', 'SHA1', 56, 56)], // LOW, built before 1.0.2h
    ['3des', () => suite('DES-CBC3-SHA', 'openssl-1.0.2')],
    ['3des', () => suite('DES-CBC3-SHA', 'boringssl')],
    ['idea', () => suite('IDEA-CBC-SHA', 'openssl-1.1.1')],
    ['md5-mac', () => suite('RC4-MD5', 'openssl-1.0.2')],
    ['md5-mac', () => suite('NULL-MD5', 'openssl-3.0')],
    ['no-forward-secrecy', () => suite('AES128-GCM-SHA256', 'openssl-3.0')], // static RSA
    ['no-forward-secrecy', () => suite('AES128-SHA', 'boringssl')],
    ['no-forward-secrecy', () => suite('DH-RSA-AES128-SHA', 'openssl-1.0.2')], // static DH
    ['no-forward-secrecy', () => suite('DH-DSS-AES256-GCM-SHA384', 'openssl-1.0.2')],
    ['no-forward-secrecy', () => suite('ECDH-ECDSA-AES128-GCM-SHA256', 'openssl-1.0.2')], // static ECDH
    ['no-forward-secrecy', () => suite('ECDH-RSA-AES256-SHA', 'openssl-1.0.2')],
    ['no-forward-secrecy', () => suite('PSK-AES128-GCM-SHA256', 'openssl-3.0')], // plain PSK
    ['no-forward-secrecy', () => suite('RSA-PSK-AES128-GCM-SHA256', 'openssl-3.0')],
    ['cbc-mode', () => suite('ECDHE-RSA-AES128-SHA256', 'openssl-3.0')],
    ['cbc-mode', () => suite('CAMELLIA128-SHA', 'openssl-1.1.1')],
    ['cbc-mode', () => suite('ECDHE-RSA-AES128-SHA', 'boringssl')],
    ['sha1-mac', () => suite('ECDHE-ECDSA-AES256-SHA', 'openssl-3.6')],
    ['finite-field-dhe', () => suite('DHE-RSA-AES128-GCM-SHA256', 'openssl-3.0')],
    ['finite-field-dhe', () => suite('DHE-PSK-CHACHA20-POLY1305', 'openssl-3.0')],
    ['ccm8-short-tag', () => suite('ECDHE-ECDSA-AES128-CCM8', 'openssl-3.0')],
    ['ccm8-short-tag', () => suite('TLS_AES_128_CCM_8_SHA256', 'openssl-3.5', 'TLS_AES_128_CCM_8_SHA256')],
    ['pre-shared-key', () => suite('ECDHE-PSK-CHACHA20-POLY1305', 'openssl-3.0')],
    ['pre-shared-key', () => suite('ECDHE-PSK-AES128-CBC-SHA', 'boringssl')],
    ['srp', () => suite('SRP-RSA-AES-128-CBC-SHA', 'openssl-3.0')],
    ['gost', () => tableRow('GOST2012-GOST8912-GOST8912')],
    ['gost', () => tableRow('GOST2001-NULL-GOST94')],
    ['uncommon-cipher', () => suite('ECDHE-ARIA128-GCM-SHA256', 'openssl-3.0')],
    ['uncommon-cipher', () => suite('SEED-SHA', 'openssl-1.0.2')],
  ];
  it.each(CASES)('%s', (code, get) => {
    expect(assessSuite(get()).findings).toContain(code);
  });

  it('covers every rule', () => {
    expect(new Set(CASES.map(([code]) => code))).toEqual(new Set(securityRules.map((r) => r.code)));
  });
});

describe('modern suites match no rule', () => {
  // suite, target, TLS 1.3 list
  const CASES: Array<[string, TargetName, string?]> = [
    ['ECDHE-ECDSA-AES128-GCM-SHA256', 'openssl-1.0.2'],
    ['ECDHE-ECDSA-AES128-GCM-SHA256', 'openssl-3.0'],
    ['ECDHE-RSA-AES256-GCM-SHA384', 'openssl-3.6'],
    ['ECDHE-RSA-CHACHA20-POLY1305', 'openssl-1.1.1'],
    ['ECDHE-ECDSA-CHACHA20-POLY1305', 'boringssl'],
    ['ECDHE-ECDSA-AES256-CCM', 'openssl-3.0'], // 16-byte tag
    ['TLS_AES_128_GCM_SHA256', 'openssl-3.0', 'TLS_AES_128_GCM_SHA256'],
    ['TLS_AES_256_GCM_SHA384', 'openssl-1.1.1', 'TLS_AES_256_GCM_SHA384'],
    ['TLS_CHACHA20_POLY1305_SHA256', 'openssl-3.5', 'TLS_CHACHA20_POLY1305_SHA256'],
    ['TLS_AES_128_CCM_SHA256', 'openssl-3.0', 'TLS_AES_128_CCM_SHA256'],
  ];
  it.each(CASES)('%s on %s', (name, target, ciphersuites) => {
    expect(assessSuite(suite(name, target, ciphersuites))).toEqual({ rating: 'recommended', findings: [] });
  });
});

describe('ratings of well-known suites', () => {
  // suite, target, TLS 1.3 list, rating, findings
  const CASES: Array<[string, TargetName, string, SuiteRating, string[]]> = [
    ['TLS_AES_128_GCM_SHA256', 'openssl-3.0', 'TLS_AES_128_GCM_SHA256', 'recommended', []],
    ['ECDHE-RSA-AES128-GCM-SHA256', 'openssl-3.0', '', 'recommended', []],
    // forward secret and AEAD, but RFC 9325 advises against FFDHE in TLS 1.2
    ['DHE-RSA-AES128-GCM-SHA256', 'openssl-3.0', '', 'secure', ['finite-field-dhe']],
    ['ECDHE-ECDSA-AES128-CCM8', 'openssl-3.5', '', 'secure', ['ccm8-short-tag']],
    ['ECDHE-PSK-CHACHA20-POLY1305', 'openssl-3.0', '', 'secure', ['pre-shared-key']],
    ['ECDHE-ARIA256-GCM-SHA384', 'openssl-3.0', '', 'secure', ['uncommon-cipher']],
    ['AES128-SHA', 'openssl-3.0', '', 'weak', ['no-forward-secrecy', 'cbc-mode', 'sha1-mac']],
    ['AES256-GCM-SHA384', 'openssl-3.0', '', 'weak', ['no-forward-secrecy']],
    ['ECDHE-RSA-AES256-SHA384', 'openssl-3.0', '', 'weak', ['cbc-mode']],
    ['DES-CBC3-SHA', 'openssl-1.0.2', '', 'weak', ['3des', 'no-forward-secrecy', 'cbc-mode', 'sha1-mac']],
    ['NULL-SHA', 'openssl-3.0', '', 'insecure', ['null-encryption', 'no-forward-secrecy', 'sha1-mac']],
    ['RC4-MD5', 'openssl-1.0.2', '', 'insecure', ['rc4', 'md5-mac', 'no-forward-secrecy']],
    ['ADH-AES256-GCM-SHA384', 'openssl-3.0', '', 'insecure', ['anonymous-key-exchange']],
    ['TLS_SHA384_SHA384', 'openssl-3.5', 'TLS_SHA384_SHA384', 'insecure', ['null-encryption']],
  ];
  it.each(CASES)('%s on %s', (name, target, ciphersuites, rating, findings) => {
    expect(assessSuite(suite(name, target, ciphersuites))).toEqual({ rating, findings });
  });
});

describe('assessList', () => {
  it.each(targets)('rates every suite of ALL:COMPLEMENTOFALL on %s', (target) => {
    const ciphers = suites('ALL:COMPLEMENTOFALL', target, 'TLS_AES_128_GCM_SHA256:TLS_AES_128_CCM_8_SHA256');
    const report = assessList(ciphers);
    expect(report.suites.map((s) => s.name)).toEqual(ciphers.map((c) => c.name));
    for (const s of report.suites) expect(RATINGS).toContain(s.rating);
    const { counts, rating, first } = report.summary;
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(ciphers.length);
    for (const r of RATINGS) expect(counts[r]).toBe(report.suites.filter((s) => s.rating === r).length);
    expect(rating).toBe(RATINGS[Math.max(...report.suites.map((s) => RANK[s.rating]))]);
    expect(first).toBe(report.suites[0]!.rating);
  });

  it.each(targets)('finds one diagnostic per matching rule on %s, with its suites and first source', (target) => {
    const report = assessList(suites('ALL:COMPLEMENTOFALL', target));
    const codes = securityRules
      .map((r) => r.code)
      .filter((code) => report.suites.some((s) => s.findings.includes(code)));
    expect(report.diagnostics.map((d) => d.code)).toEqual(codes);
    for (const d of report.diagnostics) {
      const rule = securityRules.find((r) => r.code === d.code)!;
      const names = report.suites.filter((s) => s.findings.includes(d.code)).map((s) => s.name);
      expect(d).toMatchObject({ severity: rule.severity, span: null });
      expect(d.args).toEqual({
        suites: names.join(','),
        count: names.length,
        source: rule.sources[0]!.title,
        rating: rule.rating,
      });
      expect(d.message).toMatch(new RegExp(`^${names.length} suites? `));
    }
  });

  it('rates only the suites a string gives, and says how many and which', () => {
    const report = assessList(suites('RC4-SHA:RC4-MD5:ECDHE-RSA-AES128-GCM-SHA256', 'openssl-1.0.2'));
    expect(report.summary).toEqual({
      rating: 'insecure',
      first: 'insecure',
      counts: { recommended: 1, secure: 0, weak: 0, insecure: 2 },
    });
    const rc4 = report.diagnostics.find((d) => d.code === 'rc4')!;
    expect(rc4.message).toBe('2 suites use RC4, which RFC 7465 prohibits: RC4-SHA, RC4-MD5');
    expect(rc4.args).toMatchObject({ suites: 'RC4-SHA,RC4-MD5', count: 2, source: 'RFC 7465' });
    expect(report.diagnostics.find((d) => d.code === 'md5-mac')!.message).toBe(
      '1 suite uses HMAC-MD5 for integrity: RC4-MD5',
    );
  });

  it('shortens a long list in the message but keeps it whole in args', () => {
    const report = assessList(suites('ALL:COMPLEMENTOFALL', 'openssl-3.0'));
    const cbc = report.diagnostics.find((d) => d.code === 'cbc-mode')!;
    expect(cbc.message).toMatch(/^\d+ suites use CBC mode with MAC-then-encrypt: ([^,]+, ){4}[^,]+ and \d+ more$/);
    expect(String(cbc.args.suites).split(',')).toHaveLength(Number(cbc.args.count));
  });

  it('a modern list is recommended throughout and has no diagnostics', () => {
    const ciphers = suites('ECDHE+AESGCM:ECDHE+CHACHA20:!PSK', 'openssl-3.0', 'TLS_AES_256_GCM_SHA384');
    expect(assessList(ciphers)).toMatchObject({
      summary: {
        rating: 'recommended',
        first: 'recommended',
        counts: { recommended: 7, secure: 0, weak: 0, insecure: 0 },
      },
      diagnostics: [],
    });
  });

  it('rates the first equal-preference group of BoringSSL as a whole', () => {
    const ciphers = suites('[ECDHE-ECDSA-AES128-GCM-SHA256|AES128-SHA]:ECDHE-RSA-AES128-GCM-SHA256', 'boringssl');
    expect(assessList(ciphers).summary).toMatchObject({ rating: 'weak', first: 'weak' });
  });

  it('an empty list has no rating', () => {
    expect(assessList([])).toEqual({
      suites: [],
      summary: { rating: null, first: null, counts: { recommended: 0, secure: 0, weak: 0, insecure: 0 } },
      diagnostics: [],
    });
  });
});

describe('the rules', () => {
  it.each(securityRules.map((r) => [r.code, r] as const))('%s cites a source and has a docs page', (code, rule) => {
    expect(rule.sources.length).toBeGreaterThan(0);
    for (const s of rule.sources) {
      expect(s.title).not.toBe('');
      expect(s.says).not.toBe('');
      expect(s.section ?? s.url).toBeTruthy();
      if (s.verified !== undefined) expect(s.verified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // Every rule keeps at least one source checked against its primary document.
    expect(rule.sources.some((s) => s.verified !== undefined)).toBe(true);
    expect(rule.severity).not.toBe('error');
    expect(existsSync(new URL(`../docs/diagnostics/${code}.md`, import.meta.url))).toBe(true);
  });

  it('codes are unique', () => {
    const codes = securityRules.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  // A suite that matches no rule is rated recommended; this holds only if every spelling of every
  // recorded table is covered. Checked on every suite a target offers: recommended means AEAD with
  // a full tag and an ephemeral ECDHE/TLS 1.3 key exchange with certificate authentication.
  it.each(targets)('every suite rated recommended on %s is AEAD with ECDHE or TLS 1.3', (target) => {
    const all = suites(
      'ALL:COMPLEMENTOFALL',
      target,
      'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_CCM_SHA256:TLS_AES_128_CCM_8_SHA256',
    );
    for (const c of all.filter((c) => assessSuite(c).rating === 'recommended')) {
      expect(c.mac, c.name).toBe('AEAD');
      // LibreSSL prints a TLS 1.3 suite's Kx= and Au= as `TLSv1.3`.
      expect(['ECDH', 'any', 'GENERIC', 'TLSv1.3'], c.name).toContain(c.kx);
      expect(['RSA', 'ECDSA', 'any', 'GENERIC', 'TLSv1.3'], c.name).toContain(c.au);
      if (c.kx === 'TLSv1.3' || c.au === 'TLSv1.3') expect(c.protocol, c.name).toBe('TLSv1.3');
      expect(c.enc, c.name).toMatch(/^(AESGCM|AESCCM|CHACHA20|ChaCha20)/);
      expect(c.enc, c.name).not.toMatch(/^AESCCM8/);
    }
  });
});
