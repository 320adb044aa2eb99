import { describe, expect, it } from 'vitest';
import { negotiate } from '../src/index.js';
import { cipherx } from './helpers/cli.js';
import { loadCorpus, type CorpusRow } from './helpers/corpus.js';

// --strict means the same on every command (README): on negotiate too, our side's string is
// then set as SSL_CTX_set_strict_cipher_list sets it. The row is from the BoringSSL corpus:
// `HIGH:!aNULL:!MD5` is accepted by SSL_CTX_set_cipher_list and refused (INVALID_COMMAND: BoringSSL
// has no MD5 alias) by SSL_CTX_set_strict_cipher_list.
const row = loadCorpus('corpus-boringssl.jsonl').find((r) => r.input === 'HIGH:!aNULL:!MD5')! as CorpusRow & {
  strict_ok: boolean;
};

describe('negotiate in strict mode (the BoringSSL family)', () => {
  it('the recorded row: accepted normally, refused in strict mode', () => {
    expect(row.ok).toBe(true);
    expect(row.strict_ok).toBe(false);
  });

  it('negotiate({ strict }) sets our string as the strict call does', () => {
    const strict = negotiate({ local: row.input, target: 'boringssl', peer: 'java-17', strict: true });
    expect(strict.ok).toBe(false);
    expect(strict.failure?.code).toBe('local-string-rejected');
    expect(strict.local.error?.code).toBe('invalid-command');
    expect(negotiate({ local: row.input, target: 'boringssl', peer: 'java-17' }).local.error).toBeNull();
  });

  it('cipherx negotiate --strict: the string is rejected (exit 1), not an unknown option (exit 2)', () => {
    const r = cipherx(['negotiate', '--target', 'boringssl', '--strict', '--peer', 'java-17', '--json', row.input]);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).failure.code).toBe('local-string-rejected');
    // As on the other commands, --strict is a usage error where the target has no strict mode.
    const o = cipherx(['negotiate', '--target', 'openssl-3.0', '--strict', '--peer', 'java-17', 'HIGH']);
    expect(o.status).toBe(2);
    expect(o.stderr).toContain('--strict applies to --target boringssl');
  });
});
