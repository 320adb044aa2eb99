import { describe, expect, it } from 'vitest';
import { offered, placeOf, scanFixtures, settingAt } from './helpers/scan-fixtures.js';

// lighttpd 1.4.69 mod_openssl, facts from the Debian source package lighttpd 1.4.69-1:
// - src/mod_openssl.c LIGHTTPD_DEFAULT_CIPHER_LIST "EECDH+AESGCM:AES256+EECDH:CHACHA20:!SHA1:!SHA256:!SHA384",
//   always given to SSL_CTX_set_cipher_list; a non-blank ssl.cipher-list replaces it and turns on
//   SSL_OP_CIPHER_SERVER_PREFERENCE; SSL_CTX_set_min_proto_version(TLS1_2_VERSION) always.
// - network_openssl_ssl_conf_cmd: ssl.openssl.ssl-conf-cmd entries in order through SSL_CONF_cmd,
//   CipherString with ":!aNULL:!eNULL:!EXP" appended; global ssl.* are the defaults of
//   $SERVER["socket"] blocks (mod_openssl_set_defaults_sockets).
// - src/configfile.c config_parse_file: a relative include is read from the main file's folder;
//   src/configparser.y: a name without a dot is a var. variable.
// Evaluated lists: OPENSSL_CONF=/dev/null openssl ciphers -s (OpenSSL 3.0.19) on the expected string.

describe('scan: lighttpd, Debian 12 stock lighttpd.conf and conf-enabled/10-ssl.conf', () => {
  const report = scanFixtures('lighttpd/debian');

  it('the socket 10-ssl.conf enables gets the built-in list and TLSv1.2 and up', () => {
    expect(report.settings).toHaveLength(1);
    const s = settingAt(report, '$SERVER["socket"] == "0.0.0.0:443"');
    expect(placeOf(s)).toBe('lighttpd/debian/conf-enabled/10-ssl.conf:11:2');
    expect(s.directive).toBe('ssl.engine');
    expect(s.string).toBe('EECDH+AESGCM:AES256+EECDH:CHACHA20:!SHA1:!SHA256:!SHA384');
    expect(s.stringFrom.place).toBeNull();
    expect(s.ciphersuites).toBeNull();
    expect(s.protocols).toEqual(['TLSv1.2', 'TLSv1.3']);
    expect(s.serverPreference).toBe(false);
    // openssl ciphers -s 'EECDH+AESGCM:AES256+EECDH:CHACHA20:!SHA1:!SHA256:!SHA384'
    expect(offered(s)).toEqual(
      'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-CCM8:ECDHE-ECDSA-AES256-CCM:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-CHACHA20-POLY1305'.split(
        ':',
      ),
    );
  });

  it('include_shell is a value cipherx cannot know, at its place', () => {
    expect(report.problems.map((p) => [placeOf(p), p.code]).sort()).toEqual([
      ['lighttpd/debian/conf-enabled/10-ssl.conf:13:1', 'unresolved-value'],
      ['lighttpd/debian/lighttpd.conf:46:1', 'unresolved-value'],
      ['lighttpd/debian/lighttpd.conf:47:1', 'unresolved-value'],
    ]);
  });
});

describe('scan: lighttpd, ssl-conf-cmd, inheritance and variables', () => {
  const report = scanFixtures('lighttpd/custom');

  it('follows include conf_dir + "/ssl.conf" and the glob, from the main folder', () => {
    expect(report.files.map((f) => f.file.replace('test/fixtures/scan/lighttpd/custom/', ''))).toEqual([
      'lighttpd.conf',
      'conf.d/ssl.conf',
      'conf.d/shop.vhost',
    ]);
  });

  it('a socket with its own ssl-conf-cmd: CipherString with the suffix, Ciphersuites, MinProtocol', () => {
    const s = settingAt(report, '$SERVER["socket"] == "*:443"');
    expect(placeOf(s)).toBe('lighttpd/custom/conf.d/ssl.conf:8:3');
    expect(s.string).toBe('EECDH+AESGCM:EDH+AESGCM:!aNULL:!eNULL:!EXP');
    expect(s.stringFrom.place).toMatchObject({ line: 10, column: 24 });
    expect(s.ciphersuites).toBe('TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256');
    expect(s.protocols).toEqual(['TLSv1.2', 'TLSv1.3']);
    expect(s.serverPreference).toBe(false);
    // openssl ciphers -s -ciphersuites TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256 'EECDH+AESGCM:EDH+AESGCM:!aNULL:!eNULL:!EXP'
    expect(offered(s)).toEqual(
      'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:DHE-DSS-AES256-GCM-SHA384:DHE-RSA-AES256-GCM-SHA384:DHE-DSS-AES128-GCM-SHA256:DHE-RSA-AES128-GCM-SHA256'.split(
        ':',
      ),
    );
  });

  it('ssl.cipher-list turns server preference on; the global ssl-conf-cmd then turns it off and sets TLSv1.3', () => {
    const s = settingAt(report, '$SERVER["socket"] == "[::]:443"');
    expect(placeOf(s)).toBe('lighttpd/custom/conf.d/ssl.conf:17:3');
    expect(s.string).toBe('HIGH:!aNULL:!MD5');
    expect(s.protocols).toEqual(['TLSv1.3']);
    expect(s.serverPreference).toBe(false);
    // openssl ciphers -s -tls1_3 'HIGH:!aNULL:!MD5'
    expect(offered(s)).toEqual(['TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'TLS_AES_128_GCM_SHA256']);
  });

  it('a socket with only ssl.engine inherits the global settings', () => {
    const s = settingAt(report, '$SERVER["socket"] == "*:8443"');
    expect(placeOf(s)).toBe('lighttpd/custom/conf.d/ssl.conf:22:3');
    expect(s.string).toBe('EECDH+AESGCM:AES256+EECDH:CHACHA20:!SHA1:!SHA256:!SHA384');
    expect(s.protocols).toEqual(['TLSv1.3']);
  });

  it('a value joined from a variable is composed; env.* and misplaced options are problems', () => {
    const s = settingAt(report, '$SERVER["socket"] == "*:9443"');
    expect(s.string).toBe('ECDHE+CHACHA20:ECDHE+AESGCM');
    expect(s.stringFrom.place).toBeNull();
    expect(report.settings).toHaveLength(4);
    expect(report.problems.map((p) => [placeOf(p), p.code]).sort()).toEqual([
      ['lighttpd/custom/conf.d/shop.vhost:10:21', 'unresolved-value'],
      ['lighttpd/custom/conf.d/shop.vhost:14:3', 'config-syntax'],
      ['lighttpd/custom/lighttpd.conf:14:1', 'unresolved-value'],
    ]);
  });
});
