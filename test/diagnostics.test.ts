import { describe, expect, it } from 'vitest';
import { expand } from '../src/index.js';

// The diagnostics expand() reports for what OpenSSL does silently: each code fires where it
// should, with its span, and stays quiet where it should not.
const codes = (input: string, ciphersuites?: string) =>
  expand(input, ciphersuites === undefined ? {} : { ciphersuites }).diagnostics.map((d) => [
    d.code,
    d.span?.start,
    d.span?.end,
  ]);

describe('diagnostics', () => {
  it.each([
    // [input, expected [code, start, end] list]
    ['HIGH:FOO', [['unknown-word', 5, 8]]],
    ['HIGH:aes128', [['unknown-word', 5, 11]]],
    ['HIGH:!RC4', [['unavailable-alias', 6, 9]]], // RC4 needs the legacy provider on 3.0
    ['HIGH:DEFAULT', [['default-not-first', 5, 12]]],
    ['DEFAULT:HIGH', []], // at byte 0 DEFAULT expands
    ['HIGH+FIPS:AES', [['empty-intersection', 0, 9]]],
    ['AES+FOO+HIGH', [['unknown-word', 4, 7]]], // the first unknown word of the compound
    ['HIGH\u0000FOO', [['nul-truncates', 4, 8]]],
    ['HIGH:!aNULL:@STRENGTH', []],
  ])('%j', (input, want) => {
    expect(codes(input)).toEqual(want);
  });

  it('unknown ciphersuite names point into the ciphersuites option', () => {
    const d = expand('HIGH', { ciphersuites: 'TLS_AES_128_GCM_SHA256: FOO' }).diagnostics;
    expect(d).toEqual([
      expect.objectContaining({ code: 'unknown-ciphersuite', source: 'ciphersuites', span: { start: 24, end: 27 } }),
    ]);
  });
});
