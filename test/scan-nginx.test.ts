import { describe, expect, it } from 'vitest';
import { scan } from '../src/scan/scan.js';
import { fileSystemHost } from '../src/cli/config-host.js';
import { memoryHost } from './helpers/memory-host.js';

// nginx 1.22 as its documentation describes it (https://nginx.org/en/docs/http/ngx_http_ssl_module.html,
// ngx_mail_ssl_module.html, ngx_http_proxy_module.html): ssl_* directives inherit from http to server,
// the innermost written value winning; defaults ssl_ciphers HIGH:!aNULL:!MD5, ssl_protocols TLSv1
// TLSv1.1 TLSv1.2 (TLSv1.3 joined in 1.23.4), ssl_prefer_server_ciphers off, proxy_ssl_ciphers DEFAULT;
// `include` is spliced in place, relative paths from the main file's folder; TLS 1.3 suites are
// set only through ssl_conf_command Ciphersuites.
const DIR = 'test/fixtures/scan/nginx';
const MOZILLA =
  'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384';
const ALL_TLS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

describe('scan: nginx (a Debian-style tree)', () => {
  const report = scan([DIR], fileSystemHost(new Map()));
  const at = (file: string) => report.settings.filter((s) => s.file === `${DIR}/${file}`);

  it('reads nginx.conf first and what it includes in place, each file once', () => {
    expect(report.files.map((f) => [f.file.slice(DIR.length + 1), f.product])).toEqual([
      ['nginx.conf', 'nginx'],
      ['conf.d/legacy.conf', 'nginx'],
      ['sites-enabled/default', 'nginx'],
      ['snippets/ssl-params.conf', 'nginx'],
    ]);
    expect(report.problems).toEqual([]);
  });

  it('a server with its own ssl_ciphers, inheriting protocols and server order from http; ssl_conf_command sets TLS 1.3', () => {
    const [s, ...more] = at('conf.d/legacy.conf');
    expect(more).toEqual([]);
    expect(s).toMatchObject({
      line: 6,
      column: 2,
      product: 'nginx',
      directive: 'ssl_ciphers',
      role: 'server',
      context: 'http > server legacy.example.org 8443',
      string: 'HIGH:!aNULL:!MD5:RC4-SHA',
      ciphersuites: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256',
      protocols: ALL_TLS,
      serverPreference: true,
    });
    expect(s!.stringFrom.place).toMatchObject({ line: 6, column: 15 });
    expect(s!.diagnostics.map((d) => d.code)).toContain('not-in-this-release');
  });

  it('settings from an included snippet are the server’s own, at their place in the snippet', () => {
    const [s] = at('snippets/ssl-params.conf');
    expect(s).toMatchObject({
      line: 3,
      column: 1,
      context: 'http > server example.org 443',
      string: MOZILLA,
      ciphersuites: null,
      protocols: ['TLSv1.2', 'TLSv1.3'],
      serverPreference: false,
    });
  });

  it('a plain-HTTP server is no setting; a proxy to https:// is a client with proxy_ssl_* and DEFAULT', () => {
    const settings = at('sites-enabled/default');
    expect(settings.map((s) => [s.line, s.column, s.role, s.context, s.string, s.protocols])).toEqual([
      [19, 3, 'client', 'http > server > location /api/', 'DEFAULT', ['TLSv1.2', 'TLSv1.3']],
    ]);
    expect(settings[0]!.stringFrom).toMatchObject({ place: null });
  });

  it('mail servers have their own defaults: no TLSv1.3 unless ssl_protocols says so', () => {
    const [s] = at('nginx.conf');
    expect(s).toMatchObject({
      line: 34,
      context: 'mail > server 993',
      string: 'HIGH:!aNULL:!MD5:!3DES',
      protocols: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
      serverPreference: false,
    });
  });

  it('the effective offer follows the protocols: a TLS 1.2-only server offers no TLS 1.3 suite', () => {
    const r = scan(
      ['/n/nginx.conf'],
      memoryHost({ '/n/nginx.conf': 'http { server { listen 443 ssl; ssl_protocols TLSv1.2; } }' }),
    );
    const [s] = r.settings;
    expect(s!.string).toBe('HIGH:!aNULL:!MD5');
    expect(s!.result.ciphers.some((c) => c.protocol === 'TLSv1.3')).toBe(true);
    expect(s!.result.supported!.ciphers.some((c) => c.protocol === 'TLSv1.3')).toBe(false);
  });
});

describe('scan: nginx syntax and places', () => {
  const one = (text: string) => scan(['/n/nginx.conf'], memoryHost({ '/n/nginx.conf': text }));

  it('quoted values: the place points inside the quotes; a quoted ; is part of the value', () => {
    const r = one('http {\n  server {\n    listen 443 ssl;\n    ssl_ciphers "AES128-SHA;AES256-SHA";\n  }\n}\n');
    expect(r.settings[0]!.string).toBe('AES128-SHA;AES256-SHA');
    expect(r.settings[0]!.stringFrom.place).toMatchObject({ line: 4, column: 18 });
  });

  it('a template placeholder is reported in its place and not evaluated; the rest is still read', () => {
    const r = one(
      'http {\n server { listen 443 ssl; ssl_ciphers ${NGINX_CIPHERS}; }\n server { listen 8443 ssl; }\n}\n',
    );
    expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([['unresolved-value', 2, 39]]);
    expect(r.settings.map((s) => s.context)).toEqual(['http > server 8443']);
  });

  it('syntax errors are reported where they are, and the file is still read', () => {
    const r = one(
      'http {\n server { listen 443 ssl; ssl_ciphers HIGH }\n server { listen 8443 ssl; ssl_ciphers MEDIUM; }\n',
    );
    expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['config-syntax', 2, 27],
      ['config-syntax', 4, 1],
    ]);
    expect(r.settings.map((s) => s.string)).toContain('MEDIUM');
  });

  it('an ssl_ciphers no TLS server uses is still evaluated where it stands', () => {
    const r = one('http { ssl_ciphers EXPORT; server { listen 80; } }');
    expect(r.settings.map((s) => [s.context, s.string, s.role])).toEqual([
      ['no TLS server or proxy uses it', 'EXPORT', 'server'],
    ]);
  });

  it('ssl_conf_command CipherString wins over ssl_ciphers (applied after it); MinProtocol narrows the protocols', () => {
    const r = one(
      'http { server { listen 443 ssl; ssl_ciphers HIGH; ssl_conf_command CipherString AES128-SHA; ssl_conf_command MinProtocol TLSv1.2; } }',
    );
    expect(r.settings.map((s) => [s.string, s.protocols])).toEqual([['AES128-SHA', ['TLSv1.2']]]);
  });

  // Checked on this machine's nginx 1.22 and OpenSSL 3.0 (two servers on 127.0.0.1:18443, probed
  // with `openssl s_client -servername`): for b.test, TLS 1.2 gave b.test's own suite, but TLS 1.3
  // was accepted although b.test says TLSv1.2, and its TLS 1.3 list was refused while a.test's
  // (the default server's) was accepted.
  it('a name-based server: protocols and TLS 1.3 list of the address’s default server, its own cipher list', () => {
    const r = one(`http {
  server { listen 127.0.0.1:18443 ssl default_server; server_name a.test;
    ssl_protocols TLSv1.2 TLSv1.3; ssl_ciphers ECDHE-RSA-AES128-GCM-SHA256;
    ssl_conf_command Ciphersuites TLS_AES_128_GCM_SHA256; }
  server { listen 127.0.0.1:18443 ssl; server_name b.test;
    ssl_protocols TLSv1.2; ssl_ciphers ECDHE-RSA-AES256-GCM-SHA384;
    ssl_conf_command Ciphersuites TLS_AES_256_GCM_SHA384; }
}`);
    expect(
      r.settings.map((s) => [
        s.context,
        s.protocols.join(' '),
        s.ciphersuites,
        s.result.supported!.ciphers.map((c) => c.name),
      ]),
    ).toEqual([
      [
        'http > server a.test 127.0.0.1:18443',
        'TLSv1.2 TLSv1.3',
        'TLS_AES_128_GCM_SHA256',
        ['TLS_AES_128_GCM_SHA256', 'ECDHE-RSA-AES128-GCM-SHA256'],
      ],
      [
        'http > server b.test 127.0.0.1:18443',
        'TLSv1.2 TLSv1.3',
        'TLS_AES_128_GCM_SHA256',
        ['TLS_AES_128_GCM_SHA256', 'ECDHE-RSA-AES256-GCM-SHA384'],
      ],
    ]);
    expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['vhost-setting-ignored', 6, 5],
      ['vhost-setting-ignored', 7, 5],
    ]);
    // Without default_server the first server of the address is the default.
    const first = one('http { server { listen 443 ssl; ssl_protocols TLSv1.3; } server { listen 443 ssl; } }');
    expect(first.settings.map((s) => s.protocols.join(' '))).toEqual(['TLSv1.3', 'TLSv1.3']);
  });

  it('stream servers with proxy_ssl on are clients too', () => {
    const r = one('stream { server { listen 12345; proxy_pass backend:443; proxy_ssl on; proxy_ssl_ciphers HIGH; } }');
    expect(r.settings.map((s) => [s.role, s.string])).toEqual([['client', 'HIGH']]);
  });
});
