import { describe, expect, it } from 'vitest';
import { RECORDED_TABLES, readRecordedTable } from './helpers/tables.js';
import { expand } from '../src/index.js';

// Each recorded table holds, for every word of that release's alias table (and DEFAULT,
// ALL, COMPLEMENTOFALL, COMPLEMENTOFDEFAULT), what the word alone gave on the real build:
// accepted or not, and the ordered list. Every word, every OpenSSL target.

describe('every alias alone gives what it gave on the real build', () => {
  for (const [target, file] of RECORDED_TABLES) {
    it(target, () => {
      const table = readRecordedTable<{
        aliases: Record<string, { ok: boolean; ciphers: string[] }>;
        default_list: string[];
      }>(file);
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
