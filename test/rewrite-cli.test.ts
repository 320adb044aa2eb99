import { describe, expect, it } from 'vitest';
import { fix, minimize } from '../src/write/index.js';
import { BASKET } from '../bench/basket.js';
import { cipherx } from './helpers/cli.js';

// cipherx minimize and cipherx fix against the library: the string alone on standard output,
// everything with --json, the exit status of each outcome.
const CISCO = BASKET[0]!.input;
const THREE = ['openssl-1.0.2', 'openssl-1.1.1', 'openssl-3.0'] as const;
const targetArgs = THREE.flatMap((t) => ['--target', t]);

describe('cipherx minimize', () => {
  it('prints the string alone on standard output, the proof on standard error', () => {
    const r = cipherx(['minimize', ...targetArgs, '--', CISCO]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(minimize(CISCO, { targets: THREE }).string + '\n');
    expect(r.stderr).toMatch(/^minimize: 368 -> \d+ characters/);
    for (const t of THREE) expect(r.stderr).toContain(`  ${t}: `);
  });

  it('--json is the library result', () => {
    const r = cipherx(['minimize', '--json', '--target', 'openssl-3.0', 'HIGH:!aNULL:!aNULL']);
    expect(JSON.parse(r.stdout)).toEqual(
      JSON.parse(JSON.stringify(minimize('HIGH:!aNULL:!aNULL', { targets: ['openssl-3.0'] }))),
    );
  });

  it('exits 1 for a string a target rejects (printed unchanged), 2 for a usage error', () => {
    const rejected = cipherx(['minimize', 'FOO']);
    expect([rejected.status, rejected.stdout]).toEqual([1, 'FOO\n']);
    expect(cipherx(['minimize']).status).toBe(2);
    expect(cipherx(['minimize', '--target', 'nope', 'ALL']).status).toBe(2);
    expect(cipherx(['minimize', '--seclevel', '9', 'ALL']).status).toBe(2);
  });

  it('--help teaches with an example', () => {
    const r = cipherx(['minimize', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Example:\n  \$ cipherx minimize/);
  });
});

describe('cipherx fix', () => {
  it('prints the string alone on standard output, each change on standard error', () => {
    const r = cipherx(['fix', '--target', 'openssl-1.1.1', '--target', 'openssl-3.0', '!RC4:DEFAULT']);
    const lib = fix('!RC4:DEFAULT', { targets: ['openssl-1.1.1', 'openssl-3.0'] });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(lib.string + '\n');
    expect(r.stderr).toContain('default-not-first: moved `DEFAULT` to the front');
    expect(r.stderr.match(/^\S+: (added|removed|moved)/gm)).toHaveLength(lib.changes.length);
  });

  it('--json is the library result; --security picks the findings', () => {
    const r = cipherx(['fix', '--json', '--security', 'none', '--target', 'openssl-1.0.2', 'HIGH:FOO']);
    expect(JSON.parse(r.stdout)).toEqual(
      JSON.parse(JSON.stringify(fix('HIGH:FOO', { targets: ['openssl-1.0.2'], security: 'none' }))),
    );
    expect(cipherx(['fix', '--security', 'warning', 'HIGH']).status).toBe(2);
    expect(cipherx(['fix', '--security', 'weak', '--target', 'openssl-1.0.2', 'AES128-SHA:DES-CBC3-SHA']).stdout).toBe(
      'AES128-SHA:DES-CBC3-SHA:!3DES\n',
    );
  });

  it('exits 1 for a string a target rejects, and --help teaches with an example', () => {
    expect(cipherx(['fix', 'FOO'])).toMatchObject({ status: 1, stdout: 'FOO\n' });
    expect(cipherx(['fix', '--help']).stdout).toMatch(/Example:\n  \$ cipherx fix/);
  });
});
