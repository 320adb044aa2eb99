import { describe, expect, it } from 'vitest';
import { scan } from '../src/scan/scan.js';
import { fileSystemHost } from '../src/cli/config-host.js';
import { memoryHost } from './helpers/memory-host.js';

const settingsOf = (dir: string) => {
  const r = scan([dir], fileSystemHost(new Map()));
  expect(r.problems).toEqual([]);
  return r.settings.map((s) => ({
    at: `${s.file.slice(dir.length + 1)}:${s.line}:${s.column}`,
    role: s.role,
    context: s.context,
    string: s.string,
    ciphersuites: s.ciphersuites,
    protocols: s.protocols.join(' '),
    serverPreference: s.serverPreference,
    seclevel: s.result.seclevel,
  }));
};

// HAProxy 2.6 (doc/configuration.txt): a `bind` with `ssl` takes ssl-default-bind-ciphers,
// -ciphersuites and -options unless it says otherwise, its minimum version is TLSv1.2 unless
// ssl-min-ver says otherwise, and server order is on unless prefer-client-ciphers; a `server`
// takes default-server's options (`ssl` too, `no-ssl` undoes it) and ssl-default-server-*; without
// any cipher setting HAProxy makes no call (the library's DEFAULT); a crt-list line's [options]
// make a context of their own on top of its bind line's. Debian's build leaves the security level alone.
const MOZILLA =
  'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384';
const TLS13 = 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256';

describe('scan: HAProxy', () => {
  it('bind lines, a crt-list entry and backend servers, as HAProxy 2.6 hands them to OpenSSL', () => {
    expect(settingsOf('test/fixtures/scan/haproxy')).toEqual([
      {
        at: 'haproxy.cfg:27:2',
        role: 'server',
        context: 'frontend www bind :443',
        string: MOZILLA,
        ciphersuites: TLS13,
        protocols: 'TLSv1.2 TLSv1.3',
        serverPreference: true,
        seclevel: 1,
      },
      {
        at: 'haproxy.cfg:28:2',
        role: 'server',
        context: 'frontend www bind :8443',
        string: 'HIGH:!aNULL',
        ciphersuites: TLS13,
        protocols: 'TLSv1.2 TLSv1.3',
        serverPreference: false,
        seclevel: 1,
      },
      {
        at: 'crt-list.txt:2:1',
        role: 'server',
        context: 'frontend www crt-list /etc/haproxy/certs/a.pem',
        string: 'ECDHE-RSA-AES256-GCM-SHA384',
        ciphersuites: TLS13,
        protocols: 'TLSv1.3',
        serverPreference: false,
        seclevel: 1,
      },
      {
        at: 'haproxy.cfg:33:2',
        role: 'client',
        context: 'backend app server app1',
        string: 'DEFAULT',
        ciphersuites: null,
        protocols: 'TLSv1.2 TLSv1.3',
        serverPreference: null,
        seclevel: 1,
      },
      {
        at: 'haproxy.cfg:35:2',
        role: 'client',
        context: 'backend app server app3',
        string: 'ECDHE+AESGCM:!kRSA',
        ciphersuites: null,
        protocols: 'TLSv1.2',
        serverPreference: null,
        seclevel: 1,
      },
    ]);
  });

  it('ssl-max-ver below TLSv1.2 alone lowers the minimum with it; no-tlsv* no-* is ignored beside ssl-min-ver', () => {
    const r = scan(
      ['/h/haproxy.cfg'],
      memoryHost({
        '/h/haproxy.cfg':
          'frontend f\n  bind :1 ssl crt a.pem ssl-max-ver TLSv1.1\n  bind :2 ssl crt a.pem no-tlsv10 no-tlsv11\n  bind :4 ssl crt a.pem ssl-min-ver TLSv1.0 no-tlsv13\n  bind :3 ssl crt a.pem ssl-min-ver TLSv1.4\n',
      }),
    );
    expect(r.settings.map((s) => s.protocols.join(' '))).toEqual([
      'TLSv1.1',
      'TLSv1.2 TLSv1.3',
      'TLSv1 TLSv1.1 TLSv1.2 TLSv1.3',
      'TLSv1.2 TLSv1.3',
    ]);
    expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([['unknown-protocol', 5, 37]]);
  });
});

// Postfix 3.7 (postconf(5), TLS_README, tls_set_ciphers in src/tls/tls_misc.c): the string is the
// grade's tls_<grade>_cipherlist, then `:!X` for each token of the exclusions (tokens split on white
// space, commas and colons): smtpd_tls_exclude_ciphers, then with mandatory TLS (security level
// encrypt, or wrapper mode) smtpd_tls_mandatory_exclude_ciphers. The grade is smtpd_tls_ciphers, or
// smtpd_tls_mandatory_ciphers with mandatory TLS; the default grade is medium, whose list is
// aNULL:-aNULL:HIGH:MEDIUM:+RC4:@STRENGTH. Postfix sets security level 0 and no TLS 1.3 list.
describe('scan: Postfix', () => {
  it('main.cf (opportunistic server and client) and master.cf services, as Postfix composes them', () => {
    const high = 'ECDHE+AESGCM:ECDHE+CHACHA20:DHE+AESGCM';
    expect(settingsOf('test/fixtures/scan/postfix')).toEqual([
      {
        at: 'main.cf:12:26',
        role: 'server',
        context: 'main.cf smtpd (opportunistic TLS)',
        string: 'aNULL:-aNULL:HIGH:MEDIUM:+RC4:@STRENGTH:!MD5:!DES:!3DES:!RC4',
        ciphersuites: null,
        protocols: 'TLSv1.2 TLSv1.3',
        serverPreference: false,
        seclevel: 0,
      },
      {
        at: 'main.cf:18:25',
        role: 'client',
        context: 'main.cf smtp (may)',
        string: 'aNULL:-aNULL:HIGH:MEDIUM:+RC4:@STRENGTH',
        ciphersuites: null,
        protocols: 'TLSv1 TLSv1.1 TLSv1.2 TLSv1.3',
        serverPreference: null,
        seclevel: 0,
      },
      {
        at: 'master.cf:8:1',
        role: 'server',
        context: 'master.cf submission (mandatory TLS)',
        string: `${high}:!MD5:!DES:!3DES:!RC4`,
        ciphersuites: null,
        protocols: 'TLSv1.2 TLSv1.3',
        serverPreference: false,
        seclevel: 0,
      },
      {
        at: 'master.cf:13:1',
        role: 'server',
        context: 'master.cf smtps (mandatory TLS)',
        string: `${high}:!MD5:!DES:!3DES:!RC4:!aNULL`,
        ciphersuites: null,
        protocols: 'TLSv1.2 TLSv1.3',
        serverPreference: false,
        seclevel: 0,
      },
    ]);
  });

  it('asking for client certificates adds !aNULL; a client that verifies adds !aNULL and runs at level 1, encrypt adds !eNULL', () => {
    const r = scan(
      ['/p/main.cf'],
      memoryHost({
        '/p/main.cf': 'smtpd_tls_security_level = may\nsmtpd_tls_ask_ccert = yes\nsmtp_tls_security_level = verify\n',
      }),
    );
    expect(r.settings.map((s) => [s.role, s.string, s.result.seclevel])).toEqual([
      ['server', 'aNULL:-aNULL:HIGH:MEDIUM:+RC4:@STRENGTH:!aNULL', 0],
      ['client', 'aNULL:-aNULL:HIGH:MEDIUM:+RC4:@STRENGTH:!aNULL', 1],
    ]);
    const e = scan(
      ['/p/main.cf'],
      memoryHost({ '/p/main.cf': 'smtp_tls_security_level = encrypt\nsmtp_tls_mandatory_ciphers = high\n' }),
    );
    expect(e.settings.map((s) => s.string)).toEqual(['aNULL:-aNULL:HIGH:@STRENGTH:!eNULL']);
  });

  it('no TLS security level: no TLS setting; an unknown grade or parameter is reported, not guessed', () => {
    expect(
      scan(['/p/main.cf'], memoryHost({ '/p/main.cf': 'myhostname = x\nsmtpd_tls_ciphers = high\n' })).settings,
    ).toEqual([]);
    const r = scan(
      ['/p/main.cf'],
      memoryHost({
        '/p/main.cf':
          'smtpd_tls_security_level = may\nsmtpd_tls_ciphers = strong\nsmtp_tls_security_level = may\nsmtp_tls_exclude_ciphers = $site_exclusions\n',
      }),
    );
    expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['config-syntax', 2, 21],
      ['unresolved-value', 4, 28],
    ]);
    expect(r.settings).toEqual([]);
  });
});
