import { describe, expect, it } from 'vitest';
import { scan } from '../src/scan/scan.js';
import { fixtureFiles, placeOf } from './helpers/scan-fixtures.js';
import { memoryHost } from './helpers/memory-host.js';

// Redis 7.0.15 (Debian 12 source, redis-7.0.15/): src/tls.c createSSLContext (cipher calls only
// when set, SSL_OP_NO_* for versions tls-protocols leaves out, REDIS_TLS_PROTO_DEFAULT TLSv1.2 and
// TLSv1.3), tlsConfigure (server preference with tls-prefer-server-ciphers); src/config.c; redis.conf.
describe('scan: redis', () => {
  const report = scan(['/etc/redis'], memoryHost(fixtureFiles('redis', '/etc/redis')));
  const [server, client] = report.settings;

  it('reports the server context for tls-port and the client side for tls-replication', () => {
    expect(report.problems).toEqual([]);
    expect(server).toMatchObject({
      product: 'redis',
      directive: 'tls-ciphers',
      context: 'tls-port 6379',
      role: 'server',
      string: 'DEFAULT:!MEDIUM',
      ciphersuites: 'TLS_CHACHA20_POLY1305_SHA256',
      protocols: ['TLSv1.2', 'TLSv1.3'],
      serverPreference: true,
    });
    expect(placeOf(server!)).toBe('/etc/redis/redis.conf:20:1');
    expect(server!.stringFrom.place).toMatchObject({ line: 20, column: 13 });
    expect(client).toMatchObject({
      role: 'client',
      context: 'tls-replication (outgoing links)',
      string: 'DEFAULT:!MEDIUM',
      serverPreference: null,
    });
  });

  it("leaves the library's lists when nothing is set, and reads no TLS without tls-port", () => {
    const s = scan(['/r/redis.conf'], memoryHost({ '/r/redis.conf': 'port 0\ntls-port 6380\n' })).settings[0]!;
    expect(s).toMatchObject({
      directive: 'tls-port',
      string: 'DEFAULT',
      ciphersuites: null,
      protocols: ['TLSv1.2', 'TLSv1.3'],
      serverPreference: false,
    });
    expect(s.stringFrom.from).toMatch(/library/);
    expect(scan(['/r/redis.conf'], memoryHost({ '/r/redis.conf': 'port 6379\ntls-ciphers HIGH\n' })).settings).toEqual(
      [],
    );
    expect(scan(['/r/redis.conf'], memoryHost({ '/r/redis.conf': 'tls-port 0\n' })).settings).toEqual([]);
  });

  it('reads include, and reports unknown versions and unresolved values', () => {
    const r = scan(
      ['/r/redis.conf'],
      memoryHost({
        '/r/redis.conf': 'include /r/tls.conf\ntls-port 6380\ntls-protocols "TLSv1.2 SSLv3"\n',
        '/r/tls.conf': 'tls-ciphers HIGH:!aNULL\n',
      }),
    );
    expect(r.settings[0]).toMatchObject({ string: 'HIGH:!aNULL', file: '/r/tls.conf', protocols: ['TLSv1.2'] });
    expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([['unknown-protocol', 3, 15]]);
    const u = scan(['/r/redis.conf'], memoryHost({ '/r/redis.conf': 'tls-port 6380\ntls-ciphers ${CIPHERS}\n' }));
    expect(u.problems.map((p) => [p.code, p.line])).toEqual([['unresolved-value', 2]]);
  });
});
