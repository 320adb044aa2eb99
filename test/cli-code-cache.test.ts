// The CLI keeps V8's compiled code of its bundle between runs (bin/cipherx.cjs, loadBundle): on
// Node 22.1+ through Node's own compile cache, before that in dist/src/cli/.code-cache/. These
// tests run a copy of the built CLI in a folder of their own, so that the cache they make, spoil
// and remove is no other test's.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from './helpers/cli.js';

const ROOT = join(BIN, '..', '..');
const copy = mkdtempSync(join(tmpdir(), 'cipherx-code-cache-'));
cpSync(join(ROOT, 'bin', 'cipherx.cjs'), join(copy, 'bin', 'cipherx.cjs'));
cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
cpSync(join(ROOT, 'dist', 'data'), join(copy, 'dist', 'data'), { recursive: true });
for (const f of readdirSync(join(ROOT, 'dist', 'src', 'cli')).filter((f) => f.endsWith('.cjs'))) {
  cpSync(join(ROOT, 'dist', 'src', 'cli', f), join(copy, 'dist', 'src', 'cli', f));
}
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const CACHE = join(copy, 'dist', 'src', 'cli', '.code-cache', `${process.version}-${process.arch}`);
/** Node's own compile cache is used where it exists, and then the CLI writes none of its own. */
const nodeCaches = typeof (Module as unknown as Record<string, unknown>).enableCompileCache === 'function';

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(copy, 'bin', 'cipherx.cjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const cached = () => (existsSync(CACHE) ? readdirSync(CACHE).sort() : []);

describe('the CLI keeps its compiled code between runs', () => {
  it('the bundle has no dynamic import(): a vm.Script (how Node 20 loads it here) cannot import', () => {
    const dir = join(ROOT, 'dist', 'src', 'cli');
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.cjs'))) {
      expect(readFileSync(join(dir, f), 'utf8'), f).not.toMatch(/\bimport\s*\(/);
    }
  });

  const expected = run(['expand', '-v', 'HIGH:!aNULL'], { NODE_DISABLE_COMPILE_CACHE: '1' });

  it('NODE_DISABLE_COMPILE_CACHE: no cache is written', () => {
    expect(expected.status).toBe(0);
    expect(expected.stdout).toContain('ECDHE-ECDSA-AES256-GCM-SHA384');
    expect(cached()).toEqual([]);
  });

  it('the first run writes the code of the files it loaded, the next runs use it with the same output', () => {
    const first = run(['expand', '-v', 'HIGH:!aNULL']);
    expect(first).toEqual(expected);
    if (nodeCaches) {
      expect(cached()).toEqual([]);
      return;
    }
    const files = cached();
    // The entry, the shared core and the expand command: each named by its file's size and time
    // and by the command that ran.
    expect(files.map((f) => f.replace(/-\d+-\d+-expand\.v8$/, '').replace(/-[\w-]{8}\.cjs$/, '.cjs'))).toEqual([
      'cipherx.min-core.cjs',
      'cipherx.min-expand-command.cjs',
      'cipherx.min.cjs',
    ]);
    expect(run(['expand', '-v', 'HIGH:!aNULL'])).toEqual(expected);
    // Another command keeps its own code of the files it loads.
    expect(run(['lint', 'HIGH']).status).toBe(0);
    expect(cached().length).toBeGreaterThan(files.length);
  });

  it('a spoilt or foreign cache file is refused by V8 and written anew; the output stays the same', () => {
    if (nodeCaches) return;
    const files = cached();
    expect(files.length).toBeGreaterThan(0);
    truncateSync(join(CACHE, files[0]!), 100);
    writeFileSync(join(CACHE, files[1]!), 'not code');
    expect(run(['expand', '-v', 'HIGH:!aNULL'])).toEqual(expected);
    expect(run(['expand', '-v', 'HIGH:!aNULL'])).toEqual(expected);
  });

  it('a package folder it cannot write to: the CLI runs the same without a cache', () => {
    if (nodeCaches) return;
    rmSync(join(copy, 'dist', 'src', 'cli', '.code-cache'), { recursive: true, force: true });
    // A file where the cache folder would go makes every write fail, as a read-only folder would.
    writeFileSync(join(copy, 'dist', 'src', 'cli', '.code-cache'), '');
    expect(run(['expand', '-v', 'HIGH:!aNULL'])).toEqual(expected);
    rmSync(join(copy, 'dist', 'src', 'cli', '.code-cache'));
  });
});
