import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeTargets, expand, lint, negotiate, targets } from '../src/index.js';
import {
  DEFAULT_TARGET,
  TARGET_NAMES,
  findLibrary,
  libraries,
  requireLibrary,
  type Library,
} from '../src/library/registry.js';
import { boringsslTable, opensslTable } from '../src/library/tables.js';
import { cipherx } from './helpers/cli.js';

// The library registry: one record per target, whose facts agree with the recorded tables, looked
// up by name without ever reading an inherited property, and the only place that names targets.

const SRC = fileURLToPath(new URL('../src', import.meta.url));

describe('every record agrees with its recorded table', () => {
  // Proves each capability the CLI, expand() and the page rely on is what the table says.
  it.each(libraries().filter((l) => l.family === 'openssl'))('$name', (lib) => {
    const d = opensslTable(lib).data;
    expect(d.target).toBe(lib.name);
    expect(lib.capabilities.tls13Configurable).toBe(d.tls13 !== null);
    expect(lib.capabilities.securityLevels).toBe(d.defaultSeclevel !== null);
    expect(lib.capabilities.securityLevels).toBe(d.specials.includes('SECLEVEL'));
    expect(lib.capabilities.stdnameOutput).toBe(d.layout.stdname !== null);
    expect(lib.protocols).toEqual(d.protocols);
    expect(lib.capabilities.groups || lib.capabilities.strict).toBe(false);
  });
  it.each(libraries().filter((l) => l.family === 'boringssl'))('$name', (lib) => {
    const d = boringsslTable(lib).data;
    expect(d.target).toBe(lib.name);
    expect(d.specials).not.toContain('SECLEVEL');
    expect(lib.capabilities).toMatchObject({ securityLevels: false, groups: true, strict: true });
    expect(lib.capabilities.tls13Configurable).toBe(d.tls13 !== null);
  });
  // Proves the public list, describeTargets() and the registry are one list, in one order.
  it('targets, describeTargets() and the registry agree', () => {
    expect(targets).toEqual(TARGET_NAMES);
    expect(describeTargets().map((t) => t.name)).toEqual(TARGET_NAMES);
    expect(TARGET_NAMES).toContain(DEFAULT_TARGET);
    expect(new Set(TARGET_NAMES).size).toBe(TARGET_NAMES.length);
  });
});

describe('names typed by a user are only looked up', () => {
  const INHERITED = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'];
  // Proves a property name of Object.prototype is no target (a plain-object lookup would find one).
  it.each(INHERITED)('%s is no target', (name) => {
    expect(findLibrary(name)).toBeUndefined();
    expect(() => requireLibrary(name, 'expand')).toThrow(/unknown target/);
    expect(() => expand('ALL', { target: name as never })).toThrow(TypeError);
    expect(() => lint('ALL', { target: name as never })).toThrow(TypeError);
    expect(() => negotiate({ local: 'ALL', peer: 'java-8', target: name as never })).toThrow(TypeError);
  });
  // Proves the CLI answers such names with a usage error, never an internal error (exit 70).
  it.each([
    [['expand', '--target', 'constructor', 'ALL'], /unknown target "constructor"/],
    [['lint', '--target', '__proto__', 'ALL'], /unknown target "__proto__"/],
    [['help', 'toString'], /no help on "toString"/],
    [['valueOf'], /unknown command "valueOf"/],
  ])('cipherx %j', (args, message) => {
    const r = cipherx(args as string[]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
  });
});

describe('options a library does not have are refused in one place', () => {
  // Each row: the option, and the libraries that take it (from the registry's capabilities).
  const CASES: Array<[string, object, (l: Library) => boolean]> = [
    ['ciphersuites', { ciphersuites: 'TLS_AES_128_GCM_SHA256' }, (l) => l.capabilities.tls13Configurable],
    ['seclevel', { seclevel: 1 }, (l) => l.capabilities.securityLevels],
    ['strict', { strict: false }, (l) => l.capabilities.strict],
    ['supported.srp', { supported: { srp: true } }, (l) => l.capabilities.srp],
  ];
  for (const [name, options, takes] of CASES) {
    // Proves expand() throws for exactly the libraries whose record says they lack the option.
    it(name, () => {
      for (const lib of libraries()) {
        const call = () => expand('ALL', { target: lib.name, ...options });
        if (takes(lib)) expect(call, lib.name).not.toThrow();
        else expect(call, lib.name).toThrow(TypeError);
      }
    });
  }
  // Proves the CLI's --help lists every library the registry has, and marks the default.
  it('help texts list the registry', () => {
    for (const command of ['expand', 'lint', 'explain', 'diff', 'negotiate']) {
      const help = cipherx(['help', command]).stdout.replace(/\s+/g, ' ');
      for (const name of TARGET_NAMES) expect(help, command).toContain(name);
      expect(help, command).toContain(`${DEFAULT_TARGET} (default)`);
    }
  });
});

/** Every .ts file under `dir`, but the generated parsers. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'parser' ? [] : sources(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

describe('the registry is the only place that names a target', () => {
  // A comparison with a target name, or a name used as a key or value in code (comments and the
  // registry itself aside). Family names are words of their own and may be compared.
  const families = new Set(libraries().map((l) => l.family as string));
  const names = TARGET_NAMES.filter((n) => !families.has(n)).map((n) => n.replace(/\./g, '\\.'));
  const literal = new RegExp(`['"\`](${names.join('|')})['"\`]`);
  const all = TARGET_NAMES.map((n) => n.replace(/\./g, '\\.')).join('|');
  const comparison = new RegExp(`\\b(target|targetName|name)\\s*[!=]==?\\s*['"\`](${all})['"\`]`);
  it.each(sources(SRC).filter((f) => !f.endsWith(join('library', 'registry.ts'))))('%s', (file) => {
    const code = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(\/\/|\*|\/\*\*)/.test(line));
    const found = code.filter((line) => literal.test(line) || comparison.test(line));
    expect(found).toEqual([]);
  });
});
