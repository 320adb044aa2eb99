import { describe, expect, it } from 'vitest';
import { scan } from '../src/scan/scan.js';
import { fixtureFiles, placeOf } from './helpers/scan-fixtures.js';
import { memoryHost } from './helpers/memory-host.js';

// OpenSSL 3.0 config(5) and SSL_CONF_cmd(3): openssl_conf -> ssl_conf -> system_default names the
// section SSL_CTX_new applies (ssl/ssl_mcnf.c "system_default"); its commands CipherString,
// Ciphersuites, MinProtocol, MaxProtocol, Options (ServerPreference: ssl/ssl_conf.c line 380).
describe('scan: openssl-cnf', () => {
  it('follows the chain to the system_default section and reports it once', () => {
    const r = scan(['/etc/ssl'], memoryHost(fixtureFiles('openssl-cnf', '/etc/ssl')));
    expect(r.problems).toEqual([]);
    expect(r.settings).toHaveLength(1);
    const s = r.settings[0]!;
    expect(s).toMatchObject({
      product: 'openssl-cnf',
      directive: 'CipherString',
      context: "[system_default_sect] (system_default: every program's SSL_CTX_new)",
      string: 'DEFAULT:@SECLEVEL=2',
      ciphersuites: 'TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256',
      protocols: ['TLSv1.2', 'TLSv1.3'],
      serverPreference: true,
    });
    expect(placeOf(s)).toBe('/etc/ssl/openssl.cnf:32:1');
    expect(s.stringFrom.place).toMatchObject({ line: 32, column: 16 });
  });

  it("reports nothing without the chain (Debian 12's stock file), and the library's string without CipherString", () => {
    const stock = 'HOME = .\nopenssl_conf = openssl_init\n[openssl_init]\n# providers = provider_sect\n';
    expect(scan(['/etc/ssl/openssl.cnf'], memoryHost({ '/etc/ssl/openssl.cnf': stock })).settings).toEqual([]);
    const text =
      'openssl_conf = init\n[init]\nssl_conf = ssl\n[ssl]\nsystem_default = sys\n[sys]\nMaxProtocol = TLSv1.2\n';
    const s = scan(['/etc/ssl/openssl.cnf'], memoryHost({ '/etc/ssl/openssl.cnf': text })).settings[0]!;
    expect(s).toMatchObject({ directive: '[sys]', string: 'DEFAULT', ciphersuites: null, serverPreference: false });
    expect(s.protocols).not.toContain('TLSv1.3');
    expect(placeOf(s)).toBe('/etc/ssl/openssl.cnf:6:1');
  });

  it('reads .include and $references, and reports ENV references and missing sections', () => {
    const files = {
      '/etc/ssl/openssl.cnf':
        'openssl_conf = init\n.include /etc/ssl/tls.cnf\n[init]\nssl_conf = ssl\n[ssl]\nsystem_default = sys\n',
      '/etc/ssl/tls.cnf': 'strong = ECDHE+AESGCM\n[sys]\nCipherString = $strong:!aNULL\n',
    };
    const s = scan(['/etc/ssl/openssl.cnf'], memoryHost(files)).settings[0]!;
    expect(s).toMatchObject({ string: 'ECDHE+AESGCM:!aNULL', file: '/etc/ssl/tls.cnf' });
    const env = scan(
      ['/etc/ssl/openssl.cnf'],
      memoryHost({ ...files, '/etc/ssl/tls.cnf': '[sys]\nCipherString = ${ENV::CIPHERS}\n' }),
    );
    expect(env.problems.map((p) => [p.code, p.file, p.line, p.column])).toEqual([
      ['unresolved-value', '/etc/ssl/tls.cnf', 2, 16],
    ]);
    expect(env.settings).toEqual([]);
    const missing = scan(['/etc/ssl/openssl.cnf'], memoryHost({ '/etc/ssl/openssl.cnf': 'openssl_conf = nowhere\n' }));
    expect(missing.problems.map((p) => [p.code, p.line])).toEqual([['config-syntax', 1]]);
  });
});
