// What the CLI does when its output cannot be written (bin/cipherx.cjs writes an answer to the
// file descriptor directly, --batch through the stream): a reader gone changes no exit status, a
// full disk is said and fails the run, standard error's failures are ignored. Each case runs the
// CLI through sh with the redirection it names.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assessList, assessSuite, expand, lint } from '../src/index.js';
import { suiteIdCount } from '../src/lint/suite-ids.js';
import { BIN, cipherx } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cipherx-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs `cipherx ARGS` in sh with `redirect` after it and `pipe` after the group that also writes
 * its exit status to a file (a pipeline's status is its last command's).
 */
function shell(args: string, redirect: string, stdin = '', pipe = '') {
  const status = join(dir, 'status');
  const command = `{ "${process.execPath}" "${BIN}" ${args} ${redirect}; echo $? > "${status}"; } ${pipe}`;
  const r = spawnSync('sh', ['-c', command], {
    input: stdin,
    encoding: 'utf8',
    cwd: dir,
  });
  return { stdout: r.stdout, stderr: r.stderr, status: Number(readFileSync(status, 'utf8')) };
}

describe('a reader that goes away (EPIPE)', () => {
  // `head -c 0` exits at once without reading: the CLI, starting later, writes into a closed pipe.
  it('the command still ends with its own exit status', () => {
    const alone = cipherx(['check', '--policy', 'mozilla-modern', 'HIGH']);
    expect(alone.status).toBe(1);
    const piped = shell('check --policy mozilla-modern HIGH', '', '', '| head -c 0');
    expect(piped.status).toBe(1);
    expect(piped.stderr).toBe('');
  });

  it('what it says on standard error afterwards is still said', () => {
    const alone = cipherx(['fix', 'HIGH:FOO']);
    const piped = shell('fix HIGH:FOO', `2> "${join(dir, 'err')}"`, '', '| head -c 0');
    expect(piped.status).toBe(alone.status);
    expect(readFileSync(join(dir, 'err'), 'utf8')).toBe(alone.stderr);
    expect(alone.stderr).toContain('FOO');
  });
});

describe('a reader that goes away during --batch', () => {
  // The first line is rejected; thousands more follow, so the reader (`head -c 1`) is gone long
  // before the answers end.
  const input = `BOGUS(\n${'ALL:!aNULL\n'.repeat(5000)}`;
  it.each(['expand --batch', 'lint --batch', 'expand --batch --json'])(
    '%s still ends with its own exit status, quietly',
    (args) => {
      const alone = shell(args, '> /dev/null', input);
      expect(alone.status).not.toBe(0);
      const piped = shell(args, '2> /dev/null', input, '| head -c 1');
      expect(piped.status).toBe(alone.status);
    },
  );

  it('an endless input stops being read once the reader has gone', () => {
    const r = spawnSync('sh', ['-c', `yes ALL | "${process.execPath}" "${BIN}" expand --batch | head -c 1`], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
    expect(r.stdout).toHaveLength(1);
  });
});

describe('output that cannot be written', () => {
  it.runIf(existsSync('/dev/full'))('--batch on a full device: said once, no stack trace, and the run fails', () => {
    for (const args of ['expand --batch', 'lint --batch']) {
      const r = shell(args, '> /dev/full', 'HIGH\nLOW\n'.repeat(20000));
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^cipherx: cannot write the output: ENOSPC[^\n]*\n$/);
    }
  });

  it.runIf(existsSync('/dev/full'))('a full device: said once on standard error, and the run fails', () => {
    const r = shell('expand -v ALL', '> /dev/full');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^cipherx: cannot write the output: ENOSPC/);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it.runIf(existsSync('/dev/full'))(
    'standard error that cannot be written is ignored: the answers are all given',
    () => {
      const r = shell('expand --batch', '2> /dev/full', 'BOGUS(\nHIGH\nLOW\n');
      expect(r.status).toBe(1);
      expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(3);
      expect(r.stdout).toContain(expand('HIGH').ciphers[0]!.name);
    },
  );
});

describe("lint's numbering of suite names", () => {
  it('suites a caller makes and only rates take no number (the numbering stays as large as the tables)', () => {
    lint('ALL:COMPLEMENTOFALL');
    const before = suiteIdCount();
    const base = expand('ALL').ciphers[0]!;
    for (let k = 0; k < 2000; k++) {
      assessSuite({ ...base, name: `MADE-UP-${k}` });
      assessList([Object.freeze({ ...base, name: `FROZEN-${k}` })]);
    }
    expect(suiteIdCount()).toBe(before);
  });
});
