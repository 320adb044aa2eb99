import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cipherx, opensslCiphers } from './helpers/cli.js';

// The official SARIF 2.1.0 schema (rtm.5, the OASIS standard's), as Microsoft's SARIF tooling
// ships it, checked with the JSON Schema validator that package itself uses.
const sarifPackage = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/package.json');
const fromSarif = createRequire(sarifPackage);
const Ajv = fromSarif('ajv') as new (o: object) => {
  addMetaSchema(s: object): void;
  compile(s: object): ((d: unknown) => boolean) & { errors?: unknown };
};
const validateSarif = (() => {
  const ajv = new Ajv({ schemaId: 'auto', validateSchema: false, allErrors: true });
  ajv.addMetaSchema(fromSarif('ajv/lib/refs/json-schema-draft-04.json'));
  return ajv.compile(fromSarif('./lib/schemas/sarif-2.1.0-rtm.5.json'));
})();

const FIXTURES = 'test/fixtures/scan';

describe('cipherx scan', () => {
  it('text: grouped by file, each setting with what the library receives, findings with carets in the file', () => {
    const r = cipherx(['scan', `${FIXTURES}/nginx/conf.d/legacy.conf`]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = r.stdout;
    expect(out).toContain(
      `${FIXTURES}/nginx/conf.d/legacy.conf\n  6:2 nginx server (http > server legacy.example.org 8443) on openssl-3.0\n`,
    );
    expect(out).toContain(
      '    cipher string: HIGH:!aNULL:!MD5:RC4-SHA  [ssl_ciphers at test/fixtures/scan/nginx/conf.d/legacy.conf:6:15]\n',
    );
    expect(out).toMatch(
      /warning\[not-in-this-release\]: `RC4-SHA` [^\n]*\n\s+--> test\/fixtures\/scan\/nginx\/conf.d\/legacy.conf:6:32\n/,
    );
    expect(out).toMatch(/1 file, 1 setting; 0 errors, \d+ warnings?, \d+ notes?\n$/);
  });

  it('--json: settings with file, line, column, product, directive, role, target, string, ciphersuites, protocols, result, diagnostics', () => {
    const r = cipherx(['scan', '--json', '--target', 'openssl-3.0', '--target', 'openssl-3.5', `${FIXTURES}/haproxy`]);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['settings', 'problems', 'files']);
    expect(report.settings).toHaveLength(10);
    const first = report.settings[0];
    for (const key of [
      'file',
      'line',
      'column',
      'product',
      'directive',
      'role',
      'target',
      'string',
      'ciphersuites',
      'protocols',
      'result',
      'diagnostics',
    ]) {
      expect(first, key).toHaveProperty(key);
    }
    expect(report.settings.map((s: { target: string }) => s.target).slice(0, 2)).toEqual([
      'openssl-3.0',
      'openssl-3.5',
    ]);
    expect(first.result.trace).toBeUndefined();
    expect(first.result.supported.ciphers.length).toBeGreaterThan(0);
  });

  it('--sarif: valid SARIF 2.1.0, one rule per code used, results located in the scanned files', () => {
    const r = cipherx(['scan', '--sarif', `${FIXTURES}/nginx`, `${FIXTURES}/postfix`]);
    const log = JSON.parse(r.stdout);
    const ok = validateSarif(log);
    expect(validateSarif.errors ?? [], JSON.stringify(validateSarif.errors)).toEqual([]);
    expect(ok).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('cipherx');
    const ids = run.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const res of run.results) {
      expect(ids[res.ruleIndex]).toBe(res.ruleId);
      expect(res.locations[0].physicalLocation.artifactLocation.uri).toMatch(
        /^test\/fixtures\/scan\/(nginx|postfix)\//,
      );
    }
    const rc4 = run.results.find((x: { ruleId: string }) => x.ruleId === 'not-in-this-release');
    expect(rc4.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'test/fixtures/scan/nginx/conf.d/legacy.conf' },
      region: { startLine: 6, startColumn: 32, endLine: 6, endColumn: 39 },
    });
  });

  it('--sarif with problems of reading is valid too, and a template placeholder is a warning at its place', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cipherx-scan-'));
    mkdirSync(join(dir, 'nginx'));
    writeFileSync(
      join(dir, 'nginx', 'nginx.conf'),
      'http {\n  server { listen 443 ssl; ssl_ciphers ${CIPHERS}; }\n  include missing.conf;\n',
    );
    const r = cipherx(['scan', '--sarif', dir]);
    const log = JSON.parse(r.stdout);
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(
      log.runs[0].results.map(
        (x: { ruleId: string; locations: Array<{ physicalLocation: { region: { startLine: number } } }> }) => [
          x.ruleId,
          x.locations[0]!.physicalLocation.region.startLine,
        ],
      ),
    ).toEqual([
      ['unresolved-value', 2],
      ['include-not-found', 3],
      ['config-syntax', 4],
    ]);
    expect(r.status).toBe(1);
  });

  it('exit status: --fail-on as in lint; --ignore leaves codes out; usage errors are 2', () => {
    expect(cipherx(['scan', `${FIXTURES}/haproxy`]).status).toBe(0);
    expect(cipherx(['scan', '--fail-on', 'warning', `${FIXTURES}/haproxy`]).status).toBe(1);
    expect(cipherx(['scan', '--fail-on', 'never', `${FIXTURES}/haproxy`, 'no/such/file']).status).toBe(0);
    const ignored = [
      'no-forward-secrecy',
      'cbc-mode',
      'overshoot',
      'finite-field-dhe',
      'sha1-mac',
      'ccm8-short-tag',
      'pre-shared-key',
      'srp',
      'uncommon-cipher',
      'dead-term',
    ];
    expect(
      cipherx(['scan', '--fail-on', 'info', ...ignored.flatMap((c) => ['--ignore', c]), `${FIXTURES}/haproxy`]).stdout,
    ).toMatch(/0 errors, 0 warnings, 0 notes/);
    for (const bad of [
      [],
      ['--product', 'ngnix', 'x'],
      ['--fail-on', 'toString', 'x'],
      ['--ignore', 'constructor', 'x'],
      ['--json', '--sarif', 'x'],
      ['--seclevel', '9', 'x'],
      ['--target', 'openssl-9', 'x'],
    ]) {
      const r = cipherx(['scan', ...bad]);
      expect(r.status, bad.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^cipherx: /);
    }
    expect(cipherx(['scan', '--product', 'ngnix', 'x']).stderr).toContain('did you mean `nginx`');
  });

  it('a file named on the command line that no product writes, or that does not exist, is reported, not skipped', () => {
    const r = cipherx(['scan', `${FIXTURES}/notes.txt`, 'no/such/file.conf']);
    expect(r.stdout).toContain('warning[unrecognised-file]');
    expect(r.stdout).toContain('error[file-unreadable]: no/such/file.conf: no such file');
    expect(r.status).toBe(1);
    // Told which product it is, the file is read as that product: here, broken nginx syntax.
    const forced = cipherx(['scan', '--product', 'nginx', '--json', `${FIXTURES}/notes.txt`]);
    expect(JSON.parse(forced.stdout).problems[0]).toMatchObject({
      code: 'config-syntax',
      file: `${FIXTURES}/notes.txt`,
      line: 1,
      column: 1,
    });
    expect(forced.status).toBe(1);
  });

  it('--distro debian-12: this machine’s OpenSSL 3.0 at its level 2, as `openssl ciphers -s` here offers it', () => {
    const r = JSON.parse(
      cipherx([
        'scan',
        '--distro',
        'debian-12',
        '--json',
        `${FIXTURES}/nginx/snippets/ssl-params.conf`,
        `${FIXTURES}/haproxy`,
      ]).stdout,
    );
    expect(r.settings.length).toBeGreaterThan(3);
    for (const s of r.settings) {
      expect(s.target).toBe('openssl-3.0');
      expect(s.result.seclevel).toBe(2);
      // At level 2 nothing below TLS 1.2 is left: a range without TLS 1.3 is TLS 1.2 alone.
      const flags = !s.protocols.includes('TLSv1.3') ? ['-tls1_2'] : s.protocols.length === 1 ? ['-tls1_3'] : [];
      const args = ['-s', ...flags, ...(s.ciphersuites === null ? [] : ['-ciphersuites', s.ciphersuites]), s.string];
      const live = opensslCiphers(args).stdout.trim().split(':');
      expect(
        s.result.supported.ciphers.map((c: { name: string }) => c.name),
        `${s.context}: openssl ciphers ${args.join(' ')}`,
      ).toEqual(live);
    }
    expect(cipherx(['scan', '--distro', 'debian12', 'x']).stderr).toContain('did you mean `debian-12`');
  });

  it('the README shows the real output of its example scan', () => {
    const readme = readFileSync('README.md', 'utf8');
    const command = '$ cipherx scan --distro debian-12 docs/examples/scan\n';
    const at = readme.indexOf(command);
    expect(at).toBeGreaterThan(0);
    const shown = readme.slice(at + command.length, readme.indexOf('```', at));
    expect(cipherx(['scan', '--distro', 'debian-12', 'docs/examples/scan']).stdout).toBe(shown);
  });

  it('--help teaches: the products, the options, the exit status', () => {
    const r = cipherx(['scan', '--help']);
    expect(r.status).toBe(0);
    for (const word of [
      'nginx',
      'haproxy',
      'postfix',
      '--sarif',
      '--json',
      '--fail-on',
      '--product',
      '--seclevel',
      'Exit status',
    ])
      expect(r.stdout).toContain(word);
    expect(cipherx(['--help']).stdout).toContain('scan [options] <path>...');
  });
});
