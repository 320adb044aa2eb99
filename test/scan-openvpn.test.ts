import { describe, expect, it } from 'vitest';
import { scan } from '../src/scan/scan.js';
import { fixtureFiles, offered, placeOf } from './helpers/scan-fixtures.js';
import { memoryHost } from './helpers/memory-host.js';

// OpenVPN 2.6.14 (Debian 12 source, openvpn-2.6.14/): src/openvpn/ssl_openssl.c
// tls_ctx_restrict_ciphers (default list, convert_tls_list_to_openssl for IANA names),
// tls_ctx_restrict_ciphers_tls13 ('-' -> '_'), tls_ctx_set_options (server preference always,
// tls-version-min 1.2 by default), tls_ctx_set_cert_profile (legacy 1, preferred 2, suiteb 3,
// insecure 0); doc/man-sections/tls-options.rst.
describe('scan: openvpn', () => {
  const report = scan(['/etc/openvpn'], memoryHost(fixtureFiles('openvpn', '/etc/openvpn')));
  const client = report.settings.find((s) => s.role === 'client')!;
  const server = report.settings.find((s) => s.role === 'server')!;

  it('translates IANA names in tls-cipher and - to _ in tls-ciphersuites', () => {
    expect(report.problems).toEqual([]);
    expect(server).toMatchObject({
      directive: 'tls-cipher',
      context: 'server.conf (server)',
      string: 'ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:@SECLEVEL=2',
      ciphersuites: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256',
      protocols: ['TLSv1.2', 'TLSv1.3'],
      serverPreference: true,
    });
    expect(placeOf(server)).toBe('/etc/openvpn/server.conf:17:1');
    // tls-cert-profile preferred: level 2.
    expect(server.result.supported?.seclevel).toBe(2);
    // openssl ciphers -s -ciphersuites 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256'
    //   'ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:@SECLEVEL=2' (OpenSSL 3.0.19)
    expect(offered(server).join(':')).toBe(
      'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384',
    );
  });

  it("gives a client OpenVPN's default list at level 1, TLS 1.2 up to tls-version-max", () => {
    expect(client).toMatchObject({
      directive: 'client',
      string: 'DEFAULT:!EXP:!LOW:!MEDIUM:!kDH:!kECDH:!DSS:!PSK:!SRP:!kRSA',
      ciphersuites: null,
      protocols: ['TLSv1.2'],
      serverPreference: null,
    });
    expect(placeOf(client)).toBe('/etc/openvpn/client.ovpn:4:1');
    expect(client.result.supported?.seclevel).toBe(1);
  });

  it('sets min = max when only tls-version-max is below 1.2', () => {
    const r = scan(['/c.ovpn'], memoryHost({ '/c.ovpn': 'client\ndev tun\nremote x\ntls-version-max 1.1\n' }));
    expect(r.settings[0]!.protocols.every((v) => v === 'TLSv1.1')).toBe(true);
  });

  it('reads `config FILE` and reports unresolved and unknown values', () => {
    const r = scan(
      ['/etc/openvpn/server/a.conf'],
      memoryHost({
        '/etc/openvpn/server/a.conf': 'tls-server\ndev tun\nconfig tls.conf\ntls-version-min 9.9\n',
        '/etc/openvpn/server/tls.conf': 'tls-cipher {{ cipher }}\n',
      }),
    );
    expect(r.problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ['unresolved-value', '/etc/openvpn/server/tls.conf', 1],
    ]);
    expect(r.settings).toEqual([]);
    const r2 = scan(
      ['/x.ovpn'],
      memoryHost({ '/x.ovpn': 'tls-client\ndev tun\ntls-version-min 9.9\ntls-cert-profile strict\n' }),
    );
    expect(r2.problems.map((p) => p.code)).toEqual(['unknown-protocol', 'config-syntax']);
  });
});
