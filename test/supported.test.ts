import { describe, expect, it } from 'vitest';
import { expand, type ExpandOptions } from '../src/index.js';

const CISCO =
  'ECDH+aRSA:ECDH+ECDSA:DHE+DSS+AES:AES128:AES256:!SRP:!AESGCM+DH+aRSA:!AESGCM+RSA:!aNULL:!eNULL:!DES:!3DES:!IDEA:!RC2:-IDEA:-aNULL:-EXPORT:!DHE-RSA-AES256-SHA:!DHE-RSA-AES128-CCM:!DHE-RSA-AES256-CCM:!ECDHE-ECDSA-CAMELLIA128-SHA256:!ECDHE-RSA-CAMELLIA128-SHA256:!ECDHE-ECDSA-CAMELLIA256-SHA384:!ECDHE-RSA-CAMELLIA256-SHA384:!ECDHE-ECDSA-AES128-CCM:!ECDHE-ECDSA-AES256-CCM';

function offer(input: string, options: ExpandOptions) {
  const r = expand(input, options);
  const view = r.supported!;
  return {
    offered: view.ciphers.map((c) => c.name),
    protocols: view.protocols,
    seclevel: view.seclevel,
    reasonOf: (name: string) => view.dropped.find((d) => d.suite === name)?.reason ?? null,
    nonTls13: view.ciphers.filter((c) => c.protocol !== 'TLSv1.3').length,
  };
}

// What SSL_get1_supported_ciphers (`openssl ciphers -s`) drops, rule by rule; each case was
// checked against libssl 3.0 (test/live/supported.test.ts asks it for random strings).
describe('the effective offer: security-level rules', () => {
  it('the Cisco workaround string at level 2 on 3.0 offers 39 of its 69 suites; on 3.5, 33', () => {
    expect(expand(CISCO, { target: 'openssl-3.0', ciphersuites: '' }).ciphers.length).toBe(69);
    expect(offer(CISCO, { target: 'openssl-3.0', ciphersuites: '', supported: { seclevel: 2 } }).nonTls13).toBe(39);
    // 3.5 ships level 2 and counts the CCM8 suites as 64 bits.
    expect(offer(CISCO, { target: 'openssl-3.5', ciphersuites: '', supported: true }).nonTls13).toBe(33);
  });

  it('level 1 drops anonymous suites and HMAC-MD5; level 0 keeps them', () => {
    const at1 = offer('ADH-AES256-GCM-SHA384:NULL-MD5:AES128-SHA', {
      target: 'openssl-1.1.1',
      supported: { seclevel: 1 },
    });
    expect(at1.reasonOf('ADH-AES256-GCM-SHA384')).toBe('anonymous');
    expect(at1.reasonOf('NULL-MD5')).toBe('below-minimum-bits'); // 0 bits fails first
    const at0 = offer('ADH-AES256-GCM-SHA384:NULL-MD5', { target: 'openssl-1.1.1', supported: { seclevel: 0 } });
    expect(at0.offered).toContain('ADH-AES256-GCM-SHA384');
    expect(at0.offered).toContain('NULL-MD5');
  });

  it('3.5 counts CCM8 as 64 bits: below level 1, while 3.0 keeps it up to level 3', () => {
    expect(offer('AES128-CCM8', { target: 'openssl-3.5', supported: { seclevel: 1 } }).reasonOf('AES128-CCM8')).toBe(
      'below-minimum-bits',
    );
    expect(offer('AES128-CCM8', { target: 'openssl-3.0', supported: { seclevel: 2 } }).offered).toContain(
      'AES128-CCM8',
    );
  });

  it('level 3 keeps only forward-secret key exchanges, and TLS 1.3', () => {
    const o = offer('ECDHE-RSA-AES128-GCM-SHA256:AES128-GCM-SHA256:DHE-PSK-AES128-GCM-SHA256', {
      supported: { seclevel: 3, psk: true },
    });
    expect(o.reasonOf('AES128-GCM-SHA256')).toBe('no-forward-secrecy');
    expect(o.offered).toEqual([
      'TLS_AES_256_GCM_SHA384',
      'TLS_CHACHA20_POLY1305_SHA256',
      'TLS_AES_128_GCM_SHA256',
      'ECDHE-RSA-AES128-GCM-SHA256',
      'DHE-PSK-AES128-GCM-SHA256',
    ]);
  });

  it('level 4 drops HMAC-SHA1 and everything under 192 bits, TLS_AES_128_GCM_SHA256 too', () => {
    const o = offer('ECDHE-RSA-AES256-SHA:ECDHE-RSA-AES256-GCM-SHA384', { supported: { seclevel: 4 } });
    expect(o.reasonOf('ECDHE-RSA-AES256-SHA')).toBe('sha1-mac');
    expect(o.reasonOf('TLS_AES_128_GCM_SHA256')).toBe('below-minimum-bits');
    expect(o.offered).toEqual([
      'TLS_AES_256_GCM_SHA384',
      'TLS_CHACHA20_POLY1305_SHA256',
      'ECDHE-RSA-AES256-GCM-SHA384',
    ]);
  });

  it('`@SECLEVEL=n` in the string wins over the starting level', () => {
    const o = offer('AES128-SHA:@SECLEVEL=3', { supported: { seclevel: 1 } });
    expect(o.seclevel).toBe(3);
    expect(o.reasonOf('AES128-SHA')).toBe('no-forward-secrecy');
  });
});

describe('the effective offer: PSK, SRP, protocols', () => {
  it('PSK suites, RSA-PSK included, need a PSK callback; SRP suites an SRP one', () => {
    const without = offer('RSA-PSK-AES128-GCM-SHA256:SRP-RSA-AES-128-CBC-SHA:AES128-SHA', {
      target: 'openssl-1.1.1',
      ciphersuites: '',
      supported: true,
    });
    expect(without.reasonOf('RSA-PSK-AES128-GCM-SHA256')).toBe('psk-not-enabled');
    expect(without.reasonOf('SRP-RSA-AES-128-CBC-SHA')).toBe('srp-not-enabled');
    expect(without.offered).toEqual(['AES128-SHA']);
    const withBoth = offer('RSA-PSK-AES128-GCM-SHA256:SRP-RSA-AES-128-CBC-SHA', {
      target: 'openssl-1.1.1',
      ciphersuites: '',
      supported: { psk: true, srp: true },
    });
    expect(withBoth.offered).toEqual(['RSA-PSK-AES128-GCM-SHA256', 'SRP-RSA-AES-128-CBC-SHA']);
  });

  it('TLS 1.0 only: TLS 1.2 suites and TLS 1.3 go (3.0 at level 1)', () => {
    const o = offer('ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA', {
      supported: { seclevel: 1, minProtocol: 'TLSv1', maxProtocol: 'TLSv1' },
    });
    expect(o.protocols).toEqual(['TLSv1']);
    expect(o.offered).toEqual(['ECDHE-RSA-AES128-SHA']);
    expect(o.reasonOf('ECDHE-RSA-AES128-GCM-SHA256')).toBe('protocol-range');
    expect(o.reasonOf('TLS_AES_128_GCM_SHA256')).toBe('protocol-range');
  });

  it('security levels turn protocol versions off: TLS 1.0 from level 3 on 3.0, from level 1 on 3.5', () => {
    expect(offer('ALL', { supported: { seclevel: 3, maxProtocol: 'TLSv1' } }).offered).toEqual([]);
    expect(offer('ALL', { supported: { seclevel: 2 } }).protocols).toEqual(['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']);
    const v35 = offer('ALL', { target: 'openssl-3.5', supported: { maxProtocol: 'TLSv1' } });
    expect(v35.protocols).toEqual([]);
    expect(v35.reasonOf('ECDHE-RSA-AES128-SHA')).toBe('no-protocol');
    expect(offer('ALL', { target: 'openssl-3.5', supported: true }).protocols).toEqual(['TLSv1.2', 'TLSv1.3']);
  });

  it('Suite B leaves no signature for RSA or DSA, even at level 0, and none for ECDSA past its curve', () => {
    const cs =
      'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256:TLS_DHE_DSS_WITH_AES_256_GCM_SHA384:TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384';
    const at0 = offer('SUITEB128', { ciphersuites: cs, supported: { seclevel: 0 } });
    expect(at0.reasonOf('ECDHE-RSA-AES128-GCM-SHA256')).toBe('no-signature-algorithm');
    expect(at0.offered).toEqual([
      'ECDHE-ECDSA-AES256-GCM-SHA384',
      'ECDHE-ECDSA-AES128-GCM-SHA256',
      'ECDHE-ECDSA-AES256-GCM-SHA384',
    ]);
    // P-384 gives 192 bits: enough for level 4, not for level 5.
    expect(offer('SUITEB192', { ciphersuites: '', supported: { seclevel: 4 } }).offered).toEqual([
      'ECDHE-ECDSA-AES256-GCM-SHA384',
    ]);
    expect(offer('SUITEB192', { ciphersuites: '', supported: { seclevel: 5 } }).offered).toEqual([]);
    // And Suite B needs TLS 1.2.
    expect(offer('SUITEB128', { supported: { seclevel: 0 } }).protocols).toEqual(['TLSv1.2', 'TLSv1.3']);
  });

  it('1.0.2 has no levels: only PSK, SRP and the protocol range filter its ClientHello list', () => {
    const o = offer('ADH-AES256-GCM-SHA384:PSK-AES128-CBC-SHA:AES128-SHA', {
      target: 'openssl-1.0.2',
      supported: { maxProtocol: 'TLSv1.1' },
    });
    expect(o.seclevel).toBeNull();
    expect(o.reasonOf('ADH-AES256-GCM-SHA384')).toBe('protocol-range');
    expect(o.reasonOf('PSK-AES128-CBC-SHA')).toBe('psk-not-enabled');
    expect(o.offered).toEqual(['AES128-SHA']);
  });

  it('a failed call offers nothing', () => {
    const r = expand('NOSUCHWORD', { supported: true });
    expect(r.ok).toBe(false);
    expect(r.supported!.ciphers).toEqual([]);
  });

  it('bad options are TypeErrors that name the field', () => {
    expect(() => expand('ALL', { supported: { maxProtocol: 'TLSv2' as never } })).toThrow(/supported.maxProtocol/);
    expect(() => expand('ALL', { supported: { psk: 'yes' as never } })).toThrow(/supported.psk/);
    expect(() => expand('ALL', { supported: { bogus: 1 } as never })).toThrow(/supported.bogus/);
    expect(() => expand('ALL', { seclevel: 1, supported: { seclevel: 2 } })).toThrow(/disagree/);
    expect(() => expand('ALL', { supported: 'yes' as never })).toThrow(/options.supported/);
  });
});

// ssl_write_client_cipher_list() in BoringSSL: TLS 1.3 suites in a fixed order, then the list
// less PSK suites (no callback) and suites outside the version range: TLS 1.0 to 1.3 by default
// at the recorded revision (set_min_version in ssl/ssl_versions.cc of 1530333b).
describe('the effective offer: BoringSSL', () => {
  it('TLS 1.3 first (AES hardware order), PSK dropped without a callback', () => {
    const o = offer('ECDHE-RSA-AES128-GCM-SHA256:PSK-AES128-CBC-SHA:AES128-SHA', {
      target: 'boringssl',
      supported: true,
    });
    expect(o.offered).toEqual([
      'TLS_AES_128_GCM_SHA256',
      'TLS_AES_256_GCM_SHA384',
      'TLS_CHACHA20_POLY1305_SHA256',
      'ECDHE-RSA-AES128-GCM-SHA256',
      'AES128-SHA',
    ]);
    expect(o.reasonOf('PSK-AES128-CBC-SHA')).toBe('psk-not-enabled');
    expect(o.protocols).toEqual(['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']);
  });

  it('a range that stops below TLS 1.2 drops the TLS 1.2-only suites and TLS 1.3', () => {
    const o = offer('ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA', {
      target: 'boringssl',
      supported: { maxProtocol: 'TLSv1.1' },
    });
    expect(o.offered).toEqual(['AES128-SHA']);
    expect(o.reasonOf('ECDHE-RSA-AES128-GCM-SHA256')).toBe('protocol-range');
  });

  it('no SRP and no security levels there', () => {
    expect(() => expand('ALL', { target: 'boringssl', supported: { srp: true } })).toThrow(/SRP/);
    expect(() => expand('ALL', { target: 'boringssl', supported: { seclevel: 1 } })).toThrow(/security levels/);
    expect(() => expand('ALL', { target: 'boringssl', supported: { minProtocol: 'SSLv3' } })).toThrow(/SSLv3/);
  });
});
