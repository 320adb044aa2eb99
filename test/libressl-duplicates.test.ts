import { describe, expect, it } from 'vitest';
import { diff, expand, explain, negotiate } from '../src/index.js';
import { loadCorpus } from './helpers/corpus.js';

// LibreSSL builds its list from the configured TLS 1.3 suites first, then every active suite of
// the string, TLS 1.3 ones included (ssl_create_cipher_list: "Prefer TLSv1.3 cipher suites",
// then the loop over the active ones; no merge), so a TLS 1.3 suite named both ways is listed
// twice. The string's own part is the corpus row (ciphersuites ''): `TLSv1.3` gives
// TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256, TLS_AES_128_GCM_SHA256.
const row = loadCorpus('corpus-libressl-4.3.2.jsonl').find((r) => r.input === 'TLSv1.3')!;
const options = { target: 'libressl-4.3', ciphersuites: 'TLS_AES_128_GCM_SHA256' } as const;

describe('diff of lists that name a suite twice (LibreSSL with a TLS 1.3 list)', () => {
  it('the list holds the suite twice, as LibreSSL builds it', () => {
    expect(expand('TLSv1.3', options).ciphers.map((c) => c.name)).toEqual(['TLS_AES_128_GCM_SHA256', ...row.ciphers]);
  });

  it('a string compared with itself is identical: nothing moved', () => {
    const d = diff({ input: 'TLSv1.3', options }, { input: 'TLSv1.3', options });
    expect(d.identical).toBe(true);
    expect(d.moved).toEqual([]);
    expect(d.unchanged).toBe(3);
  });

  it('suites appended after the TLS 1.3 part are added, and nothing moves', () => {
    const d = diff({ input: 'TLSv1.3', options }, { input: 'TLSv1.3:ECDHE+AESGCM', options });
    expect(d.moved).toEqual([]);
    expect(d.removed).toEqual([]);
    // Positions in the real list: after the four TLS 1.3 entries.
    expect(d.added.map((x) => x.position)).toEqual([4, 5, 6, 7]);
  });
});

describe('explain of a list that names a TLS 1.3 suite twice', () => {
  it('the first entry comes from the ciphersuites list, the second from the element that added it', () => {
    const { origins } = explain('TLSv1.3', options);
    expect(origins.map((o) => [o.name, o.addedBy])).toEqual([
      ['TLS_AES_128_GCM_SHA256', -1],
      ['TLS_AES_256_GCM_SHA384', 0],
      ['TLS_CHACHA20_POLY1305_SHA256', 0],
      ['TLS_AES_128_GCM_SHA256', 0],
    ]);
  });
});

describe('negotiate with a list that names a TLS 1.3 suite twice', () => {
  it('the suite is one suite of those both sides can use', () => {
    const n = negotiate({ local: 'TLSv1.3', peer: 'java-17', ...options });
    expect(n.ok).toBe(true);
    const names = n.shared.map((c) => c.name);
    expect(names).toHaveLength(3);
    expect(new Set(names).size).toBe(3);
  });
});
