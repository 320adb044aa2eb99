import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatCiphers } from '../src/format/openssl-text.js';
import { PROTOCOL_VERSION, suiteIdNumber } from '../src/family/openssl/compile.js';
import { findLibrary, libraries } from '../src/library/registry.js';
import { opensslTable } from '../src/library/tables.js';
import type { MaskCategory, MaskNames } from '../src/family/openssl/target.js';

// Invariants of data/openssl-3.0.json and of the target compiled from it, checked against the
// recorded 3.0.20 build table it was generated from and against this machine's openssl.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const target = opensslTable(findLibrary('openssl-3.0')!);
const data = target.data;

interface RecordedCipher {
  name: string;
  id: string;
  description: string;
}
interface RecordedTable {
  ciphers: RecordedCipher[];
  tls13_ciphersuites: RecordedCipher[];
  known_by_code_but_not_in_all_complementofall: RecordedCipher[];
}
const table = JSON.parse(
  readFileSync(new URL('../data/source/tables/table-3.0.20.json', import.meta.url), 'utf8'),
) as RecordedTable;

// Checked with `openssl ciphers -ciphersuites '' -- 'WORD#:ALL'` on this machine's 3.0.19: exit 0
// (the unknown word swallows `#`) for exactly these aliases; scripts/check-data.js repeats the probe.
const UNREGISTERED = [
  'RC4',
  'RC2',
  'IDEA',
  'SEED',
  'kGOST',
  'kGOST18',
  'aGOST01',
  'aGOST12',
  'aGOST',
  'GOST89',
  'GOST94',
  'GOST89MAC',
  'GOST12',
  'GOST2012-GOST8912-GOST8912',
];

const MASK_CATEGORIES: MaskCategory[] = ['mkey', 'auth', 'enc', 'mac', 'ssl', 'strength'];
const namesOf = (m: MaskNames): string[] => (Array.isArray(m) ? m : m.except);

/** The words of a cipher string: operators, compounds (`A+B`) and `@` specials taken apart. */
function wordsOf(cipherString: string): string[] {
  return cipherString
    .split(/[:, ;]+/)
    .filter((part) => part && !part.startsWith('@'))
    .flatMap((part) => part.replace(/^[!+-]/, '').split('+'))
    .filter(Boolean);
}

function runNode(args: string[]) {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return r;
}

// Invariants every OpenSSL target's table keeps (BoringSSL checks the same at compile time:
// ids sorted and unique, every alias and default word resolves).
for (const lib of libraries().filter((l) => l.family === 'openssl')) {
  const name = lib.name;
  describe(`data/${name}.json invariants`, () => {
    const t = opensslTable(lib);
    // Proves suites are stored by ascending id with no id twice (the order compiled targets index by).
    it('has unique suite ids in ascending order and unique names', () => {
      const ids = t.data.suites.map((s) => suiteIdNumber(s.id));
      for (let i = 1; i < ids.length; i++) expect(ids[i]!, t.data.suites[i]!.id).toBeGreaterThan(ids[i - 1]!);
      const names = t.data.suites.map((s) => s.name);
      expect(new Set(names).size).toBe(names.length);
    });
    // Proves every registered alias is a word, and every word of DEFAULT resolves.
    it('resolves every registered alias and every word of its DEFAULT string', () => {
      for (const alias of t.data.aliases) {
        if (!t.unregisteredAliases.has(alias.name)) expect(t.words.has(alias.name), alias.name).toBe(true);
      }
      // LibreSSL's SSL_DEFAULT_CIPHER_LIST still ends `:!SSLv2`, a word its alias table lacks.
      const stale = findLibrary(t.name)!.product === 'LibreSSL' ? ['SSLv2'] : [];
      for (const w of wordsOf(t.data.defaultCipherList)) expect(t.words.has(w) || stale.includes(w), w).toBe(true);
      for (const w of stale) expect(t.words.has(w), w).toBe(false);
    });
    // Proves the prologue names only bits this release defines.
    it('names only known bits in its prologue', () => {
      for (const rule of t.data.prologue) {
        for (const cat of MASK_CATEGORIES) {
          const m = rule[cat];
          if (m === undefined) continue;
          for (const n of namesOf(m))
            expect(Object.keys(t.data.bits[cat] ?? {}), `${rule.op} ${cat} ${n}`).toContain(n);
        }
      }
    });
  });
}

describe('data/openssl-3.0.json', () => {
  // Proves suites are stored by ascending id with no id twice (the order compiled targets index by).
  it('has unique suite ids in ascending order', () => {
    const ids = data.suites.map((s) => suiteIdNumber(s.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i++) expect(ids[i]!, data.suites[i]!.id).toBeGreaterThan(ids[i - 1]!);
  });

  // Proves no two suites share an OpenSSL name (a word names one suite).
  it('has unique suite names', () => {
    const names = data.suites.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });

  // Proves the data lists exactly as many available suites as `openssl ciphers 'ALL:COMPLEMENTOFALL'` on 3.0.
  it('has 155 available suites', () => {
    expect(data.suites.filter((s) => s.available)).toHaveLength(155);
    expect(target.available.filter(Boolean)).toHaveLength(155);
  });

  // Proves every prologue rule can be compiled: each mask names bits the target defines.
  it('names only known bits in the prologue', () => {
    for (const rule of data.prologue) {
      expect(['add', 'ord', 'del', 'bump', 'kill', 'strength']).toContain(rule.op);
      for (const cat of MASK_CATEGORIES) {
        const m = rule[cat];
        if (m === undefined) continue;
        const bits = data.bits[cat];
        expect(bits, `${rule.op} rule uses ${cat}, which the target has no bits for`).toBeDefined();
        for (const n of namesOf(m)) expect(Object.keys(bits!), `${rule.op} rule: ${cat} bit ${n}`).toContain(n);
      }
      if (rule.minTls !== undefined) expect(Object.keys(PROTOCOL_VERSION)).toContain(rule.minTls);
    }
  });

  // Proves each suite's fields and the column layout rebuild the `-v` line the 3.0.20 build printed.
  it('rebuilds every recorded -v description from the suite fields', () => {
    const recorded = new Map(
      [...table.ciphers, ...table.tls13_ciphersuites, ...table.known_by_code_but_not_in_all_complementofall].map(
        (c) => [c.id, c],
      ),
    );
    const suites = [...target.suites, ...data.tls13Suites, ...data.scsvs];
    const lines = formatCiphers(suites, 'v', 'openssl-3.0').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(suites.length);
    suites.forEach((s, i) => {
      const r = recorded.get(s.id);
      expect(r, `${s.name} (${s.id}) is not in the recorded table`).toBeDefined();
      expect(r!.name).toBe(s.name);
      expect(lines[i]!.trimEnd(), s.name).toBe(r!.description);
    });
  });
});

describe('compiled openssl-3.0 target', () => {
  // Proves every alias either resolves to a word of the compiled table or is one the build does not register.
  it('resolves every registered alias to a word', () => {
    for (const alias of data.aliases) {
      const word = target.words.get(alias.name);
      if (target.unregisteredAliases.has(alias.name)) {
        expect(word, `${alias.name} is unregistered yet a word`).toBeUndefined();
      } else {
        expect(word, `${alias.name} does not resolve`).toBeDefined();
        expect(word!.name).toBe(alias.name);
      }
    }
  });

  // Proves the default cipher list only uses words the target knows (ALL, COMPLEMENTOFDEFAULT, eNULL).
  it('resolves every word of the default cipher list', () => {
    const words = wordsOf(data.defaultCipherList);
    expect(words).toEqual(expect.arrayContaining(['ALL', 'COMPLEMENTOFDEFAULT', 'eNULL']));
    for (const w of words) expect(target.words.has(w), `${w} of ${data.defaultCipherList}`).toBe(true);
  });

  // Proves the aliases left out of the word table are exactly those this machine's openssl does not register.
  it('leaves out exactly the aliases the 3.0 build does not register', () => {
    expect([...target.unregisteredAliases].sort()).toEqual([...UNREGISTERED].sort());
  });
});

describe('data/ against its sources and the local build', () => {
  // Proves data/*.json is what scripts/generate-data.js makes from data/source/ today (not stale).
  it('is not stale (generate-data --check)', () => {
    const r = runNode(['scripts/generate-data.js', '--check']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  // Proves data/openssl-3.0.json agrees with this machine's openssl on every checked fact.
  it('data/ matches the local build', () => {
    const r = runNode(['scripts/check-data.js']);
    if (r.status === 2) {
      throw new Error(`scripts/check-data.js needs OpenSSL 3.0.x (apt-get install -y openssl):\n${r.stderr}`);
    }
    expect(r.status, `scripts/check-data.js found differences:\n${r.stdout}${r.stderr}`).toBe(0);
  });
});
