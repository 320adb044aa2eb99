import { describe, expect, it } from 'vitest';
import { scan } from '../src/scan/scan.js';
import { fixtureFiles, offered, placeOf } from './helpers/scan-fixtures.js';
import { memoryHost } from './helpers/memory-host.js';

// PostgreSQL 15.18 (Debian 12 source, postgresql-15-15.18/): src/backend/utils/misc/guc.c
// (ssl_ciphers 'HIGH:MEDIUM:+3DES:!aNULL', ssl_min_protocol_version TLSv1.2,
// ssl_prefer_server_ciphers on), src/backend/libpq/be-secure-openssl.c be_tls_init (cipher list
// always, min always, max only when set, no TLS 1.3 call); doc/src/sgml/config.sgml (includes,
// quoting with '' escapes, `=` optional). ssl_tls13_ciphers: PostgreSQL 18.
const ROOT = '/etc/postgresql/15/main';

describe('scan: postgresql', () => {
  it('follows include_dir and lets the last setting win', () => {
    const r = scan([`${ROOT}/postgresql.conf`], memoryHost(fixtureFiles('postgresql', ROOT)));
    expect(r.problems).toEqual([]);
    expect(r.settings).toHaveLength(1);
    const s = r.settings[0]!;
    expect(s).toMatchObject({
      product: 'postgresql',
      directive: 'ssl_ciphers',
      context: 'postgresql.conf',
      role: 'server',
      string: 'ECDHE+AESGCM:!aNULL',
      ciphersuites: null,
      protocols: ['TLSv1.3'],
      serverPreference: false,
    });
    expect(placeOf(s)).toBe(`${ROOT}/conf.d/10-tls.conf:2:1`);
    expect(s.stringFrom.place).toMatchObject({ line: 2, column: 16 });
  });

  it("uses PostgreSQL's defaults when only ssl = on is written", () => {
    const r = scan(
      ['/pg/postgresql.conf'],
      memoryHost({ '/pg/postgresql.conf': "ssl = on\nssl_cert_file = 'server.crt'\n" }),
    );
    expect(r.settings[0]).toMatchObject({
      directive: 'ssl',
      string: 'HIGH:MEDIUM:+3DES:!aNULL',
      ciphersuites: null,
      protocols: ['TLSv1.2', 'TLSv1.3'],
      serverPreference: true,
    });
    expect(placeOf(r.settings[0]!)).toBe('/pg/postgresql.conf:1:1');
  });

  it('reports nothing with ssl off, and hands ssl_tls13_ciphers (PostgreSQL 18) to the TLS 1.3 call', () => {
    expect(
      scan(['/pg/postgresql.conf'], memoryHost({ '/pg/postgresql.conf': "ssl = off\nssl_ciphers = 'HIGH'\n" }))
        .settings,
    ).toEqual([]);
    const text =
      "ssl = true\nssl_ciphers = 'HIGH:!aNULL:!kRSA'\nssl_tls13_ciphers = 'TLS_AES_256_GCM_SHA384'\nssl_max_protocol_version = 'TLSv1.2'\n";
    const s = scan(['/pg/postgresql.conf'], memoryHost({ '/pg/postgresql.conf': text })).settings[0]!;
    expect(s).toMatchObject({ ciphersuites: 'TLS_AES_256_GCM_SHA384', protocols: ['TLSv1.2'] });
  });

  it('reads inline comments, and reports unresolved, unknown and unclosed values', () => {
    const text = "ssl on\nssl_ciphers = 'HIGH:!aNULL' # comment\nssl_min_protocol_version = 'TLSv2'\nbroken = 'open\n";
    const r = scan(['/pg/postgresql.conf'], memoryHost({ '/pg/postgresql.conf': text }));
    expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['unknown-protocol', 3, 28],
      ['config-syntax', 4, 10],
    ]);
    // openssl ciphers -s 'ECDHE+AESGCM:!aNULL' gives these TLS 1.2 suites after the TLS 1.3 ones.
    const s = scan(
      ['/pg/postgresql.conf'],
      memoryHost({ '/pg/postgresql.conf': "ssl = on\nssl_ciphers = 'ECDHE+AESGCM:!aNULL'\n" }),
    ).settings[0]!;
    expect(offered(s).filter((n) => !n.startsWith('TLS_'))).toEqual([
      'ECDHE-ECDSA-AES256-GCM-SHA384',
      'ECDHE-RSA-AES256-GCM-SHA384',
      'ECDHE-ECDSA-AES128-GCM-SHA256',
      'ECDHE-RSA-AES128-GCM-SHA256',
    ]);
    const u = scan(
      ['/pg/postgresql.conf'],
      memoryHost({ '/pg/postgresql.conf': "ssl = on\nssl_ciphers = '${PG_CIPHERS}'\n" }),
    );
    expect(u.problems.map((p) => [p.code, p.line, p.column])).toEqual([['unresolved-value', 2, 15]]);
    expect(u.settings).toEqual([]);
  });
});
