import { describe, expect, it } from 'vitest';
import { offered, placeOf, scanFixtures, settingAt } from './helpers/scan-fixtures.js';

// Exim 4.96 built with OpenSSL, facts from src/tls-openssl.c (Debian source package exim4 4.96-15+deb12u10):
// - tls_require_ciphers: expanded, every `_` turned into `-` (normalise_ciphers), then
//   SSL_CTX_set_cipher_list; no call when unset; SSL_CTX_set_ciphersuites never called.
// - tls_openssl_options_parse: default SSL_OP_NO_SSLv2|NO_SSLv3|..., then +name / -name items of
//   openssl_options (+no_tlsv1, +cipher_server_preference ...); no min/max version call.
// - src/globals.c tls_advertise_hosts = "*"; src/macro_predef.c _HAVE_TLS, _HAVE_OPENSSL.
// - doc/spec.txt: `.include` relative to the including file; macros NAME = value; `.ifdef`.
// The upstream fixture is src/configure.default of Exim 4.96 as it is.
// Evaluated lists: OPENSSL_CONF=/dev/null openssl ciphers -s (OpenSSL 3.0.19) on the expected string.

describe('scan: Exim, the upstream default configuration', () => {
  const report = scanFixtures('exim/upstream');

  it('main: tls_require_ciphers under .ifdef _HAVE_OPENSSL', () => {
    const s = settingAt(report, 'main');
    expect(placeOf(s)).toBe('exim/upstream/configure:173:1');
    expect(s.string).toBe('ECDSA:RSA:!COMPLEMENTOFDEFAULT');
    expect(s.stringFrom.place).toMatchObject({ line: 173, column: 23 });
    expect(s.ciphersuites).toBeNull();
    expect(s.protocols).toEqual(['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']);
    expect(s.serverPreference).toBe(false);
  });

  it('each smtp transport is a client; without tls_require_ciphers the library default stands', () => {
    const remote = settingAt(report, 'transport remote_smtp', 'client');
    expect(placeOf(remote)).toBe('exim/upstream/configure:823:1');
    expect(remote.string).toBe('DEFAULT');
    expect(remote.stringFrom.place).toBeNull();
    expect(remote.serverPreference).toBeNull();
    const smarthost = settingAt(report, 'transport smarthost_smtp', 'client');
    expect(placeOf(smarthost)).toBe('exim/upstream/configure:859:3');
    expect(smarthost.string).toBe('HIGH:!aNULL:@STRENGTH');
    expect(report.settings).toHaveLength(3);
    expect(report.problems).toEqual([]);
  });
});

describe('scan: Exim, macros, .include, openssl_options and expansions', () => {
  const report = scanFixtures('exim/custom');

  it('the server string: the macro substituted, `_` turned into `-`', () => {
    const s = settingAt(report, 'main');
    expect(placeOf(s)).toBe('exim/custom/exim.conf:9:1');
    expect(s.string).toBe('ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384');
    expect(s.ciphersuites).toBeNull();
    expect(s.protocols).toEqual(['TLSv1.2', 'TLSv1.3']);
    expect(s.serverPreference).toBe(true);
    // openssl ciphers -s 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384'
    expect(offered(s)).toEqual([
      'TLS_AES_256_GCM_SHA384',
      'TLS_CHACHA20_POLY1305_SHA256',
      'TLS_AES_128_GCM_SHA256',
      'ECDHE-RSA-AES256-GCM-SHA384',
      'ECDHE-ECDSA-AES256-GCM-SHA384',
    ]);
  });

  it('a transport with a quoted string; openssl_options applies to clients too', () => {
    const c = settingAt(report, 'transport submission_smtp', 'client');
    expect(placeOf(c)).toBe('exim/custom/exim.conf:28:3');
    expect(c.string).toBe('HIGH:!aNULL:!MD5');
    expect(c.stringFrom.place).toMatchObject({ line: 28, column: 26 });
    expect(c.protocols).toEqual(['TLSv1.2', 'TLSv1.3']);
  });

  it('an expansion is unresolved in place; hosts_avoid_tls = * and other drivers make no client', () => {
    expect(report.settings.map((s) => s.context)).toEqual(['main', 'transport submission_smtp']);
    expect(report.problems.map((p) => [placeOf(p), p.code])).toEqual([
      ['exim/custom/exim.conf:23:25', 'unresolved-value'],
    ]);
  });
});
