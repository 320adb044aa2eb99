import { describe, expect, it } from 'vitest';
import { scan } from '../src/scan/scan.js';
import { fixtureFiles, placeOf } from './helpers/scan-fixtures.js';
import { memoryHost } from './helpers/memory-host.js';

// stunnel 5.68 (Debian 12 source, stunnel4-5.68/): src/options.c stunnel_cipher_list and
// stunnel_ciphersuites are the defaults copied into every service; src/ctx.c always calls
// SSL_CTX_set_cipher_list / SSL_CTX_set_ciphersuites, sets the security level (securityLevel, else
// 2), min/max only with sslVersion*, and applies `config` (SSL_CONF_cmd) last. stunnel.conf(8).
const DEFAULT_CIPHERS = 'HIGH:!aNULL:!SSLv2:!DH:!kDHEPSK';
const DEFAULT_SUITES = 'TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256:TLS_CHACHA20_POLY1305_SHA256';

describe('scan: stunnel', () => {
  const report = scan(['/etc/stunnel'], memoryHost(fixtureFiles('stunnel', '/etc/stunnel')));
  const [pop3s, imaps, gmail] = report.settings;

  it('reports one context per service, global options inherited', () => {
    expect(report.problems).toEqual([]);
    expect(report.settings.map((s) => s.context)).toEqual(['[pop3s]', '[imaps]', '[gmail-smtp]']);
    expect(pop3s).toMatchObject({
      product: 'stunnel',
      role: 'server',
      string: DEFAULT_CIPHERS,
      ciphersuites: DEFAULT_SUITES,
      serverPreference: true,
    });
    expect(pop3s!.stringFrom.place).toBeNull();
    expect(placeOf(pop3s!)).toBe('/etc/stunnel/stunnel.conf:24:1');
    // sslVersionMin = TLSv1.2 in the global part.
    expect(pop3s!.protocols).toEqual(['TLSv1.2', 'TLSv1.3']);
  });

  it("takes a service's own ciphers, ciphersuites and securityLevel", () => {
    expect(imaps).toMatchObject({
      directive: 'ciphers',
      string: 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256',
      ciphersuites: 'TLS_AES_256_GCM_SHA384',
    });
    expect(placeOf(imaps!)).toBe('/etc/stunnel/stunnel.conf:33:1');
    expect(imaps!.stringFrom.place).toMatchObject({ line: 33, column: 11 });
    expect(imaps!.result.supported?.seclevel).toBe(3);
  });

  it('reads client = yes as a client, sslVersion as both ends, config commands last', () => {
    expect(gmail).toMatchObject({
      role: 'client',
      serverPreference: null,
      string: DEFAULT_CIPHERS,
      ciphersuites: 'TLS_CHACHA20_POLY1305_SHA256',
      protocols: ['TLSv1.3'],
    });
    expect(gmail!.ciphersuitesFrom?.from).toBe('config Ciphersuites');
  });

  it('raises the security level to 2 when securityLevel is not set', () => {
    const r = scan(['/s/stunnel.conf'], memoryHost({ '/s/stunnel.conf': '[x]\naccept = 443\nconnect = 80\n' }), {
      seclevel: 1,
    });
    expect(r.settings[0]!.result.supported?.seclevel).toBe(2);
    expect(r.settings[0]!.protocols).toContain('TLSv1.3');
    expect(r.settings[0]!.protocols).not.toContain('SSLv3');
  });

  it('reports unresolved values, unknown versions and bad lines, and goes on', () => {
    const text = '[a]\naccept = 443\nciphers = ${CIPHERS}\n[b]\naccept = 444\nsslVersion = TLSv9\nnonsense line\n';
    const r = scan(['/s/stunnel.conf'], memoryHost({ '/s/stunnel.conf': text }));
    expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['unresolved-value', 3, 11],
      ['unknown-protocol', 6, 14],
      ['config-syntax', 7, 1],
    ]);
    expect(r.settings.map((s) => s.context)).toEqual(['[b]']);
  });

  it('reads include = DIR in place, file by file', () => {
    const r = scan(
      ['/etc/stunnel/main.conf'],
      memoryHost({
        '/etc/stunnel/main.conf': 'include = /etc/stunnel/conf.d\n[svc]\naccept = 1\n',
        '/etc/stunnel/conf.d/a.conf': 'ciphers = AESGCM\n',
      }),
    );
    // Reported at the service; the string where it is written.
    expect(r.settings[0]).toMatchObject({ string: 'AESGCM', file: '/etc/stunnel/main.conf' });
    expect(r.settings[0]!.stringFrom.place).toMatchObject({ file: '/etc/stunnel/conf.d/a.conf', line: 1, column: 11 });
  });
});
