import { describe, expect, it } from 'vitest';
import { expand, lint } from '../src/index.js';

// A message says which library ignores a word: the target's own (the fix that named LibreSSL in
// LibreSSL's messages, extended to AWS-LC and to lint's words of other releases). Each word's status
// is from the recorded tables: AWS-LC 5.5.0 has no `FOO` or `EXPORT` alias (table-aws-lc-5.5.0.json);
// LibreSSL 4.3.2 has no `EXPORT`, `kDHE` or `AEAD-AES128-GCM-SHA256`, which OpenSSL 1.0.2 or
// LibreSSL 3.3.6 have (table-libressl-4.3.2.json, table-1.0.2u.json, table-libressl-3.3.6.json).
describe('messages name the library of the target', () => {
  it('aws-lc: an unknown word is ignored by AWS-LC, not BoringSSL', () => {
    const r = expand('AESGCM:FOO:EXPORT', { target: 'aws-lc' });
    const messages = r.diagnostics.filter((d) => d.code === 'unknown-word').map((d) => d.message);
    expect(messages).toHaveLength(2);
    for (const m of messages) {
      expect(m).toContain('AWS-LC ignores the rule');
      expect(m).not.toContain('BoringSSL');
    }
    expect(expand('AESGCM:FOO', { target: 'boringssl' }).diagnostics[0]!.message).toContain(
      'in BoringSSL; BoringSSL ignores the rule',
    );
  });

  it('libressl-4.3: words of other releases are ignored by LibreSSL, not OpenSSL', () => {
    const r = lint('ALL:!EXPORT:!kDHE:AEAD-AES128-GCM-SHA256', { target: 'libressl-4.3' });
    const found = r.diagnostics.filter((d) => d.code === 'not-in-this-release');
    expect(found.map((d) => d.args.word)).toEqual(['EXPORT', 'kDHE', 'AEAD-AES128-GCM-SHA256']);
    for (const d of found) {
      expect(d.message).toContain('here LibreSSL ignores it');
      expect(d.message).not.toContain('OpenSSL ignores');
    }
  });
});
