import { describe, expect, it } from 'vitest';
import { expand } from '../src/index.js';
import { errorKind, loadCorpus } from './helpers/corpus.js';

// Every row of the OpenSSL 3.0.20 corpus, recorded through the library API with the TLS 1.3
// list empty. Lists are compared only on accepted rows: after a failed call the corpus records
// the context's leftover list, while expand() returns none.
const rows = loadCorpus('corpus-3.0.20.jsonl');

/** Row 122 is not valid UTF-8: its real bytes are in input_hex. A non-ASCII byte is neither a
 * name character nor a separator, so the character U+0080 stands for the byte 0x80. */
function inputOf(row: (typeof rows)[number]): string {
  if (!row.input_hex) return row.input;
  return Buffer.from(row.input_hex, 'hex').toString('latin1');
}

describe('corpus openssl-3.0 (OpenSSL 3.0.20)', () => {
  it('has the rows it should', () => {
    expect(rows.length).toBe(3365);
  });

  it('agrees on every row: accepted, error kind, ordered suites, security level', () => {
    const mismatches: string[] = [];
    for (const row of rows) {
      const r = expand(inputOf(row), { target: 'openssl-3.0', ciphersuites: '' });
      const want = {
        ok: row.ok,
        error: errorKind(row.error),
        ciphers: row.ok ? row.ciphers : [],
        seclevel: row.seclevel,
      };
      const got = {
        ok: r.ok,
        error: r.error?.code ?? null,
        ciphers: r.ciphers.map((c) => c.name),
        seclevel: r.seclevel,
      };
      if (JSON.stringify(want) !== JSON.stringify(got)) {
        mismatches.push(
          `row ${row.id} ${JSON.stringify(row.input).slice(0, 120)}: want ${JSON.stringify(want).slice(0, 200)} got ${JSON.stringify(got).slice(0, 200)}`,
        );
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(mismatches.length).toBe(0);
  });
});
