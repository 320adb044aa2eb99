import { describe, expect, it } from 'vitest';
import { scan } from '../src/scan/scan.js';
import { fixtureFiles, offered, placeOf } from './helpers/scan-fixtures.js';
import { memoryHost } from './helpers/memory-host.js';

// MySQL 8.0.35+: mysql/mysql-server include/tls_ciphers.h (blocked_tls12_ciphers put before the
// list, default_tls12_ciphers / default_tls13_ciphers) and vio/viosslfactories.cc new_VioSSLFd
// (server preference on a server context). MariaDB 10.11.18 (Debian 12 source):
// vio/viosslfactories.c hands ssl_cipher to SSL_CTX_set_ciphersuites and SSL_CTX_set_cipher_list,
// sql/sys_vars.cc tls_version default TLSv1.2,TLSv1.3. Option files: MySQL manual "Using Option
// Files" (!include, !includedir reads *.cnf, - and _ alike).
const BLOCKED =
  '!aNULL:!eNULL:!EXPORT:!LOW:!MD5:!DES:!3DES:!RC2:!RC4:!PSK:!DH-RSA-AES128-SHA256:!DH-RSA-AES256-SHA256:!DH-DSS-AES128-SHA256:!DH-DSS-AES128-SHA:!DH-DSS-AES256-SHA:!DH-DSS-AES256-SHA256:!DH-RSA-AES128-SHA:!DH-RSA-AES256-SHA:!DH-DSS-AES128-GCM-SHA256:!DH-DSS-AES256-GCM-SHA384:!DH-RSA-AES128-GCM-SHA256:!DH-RSA-AES256-GCM-SHA384';

describe('scan: mysql', () => {
  const report = scan(
    ['/etc/mysql/my.cnf', '/etc/mysql/mariadb.conf.d/50-server.cnf'],
    memoryHost(fixtureFiles('mysql', '/etc/mysql')),
  );
  const [mysql, mariadb] = report.settings;

  it("composes MySQL's string: its blocked list, then ssl_cipher (from !includedir)", () => {
    expect(report.problems).toEqual([]);
    expect(mysql).toMatchObject({
      product: 'mysql',
      directive: 'ssl_cipher',
      context: 'MySQL [mysqld] (tls.cnf)',
      role: 'server',
      string: `${BLOCKED}:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256`,
      ciphersuites: 'TLS_AES_256_GCM_SHA384',
      protocols: ['TLSv1.2', 'TLSv1.3'],
      serverPreference: true,
    });
    expect(placeOf(mysql!)).toBe('/etc/mysql/conf.d/tls.cnf:2:1');
    // openssl ciphers -s -ciphersuites TLS_AES_256_GCM_SHA384 '<blocked>:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256'
    expect(offered(mysql!).join(':')).toBe(
      'TLS_AES_256_GCM_SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256',
    );
  });

  it("hands MariaDB's ssl_cipher to both calls, without server preference", () => {
    expect(mariadb).toMatchObject({
      context: 'MariaDB [mysqld]',
      string: 'TLS_AES_256_GCM_SHA384:ECDHE-RSA-AES256-GCM-SHA384',
      ciphersuites: 'TLS_AES_256_GCM_SHA384:ECDHE-RSA-AES256-GCM-SHA384',
      protocols: ['TLSv1.2', 'TLSv1.3'],
      serverPreference: false,
    });
    expect(placeOf(mariadb!)).toBe('/etc/mysql/mariadb.conf.d/50-server.cnf:29:1');
    expect(mariadb!.stringFrom.place).toMatchObject({ line: 29, column: 14 });
  });

  it("uses MySQL's defaults when [mysqld] says nothing of TLS, and none when TLS is off", () => {
    const s = scan(['/etc/my.cnf'], memoryHost({ '/etc/my.cnf': '[mysqld]\ndatadir = /var/lib/mysql\n' })).settings[0]!;
    expect(s.string.startsWith(`${BLOCKED}:ECDHE-ECDSA-AES128-GCM-SHA256:`)).toBe(true);
    expect(s.ciphersuites).toBe(
      'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_CCM_SHA256',
    );
    expect(scan(['/etc/my.cnf'], memoryHost({ '/etc/my.cnf': '[mysqld]\nskip-ssl\n' })).settings).toEqual([]);
    expect(scan(['/etc/my.cnf'], memoryHost({ '/etc/my.cnf': '[client]\nssl-cipher = AES\n' })).settings).toEqual([]);
  });

  it('reads loose- and - names, and reports unresolved values and missing includes', () => {
    const s = scan(
      ['/etc/my.cnf'],
      memoryHost({ '/etc/my.cnf': '[mariadb]\nloose-ssl-cipher = ECDHE-RSA-AES128-GCM-SHA256\n' }),
    ).settings[0]!;
    expect(s).toMatchObject({ string: 'ECDHE-RSA-AES128-GCM-SHA256', ciphersuites: null });
    const r = scan(
      ['/etc/my.cnf'],
      memoryHost({ '/etc/my.cnf': '[mysqld]\nssl_cipher = ${CIPHERS}\n!include /etc/missing.cnf\n' }),
    );
    expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['unresolved-value', 2, 14],
      ['include-not-found', 3, 10],
    ]);
  });
});
