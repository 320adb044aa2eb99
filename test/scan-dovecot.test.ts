import { describe, expect, it } from 'vitest';
import { offered, placeOf, scanFixtures, settingAt } from './helpers/scan-fixtures.js';

// Dovecot 2.3, facts from the Debian source package dovecot 1:2.3.19.1+dfsg1-2.1+deb12u6:
// - src/lib-master/master-service-ssl-settings.c: ssl_cipher_list default
//   ALL:!kRSA:!SRP:!kDHd:!DSS:!aNULL:!eNULL:!EXPORT:!DES:!3DES:!MD5:!PSK:!RC4:!ADH:!LOW@STRENGTH,
//   ssl_cipher_suites "" (no call), ssl_min_protocol TLSv1.2, ssl_prefer_server_ciphers no.
// - src/lib-ssl-iostream/iostream-openssl-context.c ssl_iostream_context_set: set_cipher_list always,
//   set_ciphersuites when not empty, min version set, no maximum.
// - src/config/config-parser.c: `!include` relative to the including file, `<file` and `$var` values,
//   filter sections protocol / local / local_name / remote.
// The stock files are doc/example-config/ as Debian installs them (debian/dovecot-core.install).
// Evaluated lists: OPENSSL_CONF=/dev/null openssl ciphers -s (OpenSSL 3.0.19) on the expected string.

describe('scan: Dovecot, Debian 12 stock files with a local.conf', () => {
  const report = scanFixtures('dovecot/debian');
  const defaultList = 'ALL:!kRSA:!SRP:!kDHd:!DSS:!aNULL:!eNULL:!EXPORT:!DES:!3DES:!MD5:!PSK:!RC4:!ADH:!LOW@STRENGTH';
  const suites = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256';

  it('reads dovecot.conf, conf.d/*.conf and local.conf through !include', () => {
    expect(report.files.map((f) => f.file.replace('test/fixtures/scan/dovecot/debian/', ''))).toEqual([
      'dovecot.conf',
      'conf.d/10-master.conf',
      'conf.d/10-ssl.conf',
      'conf.d/20-imap.conf',
      'local.conf',
    ]);
  });

  it('global: the default list, the TLS 1.3 list set, TLSv1.2 and up, server preference', () => {
    const s = settingAt(report, 'global');
    expect(placeOf(s)).toBe('dovecot/debian/local.conf:2:1');
    expect(s.string).toBe(defaultList);
    expect(s.stringFrom.place).toBeNull();
    expect(s.ciphersuites).toBe(suites);
    expect(s.ciphersuitesFrom?.place).toMatchObject({ line: 4, column: 21 });
    expect(s.protocols).toEqual(['TLSv1.2', 'TLSv1.3']);
    expect(s.serverPreference).toBe(true);
  });

  it('protocol imap { } is a context of its own, inheriting the rest', () => {
    const s = settingAt(report, 'protocol imap');
    expect(placeOf(s)).toBe('dovecot/debian/local.conf:8:3');
    expect(s.directive).toBe('ssl_cipher_list');
    expect(s.string).toBe('ECDHE+AESGCM:!aNULL');
    expect(s.stringFrom.place).toMatchObject({ line: 8, column: 21 });
    expect(s.ciphersuites).toBe(suites);
    expect(s.protocols).toEqual(['TLSv1.2', 'TLSv1.3']);
    // openssl ciphers -s -ciphersuites TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256 'ECDHE+AESGCM:!aNULL'
    expect(offered(s)).toEqual([
      'TLS_AES_256_GCM_SHA384',
      'TLS_CHACHA20_POLY1305_SHA256',
      'ECDHE-ECDSA-AES256-GCM-SHA384',
      'ECDHE-RSA-AES256-GCM-SHA384',
      'ECDHE-ECDSA-AES128-GCM-SHA256',
      'ECDHE-RSA-AES128-GCM-SHA256',
    ]);
  });

  it('nested filters: local > protocol, quoted value, ssl_min_protocol TLSv1', () => {
    const s = settingAt(report, 'local 192.0.2.10 > protocol pop3');
    expect(placeOf(s)).toBe('dovecot/debian/local.conf:15:5');
    expect(s.string).toBe('HIGH:!aNULL:!MD5');
    expect(s.stringFrom.place).toMatchObject({ line: 15, column: 24 });
    expect(s.protocols).toEqual(['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']);
  });

  it('a value read from a file (<path) is unresolved, in place', () => {
    expect(report.settings.some((s) => s.context.startsWith('local_name'))).toBe(false);
    expect(report.problems.map((p) => [placeOf(p), p.code]).sort()).toEqual([
      ['dovecot/debian/local.conf:21:21', 'unresolved-value'],
    ]);
    expect(report.settings).toHaveLength(3);
  });

  it('10-ssl.conf on its own: the defaults', () => {
    const alone = scanFixtures('dovecot/debian/conf.d/10-ssl.conf');
    const s = settingAt(alone, 'global');
    expect(placeOf(s)).toBe('dovecot/debian/conf.d/10-ssl.conf:6:1');
    expect(s.string).toBe(defaultList);
    expect(s.ciphersuites).toBeNull();
    expect(s.protocols).toEqual(['TLSv1.2', 'TLSv1.3']);
    expect(s.serverPreference).toBe(false);
  });
});

describe('scan: Dovecot, a broken file', () => {
  const report = scanFixtures('dovecot/broken');

  it('reports each problem and goes on', () => {
    expect(report.settings).toEqual([]);
    expect(report.problems.map((p) => [placeOf(p), p.code]).sort()).toEqual([
      ['dovecot/broken/dovecot.conf:2:20', 'unknown-protocol'],
      ['dovecot/broken/dovecot.conf:3:1', 'config-syntax'],
      ['dovecot/broken/dovecot.conf:5:21', 'unresolved-value'],
      ['dovecot/broken/dovecot.conf:6:1', 'config-syntax'],
    ]);
  });
});
