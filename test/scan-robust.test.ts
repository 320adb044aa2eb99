// scan against input built to break it: nothing it reads makes it throw, hang, or take time
// growing faster than the input. Each case failed (a RangeError, or minutes) before its fix.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileSystemHost } from '../src/cli/config-host.js';
import { scan } from '../src/scan/scan.js';
import { cipherx } from './helpers/cli.js';
import { memoryHost } from './helpers/memory-host.js';

const scanText = (path: string, text: string) => scan([path], memoryHost({ [path]: text }));

describe('scan: deep and wide input', () => {
  it('nginx blocks nested 20,000 deep are an error at the block too deep, not a stack overflow', () => {
    const text = 'http {\n'.repeat(20_000) + 'ssl_ciphers HIGH;\n' + '}\n'.repeat(20_000);
    const r = scanText('/etc/nginx/nginx.conf', text);
    const deep = r.problems.filter((p) => p.code === 'config-syntax');
    expect(deep.map((p) => [p.line, p.message])).toEqual([
      [101, 'nginx: blocks nested deeper than 100: this one is not read'],
    ]);
  });

  it('a line of a million `{` is read (each a block without a name), not a stack overflow', () => {
    const r = scanText('/etc/nginx/nginx.conf', '{'.repeat(1_000_000));
    expect(r.problems.some((p) => p.message.includes('nested deeper than 100'))).toBe(true);
  });

  it('an included file of 150,000 statements is spliced in (nginx, Apache)', () => {
    const nginx = scan(
      ['/n/nginx.conf'],
      memoryHost({
        '/n/nginx.conf': 'http { include /n/big.conf; server { listen 443 ssl; } }\n',
        '/n/big.conf': 'ssl_protocols TLSv1.2;\n'.repeat(150_000),
      }),
    );
    // The last ssl_protocols in http wins; the server inherits it.
    expect(nginx.settings.map((s) => s.protocols)).toEqual([['TLSv1.2']]);
    const apache = scan(
      ['/a/apache2.conf'],
      memoryHost({ '/a/apache2.conf': 'Include /a/big.conf\n', '/a/big.conf': 'SSLProtocol all\n'.repeat(150_000) }),
    );
    expect(apache.problems).toEqual([]);
  });

  it('nginx: a line of `${` without `}` is read in linear time', () => {
    const started = Date.now();
    const r = scanText('/etc/nginx/nginx.conf', 'ssl_ciphers ' + '${'.repeat(500_000) + '\n');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.problems.map((p) => p.message)).toEqual(['nginx: `ssl_ciphers` does not end with `;`']);
  });

  it('a file of garbage lists at most 1,000 problems (and says so), in linear time', () => {
    const started = Date.now();
    const r = scanText('/etc/lighttpd/lighttpd.conf', '<'.repeat(1_000_000));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.problems.length).toBe(1001);
    expect(r.problems.at(-1)!.message).toBe(
      '/etc/lighttpd/lighttpd.conf: more than 1000 problems; the rest are not listed',
    );
    // Columns still count code points from the line's start.
    expect(r.problems.slice(0, 3).map((p) => p.column)).toEqual([1, 2, 3]);
  });
});

describe('scan: the file system', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cipherx-robust-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a FIFO as an include target or in a folder is refused, not waited on', () => {
    const d = join(dir, 'fifo');
    mkdirSync(d);
    execFileSync('mkfifo', [join(d, 'pipe')]);
    writeFileSync(join(d, 'nginx.conf'), `http { include ${d}/pipe; server { listen 443 ssl; } }\n`);
    const r = scan([d], fileSystemHost(new Map()));
    expect(r.problems.map((p) => [p.code, p.message])).toEqual([
      ['include-not-found', `${d}/pipe: a pipe or a socket, not a file`],
    ]);
    expect(r.settings).toHaveLength(1);
  });

  it('a folder with symbolic links to itself is walked once, each link a problem', () => {
    const d = join(dir, 'loops');
    mkdirSync(join(d, 'conf.d'), { recursive: true });
    symlinkSync('.', join(d, 'conf.d', 'a'));
    symlinkSync('..', join(d, 'conf.d', 'b'));
    writeFileSync(join(d, 'conf.d', 'x.conf'), 'server {\n  listen 443 ssl;\n  ssl_ciphers HIGH;\n}\n');
    const started = Date.now();
    const r = scan([d], fileSystemHost(new Map()));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.files.map((f) => f.file)).toEqual([`${d}/conf.d/x.conf`]);
    expect(r.problems.map((p) => [p.code, p.file])).toEqual([
      ['include-loop', `${d}/conf.d/a`],
      ['include-loop', `${d}/conf.d/b`],
    ]);
  });

  it('the CLI on a FIFO given by name ends at once', () => {
    const r = cipherx(['scan', '--product', 'nginx', join(dir, 'fifo', 'pipe')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('error[file-unreadable]');
  });
});

describe('scan: Postfix parameter references', () => {
  const mainCf = (lines: string) =>
    scanText('/etc/postfix/main.cf', `${lines}smtpd_tls_ciphers = $a\nsmtpd_tls_security_level = may\n`);

  it('a reference loop is named as such (Postfix: "unreasonable macro call nesting"), no setting', () => {
    const r = mainCf('a = $b\nb = $a\n');
    expect(r.settings).toEqual([]);
    expect(r.problems.map((p) => [p.code, p.line, p.message])).toEqual([
      [
        'unresolved-value',
        3,
        'smtpd_tls_ciphers: a reference loop ($a -> $b -> $a); Postfix stops with "unreasonable macro call nesting"',
      ],
    ]);
  });

  it('a parameter naming itself four times is read at once, not 4^20 times', () => {
    const started = Date.now();
    const r = mainCf('a = $a$a$a$a\n');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r.problems.map((p) => p.message)).toEqual([
      'smtpd_tls_ciphers: a reference loop ($a -> $a); Postfix stops with "unreasonable macro call nesting"',
    ]);
  });

  it('references that double at each step (2^40 characters) are refused, not expanded', () => {
    const chain = Array.from({ length: 40 }, (_, i) => `p${i} = $p${i + 1}$p${i + 1}\n`).join('');
    const r = mainCf(`a = $p0\n${chain}p40 = high\n`);
    expect(r.settings).toEqual([]);
    expect(r.problems.map((p) => p.message)).toEqual([
      'smtpd_tls_ciphers: expands to more than 1048576 characters; the string is not evaluated',
    ]);
  });

  it('`__proto__` and `constructor` are parameter names like any other', () => {
    const r = mainCf('__proto__ = high\nconstructor = $__proto__\na = $constructor\n');
    expect(r.problems).toEqual([]);
    expect(r.settings.map((s) => s.string)).toHaveLength(1);
  });
});

// Checked on this machine: `nginx -t` on a file that starts with EF BB BF says `unknown directive
// "\uFEFFevents"` and fails; `haproxy -c` says `unknown keyword '\uFEFFglobal' out of section`.
describe('a byte order mark', () => {
  it('nginx and HAProxy refuse a file that starts with one: a config-syntax problem at 1:1, in an include too', () => {
    const r = scan(
      ['/n/nginx.conf', '/h/haproxy.cfg'],
      memoryHost({
        '/n/nginx.conf': '\uFEFFevents {}\nhttp { include /n/site.conf; }\n',
        '/n/site.conf': '\uFEFFserver { listen 443 ssl; }\n',
        '/h/haproxy.cfg': '\uFEFFglobal\nfrontend f\n  bind :443 ssl crt a.pem\n',
      }),
    );
    expect(r.problems.map((p) => [p.file, p.code, p.line, p.column])).toEqual([
      ['/n/nginx.conf', 'config-syntax', 1, 1],
      ['/n/site.conf', 'config-syntax', 1, 1],
      ['/h/haproxy.cfg', 'config-syntax', 1, 1],
    ]);
  });
});
