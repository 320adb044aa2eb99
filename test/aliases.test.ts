import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expand, type TargetName } from '../src/index.js';

// Each recorded table holds, for every word of that release's alias table (and DEFAULT,
// ALL, COMPLEMENTOFALL, COMPLEMENTOFDEFAULT), what the word alone gave on the real build:
// accepted or not, and the ordered list. Every word, every OpenSSL target.
const TABLES: Array<[TargetName, string]> = [
  ['openssl-1.0.2', 'table-1.0.2u.json'],
  ['openssl-1.1.1', 'table-1.1.1w.json'],
  ['openssl-3.0', 'table-3.0.20.json'],
  ['openssl-3.5', 'table-3.5.7.json'],
  ['openssl-3.6', 'table-3.6.3.json'],
];

describe('every alias alone gives what it gave on the real build', () => {
  for (const [target, file] of TABLES) {
    it(target, () => {
      const table = JSON.parse(readFileSync(new URL(`../data/source/tables/${file}`, import.meta.url), 'utf8')) as {
        aliases: Record<string, { ok: boolean; ciphers: string[] }>;
        default_list: string[];
      };
      const opts = target === 'openssl-1.0.2' ? { target } : { target, ciphersuites: '' };
      const got: Record<string, { ok: boolean; ciphers: string[] }> = {};
      const want: Record<string, { ok: boolean; ciphers: string[] }> = {};
      for (const [word, rec] of Object.entries(table.aliases)) {
        const r = expand(word, opts);
        got[word] = { ok: r.ok, ciphers: r.ciphers.map((c) => c.name) };
        want[word] = { ok: rec.ok, ciphers: rec.ok ? rec.ciphers : [] };
      }
      expect(got).toEqual(want);
      expect(Object.keys(want).length).toBeGreaterThan(20);
      expect(expand('DEFAULT', opts).ciphers.map((c) => c.name)).toEqual(table.default_list);
    });
  }
});
