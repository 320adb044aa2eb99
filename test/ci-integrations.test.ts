import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The GitHub Action (action.yml) and the pre-commit hook (.pre-commit-hooks.yaml), run as their
// hosts run them: the action's scan step as GitHub's runner would (its inputs and paths put in,
// its script in bash), the hook's entry with the staged files its `files` pattern picks.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const action = readFileSync(join(ROOT, 'action.yml'), 'utf8');
const hooks = readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');

/** One step of the action: its `env` lines and its `run` script, as written. */
function step(name: string): { env: Record<string, string>; run: string } {
  const at = action.indexOf(`    - name: ${name}\n`);
  expect(at, `action.yml has a step ${name}`).toBeGreaterThan(0);
  const next = action.indexOf('\n    - name: ', at + 1);
  const text = action.slice(at, next < 0 ? undefined : next);
  const env: Record<string, string> = {};
  const envBlock = /\n      env:\n((?: {8}\S.*\n)+)/.exec(text)?.[1] ?? '';
  for (const line of envBlock.split('\n').filter(Boolean)) {
    const [, key, value] = /^ {8}([A-Z_]+): (.*)$/.exec(line)!;
    env[key!] = value!;
  }
  const run = /\n      run: \|\n((?: {8}.*\n?)+)/.exec(text)![1]!.replace(/^ {8}/gm, '');
  return { env, run };
}

/** GitHub's expressions, as the runner fills them in. */
function fill(value: string, inputs: Record<string, string>): string {
  return value.replace(/\$\{\{ (inputs\.([\w-]+)|github\.action_path) \}\}/g, (_, _w, input: string | undefined) =>
    input === undefined ? ROOT.replace(/\/$/, '') : (inputs[input] ?? ''),
  );
}

/** The default of each input, as action.yml declares it. */
function defaults(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of action.matchAll(/^ {2}([\w-]+):\n(?: {4}.*\n)*? {4}default: (.*)$/gm))
    out[m[1]!] = m[2]!.replace(/^'(.*)'$/, '$1');
  return out;
}

function runScan(inputs: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'cipherx-action-'));
  const all = { ...defaults(), ...inputs, 'sarif-file': join(dir, 'out.sarif') };
  const s = step('Scan');
  const env = Object.fromEntries(Object.entries(s.env).map(([k, v]) => [k, fill(v, all)]));
  const r = spawnSync('bash', ['-e', '-c', s.run], {
    cwd: ROOT,
    env: { ...process.env, ...env, GITHUB_OUTPUT: join(dir, 'output') },
    encoding: 'utf8',
  });
  const read = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8') : '');
  const sarif = read(all['sarif-file']!);
  return { ...r, sarif: sarif === '' ? null : JSON.parse(sarif), output: read(join(dir, 'output')) };
}

describe('action.yml', () => {
  it('declares its inputs with defaults, and a build step before the scan', () => {
    expect(defaults()).toEqual({
      paths: '.',
      target: 'openssl-3.0',
      seclevel: '',
      'fail-on': 'error',
      'sarif-file': 'cipherx.sarif',
    });
    expect(step('Build cipherx').run).toContain('npm run build');
  });

  it('writes SARIF whatever is found and fails the step as fail-on says', () => {
    const clean = runScan({ paths: 'test/fixtures/scan/haproxy' });
    expect(clean.status).toBe(0);
    expect(clean.sarif.version).toBe('2.1.0');
    expect(clean.output).toMatch(/^sarif-file=.*out\.sarif\n$/);
    const strict = runScan({
      paths: 'test/fixtures/scan/haproxy test/fixtures/scan/postfix',
      'fail-on': 'warning',
      seclevel: '2',
    });
    expect(strict.status).toBe(1);
    expect(strict.sarif.runs[0].results.length).toBeGreaterThan(0);
    expect(strict.stdout).toContain('test/fixtures/scan/postfix/main.cf');
    const never = runScan({ paths: 'test/fixtures/scan/postfix', 'fail-on': 'never' });
    expect(never.status).toBe(0);
    expect(never.stdout).toContain('warning[');
  });

  it('a wrong input fails the step with the usage error', () => {
    const r = runScan({ paths: 'test/fixtures/scan/haproxy', target: 'openssl-9.9' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown target');
    expect(r.output).toBe('');
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const field = (name: string) => new RegExp(`\\n  ${name}: (.*)\\n`).exec(hooks)![1]!;

  it('one node hook whose entry is the package’s own bin', () => {
    expect(hooks).toMatch(/^(#.*\n)*- id: cipherx-scan\n/);
    expect(field('language')).toBe('node');
    expect(field('entry')).toBe('cipherx scan');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.bin)).toContain('cipherx');
  });

  it('its files pattern picks the configuration files of the products, not other files', () => {
    const files = new RegExp(field('files'));
    for (const f of [
      'etc/nginx/nginx.conf',
      'nginx/sites-enabled/default',
      'haproxy/haproxy.cfg',
      'postfix/main.cf',
      'deploy/haproxy.cfg',
      'conf/my.cnf',
      'dovecot/conf.d/10-ssl.conf',
    ])
      expect(f).toMatch(files);
    for (const f of ['src/index.ts', 'README.md', 'docs/nginx.md.txt'.replace('/nginx.md.txt', '/guide.md')])
      expect(f).not.toMatch(files);
  });

  it('certificates, keys and documentation beside the configuration are not passed', () => {
    const picked = (f: string) => new RegExp(field('files')).test(f) && !new RegExp(field('exclude')).test(f);
    for (const f of ['nginx/ssl/site.pem', 'etc/ssl/private/mail.key', 'haproxy/certs/site.crt', 'nginx/README.md'])
      expect(picked(f), f).toBe(false);
    for (const f of ['ssl/openssl.cnf', 'haproxy/crt-list.txt', 'nginx/conf.d/site.conf'])
      expect(picked(f), f).toBe(true);
  });

  it('run as pre-commit runs it (entry, then the staged files): fails on an error, passes clean files', () => {
    const entry = field('entry').split(' ');
    const run = (files: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'bin/cipherx.cjs'), ...entry.slice(1), ...files], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    expect(run(['test/fixtures/scan/haproxy/haproxy.cfg']).status).toBe(0);
    const bad = run(['test/fixtures/scan/nginx/nginx.conf', 'test/fixtures/scan/missing/nginx.conf']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('error[file-unreadable]');
  });
});
