import { describe, expect, it } from 'vitest';
import { expand, type TargetName } from '../src/index.js';
import { errorKind, loadCorpus, type CorpusRow } from './helpers/corpus.js';

// Every row of each OpenSSL corpus, recorded through the library API with the TLS 1.3 list
// empty. Lists are compared only on accepted rows: after a failed call the corpus records the
// context's leftover list, while expand() returns none. 3.6.3 printed the same as 3.5.7 on
// every corpus string, so the 3.5.7 corpus checks both.
const CORPORA: Array<[TargetName, string]> = [
  ['openssl-1.0.2', 'corpus-1.0.2u.jsonl'],
  ['openssl-1.1.1', 'corpus-1.1.1w.jsonl'],
  ['openssl-3.0', 'corpus-3.0.20.jsonl'],
  ['openssl-3.5', 'corpus-3.5.7.jsonl'],
  ['openssl-3.6', 'corpus-3.5.7.jsonl'],
  ['openssl-4.0', 'corpus-4.0.2.jsonl'],
];

/** Row 122 is not valid UTF-8: its real bytes are in input_hex. A non-ASCII byte is neither a
 * name character nor a separator, so the character U+0080 stands for the byte 0x80. */
function inputOf(row: CorpusRow): string {
  if (!row.input_hex) return row.input;
  return Buffer.from(row.input_hex, 'hex').toString('latin1');
}

for (const [target, file] of CORPORA) {
  describe(`corpus ${target} (${file})`, () => {
    const rows = loadCorpus(file);

    it('has the rows it should', () => {
      expect(rows.length).toBe(3365);
    });

    it('agrees on every row: accepted, error kind, ordered suites, security level', () => {
      const mismatches: string[] = [];
      for (const row of rows) {
        const r = expand(inputOf(row), { target, ...(target === 'openssl-1.0.2' ? {} : { ciphersuites: '' }) });
        const want = {
          ok: row.ok,
          error: errorKind(row.error),
          ciphers: row.ok ? row.ciphers : [],
          seclevel: row.seclevel ?? null,
        };
        const got = {
          ok: r.ok,
          error: r.error?.code ?? null,
          ciphers: r.ciphers.map((c) => c.name),
          seclevel: r.seclevel,
        };
        if (JSON.stringify(want) !== JSON.stringify(got)) {
          mismatches.push(
            `row ${row.id} ${JSON.stringify(row.input).slice(0, 120)}: want ${JSON.stringify(want).slice(0, 300)} got ${JSON.stringify(got).slice(0, 300)}`,
          );
        }
      }
      expect(mismatches.slice(0, 10)).toEqual([]);
      expect(mismatches.length).toBe(0);
    });

    // `supported` is SSL_get1_supported_ciphers with the default TLS 1.3 list, the build's default
    // security level, its default protocols and no PSK / SRP callback (1.1.1+ corpora only).
    if (target !== 'openssl-1.0.2') {
      it('agrees on every accepted row: the effective offer (-s)', () => {
        const mismatches: string[] = [];
        let checked = 0;
        for (const row of rows) {
          if (!row.ok) continue;
          checked++;
          const got = expand(inputOf(row), { target, supported: true }).supported!.ciphers.map((c) => c.name);
          if (JSON.stringify(got) !== JSON.stringify(row.supported)) {
            mismatches.push(`row ${row.id} ${JSON.stringify(row.input).slice(0, 120)}: got ${JSON.stringify(got)}`);
          }
        }
        expect(checked).toBeGreaterThan(2000);
        expect(mismatches.slice(0, 10)).toEqual([]);
      });
    }
  });
}
