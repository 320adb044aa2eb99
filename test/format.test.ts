import { describe, expect, it } from 'vitest';
import { RECORDED_TABLES, readRecordedTable } from './helpers/tables.js';
import { expand, formatCiphers } from '../src/index.js';

// Each release prints `-v` lines in its own layout (SSL_CIPHER_description changed widths in
// 3.0). The recorded tables hold the real line of every suite, right-trimmed.

interface RecordedSuite {
  name: string;
  description: string;
}

describe('-v lines equal the real SSL_CIPHER_description of each release', () => {
  for (const [target, file] of RECORDED_TABLES) {
    it(target, () => {
      const table = readRecordedTable<{
        ciphers: RecordedSuite[];
        tls13_ciphersuites: RecordedSuite[];
      }>(file);
      const recorded = [...(table.tls13_ciphersuites ?? []), ...table.ciphers];
      const all = expand('ALL:COMPLEMENTOFALL', { target });
      const lines = formatCiphers(all.ciphers, 'v', target).split('\n').slice(0, -1);
      const byName = new Map(all.ciphers.map((c, i) => [c.name, lines[i]!.trimEnd()]));
      for (const s of recorded) if (byName.has(s.name)) expect(byName.get(s.name)).toBe(s.description);
      expect([...byName.keys()].sort()).toEqual(
        recorded
          .map((s) => s.name)
          .filter((n) => byName.has(n))
          .sort(),
      );
      expect(byName.size).toBeGreaterThanOrEqual(table.ciphers.length);
    });
  }

  it('MD5 suites end with a space, as the real output does', () => {
    expect(formatCiphers(expand('NULL-MD5', { ciphersuites: '' }).ciphers, 'v')).toMatch(/Mac=MD5 \n$/);
  });

  it('-stdname: 1.1.1 prints the name unpadded, 3.x pads it to 45 columns', () => {
    const c = expand('AES128-SHA', { ciphersuites: '' }).ciphers;
    expect(formatCiphers(c, 'stdname', 'openssl-1.1.1')).toMatch(
      /^TLS_RSA_WITH_AES_128_CBC_SHA - AES128-SHA {14}SSLv3 /,
    );
    expect(formatCiphers(c, 'stdname', 'openssl-3.0')).toMatch(/^TLS_RSA_WITH_AES_128_CBC_SHA {18}- AES128-SHA /);
  });

  it('1.0.2 has no -stdname output', () => {
    expect(() => formatCiphers([], 'stdname', 'openssl-1.0.2')).toThrow(TypeError);
  });
});
