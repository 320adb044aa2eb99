import { describe, expect, it } from 'vitest';
import { libraryForVersionText } from '../src/library/version-text.js';
import { cipherx } from './helpers/cli.js';

// `--target` takes a version text as `openssl version` prints it and maps it to its line.

describe('version texts', () => {
  // Each row: the text, and the target of its line (null: a line cipherx does not have).
  it.each([
    ['OpenSSL 3.0.13 30 Jan 2024', 'openssl-3.0'],
    ['OpenSSL 1.1.1w  11 Sep 2023', 'openssl-1.1.1'],
    ['OpenSSL 1.0.2k-fips  26 Jan 2017', 'openssl-1.0.2'],
    ['OpenSSL 4.0.2 25 Aug 2026 (Library: OpenSSL 4.0.2 25 Aug 2026)', 'openssl-4.0'],
    ['LibreSSL 3.3.6', 'libressl-3.3'],
    ['LibreSSL 4.3.2', 'libressl-4.3'],
    ['AWS-LC 5.5.0', 'aws-lc'],
    ['OpenSSL 3.2.1 30 Jan 2024', null],
    ['LibreSSL 2.8.3', null],
  ])('%s → %s', (text, target) => {
    const m = libraryForVersionText(text);
    expect(m?.lib?.name ?? null).toBe(target);
  });
  it('other text is no version text', () => {
    expect(libraryForVersionText('openssl-3.0')).toBeNull();
    expect(libraryForVersionText('BoringSSL')).toBeNull();
  });
  // Proves the CLI evaluates as the line, says when the release differs from the recorded one,
  // and refuses a line it does not have with the lines it has.
  it('cipherx --target "OpenSSL 3.0.13 30 Jan 2024"', () => {
    const r = cipherx(['expand', '--target', 'OpenSSL 3.0.13 30 Jan 2024', '--ciphersuites', '', 'AES128-SHA']);
    expect(r.stdout).toBe('AES128-SHA\n');
    expect(r.stderr).toContain(
      'OpenSSL 3.0.13 is evaluated as openssl-3.0, whose tables were recorded from OpenSSL 3.0.20',
    );
    const same = cipherx(['expand', '--target', 'OpenSSL 3.0.20 7 Apr 2026', 'AES128-SHA']);
    expect(same.stderr).toBe('');
    const none = cipherx(['expand', '--target', 'OpenSSL 3.2.1 30 Jan 2024', 'AES128-SHA']);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('there is no OpenSSL 3.2 line');
  });
});
