#!/usr/bin/env node
// Scan benchmark (npm run bench:scan; not part of npm test): a generated tree of 10,000
// configuration files (nginx, HAProxy, Postfix, in the proportions of a hosting fleet) scanned
// by the library and by the CLI, next to two floors measured in the same run: reading the same
// files with node:fs, and OpenSSL's own C code evaluating every setting's string once
// (SSL_CTX_set_cipher_list, bench/openssl-baseline.c). Reports files per second and ratios.
// Options: --files N (default 10000), --json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scan } from '../dist/src/scan/index.js';
import { fileSystemHost } from '../dist/src/cli/config-host.js';
import { measureOpenSSL } from './openssl-baseline.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : process.argv[i + 1];
};
const FILES = Number(arg('--files', '10000'));
const asJson = process.argv.includes('--json');
const BIN = fileURLToPath(new URL('../bin/cipherx.cjs', import.meta.url));

// Strings as fleets have them: a few shared policies, and some written by hand per site.
const POLICIES = [
  'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305',
  'HIGH:!aNULL:!MD5',
  'EECDH+AESGCM:EDH+AESGCM',
  'ECDH+AESGCM:DH+AESGCM:ECDH+AES256:DH+AES256:ECDH+AES128:DH+AES:RSA+AESGCM:RSA+AES:!aNULL:!MD5:!DSS',
];

function generate(dir) {
  const sites = join(dir, 'nginx', 'sites-enabled');
  mkdirSync(sites, { recursive: true });
  writeFileSync(
    join(dir, 'nginx', 'nginx.conf'),
    'events {}\nhttp {\n  ssl_protocols TLSv1.2 TLSv1.3;\n  include sites-enabled/*;\n}\n',
  );
  for (let i = 0; i < FILES; i++) {
    const kind = i % 10;
    const policy = i % 17 === 0 ? `${POLICIES[i % 4]}:!SHA${i % 7}` : POLICIES[i % 4];
    if (kind < 8) {
      writeFileSync(
        join(sites, `site-${i}.conf`),
        `server {\n  listen 443 ssl;\n  server_name site${i}.example.org;\n  ssl_certificate /etc/ssl/site${i}.pem;\n  ssl_ciphers ${policy};\n  location / { proxy_pass http://127.0.0.1:${8000 + (i % 100)}; }\n}\n`,
      );
    } else if (kind === 8) {
      mkdirSync(join(dir, 'haproxy', String(i)), { recursive: true });
      writeFileSync(
        join(dir, 'haproxy', String(i), 'haproxy.cfg'),
        `global\n  ssl-default-bind-ciphers ${policy}\n  ssl-default-bind-options ssl-min-ver TLSv1.2\nfrontend f\n  bind :443 ssl crt /etc/ssl/site.pem\nbackend b\n  server s 10.0.0.1:443 ssl verify none\n`,
      );
    } else {
      mkdirSync(join(dir, 'postfix', String(i)), { recursive: true });
      writeFileSync(
        join(dir, 'postfix', String(i), 'main.cf'),
        `smtpd_tls_security_level = may\nsmtpd_tls_exclude_ciphers = aNULL, RC4\nsmtp_tls_security_level = may\n`,
      );
    }
  }
}

function readAll(path) {
  if (statSync(path).isDirectory()) return readdirSync(path).reduce((n, f) => n + readAll(join(path, f)), 0);
  return readFileSync(path, 'utf8').length > 0 ? 1 : 0;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn, runs = 3) {
  const ms = [];
  let out;
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    out = fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: median(ms), out };
}

const dir = mkdtempSync(join(tmpdir(), 'cipherx-scan-bench-'));
try {
  generate(dir);
  const read = time(() => readAll(dir));
  const lib = time(() => scan([dir], fileSystemHost(new Map())));
  const report = lib.out;
  const cli = time(() => spawnSync(process.execPath, [BIN, 'scan', '--json', dir], { maxBuffer: 1 << 30 }), 1);
  const strings = report.settings.map((s) => s.string);
  const openssl = await measureOpenSSL([...new Set(strings)], { timeMs: 50 });
  const perString = new Map(openssl.map((o) => [o.input, o.nsPerCall]));
  const opensslMs = strings.reduce((sum, s) => sum + perString.get(s), 0) / 1e6;
  const files = report.files.length;
  const summary = {
    files,
    settings: report.settings.length,
    problems: report.problems.length,
    readMs: Math.round(read.ms),
    scanMs: Math.round(lib.ms),
    cliMs: Math.round(cli.ms),
    opensslEvaluateMs: Math.round(opensslMs),
    filesPerSecond: Math.round(files / (lib.ms / 1000)),
    cliFilesPerSecond: Math.round(files / (cli.ms / 1000)),
    ratioToRead: +(lib.ms / read.ms).toFixed(1),
    ratioToOpenSSL: +(lib.ms / opensslMs).toFixed(1),
  };
  if (asJson) console.log(JSON.stringify(summary));
  else {
    console.log(`scan of ${files} files (${summary.settings} settings), same run:`);
    console.log(`  read the files (node:fs)             ${String(summary.readMs).padStart(7)} ms`);
    console.log(`  OpenSSL evaluates every setting (C)  ${String(summary.opensslEvaluateMs).padStart(7)} ms`);
    console.log(
      `  scan() (library)                     ${String(summary.scanMs).padStart(7)} ms  ${summary.filesPerSecond} files/s; ${summary.ratioToRead}x reading, ${summary.ratioToOpenSSL}x OpenSSL's evaluation`,
    );
    console.log(
      `  cipherx scan --json (CLI, cold)      ${String(summary.cliMs).padStart(7)} ms  ${summary.cliFilesPerSecond} files/s`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
