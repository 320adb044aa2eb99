import { describe, expect, it } from 'vitest';
import { offered, placeOf, scanFixtures, settingAt } from './helpers/scan-fixtures.js';

// Apache httpd 2.4 mod_ssl, facts from the Debian source package apache2 2.4.68-1~deb12u1:
// - ssl_engine_config.c ssl_cmd_SSLCipherSuite: `SSLCipherSuite [SSL] s` stores s + ":!aNULL:!eNULL:!EXP";
//   `SSLCipherSuite TLSv1.3 s` stores s for SSL_CTX_set_ciphersuites; any other first word is an error.
// - ssl_engine_init.c ssl_init_ctx_cipher_suite: unset -> SSL_DEFAULT_CIPHER_LIST + ":!aNULL:!eNULL:!EXP".
// - ssl_cmd_protocol_parse: words from the empty set, a word without +/- replaces the set;
//   ssl_init_ctx_protocol: max = highest enabled, min = lowest below it without a hole.
// - ssl_init_server_ctx: SSLOpenSSLConfCmd applied after everything (SSL_CONF_cmd), the main
//   server's commands first (cfgMergeArray); SSLHonorCipherOrder default off.
// Evaluated lists: OPENSSL_CONF=/dev/null openssl ciphers -s (OpenSSL 3.0.19) on the expected string.

describe('scan: Apache, Debian 12 stock configuration', () => {
  const report = scanFixtures('apache/debian');

  it('reads apache2.conf and what it includes relative to ServerRoot', () => {
    expect(report.files.map((f) => [f.file.replace('test/fixtures/scan/apache/debian/', ''), f.product])).toEqual([
      ['apache2.conf', 'apache'],
      ['mods-enabled/ssl.load', 'apache'],
      ['mods-enabled/ssl.conf', 'apache'],
      ['ports.conf', 'apache'],
      ['conf-enabled/security.conf', 'apache'],
      ['sites-enabled/000-default.conf', 'apache'],
      ['sites-enabled/default-ssl.conf', 'apache'],
    ]);
    expect(report.problems).toEqual([]);
  });

  it('default-ssl.conf inherits ssl.conf: HIGH:!aNULL with mod_ssl suffix, all -SSLv3', () => {
    expect(report.settings).toHaveLength(1);
    const s = settingAt(report, 'VirtualHost *:443');
    expect(placeOf(s)).toBe('apache/debian/sites-enabled/default-ssl.conf:24:2');
    expect(s.directive).toBe('SSLEngine');
    expect(s.string).toBe('HIGH:!aNULL:!aNULL:!eNULL:!EXP');
    expect(s.stringFrom.place).toMatchObject({
      file: 'test/fixtures/scan/apache/debian/mods-enabled/ssl.conf',
      line: 57,
      column: 16,
    });
    expect(s.ciphersuites).toBeNull();
    expect(s.protocols).toEqual(['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']);
    expect(s.serverPreference).toBe(false);
    expect(offered(s)).toHaveLength(74);
  });

  it('ssl.conf read on its own: evaluated where it stands', () => {
    const alone = scanFixtures('apache/debian/mods-enabled/ssl.conf');
    const s = settingAt(alone, 'server config (no TLS virtual host read uses it)');
    expect(placeOf(s)).toBe('apache/debian/mods-enabled/ssl.conf:57:1');
    expect(s.string).toBe('HIGH:!aNULL:!aNULL:!eNULL:!EXP');
  });
});

describe('scan: Apache, virtual hosts (upstream layout: ServerRoot above conf/)', () => {
  const report = scanFixtures('apache/rhel');
  const suffix = ':!aNULL:!eNULL:!EXP';
  const mozilla =
    'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305';

  it('follows Include conf.d/*.conf from ServerRoot', () => {
    expect(report.files.map((f) => f.file)).toContain('test/fixtures/scan/apache/rhel/conf.d/ssl.conf');
  });

  it('a host inherits the server config', () => {
    const s = settingAt(report, 'VirtualHost _default_:443 www.example.org');
    expect(placeOf(s)).toBe('apache/rhel/conf.d/ssl.conf:16:5');
    expect(s.string).toBe(mozilla + suffix);
    expect(s.protocols).toEqual(['TLSv1.2', 'TLSv1.3']);
    expect(s.serverPreference).toBe(false);
  });

  it('SSLProtocol TLSv1 +TLSv1.2 leaves TLSv1.2 (no holes); own suite and SSLHonorCipherOrder', () => {
    const s = settingAt(report, 'VirtualHost *:443 legacy.example.org');
    expect(placeOf(s)).toBe('apache/rhel/conf.d/ssl.conf:26:5');
    expect(s.directive).toBe('SSLCipherSuite');
    expect(s.string).toBe('RSA:!EXP:!NULL:+HIGH:+MEDIUM:-LOW' + suffix);
    expect(s.protocols).toEqual(['TLSv1.2']);
    expect(s.serverPreference).toBe(true);
    // openssl ciphers -s -tls1_2 'RSA:!EXP:!NULL:+HIGH:+MEDIUM:-LOW:!aNULL:!eNULL:!EXP'
    expect(offered(s)).toEqual(
      'AES256-GCM-SHA384:AES256-CCM8:AES256-CCM:ARIA256-GCM-SHA384:AES128-GCM-SHA256:AES128-CCM8:AES128-CCM:ARIA128-GCM-SHA256:AES256-SHA256:CAMELLIA256-SHA256:AES128-SHA256:CAMELLIA128-SHA256:AES256-SHA:CAMELLIA256-SHA:AES128-SHA:CAMELLIA128-SHA'.split(
        ':',
      ),
    );
  });

  it('SSLCipherSuite TLSv1.3 sets the TLS 1.3 list; SSLOpenSSLConfCmd applies last', () => {
    const s = settingAt(report, 'VirtualHost *:443 modern.example.org');
    expect(s.string).toBe(mozilla + suffix);
    expect(s.ciphersuites).toBe('TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256');
    expect(s.ciphersuitesFrom?.place).toMatchObject({ line: 34, column: 28 });
    expect(s.protocols).toEqual(['TLSv1.3']);
    expect(s.serverPreference).toBe(true);
    // openssl ciphers -s -tls1_3 -ciphersuites TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256 '<string>'
    expect(offered(s)).toEqual(['TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256']);
  });

  it('SSLOpenSSLConfCmd CipherString replaces the list without a suffix; the proxy side', () => {
    const s = settingAt(report, 'VirtualHost *:443 api.example.org');
    expect(s.string).toBe('ECDHE+AESGCM');
    expect(s.stringFrom).toMatchObject({ from: 'SSLOpenSSLConfCmd CipherString', place: { line: 44, column: 36 } });
    expect(s.protocols).toEqual(['TLSv1.2']);
    // openssl ciphers -s -tls1_2 'ECDHE+AESGCM'
    expect(offered(s)).toEqual([
      'ECDHE-ECDSA-AES256-GCM-SHA384',
      'ECDHE-RSA-AES256-GCM-SHA384',
      'ECDHE-ECDSA-AES128-GCM-SHA256',
      'ECDHE-RSA-AES128-GCM-SHA256',
    ]);
    const c = settingAt(report, 'VirtualHost *:443 api.example.org', 'client');
    expect(placeOf(c)).toBe('apache/rhel/conf.d/ssl.conf:49:5');
    expect(c.string).toBe('HIGH:!aNULL:!MD5' + suffix);
    expect(c.protocols).toEqual(['TLSv1.2']);
    expect(c.serverPreference).toBeNull();
  });

  it('a ${VARIABLE}, a bad first word and an unknown protocol are problems in place', () => {
    expect(report.settings.some((s) => s.context.includes('templated'))).toBe(false);
    expect(report.settings.some((s) => s.context.includes('plain'))).toBe(false);
    expect(report.problems.map((p) => [placeOf(p), p.code]).sort()).toEqual([
      ['apache/rhel/conf.d/ssl.conf:56:20', 'unresolved-value'],
      ['apache/rhel/conf.d/ssl.conf:62:5', 'config-syntax'],
      ['apache/rhel/conf.d/ssl.conf:63:26', 'unknown-protocol'],
    ]);
    // The broken host still gets the server's string (its own SSLCipherSuite is refused).
    expect(settingAt(report, 'VirtualHost *:443 broken.example.org').protocols).toEqual(['TLSv1.2']);
  });
});
